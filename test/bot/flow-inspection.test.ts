import { describe, expect, it } from 'vitest';
import type { AnyActorRef, AnyEventObject, InspectionEvent } from 'xstate';
import type { Flow, FlowServices } from '../../src/bot/flow.ts';
import { openFlow } from '../../src/bot/run-flow.ts';
import { registerFlow } from '../../src/bot/views/register.view.ts';
import type { Domain } from '../../src/domain/index.ts';
import { registerMachine } from '../../src/machines/register.machine.ts';
import { ActorScript } from '../support/flows.ts';

const services: FlowServices = {
  em: {} as FlowServices['em'],
  domain: {} as Domain,
  actor: null,
  telegram: { telegramId: 501, chatId: 42, firstName: 'Айгерим', locale: 'ru' },
};

/** The register flow with scripted domain calls; its email step counts as secret when `secretEmail`. */
function registerWith(script: ActorScript, secretEmail = false): Flow {
  return {
    ...registerFlow,
    machine: registerMachine.provide({
      actors: {
        checkAvailability: script.promise('checkAvailability'),
        registerAccount: script.promise('registerAccount'),
      },
    }),
    ...(secretEmail ? { sensitive: (snapshot) => snapshot.matches('askEmail') } : {}),
  };
}

const free = { phoneTaken: false, emailTaken: false };

/** Two updates of one chat, as the bot handles them: start, then a phone typed; what the inspector saw. */
async function twoUpdates(flow: Flow, inspect?: (event: InspectionEvent) => void) {
  const options = inspect ? { inspect } : {};
  const started = await (await openFlow(flow, services, null, undefined, options)).send(null);
  const open = await openFlow(flow, services, started.persisted, undefined, options);
  const step = await open.send({ type: 'TEXT', text: '+7 701 123 45 67' });
  return { started, step };
}

/** The actor an inspection event is about (the bot's actors are full actors, with an id and a parent). */
const actorOf = (event: InspectionEvent) => event.actorRef as AnyActorRef;

const rootEvents = (seen: InspectionEvent[], type: InspectionEvent['type']) =>
  seen.filter((event) => event.type === type && actorOf(event).id === 'register · chat 42');

describe('flow inspection (INSPECT=1)', () => {
  it("shows each update's transitions to the inspector, the actor named after the flow and the chat", async () => {
    const script = new ActorScript().resolve(free);
    const seen: InspectionEvent[] = [];
    const { step } = await twoUpdates(registerWith(script), (event) => seen.push(event));

    expect(step.snapshot.value).toBe('askEmail');
    const received = rootEvents(seen, '@xstate.event').map(
      (event) => (event as { event: AnyEventObject }).event,
    );
    expect(received).toContainEqual({ type: 'TEXT', text: '+7 701 123 45 67' });
    expect(received.map((event) => event.type)).toContain('xstate.done.actor.0.register.checkingPhone');
    // The states the chat went through, in order, across both updates' actors.
    const values = rootEvents(seen, '@xstate.snapshot').map(
      (event) => (event as unknown as { snapshot: { value: unknown } }).snapshot.value,
    );
    expect(values.filter((value, i) => value !== values[i - 1])).toEqual([
      'askPhone',
      'checkingPhone',
      'askEmail',
    ]);
    // The domain call shows as the chat actor's child.
    const child = seen.find(
      (event) => event.type === '@xstate.actor' && actorOf(event).id === '0.register.checkingPhone',
    );
    expect(child && actorOf(child)._parent?.id).toBe('register · chat 42');
  });

  it('persists the same snapshots with or without the inspector', async () => {
    const plain = await twoUpdates(registerWith(new ActorScript().resolve(free)));
    const inspected = await twoUpdates(registerWith(new ActorScript().resolve(free)), () => {});
    expect(JSON.stringify(inspected.started.persisted)).toBe(JSON.stringify(plain.started.persisted));
    expect(JSON.stringify(inspected.step.persisted)).toBe(JSON.stringify(plain.step.persisted));
  });

  it('shows text typed in a sensitive state as [secret]', async () => {
    const script = new ActorScript().resolve(free).resolve(free);
    const flow = registerWith(script, true);
    const seen: InspectionEvent[] = [];
    const inspect = (event: InspectionEvent) => seen.push(event);
    const { step } = await twoUpdates(flow, inspect);
    const open = await openFlow(flow, services, step.persisted, undefined, { inspect });
    expect((await open.send({ type: 'TEXT', text: 'aigerim@example.kz' })).snapshot.value).toBe('summary');

    const texts = seen
      .map((event) => (event as { event?: AnyEventObject }).event)
      .filter((event) => event?.type === 'TEXT')
      .map((event) => event!.text);
    // The phone (typed in a step that is not secret) shows; the secret never does.
    expect(texts).toContain('+7 701 123 45 67');
    expect(texts).toContain('[secret]');
    expect(texts).not.toContain('aigerim@example.kz');
  });
});
