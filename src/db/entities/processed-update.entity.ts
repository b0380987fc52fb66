import { defineEntity, p } from '@mikro-orm/core';

export const ProcessedUpdateSchema = defineEntity({
  name: 'ProcessedUpdate',
  tableName: 'processed_update',
  properties: {
    updateId: p.bigint('number').primary().autoincrement(false),
    processedAt: p
      .datetime()
      .onCreate(() => new Date())
      .index('processed_update_processed_at_idx'),
  },
});

/** A Telegram update already handled; a redelivery of it is ignored. */
export class ProcessedUpdate extends ProcessedUpdateSchema.class {}
ProcessedUpdateSchema.setClass(ProcessedUpdate);
