import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Actor,
  type AnyEventObject,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type AnyTransitionDefinition,
  createActor,
  getInitialSnapshot,
  getNextSnapshot,
  type InspectionEvent,
  waitFor,
} from 'xstate';
import { encodeCallback } from '../../src/bot/callback-data.ts';
import { LOCALES } from '../../src/bot/i18n/index.ts';
import { searchFlow } from '../../src/bot/views/search.view.ts';
import { AccountRequired, NotFound, ValidationFailed } from '../../src/domain/errors.ts';
import {
  type ListingCard,
  NO_FILTERS,
  type ResultsPage,
  type SearchContext,
  type SearchStart,
  searchMachine,
} from '../../src/machines/search.machine.ts';
import {
  ActorScript,
  doneEvent,
  errorEvent,
  essence,
  isActorEvent,
  settled,
  stateName,
  transitionsOf,
  view,
} from '../support/flows.ts';

const script = new ActorScript();
// Typed loosely: the model sends it events of every kind and restores it from JSON.
const machine: AnyStateMachine = searchMachine.provide({
  actors: {
    start: script.promise('start'),
    search: script.promise('search'),
    details: script.promise('details'),
    addFavorite: script.promise('addFavorite'),
    hasAccount: script.promise('hasAccount'),
  },
});

const TODAY = '2026-12-01';
const cities = ['Алматы', 'Астана'];
const start = (resume: SearchStart['resume']): SearchStart => ({ cities, today: TODAY, resume });

const found: ResultsPage = {
  page: 1,
  pages: 2,
  total: 6,
  items: [
    {
      listingId: 7,
      title: 'Студия у Медеу',
      city: 'Алматы',
      pricePerNight: 15_000,
      nights: null,
      total: null,
      ratingAvg: 4.5,
      ratingCount: 2,
    },
  ],
};
const nothing: ResultsPage = { page: 1, pages: 1, total: 0, items: [] };
const card: ListingCard = {
  listingId: 7,
  title: 'Студия у Медеу',
  city: 'Алматы',
  address: null,
  pricePerNight: 15_000,
  maxGuests: 3,
  description: 'Светлая студия с видом на горы.',
  amenities: ['wifi'],
  ratingAvg: 4.5,
  ratingCount: 2,
  reviews: [{ rating: 5, text: 'Отлично', authorName: 'Алия', date: '2026-11-20' }],
  nights: null,
  total: null,
  available: null,
};

/**
 * What a person can do and what the domain can answer. One value per kind of
 * answer keeps the model finite: every transition is reachable with these.
 */
const events: AnyEventObject[] = [
  doneEvent(machine, 'starting', start(null)),
  doneEvent(machine, 'starting', start({ filters: NO_FILTERS, page: 1 })),
  doneEvent(machine, 'starting', start({ filters: NO_FILTERS, listingId: 7 })),
  { type: 'TEXT', text: 'алматы' },
  { type: 'TEXT', text: '05.12–08.12' },
  { type: 'TEXT', text: '2' },
  { type: 'TEXT', text: '20 000' },
  { type: 'SKIP' },
  { type: 'BACK' },
  { type: 'EDIT' },
  { type: 'CANCEL' },
  { type: 'CONFIRM' },
  { type: 'cb.month', id: 202701 },
  { type: 'cb.month', id: 202611 },
  { type: 'cb.noop', id: 0 },
  { type: 'cb.day', id: 20261130 },
  { type: 'cb.day', id: 20261205 },
  { type: 'cb.day', id: 20261208 },
  { type: 'cb.day', id: 20270310 },
  { type: 'cb.price', id: 1 },
  { type: 'cb.price', id: 0 },
  { type: 'cb.amen', id: 0, arg: 'wifi' },
  { type: 'cb.done', id: 0 },
  { type: 'cb.filter', id: 0, arg: 'city' },
  { type: 'cb.filter', id: 0, arg: 'dates' },
  { type: 'cb.filter', id: 0, arg: 'guests' },
  { type: 'cb.filter', id: 0, arg: 'price' },
  { type: 'cb.filter', id: 0, arg: 'amenities' },
  { type: 'cb.page', id: 2 },
  { type: 'cb.more', id: 7 },
  { type: 'cb.book', id: 7 },
  { type: 'cb.fav', id: 7 },
  { type: 'cb.acct', id: 0, arg: 'register' },
  { type: 'cb.acct', id: 0, arg: 'link' },
  doneEvent(machine, 'searching', found),
  doneEvent(machine, 'searching', nothing),
  errorEvent(machine, 'searching', new ValidationFailed([{ field: 'checkIn', message: 'in the past' }])),
  doneEvent(machine, 'loadingDetails', card),
  errorEvent(machine, 'loadingDetails', new NotFound('listing', 7)),
  doneEvent(machine, 'addingFavorite', { added: true }),
  doneEvent(machine, 'addingFavorite', { added: false }),
  errorEvent(machine, 'addingFavorite', new AccountRequired()),
  errorEvent(machine, 'addingFavorite', new NotFound('listing', 7)),
  doneEvent(machine, 'checkingAccount', true),
  doneEvent(machine, 'checkingAccount', false),
];

// ---------------------------------------------------------------- the model
//
// The search machine carries the filters chosen so far through every later
// state, so its full (state, context) graph is the product of every way of
// answering every step: far too many paths to drive. No guard reads a
// filter's value, so the model tells snapshots apart by what guards and
// outputs do read (the state, editing, where Book/Favourite was pressed, a
// pending check-in, the account flow, the notice shown) and each transition
// still gets driven from a real snapshot. It also starts with a domain call
// (the known cities), which `describeFlowModel` does not drive; the checks
// below are the same as its.

interface ModelStep {
  event: AnyEventObject;
  state: AnyMachineSnapshot;
}
interface ModelPath {
  description: string;
  steps: ModelStep[];
}

const invokes = (snapshot: AnyMachineSnapshot) =>
  (machine.root.states[stateName(snapshot)]?.invoke.length ?? 0) > 0;

function vertexKey(snapshot: AnyMachineSnapshot): string {
  const context = snapshot.context as SearchContext;
  return JSON.stringify({
    value: snapshot.value,
    status: snapshot.status,
    editing: context.editing,
    origin: context.origin,
    pending: context.pendingCheckIn,
    accountFlow: context.accountFlow,
    notice: context.notice,
    flash: context.flash,
    error: context.error?.code ?? null,
    hasDetails: context.details !== null,
  });
}

function describeEvent(event: AnyEventObject): string {
  if (!isActorEvent(event)) return JSON.stringify(event);
  const state = event.type.split('.').at(-1);
  if (event.type.startsWith('xstate.error.')) return `${state} ✗ ${(event.error as Error).constructor.name}`;
  return `${state} ✓ ${JSON.stringify(event.output).slice(0, 80)}`;
}

/**
 * Breadth first over the vertices: each vertex keeps the path that first
 * reached it, and every event it accepts becomes a path (that one plus the
 * edge), so every path ends where the real machine will end.
 */
function modelPaths(all: AnyEventObject[]): ModelPath[] {
  const seen = new Set<string>();
  const queue: ModelStep[][] = [[]];
  const paths: ModelPath[] = [];
  const initial = getInitialSnapshot(machine, undefined);
  while (queue.length > 0) {
    const steps = queue.shift()!;
    const snapshot = steps.at(-1)?.state ?? initial;
    const key = vertexKey(snapshot);
    if (seen.has(key)) continue;
    seen.add(key);
    if (snapshot.status !== 'active') continue;
    for (const event of all) {
      if (isActorEvent(event) !== invokes(snapshot) || !snapshot.can(event as never)) continue;
      const next = [...steps, { event, state: getNextSnapshot(machine, snapshot, event as never) }];
      paths.push({ description: next.map((step) => describeEvent(step.event)).join(' → '), steps: next });
      queue.push(next);
    }
  }
  return paths;
}

interface DriveReport {
  taken: Set<AnyTransitionDefinition>;
  reached: Map<string, { snapshot: AnyMachineSnapshot; settled: boolean }>;
  persisted: { json: string; snapshot: AnyMachineSnapshot }[];
  mismatches: string[];
}

/** Runs each path through the real machine, persisting and restoring it from JSON at every settled step. */
async function drive(paths: ModelPath[]): Promise<DriveReport> {
  const report: DriveReport = { taken: new Set(), reached: new Map(), persisted: [], mismatches: [] };
  const check = (expected: AnyMachineSnapshot, actual: AnyMachineSnapshot, where: string) => {
    const [a, b] = [JSON.stringify(essence(expected)), JSON.stringify(essence(actual))];
    if (a !== b) report.mismatches.push(`${where}: expected ${a}, got ${b}`);
  };
  const inspect = (event: InspectionEvent) => {
    if (event.type !== '@xstate.microstep') return;
    for (const transition of (event as { _transitions?: AnyTransitionDefinition[] })._transitions ?? [])
      report.taken.add(transition);
  };
  const visit = (actor: Actor<AnyStateMachine>, where: string): Actor<AnyStateMachine> => {
    const snapshot = actor.getSnapshot();
    const key = JSON.stringify(essence(snapshot));
    if (!settled(snapshot)) {
      report.reached.set(key, { snapshot, settled: false });
      return actor;
    }
    report.reached.set(key, { snapshot, settled: true });
    const json = JSON.stringify(actor.getPersistedSnapshot());
    report.persisted.push({ json, snapshot });
    actor.stop();
    const restored = createActor(machine, { snapshot: JSON.parse(json), inspect });
    restored.start();
    check(snapshot, restored.getSnapshot(), `${where}, restored`);
    return restored;
  };
  const same = (a: AnyMachineSnapshot, b: AnyMachineSnapshot) =>
    JSON.stringify(essence(a)) === JSON.stringify(essence(b));
  for (const path of paths) {
    const { steps, description } = path;
    // The answers to the calls an event sets off, in order (an answer may set off the next call).
    const answersFrom = (from: number) => {
      let end = from;
      while (end < steps.length && isActorEvent(steps[end]!.event)) end++;
      for (const answer of steps.slice(from, end)) script.follow(answer.event);
      return end;
    };
    // Waits for the answers up to `end` and checks where they led.
    const answered = async (actor: Actor<AnyStateMachine>, end: number) => {
      const expected = steps[end - 1]!.state;
      await waitFor(actor, (snapshot) => settled(snapshot) || same(snapshot, expected), { timeout: 1000 });
      const where = `${description} (step ${end})`;
      check(expected, actor.getSnapshot(), where);
      return visit(actor, where);
    };
    // The start call runs as soon as the actor starts.
    let index = answersFrom(0);
    let actor = visit(createActor(machine, { inspect }).start(), `${description} (start)`);
    if (index > 0) actor = await answered(actor, index);
    while (index < steps.length) {
      const step = steps[index]!;
      const end = answersFrom(index + 1);
      actor.send(step.event);
      const where = `${description} (step ${index + 1})`;
      check(step.state, actor.getSnapshot(), where);
      actor = visit(actor, where);
      if (end > index + 1) actor = await answered(actor, end);
      index = end;
    }
    actor.stop();
  }
  return report;
}

describe('search: model', () => {
  let report: DriveReport;
  let waiting: AnyMachineSnapshot[];
  let finals: AnyMachineSnapshot[];

  beforeAll(async () => {
    report = await drive(modelPaths(events));
    const reached = [...report.reached.values()];
    waiting = reached.filter((r) => r.settled && r.snapshot.status === 'active').map((r) => r.snapshot);
    finals = reached.filter((r) => r.snapshot.status === 'done').map((r) => r.snapshot);
  }, 120_000);

  it('drives the real machine, restored from JSON at every step, to the states the model predicts', () => {
    expect(report.persisted.length).toBeGreaterThan(0);
    expect(report.mismatches).toEqual([]);
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
      expect([next.value, next.status, next.output]).toEqual(['cancelled', 'done', { outcome: 'cancelled' }]);
    }
  });

  it('renders every waiting state in both languages, with Cancel and only buttons the state accepts', () => {
    expect(waiting.length).toBeGreaterThan(0);
    for (const snapshot of waiting) {
      for (const locale of LOCALES) {
        const where = `${stateName(snapshot)} ${vertexKey(snapshot)} in ${locale}`;
        const { t } = view(locale);
        const messages = searchFlow.render(snapshot, view(locale));
        expect(messages.length, where).toBeGreaterThan(0);
        for (const message of messages) {
          expect(message.text.trim(), where).not.toBe('');
          expect(message.text, where).not.toMatch(/undefined|null|NaN|\[object/);
          expect(message.text.length, where).toBeLessThanOrEqual(4096);
        }
        const reply = messages.flatMap((message) =>
          Array.isArray(message.reply) ? message.reply.flat() : [],
        );
        expect(reply, where).toContainEqual({ text: t.buttons.cancel, event: { type: 'CANCEL' } });
        expect(new Set(reply.map((button) => button.text)).size, where).toBe(reply.length);
        for (const button of reply) {
          expect(button.event, `${where}: button ${button.text} sends nothing`).toBeDefined();
          expect(snapshot.can(button.event as never), `${where}: button ${button.text}`).toBe(true);
        }
        for (const button of messages.flatMap((message) => message.inline?.flat() ?? [])) {
          expect(() => encodeCallback(button.callback), where).not.toThrow();
          const { action, id, arg } = button.callback;
          expect(snapshot.can({ type: `cb.${action}`, id, arg } as never), `${where}: ${button.text}`).toBe(
            true,
          );
        }
      }
    }
  });

  it('closes every final state with a line in both languages', () => {
    expect(finals.length).toBeGreaterThan(0);
    for (const snapshot of finals) {
      for (const locale of LOCALES) {
        const line = searchFlow.finish(snapshot.output, view(locale));
        expect(line?.trim(), `${stateName(snapshot)} in ${locale}`).toBeTruthy();
      }
    }
  });

  it('persists every settled state as JSON under 4 KB that resumes in the same state and context', () => {
    for (const { json, snapshot } of report.persisted) {
      expect(Buffer.byteLength(json, 'utf8')).toBeLessThan(4096);
      const restored = createActor(machine, { snapshot: JSON.parse(json) }).start();
      expect(essence(restored.getSnapshot())).toEqual(essence(snapshot));
      restored.stop();
    }
  });
});
