/**
 * `npm run test:flows`: runs the model-based tests (the `*.model.test.ts` files)
 * with coverage recording on, merges what they covered per machine into
 * `coverage/flows/<id>.json`, and prints states and transitions covered per
 * machine. Exits non-zero when the tests fail, when a machine in
 * src/machines has no model test, or when one is below 100%.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FLOW_COVERAGE_DIR_ENV, type FlowCoverage, mergeCoverage, missed } from './flow-coverage.ts';
import { loadMachines, PROJECT_ROOT } from './machine-files.ts';

/** Where the merged report goes (coverage/ is not committed). */
export const FLOW_COVERAGE_DIR = join(PROJECT_ROOT, 'coverage', 'flows');

/** The vitest filter that selects the model-based tests. */
const MODEL_TESTS = '.model.test.ts';

interface Row {
  id: string;
  coverage: FlowCoverage | null;
}

const percent = (covered: number, total: number) =>
  total === 0 ? '100%' : `${Math.floor((covered / total) * 1000) / 10}%`;

const complete = (coverage: FlowCoverage) =>
  missed(coverage.states).length === 0 && missed(coverage.transitions).length === 0;

/** The table and, under it, what each machine below 100% missed. */
export function formatCoverage(rows: Row[]): string {
  const cells = rows.map(({ id, coverage }) => {
    if (!coverage) return [id, '—', '', '—', '', 'no model test'];
    const { states, transitions } = coverage;
    return [
      id,
      `${states.covered.length}/${states.all.length}`,
      percent(states.covered.length, states.all.length),
      `${transitions.covered.length}/${transitions.all.length}`,
      percent(transitions.covered.length, transitions.all.length),
      complete(coverage) ? 'ok' : 'BELOW 100%',
    ];
  });
  const header = ['machine', 'states', '%', 'transitions', '%', ''];
  const widths = header.map((_, column) =>
    Math.max(...[header, ...cells].map((row) => [...(row[column] ?? '')].length)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd();
  const out = [line(header), ...cells.map(line)];
  for (const { id, coverage } of rows) {
    if (!coverage || complete(coverage)) continue;
    out.push('', `${id} missed:`);
    for (const state of missed(coverage.states)) out.push(`  state ${state}`);
    for (const transition of missed(coverage.transitions)) out.push(`  transition ${transition}`);
  }
  return out.join('\n');
}

/** Merges the per-process records in `dir` into one `<id>.json` per machine, against the machines now. */
export async function collectCoverage(dir = FLOW_COVERAGE_DIR): Promise<Row[]> {
  const machines = await loadMachines();
  const files = readdirSync(dir);
  return machines.map(({ id, machine }) => {
    const runs = files
      .filter((name) => name.startsWith(`${id}.`) && /^\d+\.json$/.test(name.slice(id.length + 1)))
      .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as FlowCoverage);
    if (runs.length === 0) return { id, coverage: null };
    const coverage = mergeCoverage(machine, runs);
    writeFileSync(join(dir, `${id}.json`), `${JSON.stringify(coverage, null, 2)}\n`);
    return { id, coverage };
  });
}

if (import.meta.main) {
  rmSync(FLOW_COVERAGE_DIR, { recursive: true, force: true });
  mkdirSync(FLOW_COVERAGE_DIR, { recursive: true });
  const vitest = join(PROJECT_ROOT, 'node_modules', 'vitest', 'vitest.mjs');
  const run = spawnSync(process.execPath, [vitest, 'run', MODEL_TESTS], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    env: { ...process.env, [FLOW_COVERAGE_DIR_ENV]: FLOW_COVERAGE_DIR },
  });
  const rows = await collectCoverage();
  console.log(`\nModel-based coverage per machine (coverage/flows/<id>.json):\n\n${formatCoverage(rows)}`);
  const short = rows.filter(({ coverage }) => !coverage || !complete(coverage)).map(({ id }) => id);
  if (short.length > 0) console.log(`\nBelow the bar (every state and transition): ${short.join(', ')}`);
  if (run.status !== 0) console.log('\nThe model tests failed (see above).');
  process.exitCode = run.status === 0 && short.length === 0 ? 0 : 1;
}
