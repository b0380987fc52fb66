import type { AnyEventObject } from 'xstate';
import { registerFlow } from '../../src/bot/views/register.view.ts';
import { AlreadyExists, AlreadyLinked, RateLimited } from '../../src/domain/errors.ts';
import { registerMachine } from '../../src/machines/register.machine.ts';
import { ActorScript, describeFlowModel, doneEvent, errorEvent } from '../support/flows.ts';

const script = new ActorScript();
const machine = registerMachine.provide({
  actors: {
    checkAvailability: script.promise('checkAvailability'),
    registerAccount: script.promise('registerAccount'),
  },
});

const free = { phoneTaken: false, emailTaken: false };

/** What a person can do and what the domain can answer (one phone, one email, so the model stays finite). */
const events: AnyEventObject[] = [
  { type: 'TEXT', text: '+7 701 123 45 67' },
  { type: 'TEXT', text: '8 701 123 45 67' },
  { type: 'TEXT', text: '12345' },
  { type: 'TEXT', text: 'Aigerim@Example.kz' },
  { type: 'CONTACT', phone: '77011234567', own: true },
  { type: 'CONTACT', phone: '+77011234567', own: false },
  { type: 'CONTACT', phone: '+1 202 555 0100', own: true },
  { type: 'CANCEL' },
  { type: 'BACK' },
  { type: 'CONFIRM' },
  { type: 'EDIT' },
  { type: 'SKIP' },
  { type: 'RETRY' },
  doneEvent(machine, 'checkingPhone', free),
  doneEvent(machine, 'checkingPhone', { phoneTaken: true, emailTaken: false }),
  errorEvent(machine, 'checkingPhone', new RateLimited(30)),
  doneEvent(machine, 'checkingEmail', free),
  doneEvent(machine, 'checkingEmail', { phoneTaken: false, emailTaken: true }),
  errorEvent(machine, 'checkingEmail', new RateLimited(30)),
  doneEvent(machine, 'submitting', { userId: 1, role: 'guest' }),
  errorEvent(machine, 'submitting', new AlreadyExists('email')),
  errorEvent(machine, 'submitting', new AlreadyExists('phone')),
  errorEvent(machine, 'submitting', new AlreadyLinked()),
  errorEvent(machine, 'submitting', new RateLimited(30)),
];

describeFlowModel({ flow: registerFlow, machine, script, events });
