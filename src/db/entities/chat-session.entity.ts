import { defineEntity, p } from '@mikro-orm/core';

export const ChatSessionSchema = defineEntity({
  name: 'ChatSession',
  tableName: 'chat_session',
  properties: {
    chatId: p.bigint('number').primary().autoincrement(false),
    machineId: p.string().length(64),
    machineVersion: p.integer(),
    /** The machine's persisted snapshot (plain JSON). */
    snapshot: p.json<Record<string, unknown>>(),
    /** Incremented on every write; writes are conditional on it (optimistic concurrency). */
    rowVersion: p.integer().default(1),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

/** The conversation state of one chat. */
export class ChatSession extends ChatSessionSchema.class {}
ChatSessionSchema.setClass(ChatSession);
