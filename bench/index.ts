import { cpus } from 'node:os';
import { pipelineTarget } from './database.ts';
import {
  type CellResult,
  type LongConversationResult,
  type OpenLoopResult,
  runCell,
  runLongConversation,
  runOpenLoop,
} from './drive.ts';
import { engineTarget } from './engine.ts';
import { MARKERS, REGISTER_LABELS } from './script.ts';
import { runSearchBench, type SearchSizeResult, searchTarget } from './search.ts';
import { ms, pad, padLeft } from './stats.ts';
import type { BenchTarget } from './target.ts';

/**
 * `npm run bench`: the register flow driven in-process through a fake Telegram
 * transport, on the engine alone, the full pipeline on PGlite, and on
 * PostgreSQL when DATABASE_URL is set; then, with DATABASE_URL, search latency
 * at 10,000 and 100,000 listings (bench/search.ts). Prints figures and the
 * issues' targets; asserts nothing. BENCH_SECONDS scales the time spent per
 * measurement of the register flow; BENCH_LAYERS=engine,pglite,postgresql,search
 * picks parts (to profile one).
 */
const CONCURRENCY = [1, 10, 100];
const TARGET_RATE = 1000;
const LONG_WINDOW = 100;
const scale = Number(process.env.BENCH_SECONDS ?? '1');
const layersWanted = process.env.BENCH_LAYERS?.split(',').map((name) => name.trim());
const wanted = (key: string) => !layersWanted || layersWanted.includes(key);

type LayerKey = 'engine' | 'pglite' | 'postgresql';

interface LayerResult {
  key: LayerKey;
  cells: CellResult[];
  open: OpenLoopResult[];
  long: LongConversationResult;
}

function printCellHeader(): void {
  console.log(
    `  closed loop: each chat sends its next update when the reply came\n` +
      `  ${pad('chats', 7)}${padLeft('updates', 9)}${padLeft('updates/s', 11)}${padLeft('p50 ms', 9)}` +
      `${padLeft('p99 ms', 9)}${padLeft('max ms', 9)}   CPU ms/update: node + db + others (machine busy)` +
      `   p50 ms per step: ${REGISTER_LABELS.join(' · ')}`,
  );
}

/** CPU per update of this process, of the database backends and of everything else, and how busy the machine was. */
function cpuText(cell: CellResult): string {
  const { node, database, other, capacity } = cell.cpu;
  const per = (value: number | null) => (value === null ? '?' : ms(value / cell.updates));
  const busy = capacity
    ? ` (${Math.round(((node + (database ?? 0) + (other ?? 0)) / capacity) * 100)} %)`
    : '';
  return `${per(node)} + ${database === null ? '–' : per(database)} + ${per(other)}${busy}`;
}

function printCell(cell: CellResult): void {
  const steps = REGISTER_LABELS.map((label) => ms(cell.stepP50[label]!)).join(' · ');
  console.log(
    `  ${pad(cell.chats, 7)}${padLeft(cell.updates, 9)}${padLeft(Math.round(cell.perSecond), 11)}` +
      `${padLeft(ms(cell.latency.p50), 9)}${padLeft(ms(cell.latency.p99), 9)}${padLeft(ms(cell.latency.max), 9)}` +
      `   ${pad(cpuText(cell), 42)}   ${steps}`,
  );
}

async function measure(
  key: LayerKey,
  open: () => Promise<BenchTarget>,
  seconds: number,
): Promise<LayerResult> {
  const opening = performance.now();
  const target = await open();
  console.log(`\n${target.name}  (ready in ${((performance.now() - opening) / 1000).toFixed(1)} s)`);
  try {
    // Warm-up (JIT, connection pool, the database's caches); not reported.
    await runCell(target, 10, seconds / 2);
    printCellHeader();
    const cells: CellResult[] = [];
    for (const chats of CONCURRENCY) {
      const cell = await runCell(target, chats, seconds);
      cells.push(cell);
      printCell(cell);
    }
    // Open loop at the target rate where the layer can take it (always on PostgreSQL, whose target
    // it is), and at 80 % of the closed-loop throughput where that is lower.
    const capacity = cells.at(-1)!.perSecond;
    const rates = new Set<number>();
    if (capacity >= TARGET_RATE || key === 'postgresql') rates.add(TARGET_RATE);
    if (capacity < TARGET_RATE) rates.add(Math.max(50, Math.floor((capacity * 0.8) / 50) * 50));
    const open: OpenLoopResult[] = [];
    console.log('  open loop: updates arrive at a fixed rate over 100 chats, latency counted from arrival');
    for (const rate of [...rates].sort((a, b) => b - a)) {
      const result = await runOpenLoop(target, 100, rate, seconds);
      open.push(result);
      console.log(
        `  ${padLeft(rate, 5)} updates/s offered for ${seconds} s → ${Math.round(result.perSecond)} updates/s done, ` +
          `p50 ${ms(result.latency.p50)} ms, p99 ${ms(result.latency.p99)} ms, max ${ms(result.latency.max)} ms`,
      );
    }
    const long = await runLongConversation(target, LONG_WINDOW);
    console.log(
      `  long conversation: snapshot ${long.bytesAt10} B after 10 steps, ${long.bytesAt500} B after 500; ` +
        `per update p50 ${ms(long.after10.p50)} ms (p99 ${ms(long.after10.p99)}) over steps 11–${10 + long.window}, ` +
        `${ms(long.after500.p50)} ms (p99 ${ms(long.after500.p99)}) over steps 501–${500 + long.window}`,
    );
    const registered = target.sender.seen.get(MARKERS.registered) ?? 0;
    const failed = target.sender.seen.get(MARKERS.failed) ?? 0;
    const errors = target.errors();
    const total =
      cells.reduce((sum, cell) => sum + cell.updates, 0) + open.reduce((sum, run) => sum + run.updates, 0);
    console.log(
      `  check: ${registered} registrations completed, ${failed} "something went wrong" replies, ` +
        `${errors.count} errors logged, ${total} updates measured`,
    );
    if (errors.first) console.log(`  first error: ${errors.first.slice(0, 400)}`);
    return { key, cells, open, long };
  } finally {
    await target.close();
  }
}

const signed = (ratio: number) => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)} %`;

function printTargets(layers: LayerResult[], search: SearchSizeResult[] | undefined): void {
  console.log('\nTargets');
  const row = (label: string, figure: string, ok: boolean | null) =>
    console.log(`  ${pad(label, 68)}${pad(figure, 32)}${ok === null ? '—' : ok ? 'PASS' : 'MISS'}`);
  const engine = layers.find((layer) => layer.key === 'engine');
  if (engine) {
    const one = engine.cells.find((cell) => cell.chats === 1)!;
    row(
      'engine alone: p50 per update ≤ 0.2 ms (1 chat)',
      `${ms(one.latency.p50)} ms`,
      one.latency.p50 <= 0.2,
    );
    // With many chats on one thread a latency includes the other chats' turns; the cost is wall time / updates.
    for (const cell of engine.cells.filter((c) => c.chats > 1)) {
      const cost = 1000 / cell.perSecond;
      row(
        `engine alone: time per update ≤ 0.2 ms (${cell.chats} chats, wall/updates)`,
        `${ms(cost)} ms`,
        cost <= 0.2,
      );
    }
  }
  const postgres = layers.find((layer) => layer.key === 'postgresql');
  if (postgres) {
    const hundred = postgres.cells.find((cell) => cell.chats === 100)!;
    row(
      'PostgreSQL, 100 chats: ≥ 1,000 updates/s (closed loop)',
      `${Math.round(hundred.perSecond)} updates/s`,
      hundred.perSecond >= 1000,
    );
    const open = postgres.open.find((run) => run.rate === TARGET_RATE)!;
    row(
      `PostgreSQL, 100 chats: p99 ≤ 30 ms (open loop, ${TARGET_RATE}/s offered)`,
      `${ms(open.latency.p99)} ms`,
      open.latency.p99 <= 30,
    );
  } else if (wanted('postgresql')) {
    row('PostgreSQL targets', 'not run (DATABASE_URL unset)', null);
  }
  if (search) {
    const { label, figure, ok } = searchTarget(search);
    row(label, figure, ok);
  } else if (wanted('search')) {
    row('PostgreSQL search target', 'not run (DATABASE_URL unset)', null);
  }
  for (const layer of layers) {
    const { long } = layer;
    const largest = Math.max(long.bytesAt10 ?? 0, long.bytesAt500 ?? 0);
    row(`${layer.key}: snapshot ≤ 4 KB`, `${largest} B`, largest <= 4096);
    const sizeGrowth = (long.bytesAt500 ?? 0) / (long.bytesAt10 ?? 1) - 1;
    row(
      `${layer.key}: snapshot after 500 steps ≤ +10 % of after 10`,
      `${long.bytesAt10} → ${long.bytesAt500} B (${signed(sizeGrowth)})`,
      sizeGrowth <= 0.1,
    );
    const timeGrowth = long.after500.p50 / long.after10.p50 - 1;
    row(
      `${layer.key}: p50 per update after 500 steps ≤ +10 % of after 10`,
      `${ms(long.after10.p50)} → ${ms(long.after500.p50)} ms (${signed(timeGrowth)})`,
      timeGrowth <= 0.1,
    );
  }
}

async function main(): Promise<void> {
  const cpu = cpus();
  console.log(
    'npm run bench: register flow (/start → 📝 Регистрация → phone → email → ✅ Подтвердить), 5 updates per account, ' +
      'a fresh account each time\n' +
      `node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}; in-process, fake Telegram transport`,
  );
  const started = performance.now();
  const layers: LayerResult[] = [];
  if (wanted('engine')) layers.push(await measure('engine', async () => engineTarget(), 2 * scale));
  if (wanted('pglite')) layers.push(await measure('pglite', () => pipelineTarget(), 5 * scale));
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) console.log('\nfull pipeline on PostgreSQL: skipped (set DATABASE_URL to run it)');
  else if (wanted('postgresql')) {
    layers.push(await measure('postgresql', () => pipelineTarget(databaseUrl), 5 * scale));
  }
  let search: SearchSizeResult[] | undefined;
  if (wanted('search')) {
    if (databaseUrl) search = await runSearchBench(databaseUrl);
    else console.log('\nsearch on PostgreSQL: skipped (set DATABASE_URL to run it)');
  }
  printTargets(layers, search);
  console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

await main();
