import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'node-telegram-bot-api/types';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWebhookServer, WEBHOOK_PATH } from '../../src/bot/webhook-server.ts';

const SECRET = 'webhook-secret-0123456789';
const UPDATE = {
  update_id: 4242,
  message: {
    message_id: 7,
    date: 1_790_000_000,
    chat: { id: 501, type: 'private', first_name: 'Асель' },
    from: { id: 501, is_bot: false, first_name: 'Асель' },
    text: '/start',
  },
} as Update;

describe('the webhook server', () => {
  let server: Server;
  let base: string;
  const handled: Update[] = [];

  beforeAll(async () => {
    server = createWebhookServer({
      secret: SECRET,
      handle: async (update) => {
        handled.push(update);
      },
      logger: pino({ level: 'silent' }),
    });
    // Port 0: the system picks a free one.
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    handled.length = 0;
  });

  const post = (headers: Record<string, string>, body: unknown = UPDATE) =>
    fetch(`${base}${WEBHOOK_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('answers GET /healthz with 200', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('refuses an update without the secret token header with 401 and does not handle it', async () => {
    const response = await post({});
    expect(response.status).toBe(401);
    expect(handled).toEqual([]);
  });

  it('refuses an update with a wrong secret token with 401 and does not handle it', async () => {
    for (const token of ['wrong', `${SECRET}x`, SECRET.slice(0, -1), '']) {
      const response = await post({ 'x-telegram-bot-api-secret-token': token });
      expect(response.status).toBe(401);
    }
    expect(handled).toEqual([]);
  });

  it('handles an update with the right secret token and answers 200', async () => {
    const response = await post({ 'x-telegram-bot-api-secret-token': SECRET });
    expect(response.status).toBe(200);
    expect(handled).toEqual([UPDATE]);
  });

  it('refuses a body that is not an update with 400, other paths with 404', async () => {
    const notAnUpdate = await post({ 'x-telegram-bot-api-secret-token': SECRET }, { hello: 'world' });
    expect(notAnUpdate.status).toBe(400);
    const elsewhere = await fetch(`${base}/somewhere`, { method: 'POST' });
    expect(elsewhere.status).toBe(404);
    expect(handled).toEqual([]);
  });
});
