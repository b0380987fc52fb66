import { type CpuSplit, startCpu } from './cpu.ts';
import { longConversationStep, REGISTER_LABELS, registerSteps } from './script.ts';
import { type Summary, summarize } from './stats.ts';
import type { BenchTarget } from './target.ts';
import { type BenchUser, newUser, textUpdate } from './telegram.ts';

export interface CellResult {
  chats: number;
  updates: number;
  seconds: number;
  perSecond: number;
  latency: Summary;
  /** Where the machine's CPU went meanwhile. */
  cpu: CpuSplit;
  /** p50 ms of each step of the register flow. */
  stepP50: Record<string, number>;
}

/**
 * `chats` people register at the same time, each sending its next update when
 * the reply to the previous one arrived (a closed loop, as a person does), each
 * with a fresh account after finishing, until `seconds` have passed. Latency is
 * the time from handing the update over to its reply reaching the sender.
 */
export async function runCell(target: BenchTarget, chats: number, seconds: number): Promise<CellResult> {
  const latencies: number[] = [];
  const byStep = new Map<string, number[]>(REGISTER_LABELS.map((label) => [label, []]));
  const stopCpu = await startCpu(target.databaseCpu);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const lane = async () => {
    while (performance.now() < deadline) {
      const user = newUser();
      for (const step of registerSteps(user)) {
        const update = textUpdate(user, step.text);
        const before = performance.now();
        await target.handle(update);
        const took = performance.now() - before;
        latencies.push(took);
        byStep.get(step.label)!.push(took);
      }
    }
  };
  await Promise.all(Array.from({ length: chats }, lane));
  const elapsed = (performance.now() - started) / 1000;
  const cpu = await stopCpu();
  return {
    chats,
    updates: latencies.length,
    seconds: elapsed,
    perSecond: latencies.length / elapsed,
    latency: summarize(latencies),
    cpu,
    stepP50: Object.fromEntries([...byStep].map(([label, samples]) => [label, summarize(samples).p50])),
  };
}

export interface OpenLoopResult {
  chats: number;
  /** Updates per second offered. */
  rate: number;
  updates: number;
  /** Updates per second completed, from the first arrival to the last reply. */
  perSecond: number;
  /** From the update's scheduled arrival to its reply (waiting in the chat's queue included). */
  latency: Summary;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Updates arrive at a fixed `rate`, round-robin over `chats` people
 * registering, whether or not earlier replies came back (as Telegram delivers
 * them); a chat's updates still run one after another. Latency counts from the
 * scheduled arrival, so a backlog shows up in it instead of slowing the
 * arrivals down.
 */
export async function runOpenLoop(
  target: BenchTarget,
  chats: number,
  rate: number,
  seconds: number,
): Promise<OpenLoopResult> {
  const lanes = Array.from({ length: chats }, () => ({ user: newUser(), step: 0 }));
  const latencies: number[] = [];
  const inFlight: Promise<void>[] = [];
  const total = Math.round(rate * seconds);
  const started = performance.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
    for (; sent < due; sent++) {
      const lane = lanes[sent % chats]!;
      const steps = registerSteps(lane.user);
      const update = textUpdate(lane.user, steps[lane.step]!.text);
      lane.step++;
      if (lane.step === steps.length) lanes[sent % chats] = { user: newUser(), step: 0 };
      const scheduled = started + (sent * 1000) / rate;
      inFlight.push(target.handle(update).then(() => void latencies.push(performance.now() - scheduled)));
    }
    await sleep(1);
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  return { chats, rate, updates: total, perSecond: total / elapsed, latency: summarize(latencies) };
}

export interface LongConversationResult {
  /** Persisted snapshot bytes after step 10 and after step 500. */
  bytesAt10: number | null;
  bytesAt500: number | null;
  /** Per-update time of the `window` steps after step 10 and after step 500. */
  after10: Summary;
  after500: Summary;
  window: number;
}

/**
 * One long conversation against one short one. Chat B is driven 500 steps and
 * chat A 10; then they take turns, one step each, for `window` steps, so the
 * two samples (A after 10 steps, B after 500) see the same warm-up, GC and
 * database state, and differ only in the conversation's length.
 */
export async function runLongConversation(
  target: BenchTarget,
  window: number,
): Promise<LongConversationResult> {
  const short = newUser();
  const long = newUser();
  const step = async (user: BenchUser, n: number) => {
    const update = textUpdate(user, longConversationStep(user, n).text);
    const before = performance.now();
    await target.handle(update);
    return performance.now() - before;
  };
  for (let n = 1; n <= 500; n++) await step(long, n);
  for (let n = 1; n <= 10; n++) await step(short, n);
  const bytesAt10 = await target.snapshotBytes(short.id);
  const bytesAt500 = await target.snapshotBytes(long.id);
  const after10: number[] = [];
  const after500: number[] = [];
  for (let k = 1; k <= window; k++) {
    after10.push(await step(short, 10 + k));
    after500.push(await step(long, 500 + k));
  }
  return { bytesAt10, bytesAt500, after10: summarize(after10), after500: summarize(after500), window };
}
