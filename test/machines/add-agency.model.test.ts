/**
 * Model-based test of «➕ Добавить агентство»: `xstate/graph` paths over every
 * reachable state and transition drive the real machine, restored from JSON
 * at every settled step, as the bot runs it.
 */
import { expect } from 'vitest';
import type { AnyEventObject, AnyMachineSnapshot } from 'xstate';
import { addAgencyFlow } from '../../src/bot/views/add-agency.view.ts';
import { AlreadyExists, Forbidden, ValidationFailed } from '../../src/domain/errors.ts';
import { addAgencyMachine } from '../../src/machines/add-agency.machine.ts';
import { ActorScript, describeFlowModel, doneEvent, errorEvent } from '../support/flows.ts';
import { expectTypingStep } from '../support/model-screens.ts';

const script = new ActorScript();
const machine = addAgencyMachine.provide({
  actors: {
    loadCities: script.promise('loadCities'),
    checkName: script.promise('checkName'),
    create: script.promise('create'),
  },
});

/**
 * What a Superuser can type or press and what the domain can answer. One text
 * is a fine name and city, one a fine phone (and name and city), one a fine
 * email (and name and city), one nothing at all: few values, so the model stays finite.
 */
const events: AnyEventObject[] = [
  doneEvent(machine, 'preparing', ['Алматы', 'Астана']),
  errorEvent(machine, 'preparing', new Forbidden('role guest may not do this')),
  { type: 'TEXT', text: 'Жилстрой' },
  { type: 'TEXT', text: '8 701 222 33 44' },
  { type: 'TEXT', text: 'office@zhilstroy.kz' },
  { type: 'TEXT', text: 'Я' },
  { type: 'CONFIRM' },
  { type: 'EDIT' },
  { type: 'BACK' },
  { type: 'CANCEL' },
  { type: 'cb.field', id: 0, arg: 'name' },
  { type: 'cb.field', id: 0, arg: 'city' },
  { type: 'cb.field', id: 0, arg: 'phone' },
  { type: 'cb.field', id: 0, arg: 'email' },
  { type: 'cb.field', id: 0, arg: 'rating' },
  doneEvent(machine, 'checkingName', { taken: false }),
  doneEvent(machine, 'checkingName', { taken: true }),
  errorEvent(machine, 'checkingName', new Forbidden('role guest may not do this')),
  doneEvent(machine, 'creating', { id: 7, name: 'Жилстрой' }),
  errorEvent(machine, 'creating', new AlreadyExists('name')),
  errorEvent(machine, 'creating', new ValidationFailed([{ field: 'email', message: 'invalid email' }])),
];

/** The model tells snapshots apart by state, which fields are filled and how, and the notice. */
const key = (snapshot: AnyMachineSnapshot) => {
  const { name, city, phone, email, editing, notice, error } = snapshot.context;
  return JSON.stringify([snapshot.value, name, city, phone, email, editing, notice, error?.code ?? null]);
};

describeFlowModel({
  flow: addAgencyFlow,
  machine,
  script,
  events,
  key,
  timeout: 180_000,
  // Every step has its reply keyboard with Cancel; each button sends an event the step takes
  // (a city button sends its name as text).
  screens(snapshot, messages, where, { t }) {
    const reply = expectTypingStep(snapshot, messages, where, t);
    if (snapshot.matches('askCity')) {
      expect(reply.map((button) => button.text).slice(0, 2), where).toEqual(['Алматы', 'Астана']);
    }
  },
});
