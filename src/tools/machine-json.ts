/**
 * A flow machine's definition as JSON in the shape of an XState machine
 * config: states, `on` transitions, `invoke` with `onDone`/`onError`, final
 * states, and the names of guards, actions and actors (implementations
 * written inline into the config show as `inline`). Targets are absolute
 * (`#flow.state`). Keys come in a fixed order and states in definition order,
 * so the output only changes when the machine does. Wrapped in
 * `createMachine(…)` it can be pasted into the Stately editor.
 */
import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition } from 'xstate';
import { actorName } from './machine-graph.ts';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The machine's definition as a config-shaped JSON object. */
export function machineJson(machine: AnyStateMachine): { [key: string]: Json } {
  return nodeJson(machine.root, true);
}

function nodeJson(node: AnyStateNode, isRoot = false): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  if (isRoot) out.id = node.id;
  if (node.description) out.description = node.description;
  if (node.type === 'final' || node.type === 'parallel' || node.type === 'history') out.type = node.type;
  if (node.type === 'compound') {
    const initial = node.initial?.target?.[0];
    if (initial) out.initial = initial.key;
  }
  if (node.tags.length > 0) out.tags = [...node.tags];
  if (node.entry.length > 0) out.entry = node.entry.map(actionJson);
  if (node.exit.length > 0) out.exit = node.exit.map(actionJson);

  const answers = new Set<string>();
  if (node.invoke.length > 0) {
    const invokes = node.invoke.map((invoke, index) => {
      const done = `xstate.done.actor.${invoke.id}`;
      const error = `xstate.error.actor.${invoke.id}`;
      answers.add(done).add(error);
      const entry: { [key: string]: Json } = { src: actorName(invoke.src) };
      // XState names an invocation `<index>.<state id>` unless the config names it.
      if (invoke.id !== `${index}.${node.id}`) entry.id = invoke.id;
      const onDone = node.transitions.get(done);
      const onError = node.transitions.get(error);
      if (onDone) entry.onDone = onDone.map(transitionJson);
      if (onError) entry.onError = onError.map(transitionJson);
      return entry;
    });
    out.invoke = invokes.length === 1 ? invokes[0]! : invokes;
  }

  const on: { [key: string]: Json } = {};
  const after: { [key: string]: Json } = {};
  for (const [eventType, list] of node.transitions) {
    if (answers.has(eventType)) continue;
    // XState names a delayed transition's event `xstate.after.<delay>.<state id>`.
    const afterSuffix = `.${node.id}`;
    if (eventType.startsWith('xstate.after.') && eventType.endsWith(afterSuffix)) {
      after[eventType.slice('xstate.after.'.length, -afterSuffix.length)] = list.map(transitionJson);
    } else {
      on[eventType] = list.map(transitionJson);
    }
  }
  if (Object.keys(on).length > 0) out.on = on;
  if (Object.keys(after).length > 0) out.after = after;
  if (node.always?.length) out.always = node.always.map(transitionJson);

  const children = Object.values(node.states);
  if (children.length > 0) {
    const states: { [key: string]: Json } = {};
    for (const child of children) states[child.key] = nodeJson(child);
    out.states = states;
  }
  return out;
}

function transitionJson(transition: AnyTransitionDefinition): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  const targets = transition.target?.map((target) => `#${target.id}`) ?? [];
  if (targets.length > 0) out.target = targets.length === 1 ? targets[0]! : targets;
  if (transition.guard !== undefined) out.guard = guardJson(transition.guard);
  if (transition.actions.length > 0) out.actions = transition.actions.map(actionJson);
  if (transition.reenter) out.reenter = true;
  if (transition.description) out.description = transition.description;
  return out;
}

/** A guard by name: `isEmail`, `{ type, params }`, `not(isEmail)`, `and(a, b)`, or `inline`. */
export function guardName(guard: unknown): string {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    const combined = guard as { guards?: unknown[]; stateValue?: unknown };
    if (Array.isArray(combined.guards)) return `${guard.name}(${combined.guards.map(guardName).join(', ')})`;
    if (combined.stateValue !== undefined) return `stateIn(${JSON.stringify(combined.stateValue)})`;
    return 'inline';
  }
  if (guard && typeof guard === 'object' && 'type' in guard) return guardName(guard.type);
  return 'inline';
}

function guardJson(guard: unknown): Json {
  if (guard && typeof guard === 'object' && 'type' in guard && 'params' in guard) {
    return { type: guardName(guard.type), params: plainJson(guard.params) };
  }
  return guardName(guard);
}

/** An action by name: `rememberEmail`, a built-in's type (`xstate.assign`), or `inline`. */
function actionName(action: unknown): string {
  if (typeof action === 'string') return action;
  if (typeof action === 'function') {
    const type = (action as { type?: unknown }).type;
    return typeof type === 'string' ? type : 'inline';
  }
  if (action && typeof action === 'object' && 'type' in action) return actionName(action.type);
  return 'inline';
}

function actionJson(action: unknown): Json {
  if (action && typeof action === 'object' && 'type' in action && 'params' in action) {
    return { type: actionName(action.type), params: plainJson(action.params) };
  }
  return actionName(action);
}

/** Data as JSON, with functions (dynamic params) shown as `inline`. */
function plainJson(value: unknown): Json {
  if (typeof value === 'function') return 'inline';
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(plainJson);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plainJson(inner)]));
  }
  return value as Json;
}
