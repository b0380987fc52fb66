import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/**
 * The web `Request` for a node:http request, so handlers can use the
 * standard body readers (`formData()` parses multipart uploads). Its signal
 * aborts when the client goes away (a long poll the bot gave up on).
 */
export function toWebRequest(request: IncomingMessage, response: ServerResponse): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
    headers.append(request.rawHeaders[i]!, request.rawHeaders[i + 1]!);
  }
  const gone = new AbortController();
  response.once('close', () => gone.abort());
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return new Request(`http://${request.headers.host ?? 'localhost'}${request.url ?? '/'}`, {
    method: request.method ?? 'GET',
    headers,
    signal: gone.signal,
    ...(hasBody ? { body: Readable.toWeb(request) as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit);
}

/** Writes a web `Response` to a node:http response. */
export async function sendWebResponse(webResponse: Response, response: ServerResponse): Promise<void> {
  const body = Buffer.from(await webResponse.arrayBuffer());
  response.writeHead(webResponse.status, Object.fromEntries(webResponse.headers));
  response.end(body);
}

/** A JSON answer. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(text);
}
