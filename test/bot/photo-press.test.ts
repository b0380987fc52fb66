import type { Api } from 'node-telegram-bot-api';
import type { Update } from 'node-telegram-bot-api/types';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign, setup } from 'xstate';
import { encodeCallback } from '../../src/bot/callback-data.ts';
import type { Flow } from '../../src/bot/flow.ts';
import type { FlowEvent } from '../../src/bot/flow-event.ts';
import { COMMAND_FLOWS, FLOWS } from '../../src/bot/flows.ts';
import { createPipeline, type Pipeline } from '../../src/bot/pipeline.ts';
import type { OutgoingMessage } from '../../src/bot/screen.ts';
import { createSender } from '../../src/bot/sender.ts';
import { uniqueTelegramId } from '../support/accounts.fixtures.ts';
import { useTestDatabase } from '../support/database.ts';

/**
 * Pressing an inline button under a photo (a listing card) must not try to
 * editMessageText it — Telegram refuses ("there is no text in the message to
 * edit") — while a press under a text message still edits it in place.
 * The real pipeline and sender run over a Bot API that records its calls.
 */

/** A tiny paged flow: page 1 is a photo card, later pages are text; «Дальше» turns the page. */
const pagesMachine = setup({
  types: { context: {} as { page: number }, events: {} as FlowEvent },
}).createMachine({
  id: 'test-photo-pages',
  initial: 'paging',
  context: { page: 1 },
  on: { CANCEL: '.cancelled' },
  states: {
    paging: {
      on: {
        'cb.page': {
          actions: assign({ page: ({ event }) => (event.type === 'cb.page' ? event.id : 1) }),
        },
      },
    },
    cancelled: { type: 'final' },
  },
});
const pagesFlow: Flow = {
  id: 'test-photo-pages',
  version: 1,
  audience: 'anyone',
  machine: pagesMachine,
  render: (snapshot): OutgoingMessage[] => {
    const { page } = snapshot.context as { page: number };
    const inline = [[{ text: 'Дальше', callback: { action: 'page' as const, id: page + 1 } }]];
    if (page === 1) return [{ text: 'Студия у Байтерека', photo: { fileId: 'AgAD-card' }, inline }];
    return [{ text: `Страница ${page}`, inline }];
  },
  finish: () => null,
};

type Call = { method: string; params: Record<string, unknown> };

/** A Bot API that records every call and answers each with a message of id 900. */
function recordingApi() {
  const calls: Call[] = [];
  const api = new Proxy(
    {},
    {
      get: (_, method: string) => async (params: Record<string, unknown>) => {
        calls.push({ method, params });
        return { message_id: 900, date: 1_790_000_000, chat: { id: params.chat_id, type: 'private' } };
      },
    },
  ) as unknown as Api;
  return { api, calls };
}

let nextUpdateId = 70_000_000;
const chatOf = (chatId: number) => ({ id: chatId, type: 'private' as const, first_name: 'Асель' });
const personOf = (chatId: number) => ({
  id: chatId,
  is_bot: false,
  first_name: 'Асель',
  language_code: 'ru',
});

function commandUpdate(chatId: number, text: string): Update {
  const updateId = nextUpdateId++;
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 1_790_000_000,
      chat: chatOf(chatId),
      from: personOf(chatId),
      text,
      entities: [{ type: 'bot_command', offset: 0, length: text.length }],
    },
  } as Update;
}

/** A press of «Дальше» to `page`, on a message with this content (as Telegram includes it). */
function pressUpdate(chatId: number, page: number, content: Record<string, unknown>): Update {
  const updateId = nextUpdateId++;
  return {
    update_id: updateId,
    callback_query: {
      id: `q${updateId}`,
      from: personOf(chatId),
      chat_instance: 'ci',
      data: encodeCallback({ action: 'page', id: page }),
      message: { message_id: 900, date: 1_790_000_000, chat: chatOf(chatId), ...content },
    },
  } as Update;
}

const photoMessage = {
  photo: [{ file_id: 'AgAD-card', file_unique_id: 'card', width: 800, height: 600 }],
  caption: 'Студия у Байтерека',
};

describe('a press under a photo message', () => {
  const suite = useTestDatabase();
  const { api, calls } = recordingApi();
  const warnings: string[] = [];
  let pipeline: Pipeline;

  beforeAll(() => {
    // The flow registry is a plain object: the test flow is added for this file only.
    FLOWS[pagesFlow.id] = pagesFlow;
    COMMAND_FLOWS['test_photo_pages'] = pagesFlow;
    const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line).msg) });
    pipeline = createPipeline({
      orm: suite.db.orm,
      domain: suite.db.domain,
      sender: createSender(api, logger, async () => {}),
      logger,
    });
  });
  afterAll(() => {
    delete FLOWS[pagesFlow.id];
    delete COMMAND_FLOWS['test_photo_pages'];
  });

  /** The Bot API calls `update` caused. */
  async function callsFor(update: Update): Promise<Call[]> {
    const seen = calls.length;
    await pipeline.handleUpdate(update);
    return calls.slice(seen);
  }

  it('sends the next screen as a new message and makes no editMessageText call', async () => {
    const chat = uniqueTelegramId();
    const opened = await callsFor(commandUpdate(chat, '/test_photo_pages'));
    expect(opened.map((call) => call.method)).toEqual(['sendPhoto']);

    const pressed = await callsFor(pressUpdate(chat, 2, photoMessage));
    expect(pressed.map((call) => call.method)).toEqual(['answerCallbackQuery', 'sendMessage']);
    expect(pressed[1]?.params).toMatchObject({ chat_id: chat, text: 'Страница 2' });
    expect(warnings).toEqual([]);
  });

  it('treats a document, or a message Telegram did not include the text of, like a photo', async () => {
    const chat = uniqueTelegramId();
    await callsFor(commandUpdate(chat, '/test_photo_pages'));
    const document = { document: { file_id: 'BQAD', file_unique_id: 'doc' }, caption: 'Выгрузка' };
    for (const [page, content] of [
      [2, document],
      [3, {}],
    ] as const) {
      const pressed = await callsFor(pressUpdate(chat, page, content));
      expect(pressed.map((call) => call.method)).toEqual(['answerCallbackQuery', 'sendMessage']);
      expect(pressed[1]?.params).toMatchObject({ text: `Страница ${page}` });
    }
  });

  it('still edits a text message in place', async () => {
    const chat = uniqueTelegramId();
    await callsFor(commandUpdate(chat, '/test_photo_pages'));
    await callsFor(pressUpdate(chat, 2, photoMessage));

    const pressed = await callsFor(pressUpdate(chat, 3, { text: 'Страница 2' }));
    expect(pressed.map((call) => call.method)).toEqual(['answerCallbackQuery', 'editMessageText']);
    expect(pressed[1]?.params).toMatchObject({ chat_id: chat, message_id: 900, text: 'Страница 3' });
    expect(warnings).toEqual([]);
  });
});
