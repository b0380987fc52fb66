import { beforeEach, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { linkFlow } from '../../src/bot/views/link.view.ts';
import { AlreadyLinked, CodeExpired, CodeInvalid, RateLimited } from '../../src/domain/errors.ts';
import { linkMachine } from '../../src/machines/link.machine.ts';
import { ActorScript, FlowRun } from '../support/flows.ts';

const ru = messagesFor('ru');
const en = messagesFor('en');
const EMAIL = 'aigerim@example.kz';
const sent = { expiresInMinutes: 10 };

let script: ActorScript;
let run: FlowRun;

beforeEach(() => {
  script = new ActorScript();
  const machine = linkMachine.provide({
    actors: {
      requestCode: script.promise('requestCode'),
      confirmCode: script.promise('confirmCode'),
    },
  });
  run = new FlowRun(machine, linkFlow);
});

async function toCode(): Promise<void> {
  script.resolve(sent);
  await run.send({ type: 'TEXT', text: 'Aigerim@Example.kz' });
  expect(run.state).toBe('askCode');
}

describe('link: the email step', () => {
  it('asks for the email with Cancel', () => {
    expect(run.text()).toBe(ru.link.askEmail);
    expect(run.keyboard()).toEqual([[ru.buttons.cancel]]);
    expect(run.text('en')).toBe(en.link.askEmail);
  });

  it('keeps the step on something that is not an email, asking the domain nothing', async () => {
    await run.send({ type: 'TEXT', text: 'aigerim.example.kz' });
    expect(run.state).toBe('askEmail');
    expect(run.text()).toContain(ru.link.badEmail);
    expect(script.calls).toEqual([]);
  });

  it('requests a code for the normalised email and says the same thing whether or not it exists', async () => {
    await toCode();
    expect(script.inputsOf('requestCode')).toEqual([{ email: EMAIL }]);
    expect(run.text()).toBe(ru.link.codeSent);
    expect(run.keyboard()).toEqual([[ru.buttons.newCode], [ru.buttons.back, ru.buttons.cancel]]);
  });

  it('a rate limit keeps the email step and says how long to wait, with plural forms', async () => {
    script.reject(new RateLimited(21));
    await run.send({ type: 'TEXT', text: EMAIL });
    expect(run.state).toBe('askEmail');
    expect(run.text()).toContain('Попробуйте через 21 секунду');
    expect(run.text('en')).toContain('Try again in 21 seconds');
  });

  it('an already linked Telegram ends the flow saying so', async () => {
    script.reject(new AlreadyLinked());
    await run.send({ type: 'TEXT', text: EMAIL });
    expect(run.output).toEqual({ outcome: 'alreadyLinked' });
    expect(run.finish()).toBe(ru.link.alreadyLinked);
  });
});

describe('link: the code step', () => {
  beforeEach(toCode);

  it.each(['12345', '1234567', 'abcdef', 'код 123456'])(
    'refuses %s as a code without asking the domain',
    async (text) => {
      await run.send({ type: 'TEXT', text });
      expect(run.state).toBe('askCode');
      expect(run.text()).toContain(ru.link.badCodeFormat);
      expect(script.inputsOf('confirmCode')).toEqual([]);
    },
  );

  it('takes a code typed with spaces and links the account with its role', async () => {
    script.resolve({ userId: 7, role: 'realtor' });
    await run.send({ type: 'TEXT', text: '123 456' });
    expect(script.inputsOf('confirmCode')).toEqual([{ code: '123456' }]);
    expect(run.output).toEqual({ outcome: 'linked', role: 'realtor' });
    expect(run.finish()).toBe(ru.link.done('realtor'));
    expect(run.finish()).toContain('Риелтор');
    expect(run.finish('en')).toContain('Realtor');
  });

  it('says how many attempts remain, and after the third wrong code the code is dead', async () => {
    script.reject(new CodeInvalid(2));
    await run.send({ type: 'TEXT', text: '111111' });
    expect(run.state).toBe('askCode');
    expect(run.text()).toContain('Неверный код. Осталось 2 попытки.');
    expect(run.text('en')).toContain('Wrong code. 2 attempts left.');

    script.reject(new CodeInvalid(1));
    await run.send({ type: 'TEXT', text: '222222' });
    expect(run.text()).toContain('Осталась 1 попытка');
    expect(run.text('en')).toContain('1 attempt left');

    script.reject(new CodeInvalid(0));
    await run.send({ type: 'TEXT', text: '333333' });
    expect(run.state).toBe('codeDead');
    expect(run.text()).toContain(ru.link.codeDead);
    expect(run.keyboard()).toEqual([[ru.buttons.newCode], [ru.buttons.back, ru.buttons.cancel]]);
    expect(script.inputsOf('confirmCode')).toHaveLength(3);
  });

  it('an expired code is refused and a new one must be requested', async () => {
    script.reject(new CodeExpired());
    await run.send({ type: 'TEXT', text: '123456' });
    expect(run.state).toBe('codeDead');
    expect(run.text()).toBe(ru.link.codeDead);
  });

  it('a dead code takes no more guesses', async () => {
    script.reject(new CodeExpired());
    await run.send({ type: 'TEXT', text: '123456' });
    await run.send({ type: 'TEXT', text: '654321' });
    expect(run.state).toBe('codeDead');
    expect(run.text()).toBe(ru.link.codeDead);
    expect(script.inputsOf('confirmCode')).toHaveLength(1);
  });

  it('an already linked Telegram on confirm ends the flow saying so', async () => {
    script.reject(new AlreadyLinked());
    await run.send({ type: 'TEXT', text: '123456' });
    expect(run.output).toEqual({ outcome: 'alreadyLinked' });
  });

  it('RETRY asks for a new code for the same email', async () => {
    script.resolve(sent);
    await run.send({ type: 'RETRY' });
    expect(script.inputsOf('requestCode')).toEqual([{ email: EMAIL }, { email: EMAIL }]);
    expect(run.state).toBe('askCode');
    expect(run.text()).toBe(ru.link.codeSent);
  });

  it('RETRY within the cooldown keeps the code step (the old code still works) and says how long to wait', async () => {
    script.reject(new RateLimited(45));
    await run.send({ type: 'RETRY' });
    expect(run.state).toBe('askCode');
    expect(run.text()).toContain('Попробуйте через 45 секунд');
  });

  it('after a dead code, RETRY sends a new code; within the cooldown it stays at "request a new code"', async () => {
    script.reject(new CodeInvalid(0));
    await run.send({ type: 'TEXT', text: '111111' });

    script.reject(new RateLimited(5));
    await run.send({ type: 'RETRY' });
    expect(run.state).toBe('codeDead');
    expect(run.text()).toContain('Попробуйте через 5 секунд');
    expect(run.text()).toContain(ru.link.codeDead);

    script.resolve(sent);
    await run.send({ type: 'RETRY' });
    expect(run.state).toBe('askCode');
    expect(run.text()).toBe(ru.link.codeSent);
    expect(script.inputsOf('requestCode')).toHaveLength(3);
  });

  it('Back returns to the email step, where another email can be given', async () => {
    await run.send({ type: 'BACK' });
    expect(run.state).toBe('askEmail');
    expect(run.text()).toBe(ru.link.askEmail);
  });

  it('Cancel ends the flow as cancelled', async () => {
    await run.send({ type: 'CANCEL' });
    expect(run.output).toEqual({ outcome: 'cancelled' });
    expect(run.finish()).toBe(ru.common.cancelled);
  });
});
