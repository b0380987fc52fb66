/**
 * Model-based tests of the Super Admin's list flows — «👥 Риелторы»
 * (agencyRealtors), «📊 Агентство» (agencyMetrics) — and the bookings export:
 * `xstate/graph` paths over every reachable state and transition drive the real
 * machines, restored from JSON at every settled step, as the bot runs them.
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
import { agencyMetricsFlow } from '../../src/bot/views/agency-metrics.view.ts';
import { agencyRealtorsFlow } from '../../src/bot/views/agency-realtors.view.ts';
import { bookingsExportFlow } from '../../src/bot/views/bookings-export.view.ts';
import type { AgencyMetrics } from '../../src/domain/agency-admin.service.ts';
import {
  AccountBlocked,
  Forbidden,
  InvalidState,
  NotFound,
  ValidationFailed,
} from '../../src/domain/errors.ts';
import { agencyMetricsMachine } from '../../src/machines/agency-metrics.machine.ts';
import {
  type AgencyRealtorItem,
  type AgencyRealtorsLoaded,
  agencyRealtorsMachine,
} from '../../src/machines/agency-realtors.machine.ts';
import { bookingsExportMachine, type ExportResult } from '../../src/machines/bookings-export.machine.ts';
import {
  ActorScript,
  type DriveReport,
  describeFlowModel,
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

/**
 * The model checks for a flow whose waiting states are inline screens under
 * the main menu (a list with ✖️ Закрыть rather than a reply ❌ Отмена).
 */
function describeInlineModel(options: {
  flow: Flow;
  machine: AnyStateMachine;
  script: ActorScript;
  events: AnyEventObject[];
  /** Final outcomes that pass on quietly (no line above what comes next). */
  quiet: string[];
}) {
  const { flow, machine, script, events } = options;
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

    it('answers Cancel (/cancel) in every state that is not final, ending as cancelled', () => {
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
          // The way out: ✖️ Закрыть on a list, «Нет» (back to the list) on a confirmation.
          const actions = messages.flatMap((m) => m.inline?.flat() ?? []).map((b) => b.callback.action);
          expect(actions.includes('close') || actions.includes('page'), where).toBe(true);
          // Inline screens leave the main menu in place (or put it back): no flow keyboard to get stuck in.
          for (const message of messages) {
            if (!Array.isArray(message.reply)) continue;
            for (const button of message.reply.flat()) expect(button.event, where).toBeUndefined();
          }
        }
      }
    });

    it('closes every final state with a line in both languages, or passes on quietly', () => {
      expect(finals.length).toBeGreaterThan(0);
      for (const snapshot of finals) {
        const output = snapshot.output as { outcome: string };
        for (const locale of LOCALES) {
          const line = flow.finish(output, view(locale));
          if (options.quiet.includes(output.outcome)) expect(line, output.outcome).toBeNull();
          else expect(line?.trim(), `${output.outcome} in ${locale}`).toBeTruthy();
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
}

// ---------------------------------------------------------------- agencyRealtors

const realtorsScript = new ActorScript();
const realtors: AnyStateMachine = agencyRealtorsMachine.provide({
  actors: { load: realtorsScript.promise('load'), setStatus: realtorsScript.promise('setStatus') },
});
const realtor = (change: Partial<AgencyRealtorItem>): AgencyRealtorItem => ({
  id: 11,
  fullName: 'Асель Нурланова',
  email: 'realtor1@demo.kz',
  phone: '+77010000011',
  status: 'active',
  listingsCount: 9,
  bookingsThisMonth: 2,
  ...change,
});
const realtorsPage = (items: AgencyRealtorItem[], at: number, pages: number): AgencyRealtorsLoaded => ({
  list: { items, page: at, pageSize: 5, pages, total: pages * 5 - 3 },
  menu: { role: 'super_admin', unread: 1 },
});

describeInlineModel({
  flow: agencyRealtorsFlow,
  machine: realtors,
  script: realtorsScript,
  quiet: ['closed', 'add'],
  events: [
    doneEvent(realtors, 'loading', realtorsPage([realtor({}), realtor({ id: 12, status: 'blocked' })], 1, 2)),
    doneEvent(realtors, 'loading', realtorsPage([realtor({ id: 13, fullName: 'Тимур Касымов' })], 2, 2)),
    doneEvent(realtors, 'loading', realtorsPage([], 1, 1)),
    errorEvent(realtors, 'loading', new AccountBlocked()),
    { type: 'cb.page', id: 2 },
    { type: 'cb.page', id: 1 },
    { type: 'cb.page', id: 3 },
    { type: 'cb.rstatus', id: 11, arg: 'blocked' },
    { type: 'cb.rstatus', id: 12, arg: 'active' },
    { type: 'cb.rstatus', id: 11, arg: 'deleted' },
    { type: 'cb.rstatusok', id: 11, arg: 'blocked' },
    { type: 'cb.rstatusok', id: 11, arg: 'active' },
    { type: 'cb.rstatusok', id: 12, arg: 'active' },
    { type: 'cb.radd', id: 0 },
    { type: 'cb.close', id: 0 },
    { type: 'TEXT', text: 'привет' },
    { type: 'BACK' },
    { type: 'CANCEL' },
    doneEvent(realtors, 'settingStatus', { fullName: 'Асель Нурланова', status: 'blocked' }),
    doneEvent(realtors, 'settingStatus', { fullName: 'Тимур Касымов', status: 'active' }),
    errorEvent(realtors, 'settingStatus', new NotFound('realtor', 11)),
    errorEvent(realtors, 'settingStatus', new InvalidState('user', 'blocked')),
  ],
});

// ---------------------------------------------------------------- agencyMetrics

const metricsScript = new ActorScript();
const metricsMachine: AnyStateMachine = agencyMetricsMachine.provide({
  actors: { load: metricsScript.promise('load') },
});
const counts = { pending: 1, confirmed: 2, cancelled: 1, completed: 4, total: 8 };
const metrics = (change: Partial<AgencyMetrics>): AgencyMetrics => ({
  agency: { id: 3, name: 'Алматы Апартаменты', active: true },
  today: '2026-11-24',
  realtors: { active: 2, total: 3 },
  listings: { published: 17, total: 18 },
  thisMonth: { month: '2026-11', bookings: counts, revenue: 45_000 },
  allTime: { bookings: counts, revenue: 245_000 },
  occupancy: 0.125,
  averageRating: 4.25,
  topListings: [
    { listingId: 5, title: 'Студия у Медеу', realtorName: 'Асель Нурланова', revenue: 90_000, bookings: 3 },
  ],
  topRealtors: [{ realtorId: 11, fullName: 'Асель Нурланова', revenue: 90_000, bookings: 3 }],
  ...change,
});
const days = (counts: number[]) =>
  counts.map((count, i) => ({ date: `2026-11-${String(i + 1).padStart(2, '0')}`, count }));

describeInlineModel({
  flow: agencyMetricsFlow,
  machine: metricsMachine,
  script: metricsScript,
  quiet: ['closed', 'export'],
  events: [
    doneEvent(metricsMachine, 'loading', { metrics: metrics({}), perDay: days([0, 1, 3, 0, 2]) }),
    doneEvent(metricsMachine, 'loading', {
      metrics: metrics({
        agency: { id: 3, name: 'Пусто', active: false },
        averageRating: null,
        topListings: [],
        topRealtors: [],
      }),
      perDay: days([0, 0, 0]),
    }),
    errorEvent(metricsMachine, 'loading', new Forbidden('not a super admin')),
    { type: 'cb.bexport', id: 0 },
    { type: 'cb.close', id: 0 },
    { type: 'cb.page', id: 1 },
    { type: 'TEXT', text: 'привет' },
    { type: 'CANCEL' },
  ],
});

// ---------------------------------------------------------------- bookingsExport

const exportScript = new ActorScript();
const exportMachine = bookingsExportMachine.provide({
  actors: { exportBookings: exportScript.promise('exportBookings') },
});
const result = (rows: number): ExportResult => ({
  from: '2026-10-01',
  to: '2026-10-31',
  agencyName: 'Алматы Апартаменты',
  rows: Array.from({ length: rows }, (_, i) => ({
    id: i + 1,
    listing: 'Студия у Медеу',
    city: 'Алматы',
    realtor: 'Асель Нурланова',
    agency: 'Алматы Апартаменты',
    guest: 'Алия Серикова',
    phone: '+77010000021',
    checkIn: '2026-12-05',
    checkOut: '2026-12-08',
    nights: 3,
    guests: 2,
    total: 45_000,
    status: 'confirmed',
    createdAt: '2026-10-05T07:00:00.000Z',
  })),
  total: rows,
  truncated: false,
});

describeFlowModel({
  flow: bookingsExportFlow,
  machine: exportMachine,
  script: exportScript,
  events: [
    { type: 'cb.bperiod', id: 0, arg: 'thisMonth' },
    { type: 'cb.bperiod', id: 0, arg: 'lastMonth' },
    { type: 'cb.bperiod', id: 0, arg: 'yesterday' },
    { type: 'TEXT', text: '01.10.2026–31.10.2026' },
    { type: 'TEXT', text: 'октябрь' },
    { type: 'CANCEL' },
    { type: 'BACK' },
    doneEvent(exportMachine, 'exporting', result(2)),
    doneEvent(exportMachine, 'exporting', result(0)),
    errorEvent(exportMachine, 'exporting', new Forbidden('another agency')),
    errorEvent(exportMachine, 'exporting', new ValidationFailed([{ field: 'to', message: 'too long' }])),
  ],
});
