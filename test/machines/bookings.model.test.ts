/**
 * Model-based tests of the `book` and `myBookings` machines: `xstate/graph`
 * paths over every reachable state and transition drive the real machines,
 * restored from JSON at every settled step, as the bot runs them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AnyEventObject,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  createActor,
  getNextSnapshot,
} from 'xstate';
import { serializeSnapshot } from 'xstate/graph';
import type { Flow } from '../../src/bot/flow.ts';
import { LOCALES } from '../../src/bot/i18n/index.ts';
import { menuItemFor } from '../../src/bot/menu.ts';
import type { OutgoingMessage } from '../../src/bot/screen.ts';
import { bookFlow } from '../../src/bot/views/book.view.ts';
import { myBookingsFlow } from '../../src/bot/views/my-bookings.view.ts';
import {
  AccountRequired,
  DatesTaken,
  Forbidden,
  InvalidState,
  NotFound,
  ValidationFailed,
} from '../../src/domain/errors.ts';
import { type BookPrepared, bookMachine } from '../../src/machines/book.machine.ts';
import {
  type MyBookingItem,
  type MyBookingsLoaded,
  myBookingsMachine,
} from '../../src/machines/my-bookings.machine.ts';
import {
  ActorScript,
  type DriveReport,
  doneEvent,
  drive,
  errorEvent,
  essence,
  expectInlineAccepted,
  modelPaths,
  stateName,
  transitionsOf,
  view,
} from '../support/flows.ts';

const replyButtons = (messages: OutgoingMessage[]) =>
  messages.flatMap((message) => (Array.isArray(message.reply) ? message.reply.flat() : []));

/**
 * The checks every flow's model gets; `screens` says how a screen offers the way
 * out and which reply buttons are fine for the flow.
 */
function describeModel(options: {
  flow: Flow;
  machine: AnyStateMachine;
  script: ActorScript;
  events: AnyEventObject[];
  screens: (snapshot: AnyMachineSnapshot, messages: OutgoingMessage[], where: string) => void;
  /** Final outcomes that pass on quietly (no line above what comes next). */
  quiet?: string[];
}) {
  const { flow, machine, script, events, screens } = options;
  describe(`${flow.id}: model`, () => {
    const mismatches: string[] = [];
    let report: DriveReport;
    let waiting: AnyMachineSnapshot[];
    let finals: AnyMachineSnapshot[];

    beforeAll(async () => {
      report = await drive(machine, script, modelPaths(machine, events), (a, b, where) => {
        const [expected, actual] = [JSON.stringify(a), JSON.stringify(b)];
        if (expected !== actual) mismatches.push(`${where}: expected ${expected}, got ${actual}`);
      });
      const reached = [...report.reached.values()];
      waiting = reached.filter((r) => r.settled && r.snapshot.status === 'active').map((r) => r.snapshot);
      finals = reached.filter((r) => r.snapshot.status === 'done').map((r) => r.snapshot);
    }, 120_000);

    it('drives the real machine, restored from JSON at every step, to the states the model predicts', () => {
      expect(report.persisted.length).toBeGreaterThan(0);
      expect(mismatches).toEqual([]);
    });

    it('reaches every state and takes every transition of the machine', () => {
      const reached = new Set([...report.reached.values()].map(({ snapshot }) => stateName(snapshot)));
      expect([...reached].sort()).toEqual(Object.keys(machine.root.states).sort());
      const untaken = [...transitionsOf(machine)]
        .filter(([transition]) => !report.taken.has(transition))
        .map(([, name]) => name);
      expect(untaken).toEqual([]);
    });

    it('answers Cancel in every state that is not final, ending as cancelled', () => {
      for (const { snapshot } of report.reached.values()) {
        if (snapshot.status !== 'active') continue;
        const next = getNextSnapshot(machine, snapshot, { type: 'CANCEL' });
        expect([next.value, next.status, next.output], stateName(snapshot)).toEqual([
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
          const where = `${serializeSnapshot(snapshot)} in ${locale}`;
          const messages = flow.render(snapshot, view(locale));
          expect(messages.length, where).toBeGreaterThan(0);
          for (const message of messages) {
            expect(message.text.trim(), where).not.toBe('');
            expect(message.text, where).not.toMatch(/undefined|null|NaN|\[object/);
            expect(message.text.length, where).toBeLessThanOrEqual(4096);
          }
          expectInlineAccepted(snapshot, messages, where);
          const reply = replyButtons(messages);
          expect(new Set(reply.map((button) => button.text)).size, where).toBe(reply.length);
          screens(snapshot, messages, where);
        }
      }
    });

    it('closes every final state with a line in both languages, or passes on quietly', () => {
      expect(finals.length).toBeGreaterThan(0);
      for (const snapshot of finals) {
        const output = snapshot.output as { outcome: string };
        for (const locale of LOCALES) {
          const line = flow.finish(output, view(locale));
          if (options.quiet?.includes(output.outcome)) expect(line, output.outcome).toBeNull();
          else expect(line?.trim(), `${output.outcome} in ${locale}`).toBeTruthy();
        }
      }
    });

    it('persists every settled state as JSON under 4 KB that resumes in the same state and context', () => {
      for (const { json, snapshot } of report.persisted) {
        expect(Buffer.byteLength(json, 'utf8')).toBeLessThan(4096);
        const restored = createActor(machine, { snapshot: JSON.parse(json) }).start();
        expect(essence(restored.getSnapshot())).toEqual(essence(snapshot));
        expect(restored.getSnapshot().output).toEqual(snapshot.output);
        restored.stop();
      }
    });
  });
}

// ---------------------------------------------------------------- book

const bookScript = new ActorScript();
const book: AnyStateMachine = bookMachine.provide({
  actors: {
    prepare: bookScript.promise('prepare'),
    checkDates: bookScript.promise('checkDates'),
    createBooking: bookScript.promise('createBooking'),
    pay: bookScript.promise('pay'),
  },
});
const prepared = (change: Partial<BookPrepared>): BookPrepared => ({
  account: true,
  listing: { title: 'Студия у Медеу', city: 'Алматы', pricePerNight: 15_000, maxGuests: 4 },
  today: '2026-12-01',
  stay: null,
  datesGone: false,
  guests: null,
  ...change,
});
const invalid = new ValidationFailed([{ field: 'checkIn', message: 'in the past' }]);
const dates = { checkIn: '2026-12-05', checkOut: '2026-12-08' };

describeModel({
  flow: bookFlow,
  machine: book,
  script: bookScript,
  // What a person can do and the domain can answer; one value per kind keeps the model finite.
  events: [
    doneEvent(book, 'preparing', prepared({ account: false })),
    doneEvent(book, 'preparing', prepared({})),
    doneEvent(book, 'preparing', prepared({ stay: dates })),
    doneEvent(book, 'preparing', prepared({ stay: dates, guests: 2 })),
    errorEvent(book, 'preparing', new NotFound('listing', 7)),
    { type: 'cb.acct', id: 0, arg: 'register' },
    { type: 'cb.acct', id: 0, arg: 'link' },
    { type: 'cb.day', id: 20261130 },
    { type: 'cb.day', id: 20261205 },
    { type: 'cb.day', id: 20261208 },
    { type: 'cb.day', id: 20270310 },
    { type: 'cb.month', id: 202701 },
    { type: 'cb.month', id: 202611 },
    { type: 'TEXT', text: '05.12–08.12' },
    { type: 'TEXT', text: 'завтра' },
    { type: 'TEXT', text: '2' },
    { type: 'TEXT', text: '9' },
    { type: 'BACK' },
    { type: 'CONFIRM' },
    { type: 'CANCEL' },
    doneEvent(book, 'checkingDates', { available: true }),
    doneEvent(book, 'checkingDates', { available: false }),
    errorEvent(book, 'checkingDates', invalid),
    doneEvent(book, 'creating', { id: 41, total: 45_000 }),
    errorEvent(book, 'creating', new DatesTaken()),
    errorEvent(book, 'creating', invalid),
    errorEvent(book, 'creating', new Forbidden('own listing')),
    { type: 'cb.pay', id: 41 },
    { type: 'cb.pay', id: 40 },
    doneEvent(book, 'paying', { alreadyPaid: false }),
    doneEvent(book, 'paying', { alreadyPaid: true }),
    errorEvent(book, 'paying', new InvalidState('booking', 'cancelled')),
  ],
  // Every step has its reply keyboard with Cancel; each reply button sends an event the step takes.
  screens(snapshot, messages, where) {
    const locale = where.endsWith(' in en') ? 'en' : 'ru';
    const { t } = view(locale);
    const reply = replyButtons(messages);
    expect(reply, where).toContainEqual({ text: t.buttons.cancel, event: { type: 'CANCEL' } });
    for (const button of reply) {
      expect(button.event, `${where}: ${button.text}`).toBeDefined();
      expect(snapshot.can(button.event as never), `${where}: ${button.text}`).toBe(true);
    }
  },
});

// ---------------------------------------------------------------- myBookings

const listScript = new ActorScript();
const myBookings: AnyStateMachine = myBookingsMachine.provide({
  actors: {
    load: listScript.promise('load'),
    pay: listScript.promise('pay'),
    cancelBooking: listScript.promise('cancelBooking'),
  },
});
const item = (change: Partial<MyBookingItem>): MyBookingItem => ({
  id: 11,
  title: 'Студия у Медеу',
  city: 'Алматы',
  checkIn: '2026-12-05',
  checkOut: '2026-12-08',
  nights: 3,
  guests: 2,
  total: 45_000,
  status: 'pending',
  cancelledBy: null,
  reviewed: false,
  payable: true,
  cancellable: true,
  reviewable: false,
  ...change,
});
const page = (items: MyBookingItem[], at: number, pages: number): MyBookingsLoaded => ({
  list: { items, page: at, pageSize: 5, pages, total: pages * 5 - 4 },
  menu: { role: 'guest', unread: 2 },
});
const stale = new InvalidState('booking', 'cancelled');

describeModel({
  flow: myBookingsFlow,
  machine: myBookings,
  script: listScript,
  events: [
    doneEvent(
      myBookings,
      'loading',
      page(
        [item({}), item({ id: 12, status: 'confirmed', payable: false, title: 'Апартаменты у EXPO' })],
        1,
        2,
      ),
    ),
    doneEvent(
      myBookings,
      'loading',
      page(
        [
          item({ id: 21, status: 'completed', payable: false, cancellable: false, reviewable: true }),
          item({ id: 22, status: 'cancelled', cancelledBy: 'realtor', payable: false, cancellable: false }),
        ],
        2,
        2,
      ),
    ),
    errorEvent(myBookings, 'loading', new AccountRequired()),
    { type: 'cb.page', id: 2 },
    { type: 'cb.page', id: 1 },
    { type: 'cb.page', id: 3 },
    { type: 'cb.tab', id: 0, arg: 'past' },
    { type: 'cb.tab', id: 0, arg: 'all' },
    { type: 'cb.pay', id: 11 },
    { type: 'cb.bcancel', id: 11 },
    { type: 'cb.bcancelok', id: 11 },
    { type: 'cb.bcancelok', id: 12 },
    { type: 'cb.review', id: 21 },
    { type: 'cb.close', id: 0 },
    { type: 'TEXT', text: 'отмена' },
    { type: 'BACK' },
    { type: 'CANCEL' },
    doneEvent(myBookings, 'paying', { alreadyPaid: false }),
    doneEvent(myBookings, 'paying', { alreadyPaid: true }),
    errorEvent(myBookings, 'paying', stale),
    doneEvent(myBookings, 'cancelling', null),
    errorEvent(myBookings, 'cancelling', stale),
  ],
  // Inline screens (so ◀ ▶ and the actions edit the list in place) with an inline way out; the
  // first screen also brings the main menu back, whose buttons the engine answers itself.
  screens(snapshot, messages, where) {
    const locale = where.endsWith(' in en') ? 'en' : 'ru';
    const { t } = view(locale);
    const inline = messages.flatMap((message) => message.inline?.flat() ?? []).map((button) => button.text);
    const wayOut = snapshot.matches('confirmCancel') ? t.myBookings.buttons.no : t.myBookings.buttons.close;
    expect(inline, where).toContain(wayOut);
    for (const button of replyButtons(messages)) {
      expect(menuItemFor(button.text, 'guest', t), `${where}: ${button.text}`).not.toBeNull();
    }
    if (!snapshot.context.fresh) {
      expect(messages.length, where).toBe(1);
      expect(messages[0]!.reply, where).toBeUndefined();
    }
  },
  quiet: ['closed', 'review'],
});
