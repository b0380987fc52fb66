import type { CallbackAction } from './callback-data.ts';

/** The events every flow machine may receive, translated from Telegram input. */
export type FlowEvent =
  | { type: 'TEXT'; text: string }
  | { type: 'CONTACT'; phone: string; own: boolean }
  /** A photo the person sent: the file id of its largest size. */
  | { type: 'PHOTO'; fileId: string }
  | { type: 'CANCEL' }
  | { type: 'BACK' }
  | { type: 'SKIP' }
  | { type: 'CONFIRM' }
  | { type: 'EDIT' }
  | { type: 'RETRY' }
  | { type: `cb.${CallbackAction}`; id: number; arg?: string };
