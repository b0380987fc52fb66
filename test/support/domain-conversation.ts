import type { Flow, FlowServices } from '../../src/bot/flow.ts';
import type { FlowEvent } from '../../src/bot/flow-event.ts';
import { type FlowStep, openFlow } from '../../src/bot/run-flow.ts';
import type { Actor } from '../../src/domain/actor.ts';
import type { SuiteDatabase } from './database.ts';

/** One update of a `domainConversation`: the engine's step (snapshot, persisted state, output). */
export interface DomainConversation<Input> {
  /** Opens the flow with `input` (the first update). */
  start(input?: Input): Promise<FlowStep>;
  /** Delivers one event to the flow where the previous update left it. */
  send(event: FlowEvent): Promise<FlowStep>;
}

/**
 * One conversation of `actor` with `flow` over the real domain, as the
 * pipeline runs it: each update in a transaction of its own, the machine
 * restored from what the previous update persisted. Unlike `DomainChat`, every
 * event is delivered (no check that the screen takes it) and each update
 * answers with the engine's whole step.
 */
export function domainConversation<Input = unknown>(
  database: SuiteDatabase,
  flow: Flow,
  actor: Actor | null,
): DomainConversation<Input> {
  let persisted: Record<string, unknown> | null = null;
  const step = (event: FlowEvent | null, input?: Input): Promise<FlowStep> =>
    database.fork().transactional(async (em) => {
      const services: FlowServices = {
        em,
        domain: database.db.domain,
        actor,
        telegram: { telegramId: 1, chatId: 1, firstName: 'Алия', locale: 'ru' },
      };
      const open = await openFlow(flow, services, persisted, input);
      const result = await open.send(event);
      persisted = result.persisted;
      return result;
    });
  return { start: (input) => step(null, input), send: (event) => step(event) };
}
