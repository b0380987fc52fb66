/**
 * Model-based test of the agency-reassignment machine (the agency picker):
 * `xstate/graph` paths over every reachable state and transition drive the
 * real machine, restored from JSON at every settled step, as the bot runs it.
 */
import type { AnyEventObject } from 'xstate';
import { agencyPickerFlow } from '../../src/bot/views/agency-picker.view.ts';
import { Forbidden, InvalidState, LastSuperuser } from '../../src/domain/errors.ts';
import {
  type AgencyMatchPage,
  type AgencyOption,
  agencyPickerContext,
  agencyPickerMachine,
} from '../../src/machines/agency-picker.machine.ts';
import { ActorScript, describeFlowModel, doneEvent, errorEvent } from '../support/flows.ts';
import { startingWith } from '../support/machine-start.ts';

const script = new ActorScript();

/** A realtor of «Алматы Апартаменты» (agency 1) moving elsewhere: the picker as «Сменить агентство» starts it. */
const machine = startingWith(
  agencyPickerMachine,
  agencyPickerContext({
    purpose: 'reassign',
    realtorId: 41,
    subject: 'Тимур Касымов',
    currentAgency: { id: 1, name: 'Алматы Апартаменты' },
    returnTo: { flow: 'platformRealtors', input: { page: 2 } },
  }),
).provide({
  actors: {
    findAgencies: script.promise('findAgencies'),
    assignAgency: script.promise('assignAgency'),
  },
});

const almaty: AgencyOption = { id: 1, name: 'Алматы Апартаменты', city: 'Алматы', active: true };
const astana: AgencyOption = { id: 2, name: 'Астана Стей', city: 'Астана', active: true };
const closed: AgencyOption = { id: 3, name: 'Дом у моря', city: 'Актау', active: false };
const page = (items: AgencyOption[], at: number, pages: number, capped = false): AgencyMatchPage => ({
  items,
  page: at,
  pageSize: 5,
  pages,
  total: items.length + (pages - 1) * 5,
  capped,
});

/** What a Superuser can do and what the domain can answer (few values, so the model stays finite). */
const events: AnyEventObject[] = [
  { type: 'TEXT', text: 'а' },
  { type: 'TEXT', text: '   ' },
  { type: 'TEXT', text: 'я'.repeat(101) },
  { type: 'BACK' },
  { type: 'CONFIRM' },
  { type: 'CANCEL' },
  doneEvent(machine, 'searching', page([almaty, astana, closed], 1, 2)),
  doneEvent(machine, 'searching', page([astana], 2, 2, true)),
  doneEvent(machine, 'searching', page([], 1, 1)),
  errorEvent(machine, 'searching', new Forbidden('role guest may not do this')),
  { type: 'cb.page', id: 2 },
  { type: 'cb.page', id: 1 },
  { type: 'cb.page', id: 3 },
  { type: 'cb.agencypick', id: 1 },
  { type: 'cb.agencypick', id: 3 },
  { type: 'cb.agencypick', id: 99 },
  doneEvent(machine, 'assigning', null),
  errorEvent(machine, 'assigning', new InvalidState('realtor', 'changed')),
  errorEvent(machine, 'assigning', new LastSuperuser()),
];

describeFlowModel({ flow: agencyPickerFlow, machine, script, events, timeout: 120_000 });
