/**
 * Helpers for the pure tests of flow machines: scripted domain actors, the
 * model (every reachable state and transition from `xstate/graph`), and a
 * driver that runs the real machine the way the bot does — one actor per
 * update, restored from the JSON of the previous step's persisted snapshot.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Actor,
  type AnyEventObject,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type AnyTransitionDefinition,
  createActor,
  fromPromise,
  getInitialSnapshot,
  getNextSnapshot,
  type InspectionEvent,
  type PromiseActorLogic,
  waitFor,
} from 'xstate';
import {
  type AdjacencyMap,
  getAdjacencyMap,
  getShortestPaths,
  type Step,
  serializeSnapshot,
} from 'xstate/graph';
import { encodeCallback } from '../../src/bot/callback-data.ts';
import type { Flow, ViewContext } from '../../src/bot/flow.ts';
import type { FlowEvent } from '../../src/bot/flow-event.ts';
import { LOCALES, type Locale, messagesFor } from '../../src/bot/i18n/index.ts';
import type { OutgoingMessage } from '../../src/bot/screen.ts';
import { transitionsOf } from '../../src/tools/machine-graph.ts';
import { recordFlowCoverage } from './flow-coverage.ts';

export const view = (locale: Locale): ViewContext => ({ t: messagesFor(locale), locale });

// ---------------------------------------------------------------- actor events

/** The id XState gives the first (only) invocation of a top-level state. */
export const invokeId = (machine: AnyStateMachine, state: string) => `0.${machine.id}.${state}`;

/** The event a domain actor of `state` sends when it resolves with `output`. */
export function doneEvent(machine: AnyStateMachine, state: string, output: unknown): AnyEventObject {
  const actorId = invokeId(machine, state);
  return { type: `xstate.done.actor.${actorId}`, output, actorId };
}

/** The event a domain actor of `state` sends when it rejects with `error` (a DomainError). */
export function errorEvent(machine: AnyStateMachine, state: string, error: Error): AnyEventObject {
  const actorId = invokeId(machine, state);
  return { type: `xstate.error.actor.${actorId}`, error, actorId };
}

export const isActorEvent = (event: AnyEventObject) => event.type.startsWith('xstate.');

// ---------------------------------------------------------------- scripted actors

type Outcome = { output: unknown } | { error: unknown };

/**
 * Fake domain actors: each call takes the next scripted outcome (resolve with
 * an output or reject with a real DomainError). A call with nothing scripted
 * stays pending, like a domain call still under way.
 */
export class ActorScript {
  readonly calls: { src: string; input: unknown }[] = [];
  private readonly queue: Outcome[] = [];

  resolve(output: unknown): this {
    this.queue.push({ output });
    return this;
  }

  reject(error: Error): this {
    this.queue.push({ error });
    return this;
  }

  /** Scripts what a done/error actor event of the model says. */
  follow(event: AnyEventObject): void {
    if (event.type.startsWith('xstate.done.actor.')) this.resolve(event.output);
    else this.queue.push({ error: event.error });
  }

  /** The inputs `src` was called with, oldest first. */
  inputsOf(src: string): unknown[] {
    return this.calls.filter((call) => call.src === src).map((call) => call.input);
  }

  promise<TOutput, TInput>(src: string): PromiseActorLogic<TOutput, TInput> {
    return fromPromise<TOutput, TInput>(({ input }) => {
      this.calls.push({ src, input });
      const next = this.queue.shift();
      if (!next) return new Promise<never>(() => {});
      return 'error' in next ? Promise.reject(next.error) : Promise.resolve(next.output as TOutput);
    });
  }
}

// ---------------------------------------------------------------- snapshots

/** A snapshot as the bot keeps it between updates: no child is still running. */
export const settled = (snapshot: AnyMachineSnapshot) =>
  snapshot.status !== 'active' ||
  Object.values(snapshot.children as Record<string, { getSnapshot(): { status: string } } | undefined>).every(
    (child) => child?.getSnapshot().status !== 'active',
  );

/** What a step is compared by: the state, the context, the status. */
export const essence = (snapshot: AnyMachineSnapshot) => ({
  value: snapshot.value,
  context: snapshot.context,
  status: snapshot.status,
});

/** The top-level state node a (flat) machine's snapshot is in. */
export function stateName(snapshot: AnyMachineSnapshot): string {
  if (typeof snapshot.value !== 'string') throw new Error('flow machines are flat');
  return snapshot.value;
}

const invokes = (machine: AnyStateMachine, snapshot: AnyMachineSnapshot) =>
  (machine.root.states[stateName(snapshot)]?.invoke.length ?? 0) > 0;

/** Every transition definition of the machine, with the name the coverage report uses too. */
export { transitionsOf };

// ---------------------------------------------------------------- the model

export interface ModelPath {
  description: string;
  steps: Step<AnyMachineSnapshot, AnyEventObject>[];
}

/**
 * The model of a flow machine over a finite set of events: every reachable
 * (state, context) and, for every edge between them, the shortest path from
 * the start that ends with that edge. In a state that waits for a domain call
 * only that call's answers are offered, as in the bot (an update is handled
 * only once the previous one's domain calls finished).
 */
export function modelPaths(
  machine: AnyStateMachine,
  events: AnyEventObject[],
  options: {
    /**
     * Tells snapshots apart (default: the whole state and context). A coarser key
     * keeps a machine with a large context finite: the model then goes breadth
     * first, each vertex keeping the path that first reached it, and every event
     * it accepts becomes a path (that one plus the edge), so every path still
     * ends where the real machine will end.
     */
    key?: (snapshot: AnyMachineSnapshot) => string;
  } = {},
): ModelPath[] {
  if (options.key) return pathsBreadthFirst(machine, events, options.key);
  const traversalOptions = {
    events: (snapshot: AnyMachineSnapshot) =>
      events.filter(
        (event) => isActorEvent(event) === invokes(machine, snapshot) && snapshot.can(event as never),
      ),
    stopWhen: (snapshot: AnyMachineSnapshot) => snapshot.status !== 'active',
  };
  // biome-ignore lint/suspicious/noExplicitAny: xstate/graph's option types are per machine; these are generic.
  const traversal = traversalOptions as any;
  const shortest = new Map<string, ModelPath['steps']>(
    getShortestPaths(machine, traversal).map((path) => [serializeSnapshot(path.state), path.steps]),
  );
  const adjacency: AdjacencyMap<AnyMachineSnapshot, AnyEventObject> = getAdjacencyMap(machine, traversal);
  const paths: ModelPath[] = [];
  for (const [key, vertex] of Object.entries(adjacency)) {
    const prefix = shortest.get(key);
    if (!prefix) throw new Error(`no path to ${key}`);
    const edges = Object.values(vertex.transitions) as { event: AnyEventObject; state: AnyMachineSnapshot }[];
    for (const { event, state } of edges) {
      const steps = [...prefix, { event, state }] as ModelPath['steps'];
      paths.push({ description: steps.map((step) => describeEvent(step.event)).join(' → '), steps });
    }
  }
  return paths;
}

function pathsBreadthFirst(
  machine: AnyStateMachine,
  events: AnyEventObject[],
  key: (snapshot: AnyMachineSnapshot) => string,
): ModelPath[] {
  const seen = new Set<string>();
  const queue: ModelPath['steps'][] = [[]];
  const paths: ModelPath[] = [];
  const initial = getInitialSnapshot(machine, undefined);
  while (queue.length > 0) {
    const steps = queue.shift()!;
    const snapshot = steps.at(-1)?.state ?? initial;
    const vertex = key(snapshot);
    if (seen.has(vertex)) continue;
    seen.add(vertex);
    if (snapshot.status !== 'active') continue;
    for (const event of events) {
      if (isActorEvent(event) !== invokes(machine, snapshot) || !snapshot.can(event as never)) continue;
      const next = [...steps, { event, state: getNextSnapshot(machine, snapshot, event as never) }];
      paths.push({ description: next.map((step) => describeEvent(step.event)).join(' → '), steps: next });
      queue.push(next);
    }
  }
  return paths;
}

function describeEvent(event: AnyEventObject): string {
  if (!isActorEvent(event)) return JSON.stringify(event);
  const state = event.type.split('.').at(-1);
  if (event.type.startsWith('xstate.error.')) return `${state} ✗ ${(event.error as Error).constructor.name}`;
  return `${state} ✓ ${JSON.stringify(event.output)}`;
}

// ---------------------------------------------------------------- the driver

export interface DriveReport {
  /** Every transition definition some step took. */
  taken: Set<AnyTransitionDefinition>;
  /**
   * Every snapshot a step reached, by serialized (state, context), and whether it
   * was settled then (no domain call under way: what the bot renders and persists).
   */
  reached: Map<string, { snapshot: AnyMachineSnapshot; settled: boolean }>;
  /** Every persisted snapshot of a settled step, as JSON. */
  persisted: { key: string; json: string; snapshot: AnyMachineSnapshot }[];
}

/** Whether two snapshots agree in state, context and status. */
export const same = (a: AnyMachineSnapshot, b: AnyMachineSnapshot) =>
  JSON.stringify(essence(a)) === JSON.stringify(essence(b));

/**
 * Runs each model path through the real machine (with `script`'s fake actors):
 * every step must reach the state and context the model predicts, and after a
 * settled step the actor is persisted, sent through JSON and restored — the
 * next update continues from that restored actor, as in the bot. A machine may
 * call the domain as soon as it starts, and one answer may set off the next
 * call: the answers a step sets off are all scripted before the step (before
 * the actor starts, for the first state), and each run of answers is checked
 * where it led.
 */
export async function drive(
  machine: AnyStateMachine,
  script: ActorScript,
  paths: ModelPath[],
  check: (expected: unknown, actual: unknown, where: string) => void,
): Promise<DriveReport> {
  const report: DriveReport = { taken: new Set(), reached: new Map(), persisted: [] };
  const inspect = (event: InspectionEvent) => {
    if (event.type !== '@xstate.microstep') return;
    for (const transition of (event as { _transitions?: AnyTransitionDefinition[] })._transitions ?? [])
      report.taken.add(transition);
  };
  /** Records where the actor is; a settled actor is persisted and replaced by its restored copy. */
  const visit = (actor: Actor<AnyStateMachine>, where: string): Actor<AnyStateMachine> => {
    const snapshot = actor.getSnapshot();
    const key = serializeSnapshot(snapshot);
    if (!settled(snapshot)) {
      report.reached.set(key, { snapshot, settled: false });
      return actor;
    }
    report.reached.set(key, { snapshot, settled: true });
    const json = JSON.stringify(actor.getPersistedSnapshot());
    report.persisted.push({ key, json, snapshot });
    actor.stop();
    const restored = createActor(machine, { snapshot: JSON.parse(json), inspect });
    restored.start();
    check(essence(snapshot), essence(restored.getSnapshot()), `${where}, restored`);
    return restored;
  };
  for (const { steps, description } of paths) {
    /** Scripts the answers that follow `from`; returns the index after them. */
    const answersFrom = (from: number) => {
      let end = from;
      while (end < steps.length && isActorEvent(steps[end]!.event)) end++;
      for (const answer of steps.slice(from, end)) script.follow(answer.event);
      return end;
    };
    /** Waits until the answers up to `end` led where the model says. */
    const answered = async (actor: Actor<AnyStateMachine>, end: number) => {
      const expected = steps[end - 1]!.state;
      const where = `${description} (step ${end})`;
      const reached = await waitFor(actor, (s) => settled(s) || same(s, expected), { timeout: 1000 });
      check(essence(expected), essence(reached), where);
      return visit(actor, where);
    };
    // The model's paths may begin with the start (xstate.init) or with the first event.
    const first = steps[0];
    const hasInit = first?.event.type === 'xstate.init';
    let index = answersFrom(hasInit ? 1 : 0);
    let actor = createActor(machine, { inspect }).start();
    if (hasInit) check(essence(first.state), essence(actor.getSnapshot()), `${description} (start)`);
    actor = visit(actor, `${description} (start)`);
    if (index > (hasInit ? 1 : 0)) actor = await answered(actor, index);
    while (index < steps.length) {
      const step = steps[index]!;
      const where = `${description} (step ${index + 1})`;
      const end = answersFrom(index + 1);
      actor.send(step.event);
      check(essence(step.state), essence(actor.getSnapshot()), where);
      actor = visit(actor, where);
      if (end > index + 1) actor = await answered(actor, end);
      index = end;
    }
    actor.stop();
  }
  recordFlowCoverage(
    machine,
    [...report.reached.values()].map(({ snapshot }) => snapshot),
    report.taken,
  );
  return report;
}

// ---------------------------------------------------------------- a single conversation

/**
 * One conversation with a flow machine, step by step, for behaviour tests:
 * each `send` restores the actor from the previous step's JSON, delivers the
 * event and waits for the domain calls (scripted on `script` beforehand).
 */
export class FlowRun {
  private readonly machine: AnyStateMachine;
  private readonly flow: Flow;
  private json: string | null = null;
  snapshot!: AnyMachineSnapshot;

  /**
   * Starts the machine without input; with `started`, continues from there;
   * with `null`, waits for `start(input)`.
   */
  constructor(
    machine: AnyStateMachine,
    flow: Flow,
    started?: { snapshot: AnyMachineSnapshot; json: string | null } | null,
  ) {
    this.machine = machine;
    this.flow = flow;
    if (started === null) return;
    if (started) {
      this.snapshot = started.snapshot;
      this.json = started.json;
      return;
    }
    const actor = createActor(machine).start();
    this.snapshot = actor.getSnapshot();
    this.json = JSON.stringify(actor.getPersistedSnapshot());
    actor.stop();
  }

  /**
   * Starts a conversation with a machine that may call the domain as soon as
   * it starts: waits for those calls (scripted on `script` beforehand).
   */
  static async start(machine: AnyStateMachine, flow: Flow, input?: unknown): Promise<FlowRun> {
    return new FlowRun(machine, flow, null).start(input);
  }

  /** (Re)starts the conversation with `input`, waiting for the domain calls it sets off. */
  async start(input?: unknown): Promise<this> {
    return this.settle(createActor(this.machine, { input }).start());
  }

  /** Whether the current state takes `event` at all (the bot answers a stale button otherwise). */
  accepts(event: FlowEvent): boolean {
    return this.snapshot.status === 'active' && this.snapshot.can(event);
  }

  async send(event: FlowEvent): Promise<this> {
    if (!this.json) throw new Error('the flow already ended');
    const actor = createActor(this.machine, { snapshot: JSON.parse(this.json) });
    actor.start();
    actor.send(event);
    return this.settle(actor);
  }

  private async settle(actor: Actor<AnyStateMachine>): Promise<this> {
    this.snapshot = await waitFor(actor, settled, { timeout: 1000 });
    if (this.snapshot.status === 'error') throw this.snapshot.error;
    this.json = this.snapshot.status === 'done' ? null : JSON.stringify(actor.getPersistedSnapshot());
    actor.stop();
    return this;
  }

  get state(): string {
    return stateName(this.snapshot);
  }

  get output(): unknown {
    return this.snapshot.output;
  }

  /** What the person sees now. */
  messages(locale: Locale = 'ru'): OutgoingMessage[] {
    return this.flow.render(this.snapshot, view(locale));
  }

  text(locale: Locale = 'ru'): string {
    return this.messages(locale)
      .map((message) => message.text)
      .join('\n\n');
  }

  /** The reply keyboard's labels. */
  keyboard(locale: Locale = 'ru'): string[][] {
    const reply = this.messages(locale).find((message) => Array.isArray(message.reply))?.reply;
    return Array.isArray(reply) ? reply.map((row) => row.map((button) => button.text)) : [];
  }

  /** The line above the main menu once the flow ended. */
  finish(locale: Locale = 'ru'): string | null {
    return this.flow.finish(this.snapshot.output, view(locale));
  }
}

// ---------------------------------------------------------------- the model suite

/**
 * Every inline button on screen encodes, and the state takes its event — except
 * label-only buttons (action `noop`: calendar title, weekday names), which the
 * engine answers itself before any flow sees them.
 */
export function expectInlineAccepted(
  snapshot: AnyMachineSnapshot,
  messages: OutgoingMessage[],
  where: string,
): void {
  for (const button of messages.flatMap((message) => message.inline?.flat() ?? [])) {
    expect(() => encodeCallback(button.callback), where).not.toThrow();
    const { action, id, arg } = button.callback;
    if (action === 'noop') continue;
    expect(snapshot.can({ type: `cb.${action}`, id, arg } as never), `${where}: ${button.text}`).toBe(true);
  }
}

const SNAPSHOT_LIMIT_BYTES = 4096;

/** A shared contact the share-contact button would send. */
const OWN_CONTACT: FlowEvent = { type: 'CONTACT', phone: '+77011234567', own: true };

/**
 * The model-based tests every flow gets: the model's paths drive the real
 * machine; every state and transition is covered; every waiting state renders
 * in both languages with a working Cancel; every button shown is accepted;
 * persisted snapshots round-trip through JSON and stay small.
 */
export function describeFlowModel(options: {
  flow: Flow;
  /** The flow's machine with `script`'s fake actors. */
  machine: AnyStateMachine;
  script: ActorScript;
  events: AnyEventObject[];
  /** Tells snapshots apart in the model (see `modelPaths`); also names them in failures. */
  key?: (snapshot: AnyMachineSnapshot) => string;
  /** How long driving the model may take, in ms. */
  timeout?: number;
  /**
   * How a waiting screen offers its way out, instead of the default check (a
   * reply keyboard with Cancel, each of its buttons an event the state takes):
   * e.g. an inline list closed by its own button, edited in place. `shown` is
   * the language the screen was rendered in (see `expectInlineListScreen`).
   */
  screens?: (
    snapshot: AnyMachineSnapshot,
    messages: OutgoingMessage[],
    where: string,
    shown: ViewContext,
  ) => void;
  /** Final outcomes that pass on quietly: `finish` gives no line above the menu. */
  quiet?: string[];
}): void {
  const { flow, machine, script, events, key } = options;
  const name = (snapshot: AnyMachineSnapshot) =>
    key ? `${stateName(snapshot)} ${key(snapshot)}` : serializeSnapshot(snapshot);
  describe(`${flow.id}: model`, () => {
    const mismatches: string[] = [];
    let report: DriveReport;
    let waiting: AnyMachineSnapshot[];
    let finals: AnyMachineSnapshot[];

    beforeAll(async () => {
      const paths = modelPaths(machine, events, { key });
      report = await drive(machine, script, paths, (expected, actual, where) => {
        if (JSON.stringify(expected) !== JSON.stringify(actual))
          mismatches.push(`${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
      });
      const reached = [...report.reached.values()];
      waiting = reached.filter((r) => r.settled && r.snapshot.status === 'active').map((r) => r.snapshot);
      finals = reached.filter((r) => r.snapshot.status === 'done').map((r) => r.snapshot);
    }, options.timeout);

    it('drives the real machine, restored from JSON at every step, to the states the model predicts', () => {
      expect(report.persisted.length).toBeGreaterThan(0);
      expect(mismatches).toEqual([]);
    });

    it('reaches every state of the machine', () => {
      const reached = new Set([...report.reached.values()].map(({ snapshot }) => stateName(snapshot)));
      expect([...reached].sort()).toEqual(Object.keys(machine.root.states).sort());
    });

    it('takes every transition of the machine', () => {
      const untaken = [...transitionsOf(machine)]
        .filter(([transition]) => !report.taken.has(transition))
        .map(([, name]) => name);
      expect(untaken).toEqual([]);
    });

    it('answers Cancel in every state that is not final, ending as cancelled', () => {
      for (const { snapshot } of report.reached.values()) {
        if (snapshot.status !== 'active') continue;
        expect(snapshot.can({ type: 'CANCEL' } as never), stateName(snapshot)).toBe(true);
        const next = getNextSnapshot(machine, snapshot, { type: 'CANCEL' });
        expect([next.value, next.status, next.output]).toEqual([
          'cancelled',
          'done',
          { outcome: 'cancelled' },
        ]);
      }
    });

    it('renders every waiting state in both languages, with a way out and only buttons the state accepts', () => {
      expect(waiting.length).toBeGreaterThan(0);
      for (const snapshot of waiting) {
        for (const locale of LOCALES) {
          const where = `${name(snapshot)} in ${locale}`;
          const shown = view(locale);
          const { t } = shown;
          const messages = flow.render(snapshot, shown);
          expect(messages.length, where).toBeGreaterThan(0);
          for (const message of messages) {
            expect(message.text.trim(), where).not.toBe('');
            expect(message.text, where).not.toMatch(/undefined|null|NaN|\[object/);
            expect(message.text.length, where).toBeLessThanOrEqual(4096);
          }
          const reply = messages.flatMap((message) =>
            Array.isArray(message.reply) ? message.reply.flat() : [],
          );
          expect(new Set(reply.map((button) => button.text)).size, where).toBe(reply.length);
          expectInlineAccepted(snapshot, messages, where);
          if (options.screens) {
            options.screens(snapshot, messages, where, shown);
            continue;
          }
          expect(reply, where).toContainEqual({ text: t.buttons.cancel, event: { type: 'CANCEL' } });
          for (const button of reply) {
            const event = button.requestContact ? OWN_CONTACT : button.event;
            expect(event, `${where}: button ${button.text} sends nothing the flow knows`).toBeDefined();
            expect(snapshot.can(event as never), `${where}: button ${button.text}`).toBe(true);
          }
        }
      }
    });

    it('closes every final state with a line in both languages, or passes on quietly', () => {
      expect(finals.length).toBeGreaterThan(0);
      for (const snapshot of finals) {
        const outcome = (snapshot.output as { outcome?: string } | undefined)?.outcome ?? '';
        for (const locale of LOCALES) {
          const line = flow.finish(snapshot.output, view(locale));
          const where = `${stateName(snapshot)} in ${locale}`;
          if (options.quiet?.includes(outcome)) expect(line, where).toBeNull();
          else expect(line?.trim(), where).toBeTruthy();
        }
      }
    });

    it('persists every settled state as JSON under 4 KB that resumes in the same state and context', () => {
      for (const { json, snapshot } of report.persisted) {
        expect(Buffer.byteLength(json, 'utf8')).toBeLessThan(SNAPSHOT_LIMIT_BYTES);
        const restored = createActor(machine, { snapshot: JSON.parse(json) }).start();
        expect(essence(restored.getSnapshot())).toEqual(essence(snapshot));
        expect(restored.getSnapshot().output).toEqual(snapshot.output);
        restored.stop();
      }
    });
  });
}
