import { type AnyStateMachine, createMachine } from 'xstate';

/**
 * The machine as it starts with `context` (what its input would give). The
 * model's traversal and driver (test/support/flows.ts) start machines without
 * input; a flow that is only ever handed over to, with an input it needs,
 * is modelled from the context that input makes.
 */
export function startingWith(machine: AnyStateMachine, context: object): AnyStateMachine {
  // biome-ignore lint/suspicious/noExplicitAny: a copy of any machine's config; its types are the machine's own.
  const config = machine.config as any;
  return createMachine({ ...config, context: () => structuredClone(context) }, machine.implementations);
}
