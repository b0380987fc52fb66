import type { InspectionEvent } from 'xstate';
import type { Flow } from './flow.ts';

/** Receives the inspection events of the flows' actors (XState's `inspect` option); see src/inspector.ts. */
export type FlowInspect = (event: InspectionEvent) => void;

const REDACTED = '[secret]';

/**
 * The actor options that show one update's flow actor to an inspector: the
 * actor is named after the flow and the chat (the bot makes a new actor per
 * update, so the name is what ties a chat's steps together in the inspector),
 * and text typed in a state the flow marks sensitive (a password) reaches the
 * inspector as `[secret]`, as it never stays in the chat either.
 */
export function inspectionOptions(
  flow: Flow,
  chatId: number,
  inspect: FlowInspect,
  secretNow: () => boolean,
): { id: string; inspect: FlowInspect } {
  return {
    id: `${flow.id} · chat ${chatId}`,
    inspect(event) {
      const sent = 'event' in event ? event.event : undefined;
      if (sent?.type === 'TEXT' && secretNow()) {
        inspect({ ...event, event: { ...sent, text: REDACTED } } as InspectionEvent);
        return;
      }
      inspect(event);
    },
  };
}
