import { describe, expect, it } from 'vitest';
import { fromPromise } from 'xstate';
import { addRealtorFlow } from '../../src/bot/views/add-realtor.view.ts';
import { AgencyInactive, AlreadyExists } from '../../src/domain/errors.ts';
import { createSecrets } from '../../src/domain/secrets.ts';
import { type AddRealtorContext, addRealtorMachine } from '../../src/machines/add-realtor.machine.ts';
import { ActorScript, FlowRun } from '../support/flows.ts';

const free = { phoneTaken: false, emailTaken: false };
/** The app's real sealing, so the tests see what the session would hold. */
const secrets = createSecrets('add-realtor-test-secret-0123456789abcdef');

/** A conversation with scripted domain answers, one actor per update as in the bot. */
function conversation(script: ActorScript) {
  const machine = addRealtorMachine.provide({
    actors: {
      checkAvailability: script.promise('checkAvailability'),
      sealPassword: fromPromise<string, { password: string }>(async ({ input }) =>
        secrets.seal(input.password),
      ),
      addRealtor: script.promise('addRealtor'),
    },
  });
  return new FlowRun(machine, addRealtorFlow);
}

/** Walks to the summary with every answer accepted. */
async function toSummary(script: ActorScript) {
  script.resolve(free).resolve(free);
  const run = conversation(script);
  await run.send({ type: 'TEXT', text: ' Zhanar@Demo.KZ ' });
  await run.send({ type: 'TEXT', text: '8 (701) 555-44-33' });
  await run.send({ type: 'TEXT', text: '  Жанар Алиева ' });
  await run.send({ type: 'TEXT', text: 'пароль 2026' });
  return run;
}

describe('addRealtor machine', () => {
  it('normalises the answers, checks the email and phone with the domain and masks the password', async () => {
    const script = new ActorScript();
    const run = await toSummary(script);
    expect(run.state).toBe('summary');
    expect(script.inputsOf('checkAvailability')).toEqual([
      { email: 'zhanar@demo.kz' },
      { phone: '+77015554433' },
    ]);
    expect(run.text()).toContain(
      'Email: zhanar@demo.kz\nТелефон: +77015554433\nИмя: Жанар Алиева\nПароль: ••••••••',
    );
    expect(run.text()).not.toContain('пароль 2026');
  });

  it('keeps the accepted password only sealed in the context, which is what the session persists', async () => {
    const script = new ActorScript();
    const run = await toSummary(script);
    const context = run.snapshot.context as AddRealtorContext;
    expect(JSON.stringify(context)).not.toContain('пароль 2026');
    expect(secrets.unseal(context.sealedPassword!)).toBe('пароль 2026');
  });

  it('marks only the password step as secret, so the engine deletes exactly that message', async () => {
    const script = new ActorScript();
    const run = conversation(script);
    expect(addRealtorFlow.sensitive?.(run.snapshot)).toBe(false);
    script.resolve(free).resolve(free);
    await run.send({ type: 'TEXT', text: 'zhanar@demo.kz' });
    await run.send({ type: 'TEXT', text: '+77015554433' });
    await run.send({ type: 'TEXT', text: 'Жанар Алиева' });
    expect(run.state).toBe('askPassword');
    expect(addRealtorFlow.sensitive?.(run.snapshot)).toBe(true);
    await run.send({ type: 'TEXT', text: 'short' });
    expect([run.state, addRealtorFlow.sensitive?.(run.snapshot)]).toEqual(['askPassword', true]);
    await run.send({ type: 'TEXT', text: 'long enough' });
    expect([run.state, addRealtorFlow.sensitive?.(run.snapshot)]).toEqual(['summary', false]);
  });

  it('takes a phonebook contact of the realtor as the phone', async () => {
    const script = new ActorScript().resolve(free).resolve(free);
    const run = conversation(script);
    await run.send({ type: 'TEXT', text: 'zhanar@demo.kz' });
    await run.send({ type: 'CONTACT', phone: '77015554433', own: false });
    expect(run.state).toBe('askName');
    expect((run.snapshot.context as AddRealtorContext).phone).toBe('+77015554433');
  });

  it('sends an email taken before «Подтвердить» back to the email step, keeping the other answers', async () => {
    const script = new ActorScript();
    const run = await toSummary(script);
    script.reject(new AlreadyExists('email'));
    await run.send({ type: 'CONFIRM' });
    expect(run.state).toBe('askEmail');
    expect(run.text()).toContain(`⚠️ Этот email уже занят`);
    const context = run.snapshot.context as AddRealtorContext;
    expect([context.phone, context.fullName]).toEqual(['+77015554433', 'Жанар Алиева']);
    expect(secrets.unseal(context.sealedPassword!)).toBe('пароль 2026');
  });

  it('stays on the summary with the reason when the agency is inactive, and forgets the password once created', async () => {
    const script = new ActorScript();
    const run = await toSummary(script);
    script.reject(new AgencyInactive());
    await run.send({ type: 'CONFIRM' });
    expect(run.state).toBe('summary');
    expect(run.text()).toContain('⚠️ Агентство неактивно.');
    script.resolve({ id: 77, fullName: 'Жанар Алиева' });
    await run.send({ type: 'CONFIRM' });
    expect(run.output).toEqual({
      outcome: 'added',
      fullName: 'Жанар Алиева',
      handoff: { flow: 'agencyRealtors' },
    });
    expect(JSON.stringify(run.snapshot.context)).not.toContain('пароль 2026');
    const [, confirmed] = script.inputsOf('addRealtor') as { sealedPassword: string }[];
    expect(confirmed).toEqual({
      email: 'zhanar@demo.kz',
      phone: '+77015554433',
      fullName: 'Жанар Алиева',
      sealedPassword: expect.any(String),
    });
    expect(secrets.unseal(confirmed!.sealedPassword)).toBe('пароль 2026');
    expect(run.finish()).toContain('Риелтор Жанар Алиева добавлен');
  });
});
