import type { Update } from 'node-telegram-bot-api/types';
import type { Logger } from 'pino';
import type { Em, Orm } from '../db/orm.ts';
import type { Actor } from '../domain/actor.ts';
import type { Domain } from '../domain/index.ts';
import { createChatQueue } from './chat-queue.ts';
import { type Conversation, type ConversationOutcome, createConversation } from './conversation.ts';
import type { FlowInspect } from './flow-inspection.ts';
import { type Locale, messagesFor } from './i18n/index.ts';
import { type IncomingUpdate, readUpdate } from './input.ts';
import type { Sender } from './sender.ts';
import { claimUpdate, markUpdateProcessed, type StoredSession, sessionStore } from './session-store.ts';

/** One new (not duplicate) update as the conversation is about to see it. */
export interface ObservedUpdate {
  /** The update's transaction (read only, please). */
  em: Em;
  raw: Update;
  update: IncomingUpdate;
  /** The chat's session before this update: which flow and state the input answers. */
  session: StoredSession | null;
  locale: Locale;
  actor: Actor | null;
}

/**
 * Sees every new update before it is handled (the recorder of src/replay).
 * Must not throw: its failure would fail the update.
 */
export interface UpdateObserver {
  observe(observed: ObservedUpdate): Promise<void>;
}

export interface PipelineDeps {
  orm: Orm;
  domain: Domain;
  sender: Sender;
  logger: Logger;
  conversation?: Conversation;
  /** Optional: sees each new update with the chat's state (e.g. records it for replay). */
  observer?: UpdateObserver;
  /** Optional: shows every flow actor to the XState inspector (INSPECT=1). */
  inspect?: FlowInspect;
}

/**
 * update → per-chat serial queue → one transaction: dedupe by update_id and
 * the session (row-locked) in one statement, profile, actor, flow step with its domain writes,
 * versioned session write → commit → send the reply. An unexpected error
 * rolls the whole update back, is logged with chat and update ids, and the
 * person is told something went wrong.
 */
export function createPipeline(deps: PipelineDeps) {
  const { orm, domain, sender, logger } = deps;
  const conversation = deps.conversation ?? createConversation(domain, { inspect: deps.inspect });
  const queue = createChatQueue();

  async function process(update: IncomingUpdate, raw: Update): Promise<void> {
    const log = logger.child({ chatId: update.chatId, updateId: update.updateId });
    const callbackQueryId = update.input.kind === 'callback' ? update.input.queryId : undefined;
    let result: ConversationOutcome | null;
    try {
      result = await orm.em.fork().transactional(async (em) => {
        const claimed = await claimUpdate(em, update.updateId, update.chatId);
        if (!claimed) return null;
        const { session } = claimed;
        const profile = await domain.accounts.touchProfile(em, {
          telegramId: update.from.id,
          chatId: update.chatId,
          username: update.from.username ?? undefined,
          firstName: update.from.firstName,
          languageCode: update.from.languageCode,
        });
        await deps.observer?.observe({
          em,
          raw,
          update,
          session,
          locale: profile.language,
          actor: profile.actor,
        });
        const outcome = await conversation.handle({
          em,
          update,
          locale: profile.language,
          actor: profile.actor,
          session,
        });
        if (outcome.session !== 'keep') await sessionStore.save(em, update.chatId, session, outcome.session);
        return outcome;
      });
    } catch (error) {
      log.error({ err: error }, 'update failed');
      await failed(update, log);
      return;
    }
    if (!result) {
      log.debug('duplicate update ignored');
      return;
    }
    try {
      await sender.deliver(update.chatId, result.reply, {
        callbackQueryId,
        editMessageId: result.editMessageId,
      });
    } catch (error) {
      log.error({ err: error }, 'reply could not be delivered');
    }
  }

  /** The error boundary: the update counts as handled (no retry loop), the person hears about it. */
  async function failed(update: IncomingUpdate, log: Logger): Promise<void> {
    try {
      const em = orm.em.fork();
      await markUpdateProcessed(em, update.updateId);
      const profile = await domain.accounts.touchProfile(em, {
        telegramId: update.from.id,
        chatId: update.chatId,
      });
      const text = messagesFor(profile.language).common.somethingWentWrong;
      await sender.deliver(
        update.chatId,
        { messages: [{ text }], callbackAnswer: { text } },
        { callbackQueryId: update.input.kind === 'callback' ? update.input.queryId : undefined },
      );
    } catch (error) {
      log.error({ err: error }, 'could not report the failure to the person');
    }
  }

  return {
    /** Handles one Telegram update; resolves when its reply is sent. Never throws. */
    async handleUpdate(raw: Update): Promise<void> {
      const update = readUpdate(raw);
      if (!update) return;
      await queue.run(update.chatId, () => process(update, raw));
    },
    /** Resolves when every update in flight is done. */
    idle: () => queue.idle(),
  };
}

export type Pipeline = ReturnType<typeof createPipeline>;
