import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { Em } from '../db/orm.ts';
import type { Actor } from '../domain/actor.ts';
import type { Domain } from '../domain/index.ts';
import type { Locale, Messages } from './i18n/index.ts';
import type { OutgoingMessage } from './screen.ts';

/** What a flow's domain actors may use while handling one update. */
export interface FlowServices {
  /** The update's transaction: domain writes commit together with the session. */
  em: Em;
  domain: Domain;
  actor: Actor | null;
  telegram: { telegramId: number; chatId: number; firstName: string; locale: Locale };
}

export interface ViewContext {
  t: Messages;
  locale: Locale;
}

/**
 * A conversation: one XState machine (src/machines) plus its view. Adding a
 * flow is one machine file, one view file and a line in `flows.ts`.
 */
export interface Flow {
  id: string;
  /** Bumped when a change makes old persisted snapshots unusable. */
  version: number;
  /** Who may start it. */
  audience: 'anonymous' | 'account' | 'anyone';
  /**
   * The machine with its real domain actors, built once. Actors get the
   * update's `FlowServices` from `flowServices()` (src/bot/flow-services.ts).
   */
  machine: AnyStateMachine;
  /** The messages of a waiting (non-final) state. Pure. */
  render(snapshot: AnyMachineSnapshot, view: ViewContext): OutgoingMessage[];
  /**
   * Whether text answered in this state is secret (a password): the person's
   * message is deleted from the chat once read. Absent: nothing is secret.
   */
  sensitive?(snapshot: AnyMachineSnapshot): boolean;
  /** The line shown above the main menu when the flow ends with `output`; null for none. */
  finish(output: unknown, view: ViewContext): string | null;
  /**
   * Messages the flow leaves behind when it ends with `output`, sent before the
   * main menu (or the flow it hands over to): e.g. a file it made, which then
   * never sits in the persisted session. Absent: none.
   */
  closing?(output: unknown, view: ViewContext): OutgoingMessage[];
}
