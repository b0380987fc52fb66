import { createServer, type IncomingMessage, type Server } from 'node:http';
import { safeEqual } from 'node-telegram-bot-api';
import type { Update } from 'node-telegram-bot-api/types';
import type { Logger } from 'pino';

export const WEBHOOK_PATH = '/telegram/webhook';
const MAX_BODY_BYTES = 1_000_000;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The HTTP server of webhook mode: POST WEBHOOK_PATH with Telegram's secret
 * token header (anything else → 401, nothing changes), GET /healthz.
 * Answers 200 once the update is handled, so Telegram redelivers on a crash.
 */
export function createWebhookServer(options: {
  secret: string;
  handle: (update: Update) => Promise<void>;
  logger: Logger;
}): Server {
  return createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'GET' && url.pathname === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    if (url.pathname !== WEBHOOK_PATH || request.method !== 'POST') {
      response.writeHead(404).end();
      return;
    }
    const token = request.headers['x-telegram-bot-api-secret-token'];
    if (typeof token !== 'string' || !safeEqual(token, options.secret)) {
      response.writeHead(401).end();
      return;
    }
    try {
      const update = JSON.parse(await readBody(request)) as Update;
      if (typeof update?.update_id !== 'number') {
        response.writeHead(400).end();
        return;
      }
      await options.handle(update);
      response.writeHead(200).end();
    } catch (error) {
      options.logger.error({ err: error }, 'webhook request failed');
      response.writeHead(500).end();
    }
  });
}
