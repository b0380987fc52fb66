import type { AnyEventObject, AnyMachineSnapshot } from 'xstate';
import { addListingFlow } from '../../src/bot/views/add-listing.view.ts';
import { Forbidden, ValidationFailed } from '../../src/domain/errors.ts';
import {
  type AddListingContext,
  addListingMachine,
  LISTING_FIELDS,
} from '../../src/machines/add-listing.machine.ts';
import { ActorScript, describeFlowModel, doneEvent, errorEvent } from '../support/flows.ts';

const script = new ActorScript();

const machine = addListingMachine.provide({
  actors: {
    start: script.promise('start'),
    save: script.promise('save'),
  },
});

/**
 * What a realtor can type and press, and what the domain can answer. One TEXT
 * means different things on different steps: «Ок» is a short title but a fine
 * city, «15 000 ₸» a price but no city, «4» a number of guests but a short title.
 */
const events: AnyEventObject[] = [
  doneEvent(machine, 'starting', { cities: ['Алматы', 'Астана'] }),
  errorEvent(machine, 'starting', new Forbidden('role guest may not do this')),
  { type: 'TEXT', text: 'Ок' },
  { type: 'TEXT', text: 'х'.repeat(121) },
  { type: 'TEXT', text: 'о'.repeat(2001) },
  { type: 'TEXT', text: 'Студия у Медеу' },
  { type: 'TEXT', text: '15 000 ₸' },
  { type: 'TEXT', text: '0' },
  { type: 'TEXT', text: '99 999 999' },
  { type: 'TEXT', text: '4' },
  { type: 'TEXT', text: '51' },
  { type: 'PHOTO', fileId: 'AgACAgIAAxkBAAIBZ2' },
  { type: 'cb.amen', id: 0, arg: 'wifi' },
  { type: 'cb.amen', id: 0, arg: 'sauna' },
  { type: 'cb.done', id: 0 },
  ...LISTING_FIELDS.map((field) => ({ type: 'cb.field', id: 0, arg: field })),
  { type: 'cb.field', id: 0, arg: 'rating' },
  { type: 'SKIP' },
  { type: 'BACK' },
  { type: 'CONFIRM' },
  { type: 'EDIT' },
  { type: 'CANCEL' },
  doneEvent(machine, 'saving', { listingId: 77, title: 'Студия у Медеу' }),
  errorEvent(machine, 'saving', new ValidationFailed([{ field: 'title', message: 'too short' }])),
  errorEvent(machine, 'saving', new Forbidden('role guest may not do this')),
];

/**
 * Snapshots are told apart by what changes the screen or the next step, not by
 * every typed value (which would make the model endless).
 */
function key(snapshot: AnyMachineSnapshot): string {
  const context = snapshot.context as AddListingContext;
  return JSON.stringify([
    snapshot.value,
    snapshot.status,
    context.notice,
    context.editing,
    context.error?.code ?? null,
    context.draft.photoFileId !== null,
    context.draft.amenities.length,
    context.draftAmenities.length,
  ]);
}

describeFlowModel({ flow: addListingFlow, machine, script, events, key, timeout: 300_000 });
