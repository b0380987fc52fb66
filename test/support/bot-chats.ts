import type { Pipeline } from '../../src/bot/pipeline.ts';
import type { User } from '../../src/db/entities/index.ts';
import type { Em } from '../../src/db/orm.ts';
import { type SuiteDatabase, useTestDatabase } from './database.ts';
import { ChatWithBot, type Delivery, linkTelegram, recordingPipeline } from './pipeline-harness.ts';

/** What `useBotChats` gives a describe block. */
export interface BotChats {
  /** The block's own database (see `useTestDatabase`). */
  suite: SuiteDatabase;
  /** Links a Telegram profile to `user` (with `em`) and opens their private chat with the bot. */
  chatAs(em: Em, user: User): Promise<ChatWithBot>;
}

/**
 * Gives the calling describe block a database of its own and the real update
 * pipeline over it (session, flows, domain; no Telegram), every reply
 * recorded: the setting of the view tests that talk to the bot as people do.
 * Call it first in the block; open chats in a `beforeAll` or a test.
 */
export function useBotChats(): BotChats {
  const suite = useTestDatabase();
  const deliveries: Delivery[] = [];
  let pipeline: Pipeline | undefined;
  return {
    suite,
    async chatAs(em, user) {
      pipeline ??= recordingPipeline(suite.db, deliveries);
      return new ChatWithBot(pipeline, deliveries, await linkTelegram(em, user));
    },
  };
}
