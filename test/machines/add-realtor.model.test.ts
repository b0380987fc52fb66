import type { AnyEventObject } from 'xstate';
import { addRealtorFlow } from '../../src/bot/views/add-realtor.view.ts';
import { AgencyInactive, AlreadyExists, Forbidden } from '../../src/domain/errors.ts';
import { addRealtorMachine } from '../../src/machines/add-realtor.machine.ts';
import { ActorScript, describeFlowModel, doneEvent, errorEvent } from '../support/flows.ts';

const script = new ActorScript();
const machine = addRealtorMachine.provide({
  actors: {
    checkAvailability: script.promise('checkAvailability'),
    sealPassword: script.promise('sealPassword'),
    addRealtor: script.promise('addRealtor'),
  },
});

const free = { phoneTaken: false, emailTaken: false };

/**
 * What a Super Admin can type and what the domain can answer — one value of
 * each kind (one email, one phone, one name, one password) keeps the model finite.
 */
const events: AnyEventObject[] = [
  { type: 'TEXT', text: 'Zhanar@Demo.kz' },
  { type: 'TEXT', text: '8 701 555 44 33' },
  { type: 'TEXT', text: 'x' },
  { type: 'TEXT', text: 'short' },
  { type: 'CONTACT', phone: '77015554433', own: false },
  { type: 'CONTACT', phone: '+1 202 555 0100', own: false },
  { type: 'CANCEL' },
  { type: 'BACK' },
  { type: 'CONFIRM' },
  { type: 'EDIT' },
  { type: 'SKIP' },
  doneEvent(machine, 'checkingEmail', free),
  doneEvent(machine, 'checkingEmail', { phoneTaken: false, emailTaken: true }),
  errorEvent(machine, 'checkingEmail', new Forbidden('no')),
  doneEvent(machine, 'checkingPhone', free),
  doneEvent(machine, 'checkingPhone', { phoneTaken: true, emailTaken: false }),
  errorEvent(machine, 'checkingPhone', new Forbidden('no')),
  doneEvent(machine, 'sealingPassword', 'sealed.password'),
  doneEvent(machine, 'submitting', { id: 77, fullName: 'Zhanar@Demo.kz' }),
  errorEvent(machine, 'submitting', new AlreadyExists('email')),
  errorEvent(machine, 'submitting', new AlreadyExists('phone')),
  errorEvent(machine, 'submitting', new AgencyInactive()),
];

describeFlowModel({
  flow: addRealtorFlow,
  machine,
  script,
  events,
  // The context remembers the answers so far; the state, the notice and which answers are set tell steps apart.
  key: (snapshot) => {
    const { email, phone, fullName, sealedPassword, notice, error } = snapshot.context;
    return JSON.stringify([
      snapshot.value,
      snapshot.status,
      !!email,
      !!phone,
      !!fullName,
      !!sealedPassword,
      notice,
      error,
    ]);
  },
  timeout: 120_000,
});
