import type { AnyEventObject, AnyMachineSnapshot } from 'xstate';
import { blockDatesFlow } from '../../src/bot/views/block-dates.view.ts';
import { DatesTaken, NotFound, ValidationFailed } from '../../src/domain/errors.ts';
import {
  type BlockDatesContext,
  type BlockDatesStart,
  blockDatesMachine,
} from '../../src/machines/block-dates.machine.ts';
import type { BookingBrief } from '../../src/machines/my-listings.machine.ts';
import { ActorScript, describeFlowModel, doneEvent, errorEvent } from '../support/flows.ts';

const script = new ActorScript();
const machine = blockDatesMachine.provide({
  actors: {
    start: script.promise('start'),
    loadMonth: script.promise('loadMonth'),
    addBlock: script.promise('addBlock'),
    getBooking: script.promise('getBooking'),
  },
});

const started: BlockDatesStart = {
  title: 'Студия у Медеу',
  today: '2026-12-01',
  calendar: { month: '2026-12', days: { '2026-12-05': 'booked', '2026-12-10': 'blocked' } },
};
const conflict: BookingBrief = {
  id: 41,
  guestName: 'Алия Серикова',
  guestPhone: '+77010000021',
  checkIn: '2026-12-13',
  checkOut: '2026-12-16',
  nights: 3,
  guests: 2,
  total: 45_000,
  status: 'confirmed',
};

/** What a realtor can do and what the domain can answer (few dates, so the model stays finite). */
const events: AnyEventObject[] = [
  doneEvent(machine, 'starting', started),
  errorEvent(machine, 'starting', new NotFound('listing', 7)),
  { type: 'cb.month', id: 202701 },
  { type: 'cb.month', id: 202611 },
  { type: 'cb.month', id: 7 },
  doneEvent(machine, 'loadingMonth', { month: '2027-01', days: {} }),
  errorEvent(machine, 'loadingMonth', new NotFound('listing', 7)),
  // Past; the first night; an earlier first night; the end; more than 365 nights after the start.
  { type: 'cb.day', id: 20261130 },
  { type: 'cb.day', id: 20261212 },
  { type: 'cb.day', id: 20261211 },
  { type: 'cb.day', id: 20261215 },
  { type: 'cb.day', id: 20280101 },
  // Typed dates where dates are asked, the note where the note is.
  { type: 'TEXT', text: '12.12–15.12' },
  { type: 'TEXT', text: 'завтра' },
  { type: 'TEXT', text: 'я'.repeat(201) },
  { type: 'SKIP' },
  { type: 'BACK' },
  { type: 'CONFIRM' },
  { type: 'EDIT' },
  { type: 'CANCEL' },
  doneEvent(machine, 'saving', { id: 99 }),
  errorEvent(machine, 'saving', new DatesTaken(41)),
  errorEvent(machine, 'saving', new DatesTaken(null)),
  errorEvent(machine, 'saving', new ValidationFailed([{ field: 'endsOn', message: 'in the past' }])),
  doneEvent(machine, 'loadingConflict', conflict),
  errorEvent(machine, 'loadingConflict', new NotFound('booking', 41)),
];

/** Snapshots told apart by what the guards and screens read: the step, the picked days, the conflict. */
function key(snapshot: AnyMachineSnapshot): string {
  const context = snapshot.context as BlockDatesContext;
  return [
    String(snapshot.value),
    context.pendingStart ?? '-',
    context.startsOn ? `${context.startsOn}..${context.endsOn}` : '-',
    context.note === null ? 'no note' : 'note',
    context.conflictId ?? '-',
    context.month,
  ].join(' | ');
}

describeFlowModel({ flow: blockDatesFlow, machine, script, events, key, timeout: 300_000 });
