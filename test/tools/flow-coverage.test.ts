import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type AnyTransitionDefinition,
  createActor,
  type InspectionEvent,
} from 'xstate';
import { registerMachine } from '../../src/machines/register.machine.ts';
import { coverageOf, FLOW_COVERAGE_DIR_ENV, mergeCoverage, missed } from '../../src/tools/flow-coverage.ts';
import { formatCoverage } from '../../src/tools/test-flows.ts';
import { recordFlowCoverage } from '../support/flow-coverage.ts';

/** Runs register through `events` (no domain call answers: it stops where one would start). */
function run(events: { type: string; [key: string]: unknown }[]) {
  const taken = new Set<AnyTransitionDefinition>();
  const snapshots: AnyMachineSnapshot[] = [];
  const machine: AnyStateMachine = registerMachine;
  const actor = createActor(machine, {
    inspect: (event: InspectionEvent) => {
      if (event.type !== '@xstate.microstep') return;
      for (const transition of (event as { _transitions?: AnyTransitionDefinition[] })._transitions ?? [])
        taken.add(transition);
    },
  });
  actor.subscribe((snapshot) => snapshots.push(snapshot));
  actor.start();
  for (const event of events) actor.send(event as never);
  actor.stop();
  return { snapshots, taken };
}

describe('model coverage', () => {
  const bad = run([{ type: 'TEXT', text: '12345' }, { type: 'CANCEL' }]);

  it('counts the states reached and the transitions taken, against all the machine defines', () => {
    const coverage = coverageOf(registerMachine, bad.snapshots, bad.taken);
    expect(coverage.states.all).toHaveLength(9);
    expect(coverage.states.covered).toEqual(['register.askPhone', 'register.cancelled']);
    expect(coverage.transitions.all).toHaveLength(23);
    expect(coverage.transitions.covered).toEqual([
      'register --CANCEL[0]--> register.cancelled',
      'register.askPhone --TEXT[1]--> (stay)',
    ]);
    expect(missed(coverage.states)).toContain('register.summary');
  });

  it('merges runs: covered by any run counts', () => {
    const good = run([{ type: 'TEXT', text: '+7 701 123 45 67' }]);
    const merged = mergeCoverage(registerMachine, [
      coverageOf(registerMachine, bad.snapshots, bad.taken),
      coverageOf(registerMachine, good.snapshots, good.taken),
    ]);
    expect(merged.states.covered).toEqual([
      'register.askPhone',
      'register.checkingPhone',
      'register.cancelled',
    ]);
    expect(merged.transitions.covered).toContain('register.askPhone --TEXT[0]--> register.checkingPhone');
    expect(merged.transitions.covered).toContain('register.askPhone --TEXT[1]--> (stay)');
  });

  it('prints a row per machine, flags what is below 100% or untested, and lists what was missed', () => {
    const partial = coverageOf(registerMachine, bad.snapshots, bad.taken);
    const complete = {
      id: 'language',
      states: { all: ['language.ask', 'language.done'], covered: ['language.ask', 'language.done'] },
      transitions: {
        all: ['language.ask --TEXT[0]--> language.done'],
        covered: ['language.ask --TEXT[0]--> language.done'],
      },
    };
    const text = formatCoverage([
      { id: 'language', coverage: complete },
      { id: 'register', coverage: partial },
      { id: 'users', coverage: null },
    ]);
    const [header, language, register, users] = text.split('\n');
    expect(header?.split(/\s+/)).toEqual(['machine', 'states', '%', 'transitions', '%']);
    expect(language?.split(/\s+/)).toEqual(['language', '2/2', '100%', '1/1', '100%', 'ok']);
    expect(register?.split(/\s+/)).toEqual(['register', '2/9', '22.2%', '2/23', '8.6%', 'BELOW', '100%']);
    expect(users).toMatch(/^users\s.*no model test$/);
    expect(text).toContain('register missed:\n  state register.checkingPhone');
    expect(text).toContain('  transition register.summary --CONFIRM[0]--> register.submitting');
  });
});

describe('recording coverage from the model tests', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flow-coverage-'));
  afterEach(() => {
    delete process.env[FLOW_COVERAGE_DIR_ENV];
  });

  it('writes nothing unless FLOW_COVERAGE_DIR is set, then merges the runs of this process into one file', () => {
    const bad = run([{ type: 'TEXT', text: '12345' }]);
    const good = run([{ type: 'TEXT', text: '+7 701 123 45 67' }]);
    recordFlowCoverage(registerMachine, bad.snapshots, bad.taken);
    expect(readdirSync(dir)).toEqual([]);

    process.env[FLOW_COVERAGE_DIR_ENV] = dir;
    recordFlowCoverage(registerMachine, bad.snapshots, bad.taken);
    recordFlowCoverage(registerMachine, good.snapshots, good.taken);
    expect(readdirSync(dir)).toEqual([`register.${process.pid}.json`]);
    const recorded = JSON.parse(readFileSync(join(dir, `register.${process.pid}.json`), 'utf8'));
    expect(recorded.states.covered).toEqual(['register.askPhone', 'register.checkingPhone']);
    rmSync(dir, { recursive: true, force: true });
  });
});
