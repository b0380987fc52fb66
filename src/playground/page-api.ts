import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { LocalBotApi } from './bot-api.ts';
import { BotApiError } from './bot-api-error.ts';
import type { Chat, ChatEvent } from './chats.ts';
import { sendJson, toWebRequest } from './http-bridge.ts';
import { readOutbox } from './outbox.ts';
import { type Personas, type ResolvedPersona, UnknownPersona } from './personas.ts';

export interface PageApiDeps {
  botApi: LocalBotApi;
  personas: Personas;
  outboxDir: string;
  logger: Logger;
}

/** Telegram's limit for a photo a person sends. */
const PHOTO_LIMIT_BYTES = 10 * 1024 * 1024;

/** A JSON body of the page, at most 64 KB. */
async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request) {
    text += chunk;
    if (text.length > 65_536) throw new BotApiError(413, 'request too large');
  }
  const body: unknown = text ? JSON.parse(text) : {};
  if (!body || typeof body !== 'object') throw new BotApiError(400, 'expected a JSON object');
  return body as Record<string, unknown>;
}

/**
 * The page's JSON API: who you can be, your chat (as a stream of events),
 * what you do in it (text, a reply button is text too, a contact, a photo, an
 * inline button), and the mail panel. Every chat route names its person
 * (`/api/chats/<persona>/…`), so tabs can be different people at once.
 */
export function createPageApi({ botApi, personas, outboxDir, logger }: PageApiDeps) {
  const mailListeners = new Set<() => void>();

  /** The persona and their chat (opened on first use; a demo account is linked on first use). */
  async function chatOf(key: string): Promise<{ persona: ResolvedPersona; chat: Chat }> {
    const persona = await personas.resolve(key);
    return { persona, chat: botApi.chats.open(persona.user) };
  }

  /** A server-sent event stream: the chat as it is, then every change, and a nudge when mail arrives. */
  function stream(response: ServerResponse, chat: Chat): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    const send = (event: ChatEvent | { type: string }) =>
      response.write(`data: ${JSON.stringify(event)}\n\n`);
    send({ type: 'snapshot', ...botApi.chats.snapshot(chat) });
    const unsubscribe = botApi.chats.subscribe(chat, send);
    const onMail = () => send({ type: 'mail' });
    mailListeners.add(onMail);
    // Proxies and browsers drop a silent stream; a comment line keeps it open.
    const ping = setInterval(() => response.write(': ping\n\n'), 20_000);
    response.once('close', () => {
      unsubscribe();
      mailListeners.delete(onMail);
      clearInterval(ping);
    });
  }

  async function route(request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> {
    const method = request.method ?? 'GET';
    if (path === '/api/personas' && method === 'GET') {
      sendJson(response, 200, { personas: await personas.choices() });
      return true;
    }
    if (path === '/api/personas' && method === 'POST') {
      const person = await personas.create();
      sendJson(response, 200, { key: person.key });
      return true;
    }
    if (path === '/api/mail' && method === 'GET') {
      sendJson(response, 200, { emails: await readOutbox(outboxDir) });
      return true;
    }
    const match = /^\/api\/chats\/([a-z0-9-]{1,32})(?:\/([a-z]+))?$/.exec(path);
    if (!match) return false;
    const [, key, action] = match;
    const { persona, chat } = await chatOf(key!);
    const { user } = persona;
    if (!action && method === 'GET') {
      sendJson(response, 200, {
        persona: { key: persona.key, name: user.first_name, phone: persona.phone, telegramId: user.id },
        bot: { name: botApi.bot.first_name, username: botApi.bot.username },
        commands: botApi.commandsFor(user.language_code),
      });
    } else if (action === 'events' && method === 'GET') {
      stream(response, chat);
    } else if (action === 'text' && method === 'POST') {
      const { text } = await readJson(request);
      if (typeof text !== 'string') throw new BotApiError(400, 'text expected');
      sendJson(response, 200, { message: botApi.person.sendText(user, text) });
    } else if (action === 'contact' && method === 'POST') {
      sendJson(response, 200, { message: botApi.person.sendContact(user, persona.phone) });
    } else if (action === 'press' && method === 'POST') {
      const { messageId, data } = await readJson(request);
      if (typeof messageId !== 'number' || typeof data !== 'string') {
        throw new BotApiError(400, 'messageId and data expected');
      }
      sendJson(response, 200, { queryId: botApi.person.press(user, messageId, data) });
    } else if (action === 'photo' && method === 'POST') {
      if (Number(request.headers['content-length'] ?? 0) > PHOTO_LIMIT_BYTES) {
        throw new BotApiError(413, 'the photo is larger than 10 MB');
      }
      const photo = (await toWebRequest(request, response).formData()).get('photo');
      if (!photo || typeof photo === 'string') throw new BotApiError(400, 'a photo file expected');
      const bytes = new Uint8Array(await photo.arrayBuffer());
      const file = { bytes, filename: photo.name, contentType: photo.type || 'application/octet-stream' };
      sendJson(response, 200, { message: await botApi.person.sendPhoto(user, file) });
    } else {
      return false;
    }
    return true;
  }

  return {
    /** Answers a page API request; false when the path is not one of its routes. */
    async handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> {
      try {
        return await route(request, response, path);
      } catch (error) {
        if (error instanceof UnknownPersona) sendJson(response, 404, { error: error.message });
        else if (error instanceof BotApiError) sendJson(response, error.errorCode, { error: error.message });
        else if (error instanceof SyntaxError) sendJson(response, 400, { error: 'invalid JSON' });
        else {
          logger.error({ err: error, path }, 'playground request failed');
          sendJson(response, 500, { error: 'internal error' });
        }
        return true;
      }
    },

    /** Tells every open page that the outbox changed. */
    mailArrived(): void {
      for (const listener of mailListeners) listener();
    },
  };
}
