import { assign, type MachineContext } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';

/**
 * An `assign` written once for several machines: it sets only `TFields`,
 * which every one of their contexts (`TContext`) has, and is typed for each
 * machine's own context so it can go into that machine's `setup()`. xstate
 * cannot check an assignment to a context that is still a type parameter,
 * so `assigner` is checked against `TFields` and then cast.
 */
export function assignFields<TContext extends TFields, TFields extends MachineContext>(
  assigner: (args: { event: FlowEvent }) => Partial<TFields>,
) {
  return assign<TContext, FlowEvent, undefined, FlowEvent, never>(
    (args) => assigner(args) as Partial<TContext>,
  );
}
