import { type AnyMachineSnapshot, createActor, waitFor } from 'xstate';
import type { Flow, FlowServices } from './flow.ts';
import type { FlowEvent } from './flow-event.ts';
import { type FlowInspect, inspectionOptions } from './flow-inspection.ts';
import { withFlowServices } from './flow-services.ts';

/** How long a step may wait for its domain calls. */
const STEP_TIMEOUT_MS = 30_000;

export interface FlowStep {
  snapshot: AnyMachineSnapshot;
  /** JSON to persist; null once the flow reached a final state. */
  persisted: Record<string, unknown> | null;
  /** The final state's output, once done. */
  output: unknown;
}

export interface OpenFlow {
  /** Where the flow stands before the event. */
  current: AnyMachineSnapshot;
  /** Delivers `event` (or nothing, to just start), waits for the domain calls, reports. */
  send(event: FlowEvent | null): Promise<FlowStep>;
}

export interface OpenFlowOptions {
  /** Shows the flow's actor to the XState inspector (INSPECT=1). */
  inspect?: FlowInspect;
}

type Children = Record<string, { getSnapshot(): { status: string } } | undefined>;

const settled = (snapshot: AnyMachineSnapshot) =>
  snapshot.status !== 'active' ||
  Object.values(snapshot.children as Children).every((child) => child?.getSnapshot().status !== 'active');

/**
 * Restores a flow's machine from its persisted snapshot (or starts it fresh).
 * A machine that errored (a bug, not a domain refusal) throws, so the update
 * rolls back and reaches the error boundary.
 */
export async function openFlow(
  flow: Flow,
  services: FlowServices,
  persisted: Record<string, unknown> | null,
  input?: unknown,
  options: OpenFlowOptions = {},
): Promise<OpenFlow> {
  const start = persisted ? { snapshot: persisted as never } : { input };
  /** Whether the event being handled was typed in a sensitive state (its text is not shown to the inspector). */
  let secret = false;
  // Inspection (INSPECT=1) only: the usual path creates the actor exactly as before.
  const inspected = options.inspect
    ? inspectionOptions(flow, services.telegram.chatId, options.inspect, () => secret)
    : null;
  const actor = createActor(flow.machine, inspected ? { ...start, ...inspected } : start);
  actor.subscribe({ error: () => {} });
  withFlowServices(services, () => actor.start());
  const report = async (): Promise<FlowStep> => {
    try {
      const snapshot = await waitFor(actor, settled, { timeout: STEP_TIMEOUT_MS });
      if (snapshot.status === 'error') throw snapshot.error;
      const done = snapshot.status === 'done';
      return {
        snapshot,
        persisted: done ? null : (actor.getPersistedSnapshot() as Record<string, unknown>),
        output: done ? snapshot.output : undefined,
      };
    } finally {
      actor.stop();
    }
  };
  return {
    current: actor.getSnapshot(),
    async send(event) {
      if (event && inspected) secret = Boolean(flow.sensitive?.(actor.getSnapshot()));
      if (event) withFlowServices(services, () => actor.send(event));
      return report();
    },
  };
}

/** Whether the flow's current state accepts `event` (a stale button is not). */
export function accepts(snapshot: AnyMachineSnapshot, event: FlowEvent): boolean {
  return snapshot.status === 'active' && snapshot.can(event);
}
