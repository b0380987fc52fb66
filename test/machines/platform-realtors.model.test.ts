/**
 * Model-based test of the Superuser's «👨‍💼 Риелторы»: `xstate/graph` paths
 * over every reachable state and transition drive the real machine, restored
 * from JSON at every settled step, as the bot runs it.
 */
import type { AnyEventObject } from 'xstate';
import { platformRealtorsFlow } from '../../src/bot/views/platform-realtors.view.ts';
import { AccountBlocked, InvalidState, NotFound } from '../../src/domain/errors.ts';
import {
  platformRealtorsMachine,
  type RealtorItem,
  type RealtorsLoaded,
} from '../../src/machines/platform-realtors.machine.ts';
import { ActorScript, describeFlowModel, doneEvent, errorEvent } from '../support/flows.ts';
import { expectInlineListScreen } from '../support/model-screens.ts';

const script = new ActorScript();
const machine = platformRealtorsMachine.provide({
  actors: {
    load: script.promise('load'),
    removeAgency: script.promise('removeAgency'),
    setStatus: script.promise('setStatus'),
  },
});

const timur: RealtorItem = {
  id: 5,
  fullName: 'Тимур Касымов',
  email: 'realtor2@demo.kz',
  phone: '+77010000012',
  status: 'active',
  agency: { id: 1, name: 'Алматы Апартаменты' },
};
const ruslan: RealtorItem = {
  id: 7,
  fullName: 'Руслан Беков',
  email: 'realtor4@demo.kz',
  phone: '+77010000014',
  status: 'blocked',
  agency: null,
};
const loaded = (items: RealtorItem[], page: number): RealtorsLoaded => ({
  list: { items, page, pageSize: 5, pages: 2, total: 5 + items.length },
  menu: { role: 'superuser', unread: 0 },
});

/** What a Superuser can press and what the domain can answer (few values, so the model stays finite). */
const events: AnyEventObject[] = [
  doneEvent(machine, 'loading', loaded([timur, ruslan], 1)),
  doneEvent(machine, 'loading', loaded([], 2)),
  errorEvent(machine, 'loading', new AccountBlocked()),
  { type: 'cb.page', id: 2 },
  { type: 'cb.page', id: 1 },
  { type: 'cb.page', id: 3 },
  { type: 'cb.prmove', id: 5 },
  { type: 'cb.prmove', id: 9 },
  { type: 'cb.prdetach', id: 5 },
  // Ruslan has no agency to remove.
  { type: 'cb.prdetach', id: 7 },
  { type: 'cb.prdetachok', id: 5 },
  { type: 'cb.prdetachok', id: 7 },
  { type: 'cb.prstatus', id: 5, arg: 'blocked' },
  { type: 'cb.prstatus', id: 5, arg: 'active' },
  { type: 'cb.prstatus', id: 7, arg: 'active' },
  { type: 'cb.prstatusok', id: 5, arg: 'blocked' },
  { type: 'cb.prstatusok', id: 5, arg: 'active' },
  { type: 'cb.close', id: 0 },
  { type: 'CANCEL' },
  doneEvent(machine, 'detaching', null),
  errorEvent(machine, 'detaching', new InvalidState('realtor', 'without_agency')),
  doneEvent(machine, 'settingStatus', { kind: 'status', name: timur.fullName, status: 'blocked' }),
  errorEvent(machine, 'settingStatus', new NotFound('realtor', 5)),
];

describeFlowModel({
  flow: platformRealtorsFlow,
  machine,
  script,
  events,
  timeout: 120_000,
  // Inline screens (edited in place) with an inline way out; the first screen also brings the
  // main menu back, whose buttons the engine answers itself.
  screens(snapshot, messages, where, { t }) {
    const wayOut = snapshot.matches('list')
      ? t.platformRealtors.buttons.close
      : t.platformRealtors.buttons.no;
    expectInlineListScreen(snapshot, messages, where, { t, role: 'superuser', wayOut });
  },
  quiet: ['closed', 'reassign'],
});
