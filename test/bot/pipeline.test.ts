import type { Update } from 'node-telegram-bot-api/types';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign, fromPromise, setup } from 'xstate';
import { type Conversation, createConversation } from '../../src/bot/conversation.ts';
import type { Flow } from '../../src/bot/flow.ts';
import type { FlowEvent } from '../../src/bot/flow-event.ts';
import { flowServices } from '../../src/bot/flow-services.ts';
import { COMMAND_FLOWS, FLOWS } from '../../src/bot/flows.ts';
import { createPipeline, type Pipeline } from '../../src/bot/pipeline.ts';
import type { Sender } from '../../src/bot/sender.ts';
import { sessionStore } from '../../src/bot/session-store.ts';
import { TelegramProfile } from '../../src/db/entities/index.ts';
import { notProvided } from '../../src/machines/flow-error.ts';
import { uniqueTelegramId } from '../support/accounts.fixtures.ts';
import { useTestDatabase } from '../support/database.ts';

/**
 * A tiny flow for these tests: every text counts one up, except "boom", whose
 * domain actor writes to the database and then fails with a plain Error (a bug).
 */
interface CounterContext {
  count: number;
}
const counterMachine = setup({
  types: { context: {} as CounterContext, events: {} as FlowEvent },
  actors: { explode: fromPromise<void, void>(notProvided('explode')) },
}).createMachine({
  id: 'test-counter',
  initial: 'counting',
  context: { count: 0 },
  on: { CANCEL: '.cancelled' },
  states: {
    counting: {
      on: {
        TEXT: [
          { guard: ({ event }) => event.type === 'TEXT' && event.text === 'boom', target: 'exploding' },
          { actions: assign({ count: ({ context }) => context.count + 1 }) },
        ],
      },
    },
    exploding: { invoke: { src: 'explode' } },
    cancelled: { type: 'final' },
  },
});
const counterFlow: Flow = {
  id: 'test-counter',
  version: 1,
  audience: 'anyone',
  machine: counterMachine.provide({
    actors: {
      explode: fromPromise<void, void>(async () => {
        const { em, domain, telegram } = flowServices();
        await domain.accounts.setLanguage(em, telegram.telegramId, 'en');
        throw new Error('kaboom');
      }),
    },
  }),
  render: (snapshot) => [{ text: `count ${(snapshot.context as CounterContext).count}` }],
  finish: () => null,
};

interface Delivery {
  chatId: number;
  texts: string[];
}

/** A Sender that records replies; `hold(chatId)` keeps the next delivery to that chat waiting. */
function recordingSender() {
  const deliveries: Delivery[] = [];
  const holds = new Map<number, { reached: () => void; released: Promise<void> }>();
  const sender: Sender = {
    async deliver(chatId, reply) {
      const hold = holds.get(chatId);
      if (hold) {
        holds.delete(chatId);
        hold.reached();
        await hold.released;
      }
      deliveries.push({ chatId, texts: reply.messages.map((message) => message.text) });
    },
    async send(chatId, message) {
      deliveries.push({ chatId, texts: [message.text] });
      return true;
    },
  };
  return {
    sender,
    textsTo: (chatId: number) =>
      deliveries.filter((delivery) => delivery.chatId === chatId).flatMap((delivery) => delivery.texts),
    hold(chatId: number) {
      const reached = Promise.withResolvers<void>();
      const released = Promise.withResolvers<void>();
      holds.set(chatId, { reached: reached.resolve, released: released.promise });
      return { reached: reached.promise, release: () => released.resolve() };
    },
  };
}

let nextUpdateId = 1000;
function textUpdate(chatId: number, text: string): Update {
  const updateId = nextUpdateId++;
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 1_790_000_000,
      chat: { id: chatId, type: 'private', first_name: 'Асель' },
      from: { id: chatId, is_bot: false, first_name: 'Асель', language_code: 'ru' },
      text,
    },
  } as Update;
}

/** Rejects when `promise` takes longer than `ms`: a guard against a hang, not a timing assertion. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(what)), ms).unref()),
  ]);
}

describe('the update pipeline', () => {
  const suite = useTestDatabase();
  const recorder = recordingSender();
  const logs: {
    level: number;
    msg: string;
    chatId?: number;
    updateId?: number;
    err?: { message: string };
  }[] = [];
  /** Update ids in the order the conversation started handling them. */
  const started: number[] = [];
  let pipeline: Pipeline;

  beforeAll(() => {
    // The flow registry is a plain object: the test flow is added for this file only.
    FLOWS[counterFlow.id] = counterFlow;
    COMMAND_FLOWS['test_counter'] = counterFlow;
    const real = createConversation(suite.db.domain);
    const conversation: Conversation = {
      handle(input) {
        started.push(input.update.updateId);
        return real.handle(input);
      },
    };
    const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line)) });
    pipeline = createPipeline({
      orm: suite.db.orm,
      domain: suite.db.domain,
      sender: recorder.sender,
      logger,
      conversation,
    });
  });
  afterAll(() => {
    delete FLOWS[counterFlow.id];
    delete COMMAND_FLOWS['test_counter'];
  });

  const handle = (update: Update) => pipeline.handleUpdate(update);

  it('runs the updates of one chat strictly in order, and other chats meanwhile', async () => {
    const chat = uniqueTelegramId();
    const other = uniqueTelegramId();
    await handle(textUpdate(chat, '/test_counter'));

    const held = recorder.hold(chat);
    const first = handle(textUpdate(chat, 'one'));
    await held.reached; // the first update is done but for its reply
    const secondUpdate = textUpdate(chat, 'two');
    const second = handle(secondUpdate);

    try {
      // Another chat is not queued behind it …
      await within(handle(textUpdate(other, '/start')), 10_000, 'the other chat waited for the held one');
      expect(recorder.textsTo(other)).toHaveLength(1);
      // … but the same chat's next update is.
      expect(started).not.toContain(secondUpdate.update_id);
    } finally {
      held.release();
    }
    await Promise.all([first, second]);
    expect(recorder.textsTo(chat)).toEqual(['count 0', 'count 1', 'count 2']);
  });

  it('gives an update delivered twice one effect, also when both arrive at once', async () => {
    const chat = uniqueTelegramId();
    await handle(textUpdate(chat, '/test_counter'));
    const update = textUpdate(chat, 'one');
    await handle(update);
    await handle(update);
    const again = textUpdate(chat, 'two');
    await Promise.all([handle(again), handle(again)]);
    await handle(textUpdate(chat, 'three'));

    expect(recorder.textsTo(chat)).toEqual(['count 0', 'count 1', 'count 2', 'count 3']);
  });

  it('survives a bug in a flow: logged, the person told, the chat state and the data untouched', async () => {
    const chat = uniqueTelegramId();
    await handle(textUpdate(chat, '/test_counter'));
    await handle(textUpdate(chat, 'one'));
    const before = await sessionStore.load(suite.fork(), chat);
    expect(before?.machineId).toBe('test-counter');

    const boom = textUpdate(chat, 'boom');
    await handle(boom);

    expect(recorder.textsTo(chat).at(-1)).toBe('Что-то пошло не так. Попробуйте ещё раз чуть позже.');
    const logged = logs.find((entry) => entry.msg === 'update failed' && entry.chatId === chat);
    expect(logged).toMatchObject({ level: 50, updateId: boom.update_id, err: { message: 'kaboom' } });
    expect(await sessionStore.load(suite.fork(), chat)).toEqual(before);
    // The failed step's own write (the language) was rolled back with it.
    const profile = await suite.fork().findOneOrFail(TelegramProfile, { telegramId: chat });
    expect(profile.language).toBe('ru');

    // The conversation goes on from where it was; the failed update is not run again.
    await handle(boom);
    await handle(textUpdate(chat, 'two'));
    expect(recorder.textsTo(chat).slice(-2)).toEqual([
      'Что-то пошло не так. Попробуйте ещё раз чуть позже.',
      'count 2',
    ]);
  });
});
