/**
 * Model-based test of «👥 Пользователи»: `xstate/graph` paths over every
 * reachable state and transition drive the real machine, restored from JSON
 * at every settled step, as the bot runs it.
 */
import type { AnyEventObject } from 'xstate';
import { usersFlow } from '../../src/bot/views/users.view.ts';
import { Forbidden, InvalidState, LastSuperuser } from '../../src/domain/errors.ts';
import { type UserItem, type UsersLoaded, usersMachine } from '../../src/machines/users.machine.ts';
import { ActorScript, describeFlowModel, doneEvent, errorEvent } from '../support/flows.ts';
import { expectInlineListScreen } from '../support/model-screens.ts';

const script = new ActorScript();
const machine = usersMachine.provide({
  actors: {
    load: script.promise('load'),
    setRole: script.promise('setRole'),
    setStatus: script.promise('setStatus'),
  },
});

const guest: UserItem = {
  id: 1,
  fullName: 'Дана Сарсенова',
  email: 'dana@example.kz',
  role: 'guest',
  status: 'active',
  agency: null,
};
const realtor: UserItem = {
  id: 2,
  fullName: 'Тимур Касымов',
  email: 'realtor2@demo.kz',
  role: 'realtor',
  status: 'blocked',
  agency: { id: 1, name: 'Алматы Апартаменты' },
};
const owner: UserItem = {
  id: 3,
  fullName: 'Айдар Сейтказиев',
  email: 'owner@demo.kz',
  role: 'superuser',
  status: 'active',
  agency: null,
};
const loaded = (items: UserItem[], page: number): UsersLoaded => ({
  list: { items, page, pageSize: 5, pages: 2, total: 5 + items.length },
  menu: { role: 'superuser', unread: 1 },
});

/** What a Superuser can press and what the domain can answer (few values, so the model stays finite). */
const events: AnyEventObject[] = [
  doneEvent(machine, 'loading', loaded([guest, realtor, owner], 1)),
  doneEvent(machine, 'loading', loaded([], 2)),
  errorEvent(machine, 'loading', new Forbidden('role guest may not do this')),
  { type: 'cb.page', id: 2 },
  { type: 'cb.page', id: 1 },
  { type: 'cb.page', id: 3 },
  { type: 'cb.userrole', id: 1 },
  { type: 'cb.userrole', id: 2 },
  { type: 'cb.userrole', id: 9 },
  { type: 'cb.userstatus', id: 1, arg: 'blocked' },
  { type: 'cb.userstatus', id: 1, arg: 'active' },
  { type: 'cb.userstatus', id: 2, arg: 'active' },
  // Guest → Realtor without an agency: the picker; → Superuser, Realtor → Super Admin: a confirmation.
  { type: 'cb.setrole', id: 1, arg: 'realtor' },
  { type: 'cb.setrole', id: 1, arg: 'superuser' },
  { type: 'cb.setrole', id: 1, arg: 'guest' },
  { type: 'cb.setrole', id: 2, arg: 'super_admin' },
  { type: 'cb.setrole', id: 2, arg: 'admin' },
  { type: 'cb.setroleok', id: 1, arg: 'superuser' },
  { type: 'cb.setroleok', id: 1, arg: 'guest' },
  { type: 'cb.setroleok', id: 2, arg: 'super_admin' },
  { type: 'cb.userstatusok', id: 1, arg: 'blocked' },
  { type: 'cb.userstatusok', id: 2, arg: 'active' },
  { type: 'cb.userstatusok', id: 1, arg: 'active' },
  { type: 'cb.close', id: 0 },
  { type: 'CANCEL' },
  doneEvent(machine, 'settingRole', { kind: 'role', name: guest.fullName, role: 'superuser', agency: null }),
  errorEvent(machine, 'settingRole', new LastSuperuser()),
  doneEvent(machine, 'settingStatus', { kind: 'status', name: guest.fullName, status: 'blocked' }),
  errorEvent(machine, 'settingStatus', new InvalidState('user', 'blocked')),
];

describeFlowModel({
  flow: usersFlow,
  machine,
  script,
  events,
  timeout: 120_000,
  // Inline screens (edited in place) with an inline way out; the first screen also brings the
  // main menu back, whose buttons the engine answers itself.
  screens(snapshot, messages, where, { t }) {
    const wayOut = snapshot.matches('list')
      ? t.users.buttons.close
      : snapshot.matches('chooseRole')
        ? t.users.buttons.back
        : t.users.buttons.no;
    expectInlineListScreen(snapshot, messages, where, { t, role: 'superuser', wayOut });
  },
  quiet: ['closed', 'pickAgency'],
});
