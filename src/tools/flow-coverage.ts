/**
 * Model-based coverage of a flow machine: which of its states and transitions
 * the model tests' paths reached and took, out of all the machine defines.
 * The model driver (test/support/flows.ts) records it while the tests run;
 * `npm run test:flows` (src/tools/test-flows.ts) merges and prints it.
 */
import type { AnyMachineSnapshot, AnyStateMachine, AnyTransitionDefinition } from 'xstate';
import { stateNodesOf, stateValueOf, transitionsOf } from './machine-graph.ts';

/** The environment variable naming the folder the model tests record coverage into (unset: none). */
export const FLOW_COVERAGE_DIR_ENV = 'FLOW_COVERAGE_DIR';

export interface CoveredItems {
  /** Everything the machine defines, by name, in definition order. */
  all: string[];
  covered: string[];
}

/** The JSON written per machine: states by id (`flow.state`), transitions by `transitionsOf` name. */
export interface FlowCoverage {
  id: string;
  states: CoveredItems;
  transitions: CoveredItems;
}

/** What `snapshots` (every state a run reached) and `taken` (every transition it took) cover of `machine`. */
export function coverageOf(
  machine: AnyStateMachine,
  snapshots: Iterable<AnyMachineSnapshot>,
  taken: ReadonlySet<AnyTransitionDefinition>,
): FlowCoverage {
  const reached = [...snapshots];
  const nodes = stateNodesOf(machine);
  const transitions = [...transitionsOf(machine)];
  return {
    id: machine.id,
    states: {
      all: nodes.map((node) => node.id),
      covered: nodes
        .filter((node) => reached.some((snapshot) => snapshot.matches(stateValueOf(node) as never)))
        .map((node) => node.id),
    },
    transitions: {
      all: transitions.map(([, name]) => name),
      covered: transitions.filter(([transition]) => taken.has(transition)).map(([, name]) => name),
    },
  };
}

/**
 * Several runs' coverage of `machine` as one, against what the machine
 * defines now: covered is the union of the runs' covered names it still has.
 */
export function mergeCoverage(machine: AnyStateMachine, runs: FlowCoverage[]): FlowCoverage {
  const now = coverageOf(machine, [], new Set());
  const merge = (pick: (coverage: FlowCoverage) => CoveredItems): CoveredItems => {
    const covered = new Set(runs.flatMap((run) => pick(run).covered));
    return { all: pick(now).all, covered: pick(now).all.filter((name) => covered.has(name)) };
  };
  return { id: machine.id, states: merge((c) => c.states), transitions: merge((c) => c.transitions) };
}

/** What of `items` is not covered. */
export const missed = (items: CoveredItems) => items.all.filter((name) => !items.covered.includes(name));
