/**
 * What a finished flow may pass the conversation on to: the flow to start next
 * and its input (e.g. registration hands back to the listing the guest wanted
 * to book). Plain JSON, so it can wait in a persisted context.
 */
export interface Handoff {
  flow: string;
  input?: unknown;
}

/** The input of flows that can resume another one when they succeed. */
export interface ResumableInput {
  resume?: Handoff | null;
}
