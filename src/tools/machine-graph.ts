/**
 * The parts of a flow machine the developer tools talk about: its state nodes
 * and its transition definitions, each with a stable readable name. The
 * diagrams, the exported definitions and the model-coverage report all count
 * with these, so "12 states, 40 transitions" means the same thing everywhere.
 */
import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition, StateValue } from 'xstate';

/** Every state node below the root, parents before children, in definition order. */
export function stateNodesOf(machine: AnyStateMachine): AnyStateNode[] {
  const all: AnyStateNode[] = [];
  const visit = (node: AnyStateNode) => {
    for (const child of Object.values(node.states)) {
      all.push(child);
      visit(child);
    }
  };
  visit(machine.root);
  return all;
}

/**
 * The event a transition answers, as a person reads it: the event type, `always`
 * for an eventless transition, `done` when the state's own final child is
 * reached, and `✓ src` / `✗ src` for the answer of an invoked actor (instead
 * of `xstate.done.actor.0.flow.state`).
 */
export function eventLabel(node: AnyStateNode, eventType: string): string {
  if (eventType === '') return 'always';
  if (eventType === `xstate.done.state.${node.id}`) return 'done';
  for (const invoke of node.invoke) {
    if (eventType === `xstate.done.actor.${invoke.id}`) return `✓ ${actorName(invoke.src)}`;
    if (eventType === `xstate.error.actor.${invoke.id}`) return `✗ ${actorName(invoke.src)}`;
  }
  return eventType;
}

/** The name of an invoked actor: its string `src`, or `inline` for logic written into the config. */
export function actorName(src: unknown): string {
  return typeof src === 'string' ? src : 'inline';
}

/**
 * Every transition definition of the machine with a readable, stable name:
 * `flow.state --EVENT[index]--> flow.target` (`(stay)` for a targetless one),
 * where index counts the candidates for that event in that state, in order.
 */
export function transitionsOf(machine: AnyStateMachine): Map<AnyTransitionDefinition, string> {
  const all = new Map<AnyTransitionDefinition, string>();
  const visit = (node: AnyStateNode) => {
    const lists: [string, readonly AnyTransitionDefinition[]][] = [...node.transitions];
    if (node.always?.length) lists.push(['always', node.always]);
    for (const [eventType, list] of lists) {
      list.forEach((transition, index) => {
        const target = transition.target?.map((t) => t.id).join(',') || '(stay)';
        all.set(transition, `${node.id} --${eventType}[${index}]--> ${target}`);
      });
    }
    for (const child of Object.values(node.states)) visit(child);
  };
  visit(machine.root);
  return all;
}

/** The state value meaning "`node` is active": `'a'`, or `{ a: 'b' }` for a nested node. */
export function stateValueOf(node: AnyStateNode): StateValue {
  const value = node.path.reduceRight<StateValue | null>(
    (inner, key) => (inner === null ? key : { [key]: inner }),
    null,
  );
  if (value === null) throw new Error('the root has no state value of its own');
  return value;
}
