import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from './config.ts';

/** How many recent events a page opened late is given first (the actors it missed being created). */
const REPLAY_EVENTS = 500;

/** The Stately inspector's page; it takes events by `postMessage` once it says it is connected. */
const STATELY_INSPECTOR = 'https://stately.ai/inspect';

const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>Daily Rentals · XState inspector</title>
<style>html, body, iframe { margin: 0; width: 100%; height: 100%; border: 0; }</style>
<iframe id="inspector" src="${STATELY_INSPECTOR}"></iframe>
<script>
  // Events wait until the inspector in the frame says it is ready, then flow straight through.
  const frame = document.getElementById('inspector');
  const waiting = [];
  let ready = false;
  addEventListener('message', (message) => {
    if (message.data?.type !== '@statelyai.connected') return;
    ready = true;
    for (const event of waiting.splice(0)) frame.contentWindow.postMessage(event, '*');
  });
  new EventSource('/events').onmessage = (message) => {
    const event = JSON.parse(message.data);
    if (ready) frame.contentWindow.postMessage(event, '*');
    else waiting.push(event);
  };
</script>
`;

export interface InspectorRelay {
  /** The page to open: the Stately inspector fed with this process's events. */
  url: string;
  /** Passes one inspection event (already in the Stately inspector's format) to every open page. */
  send(event: unknown): void;
  /** Ends the pages' streams and closes the server. */
  close(): Promise<void>;
}

const errorsAsJson = (_key: string, value: unknown) =>
  value instanceof Error ? { ...value, name: value.name, message: value.message } : value;

/** JSON of an inspection event, errors as their name, message and fields; null if it cannot be. */
function serialize(event: unknown): string | null {
  try {
    return JSON.stringify(event, errorsAsJson);
  } catch {
    // A circular value: drop what was already written once.
    const seen = new WeakSet<object>();
    try {
      return JSON.stringify(event, (key, value: unknown) => {
        if (value && typeof value === 'object') {
          if (seen.has(value)) return undefined;
          seen.add(value);
        }
        return errorsAsJson(key, value);
      });
    } catch {
      return null;
    }
  }
}

/**
 * The local end of INSPECT=1: an HTTP server on 127.0.0.1 (the events carry
 * chat contents) with the inspector page at `/` and the events as a
 * Server-Sent Events stream at `/events` — which also works offline, e.g.
 * `curl -N http://localhost:8081/events`. Port 0 picks a free port.
 */
export async function startInspectorRelay(port: number): Promise<InspectorRelay> {
  const pages = new Set<ServerResponse>();
  const recent: string[] = [];
  const server = createServer((request, response) => {
    if (request.url === '/events') {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      // A comment line first, so the stream opens before any event happens.
      response.write(': connected\n\n');
      for (const data of recent) response.write(`data: ${data}\n\n`);
      pages.add(response);
      request.on('close', () => pages.delete(response));
      return;
    }
    if (request.url === '/' || request.url === '/index.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      return;
    }
    response.writeHead(404).end();
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening').catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE'
      ? new ConfigError(`INSPECT_PORT ${port} is in use: set INSPECT_PORT to a free port`)
      : error;
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${actualPort}`,
    send(event) {
      const data = serialize(event);
      if (data === null) return;
      recent.push(data);
      if (recent.length > REPLAY_EVENTS) recent.shift();
      for (const page of pages) page.write(`data: ${data}\n\n`);
    },
    async close() {
      for (const page of pages) page.end();
      pages.clear();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
