import type { AnyEventObject } from 'xstate';
import { linkFlow } from '../../src/bot/views/link.view.ts';
import {
  AlreadyLinked,
  CodeExpired,
  CodeInvalid,
  RateLimited,
  ValidationFailed,
} from '../../src/domain/errors.ts';
import { linkMachine } from '../../src/machines/link.machine.ts';
import { ActorScript, describeFlowModel, doneEvent, errorEvent } from '../support/flows.ts';

const script = new ActorScript();
const machine = linkMachine.provide({
  actors: {
    requestCode: script.promise('requestCode'),
    confirmCode: script.promise('confirmCode'),
  },
});

const sent = { expiresInMinutes: 10 };

/** What a person can do and what the domain can answer (one email, so the model stays finite). */
const events: AnyEventObject[] = [
  { type: 'TEXT', text: 'Aigerim@Example.kz' },
  { type: 'TEXT', text: 'not-an-email' },
  { type: 'TEXT', text: '123 456' },
  { type: 'TEXT', text: '12345' },
  { type: 'CANCEL' },
  { type: 'BACK' },
  { type: 'RETRY' },
  { type: 'CONFIRM' },
  { type: 'SKIP' },
  doneEvent(machine, 'requesting', sent),
  errorEvent(machine, 'requesting', new AlreadyLinked()),
  errorEvent(machine, 'requesting', new RateLimited(30)),
  errorEvent(machine, 'requesting', new ValidationFailed([{ field: 'email', message: 'invalid email' }])),
  doneEvent(machine, 'confirming', { userId: 7, role: 'realtor' }),
  errorEvent(machine, 'confirming', new CodeInvalid(2)),
  errorEvent(machine, 'confirming', new CodeInvalid(0)),
  errorEvent(machine, 'confirming', new CodeExpired()),
  errorEvent(machine, 'confirming', new AlreadyLinked()),
  errorEvent(machine, 'confirming', new RateLimited(5)),
  doneEvent(machine, 'requestingAgain', sent),
  errorEvent(machine, 'requestingAgain', new RateLimited(30)),
  doneEvent(machine, 'renewing', sent),
  errorEvent(machine, 'renewing', new RateLimited(30)),
];

describeFlowModel({ flow: linkFlow, machine, script, events });
