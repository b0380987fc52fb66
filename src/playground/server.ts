import { type FSWatcher, mkdirSync, watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { isBotApiPath, type LocalBotApi } from './bot-api.ts';
import { sendJson, sendWebResponse, toWebRequest } from './http-bridge.ts';
import { createPageApi } from './page-api.ts';
import type { Personas } from './personas.ts';

export interface PlaygroundServerDeps {
  botApi: LocalBotApi;
  personas: Personas;
  /** The folder the app writes mail to when SMTP_URL is unset (DATA_DIR/outbox). */
  outboxDir: string;
  logger: Logger;
}

/** The page: plain files, no build step. */
const STATIC_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};
const PUBLIC_DIR = new URL('./public/', import.meta.url);

/**
 * The playground's one HTTP server: the chat page (`/`), its JSON API and
 * event streams (`/api/…`), the files sent in chats (`/files/<file_id>`), and
 * the Bot API the bot itself polls (`/bot<token>/<method>`).
 */
export function createPlaygroundServer({ botApi, personas, outboxDir, logger }: PlaygroundServerDeps) {
  const pageApi = createPageApi({ botApi, personas, outboxDir, logger });

  async function serveFile(response: ServerResponse, fileId: string, download: boolean): Promise<void> {
    const [meta, bytes] = await Promise.all([botApi.files.describe(fileId), botApi.files.read(fileId)]);
    if (!meta || !bytes) {
      sendJson(response, 404, { error: 'no such file' });
      return;
    }
    const disposition = `${download ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(meta.filename)}`;
    response.writeHead(200, {
      'content-type': meta.contentType,
      'content-length': bytes.byteLength,
      'content-disposition': disposition,
      // A file id always names the same bytes.
      'cache-control': 'private, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    response.end(bytes);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://playground');
    if (isBotApiPath(url.pathname)) {
      await sendWebResponse(await botApi.handle(toWebRequest(request, response)), response);
      return;
    }
    const page = STATIC_FILES[url.pathname];
    if (page && request.method === 'GET') {
      const body = await readFile(new URL(page.file, PUBLIC_DIR));
      response.writeHead(200, { 'content-type': page.type, 'cache-control': 'no-cache' });
      response.end(body);
      return;
    }
    const file = /^\/files\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
    if (file && request.method === 'GET') {
      await serveFile(response, file[1]!, url.searchParams.has('download'));
      return;
    }
    if (url.pathname === '/healthz') {
      sendJson(response, 200, { ok: true });
      return;
    }
    if (await pageApi.handle(request, response, url.pathname)) return;
    sendJson(response, 404, { error: 'not found' });
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      logger.error({ err: error, url: request.url }, 'playground request failed');
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
      else response.end();
    });
  });

  // The mail panel refreshes when the outbox changes.
  mkdirSync(outboxDir, { recursive: true });
  let watcher: FSWatcher | null = null;
  let nudge: NodeJS.Timeout | null = null;
  try {
    watcher = watch(outboxDir, () => {
      nudge ??= setTimeout(() => {
        nudge = null;
        pageApi.mailArrived();
      }, 100);
    });
  } catch (error) {
    logger.warn({ err: error }, 'cannot watch the outbox; the mail panel refreshes when opened');
  }

  return {
    server,
    /** Stops listening and drops the open connections (event streams, the bot's long poll). */
    async close(): Promise<void> {
      watcher?.close();
      if (nudge) clearTimeout(nudge);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
