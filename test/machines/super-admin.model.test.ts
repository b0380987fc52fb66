/**
 * Model-based tests of the Super Admin's list flows — «👥 Риелторы»
 * (agencyRealtors), «📊 Агентство» (agencyMetrics) — and the bookings export:
 * `xstate/graph` paths over every reachable state and transition drive the real
 * machines, restored from JSON at every settled step, as the bot runs them.
 */
import { expect } from 'vitest';
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { OutgoingMessage } from '../../src/bot/screen.ts';
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
import { ActorScript, describeFlowModel, doneEvent, errorEvent } from '../support/flows.ts';
import { replyButtons } from '../support/model-screens.ts';

/**
 * How the Super Admin's list flows offer their way out: inline screens under
 * the main menu (a list with ✖️ Закрыть rather than a reply ❌ Отмена).
 */
function inlineWayOut(_snapshot: AnyMachineSnapshot, messages: OutgoingMessage[], where: string): void {
  // The way out: ✖️ Закрыть on a list, «Нет» (back to the list) on a confirmation.
  const actions = messages.flatMap((m) => m.inline?.flat() ?? []).map((b) => b.callback.action);
  expect(actions.includes('close') || actions.includes('page'), where).toBe(true);
  // Inline screens leave the main menu in place (or put it back): no flow keyboard to get stuck in.
  for (const button of replyButtons(messages)) expect(button.event, where).toBeUndefined();
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

describeFlowModel({
  flow: agencyRealtorsFlow,
  machine: realtors,
  script: realtorsScript,
  screens: inlineWayOut,
  quiet: ['closed', 'add'],
  timeout: 120_000,
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

describeFlowModel({
  flow: agencyMetricsFlow,
  machine: metricsMachine,
  script: metricsScript,
  screens: inlineWayOut,
  quiet: ['closed', 'export'],
  timeout: 120_000,
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
