import { beforeEach, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { registerFlow } from '../../src/bot/views/register.view.ts';
import { AlreadyExists, AlreadyLinked, RateLimited } from '../../src/domain/errors.ts';
import { registerMachine } from '../../src/machines/register.machine.ts';
import { ActorScript, FlowRun } from '../support/flows.ts';

const ru = messagesFor('ru');
const en = messagesFor('en');
const PHONE = '+77011234567';
const free = { phoneTaken: false, emailTaken: false };

let script: ActorScript;
let run: FlowRun;

beforeEach(() => {
  script = new ActorScript();
  const machine = registerMachine.provide({
    actors: {
      checkAvailability: script.promise('checkAvailability'),
      registerAccount: script.promise('registerAccount'),
    },
  });
  run = new FlowRun(machine, registerFlow);
});

/** Phone and email accepted: the summary is on screen. */
async function toSummary(): Promise<void> {
  script.resolve(free).resolve(free);
  await run.send({ type: 'CONTACT', phone: PHONE, own: true });
  await run.send({ type: 'TEXT', text: 'Aigerim@Example.kz' });
  expect(run.state).toBe('summary');
}

describe('register: the phone step', () => {
  it('starts by asking for the phone with a share-contact button and Cancel', () => {
    expect(run.state).toBe('askPhone');
    expect(run.text()).toContain('Шаг 1 из 2');
    expect(run.keyboard()).toEqual([[ru.buttons.shareContact], [ru.buttons.cancel]]);
    expect(run.messages()[0]?.reply).toContainEqual([
      { text: ru.buttons.shareContact, requestContact: true },
    ]);
    expect(run.keyboard('en')).toEqual([[en.buttons.shareContact], [en.buttons.cancel]]);
  });

  it('keeps the step on a number that is not Kazakh, says why, and asks the domain nothing', async () => {
    for (const text of ['12345', '+1 202 555 0100', 'мой номер']) {
      await run.send({ type: 'TEXT', text });
      expect(run.state).toBe('askPhone');
      expect(run.text()).toContain(ru.register.badPhone);
      expect(run.text()).toContain(ru.register.askPhone);
    }
    await run.send({ type: 'CONTACT', phone: '+12025550100', own: true });
    expect(run.text()).toContain(ru.register.badPhone);
    expect(script.calls).toEqual([]);
  });

  it("refuses someone else's contact, even with a valid Kazakh number", async () => {
    await run.send({ type: 'CONTACT', phone: PHONE, own: false });
    expect(run.state).toBe('askPhone');
    expect(run.text()).toContain(ru.register.foreignContact);
    expect(run.text('en')).toContain(en.register.foreignContact);
    expect(script.calls).toEqual([]);
  });

  it.each(['8 701 123 45 67', '+7 (701) 123-45-67', '87011234567', '7011234567'])(
    'accepts the typed number %s, normalised',
    async (typed) => {
      script.resolve(free);
      await run.send({ type: 'TEXT', text: typed });
      expect(script.inputsOf('checkAvailability')).toEqual([{ phone: PHONE }]);
      expect(run.state).toBe('askEmail');
      expect(run.text()).toContain(PHONE);
      expect(run.text()).not.toContain('⚠️');
    },
  );

  it('accepts an own shared contact as Telegram sends it (digits without the plus)', async () => {
    script.resolve(free);
    await run.send({ type: 'CONTACT', phone: '77011234567', own: true });
    expect(run.state).toBe('askEmail');
    expect(run.snapshot.context).toMatchObject({ phone: PHONE });
  });

  it('stays at the phone with a notice when the phone belongs to an account', async () => {
    script.resolve({ phoneTaken: true, emailTaken: false });
    await run.send({ type: 'TEXT', text: '8 701 123 45 67' });
    expect(run.state).toBe('askPhone');
    expect(run.text()).toContain(ru.register.phoneTaken);
    expect(run.text('en')).toContain(en.register.phoneTaken);
  });
});

describe('register: the email step', () => {
  beforeEach(async () => {
    script.resolve(free);
    await run.send({ type: 'TEXT', text: '8 701 123 45 67' });
  });

  it('asks for the email with Back and Cancel', () => {
    expect(run.keyboard()).toEqual([[ru.buttons.back, ru.buttons.cancel]]);
  });

  it('keeps the step on something that is not an email', async () => {
    await run.send({ type: 'TEXT', text: 'aigerim at example' });
    expect(run.state).toBe('askEmail');
    expect(run.text()).toContain(ru.register.badEmail);
    expect(script.inputsOf('checkAvailability')).toHaveLength(1);
  });

  it('checks the email in lower case and stays at the email with the notice when it is taken', async () => {
    script.resolve({ phoneTaken: false, emailTaken: true });
    await run.send({ type: 'TEXT', text: '  Aigerim@Example.KZ ' });
    expect(script.inputsOf('checkAvailability')).toEqual([{ phone: PHONE }, { email: 'aigerim@example.kz' }]);
    expect(run.state).toBe('askEmail');
    expect(run.text()).toContain(ru.register.emailTaken);
    expect(run.text('en')).toContain(en.register.emailTaken);
  });

  it('Back returns to the phone step without the old notice', async () => {
    await run.send({ type: 'TEXT', text: 'nope' });
    await run.send({ type: 'BACK' });
    expect(run.state).toBe('askPhone');
    expect(run.text()).toBe(ru.register.askPhone);
  });

  it('shows the summary with the phone and the normalised email, Confirm, Edit, Back and Cancel', async () => {
    script.resolve(free);
    await run.send({ type: 'TEXT', text: 'Aigerim@Example.kz' });
    expect(run.state).toBe('summary');
    expect(run.text()).toBe(ru.register.summary(PHONE, 'aigerim@example.kz'));
    expect(run.keyboard()).toEqual([
      [ru.buttons.confirm],
      [ru.buttons.edit, ru.buttons.back],
      [ru.buttons.cancel],
    ]);
  });
});

describe('register: the summary', () => {
  beforeEach(toSummary);

  it('Confirm creates the account with the phone and email and ends as registered', async () => {
    script.resolve({ userId: 42, role: 'guest' });
    await run.send({ type: 'CONFIRM' });
    expect(script.inputsOf('registerAccount')).toEqual([{ phone: PHONE, email: 'aigerim@example.kz' }]);
    expect(run.snapshot.status).toBe('done');
    expect(run.output).toEqual({ outcome: 'registered', role: 'guest' });
    expect(run.finish()).toBe(ru.register.done);
    expect(run.finish('en')).toBe(en.register.done);
  });

  it('an email taken meanwhile sends the person back to the email step with the notice', async () => {
    script.reject(new AlreadyExists('email'));
    await run.send({ type: 'CONFIRM' });
    expect(run.state).toBe('askEmail');
    expect(run.text()).toContain(ru.register.emailTaken);
  });

  it('a phone taken meanwhile sends the person back to the phone step with the notice', async () => {
    script.reject(new AlreadyExists('phone'));
    await run.send({ type: 'CONFIRM' });
    expect(run.state).toBe('askPhone');
    expect(run.text()).toContain(ru.register.phoneTaken);
  });

  it('a Telegram linked meanwhile ends the flow saying so', async () => {
    script.reject(new AlreadyLinked());
    await run.send({ type: 'CONFIRM' });
    expect(run.output).toEqual({ outcome: 'alreadyLinked' });
    expect(run.finish()).toBe(ru.register.alreadyLinked);
  });

  it('another refusal stays at the summary with its message, and the next step does not repeat it', async () => {
    script.reject(new RateLimited(30));
    await run.send({ type: 'CONFIRM' });
    expect(run.state).toBe('summary');
    expect(run.text()).toContain(ru.errors.rate_limited);
    expect(run.text('en')).toContain(en.errors.rate_limited);
    await run.send({ type: 'BACK' });
    expect(run.text()).not.toContain('⚠️');
  });

  it('Edit starts over at the phone; Back returns to the email', async () => {
    await run.send({ type: 'EDIT' });
    expect(run.state).toBe('askPhone');
    await toSummary();
    await run.send({ type: 'BACK' });
    expect(run.state).toBe('askEmail');
    expect(run.text()).toContain(PHONE);
  });

  it('does not take typed text or a contact here', () => {
    expect(run.accepts({ type: 'TEXT', text: 'да' })).toBe(false);
    expect(run.accepts({ type: 'CONTACT', phone: PHONE, own: true })).toBe(false);
  });
});

describe('register: refusals are shown once', () => {
  it('a refused availability check is not repeated above the next step', async () => {
    script.reject(new RateLimited(30));
    await run.send({ type: 'TEXT', text: '8 701 123 45 67' });
    expect(run.state).toBe('askPhone');
    expect(run.text()).toContain(ru.errors.rate_limited);

    script.resolve(free);
    await run.send({ type: 'TEXT', text: '8 701 123 45 67' });
    expect(run.state).toBe('askEmail');
    expect(run.text()).toBe(ru.register.askEmail(PHONE));
  });
});

describe('register: Cancel', () => {
  it('ends the flow from any step as cancelled', async () => {
    await toSummary();
    await run.send({ type: 'CANCEL' });
    expect(run.output).toEqual({ outcome: 'cancelled' });
    expect(run.finish()).toBe(ru.common.cancelled);
    expect(run.finish('en')).toBe(en.common.cancelled);
  });
});
