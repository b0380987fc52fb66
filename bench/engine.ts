import type { Update } from 'node-telegram-bot-api/types';
import { createChatQueue } from '../src/bot/chat-queue.ts';
import { createConversation } from '../src/bot/conversation.ts';
import { type IncomingUpdate, readUpdate } from '../src/bot/input.ts';
import type { StoredSession } from '../src/bot/session-store.ts';
import type { Em } from '../src/db/orm.ts';
import type { Actor } from '../src/domain/actor.ts';
import type { Domain } from '../src/domain/index.ts';
import { MARKERS } from './script.ts';
import type { BenchTarget } from './target.ts';
import { recordingSender } from './telegram.ts';

/**
 * The part of the domain the register flow and the router call, in memory:
 * every phone and email is free, registering links the Telegram user at once.
 */
function fakeDomain() {
  const linked = new Map<number, number>();
  let nextUserId = 1;
  const actorOf = (telegramId: number): Actor | null => {
    const id = linked.get(telegramId);
    return id === undefined ? null : { id, role: 'guest', status: 'active', agencyId: null };
  };
  const domain = {
    accounts: {
      async touchProfile(_em: Em, input: { telegramId: number }) {
        const userId = linked.get(input.telegramId) ?? null;
        const actor = actorOf(input.telegramId);
        return { telegramId: input.telegramId, userId, language: 'ru' as const, botBlocked: false, actor };
      },
      async identify(_em: Em, telegramId: number) {
        return { language: 'ru' as const, actor: actorOf(telegramId) };
      },
      async availability() {
        return { phoneTaken: false, emailTaken: false };
      },
      async register(_em: Em, input: { telegram?: { telegramId: number } }) {
        const userId = nextUserId++;
        if (input.telegram) linked.set(input.telegram.telegramId, userId);
        return { userId, role: 'guest' as const };
      },
    },
    notifications: {
      async unreadCount() {
        return 0;
      },
    },
  };
  // Only the methods above are reachable from the register flow and the router's menu.
  return { domain: domain as unknown as Domain, actorOf };
}

/**
 * The engine alone: `readUpdate` → the conversation router (openFlow / send /
 * render / getPersistedSnapshot) → an in-memory session store holding the
 * snapshot as JSON text, as the database would → the fake sender, one update
 * of a chat at a time (the pipeline's chat queue). No database, no dedupe, no
 * transaction.
 */
export function engineTarget(): BenchTarget {
  const { domain, actorOf } = fakeDomain();
  const conversation = createConversation(domain);
  const sessions = new Map<number, string>();
  const sender = recordingSender(Object.values(MARKERS));
  const em = {} as Em; // the fake domain never touches it
  const queue = createChatQueue();
  async function handleOne(update: IncomingUpdate): Promise<void> {
    const stored = sessions.get(update.chatId);
    const session = stored ? (JSON.parse(stored) as StoredSession) : null;
    const outcome = await conversation.handle({
      em,
      update,
      locale: 'ru',
      actor: actorOf(update.from.id),
      session,
    });
    if (outcome.session === null) sessions.delete(update.chatId);
    else if (outcome.session !== 'keep') {
      const rowVersion = (session?.rowVersion ?? 0) + 1;
      sessions.set(update.chatId, JSON.stringify({ ...outcome.session, rowVersion }));
    }
    await sender.deliver(update.chatId, outcome.reply, { editMessageId: outcome.editMessageId });
  }
  return {
    name: 'engine alone (in-memory sessions, fake domain)',
    sender,
    async handle(raw: Update) {
      const update = readUpdate(raw);
      if (update) await queue.run(update.chatId, () => handleOne(update));
    },
    async snapshotBytes(chatId) {
      const stored = sessions.get(chatId);
      if (!stored) return null;
      return Buffer.byteLength(JSON.stringify((JSON.parse(stored) as StoredSession).snapshot), 'utf8');
    },
    errors: () => ({ count: 0, first: null }),
    async close() {},
  };
}
