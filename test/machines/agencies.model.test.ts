/**
 * Model-based test of «🏢 Агентства»: `xstate/graph` paths over every
 * reachable state and transition drive the real machine, restored from JSON
 * at every settled step, as the bot runs it.
 */
import { expect } from 'vitest';
import type { AnyEventObject, AnyMachineSnapshot } from 'xstate';
import { agenciesFlow } from '../../src/bot/views/agencies.view.ts';
import {
  AlreadyExists,
  Forbidden,
  InvalidState,
  NotFound,
  ValidationFailed,
} from '../../src/domain/errors.ts';
import {
  type AgenciesLoaded,
  type AgencyCard,
  type AgencyLoaded,
  type AgencyRow,
  agenciesMachine,
} from '../../src/machines/agencies.machine.ts';
import { ActorScript, describeFlowModel, doneEvent, errorEvent } from '../support/flows.ts';
import { expectInlineListScreen, expectTypingStep } from '../support/model-screens.ts';

const script = new ActorScript();
const machine = agenciesMachine.provide({
  actors: {
    load: script.promise('load'),
    loadAgency: script.promise('loadAgency'),
    setActive: script.promise('setActive'),
    update: script.promise('update'),
  },
});

const almaty: AgencyRow = {
  id: 1,
  name: 'Алматы Апартаменты',
  city: 'Алматы',
  active: true,
  realtorsCount: 2,
  listingsCount: 18,
};
const astana: AgencyRow = { ...almaty, id: 2, name: 'Астана Стей', city: 'Астана', active: false };
const shymkent: AgencyRow = { ...almaty, id: 6, name: 'Шымкент Хоум', city: 'Шымкент', realtorsCount: 0 };
const loaded = (items: AgencyRow[], page: number): AgenciesLoaded => ({
  list: { items, page, pageSize: 5, pages: 2, total: 5 + items.length },
  menu: { role: 'superuser', unread: 0 },
});
const card: AgencyCard = {
  id: 1,
  name: 'Алматы Апартаменты',
  city: 'Алматы',
  phone: '+77272500100',
  email: 'office@almaty-apart.kz',
  active: true,
  createdAt: '2026-11-24T04:00:00.000Z',
  realtors: { active: 2, total: 2 },
  listings: { published: 17, total: 18 },
  bookings: { pending: 1, confirmed: 3, cancelled: 1, completed: 4, total: 9 },
  revenue: 412_000,
  superAdmins: [
    {
      id: 2,
      fullName: 'Мадина Ахметова',
      email: 'admin.almaty@demo.kz',
      phone: '+77010000002',
      status: 'active',
    },
  ],
};
const agencyLoaded: AgencyLoaded = { agency: card, cities: ['Алматы', 'Астана', 'Шымкент'] };

/** What a Superuser can press or type and what the domain can answer (few values, so the model stays finite). */
const events: AnyEventObject[] = [
  doneEvent(machine, 'loading', loaded([almaty, astana], 1)),
  doneEvent(machine, 'loading', loaded([shymkent], 2)),
  errorEvent(machine, 'loading', new Forbidden('role guest may not do this')),
  { type: 'cb.page', id: 2 },
  { type: 'cb.page', id: 3 },
  { type: 'cb.agon', id: 2 },
  { type: 'cb.agon', id: 1 },
  { type: 'cb.agon', id: 99 },
  { type: 'cb.agoff', id: 1 },
  { type: 'cb.agoffok', id: 1 },
  { type: 'cb.agoffok', id: 2 },
  { type: 'cb.agmore', id: 1 },
  { type: 'cb.agedit', id: 1 },
  { type: 'cb.field', id: 0, arg: 'city' },
  { type: 'cb.field', id: 0, arg: 'phone' },
  { type: 'cb.field', id: 0, arg: 'rating' },
  { type: 'cb.agadd', id: 0 },
  { type: 'cb.bexport', id: 0 },
  { type: 'cb.bexport', id: 1 },
  { type: 'cb.close', id: 0 },
  // A phone (also a fine city), and something no field takes.
  { type: 'TEXT', text: '8 701 222 33 44' },
  { type: 'TEXT', text: 'x' },
  { type: 'BACK' },
  { type: 'CANCEL' },
  doneEvent(machine, 'loadingAgency', agencyLoaded),
  errorEvent(machine, 'loadingAgency', new NotFound('agency', 1)),
  doneEvent(machine, 'switching', { name: 'Астана Стей' }),
  errorEvent(machine, 'switching', new InvalidState('agency', 'active')),
  doneEvent(machine, 'saving', { name: 'Алматы Апартаменты' }),
  errorEvent(machine, 'saving', new AlreadyExists('name')),
  errorEvent(machine, 'saving', new ValidationFailed([{ field: 'phone', message: 'invalid phone' }])),
  errorEvent(machine, 'saving', new NotFound('agency', 1)),
];

/**
 * The model tells snapshots apart by state and the parts of the context that
 * steer a press or show on screen (not every combination of list and card
 * contents), so it stays small.
 */
const key = (snapshot: AnyMachineSnapshot) => {
  const c = snapshot.context;
  return JSON.stringify([
    snapshot.value,
    c.page,
    c.list?.page ?? null,
    c.fresh,
    c.focus,
    c.target,
    c.from,
    c.makeActive,
    c.agency?.id ?? null,
    c.field,
    c.value,
    c.notice,
    c.error?.code ?? null,
    c.exportOf?.agencyId ?? null,
  ]);
};

describeFlowModel({
  flow: agenciesFlow,
  machine,
  script,
  events,
  key,
  timeout: 180_000,
  // Inline screens (edited in place) with an inline way out, the first one (and the first after a
  // typing step) also bringing the main menu back; the typing step has its own Back / Cancel keyboard.
  screens(snapshot, messages, where, { t }) {
    if (snapshot.matches('askValue')) {
      const reply = expectTypingStep(snapshot, messages, where, t);
      expect(reply, where).toContainEqual({ text: t.buttons.back, event: { type: 'BACK' } });
      return;
    }
    const b = t.agencies.buttons;
    const wayOut = snapshot.matches('list')
      ? b.close
      : snapshot.matches('card')
        ? b.toList
        : snapshot.matches('chooseField')
          ? b.back
          : b.no;
    expectInlineListScreen(snapshot, messages, where, { t, role: 'superuser', wayOut });
  },
  quiet: ['closed', 'add', 'export'],
});
