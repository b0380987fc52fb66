/**
 * Records what a model run covered of its machine, for `npm run test:flows`.
 * Only when FLOW_COVERAGE_DIR is set (the report script sets it): a plain
 * `npm test` writes nothing. Each test process writes its own file per
 * machine (`<id>.<pid>.json`, merged with its earlier runs), so parallel
 * test files never write the same file; the report merges them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyMachineSnapshot, AnyStateMachine, AnyTransitionDefinition } from 'xstate';
import {
  coverageOf,
  FLOW_COVERAGE_DIR_ENV,
  type FlowCoverage,
  mergeCoverage,
} from '../../src/tools/flow-coverage.ts';

/** Adds a run's reached snapshots and taken transitions to this process's record of `machine`. */
export function recordFlowCoverage(
  machine: AnyStateMachine,
  snapshots: Iterable<AnyMachineSnapshot>,
  taken: ReadonlySet<AnyTransitionDefinition>,
): void {
  const dir = process.env[FLOW_COVERAGE_DIR_ENV];
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${machine.id}.${process.pid}.json`);
  const runs = [coverageOf(machine, snapshots, taken)];
  if (existsSync(path)) runs.push(JSON.parse(readFileSync(path, 'utf8')) as FlowCoverage);
  writeFileSync(path, `${JSON.stringify(mergeCoverage(machine, runs), null, 2)}\n`);
}
