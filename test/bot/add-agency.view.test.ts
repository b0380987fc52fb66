import { beforeAll, describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, getInitialSnapshot } from 'xstate';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { addAgencyFlow } from '../../src/bot/views/add-agency.view.ts';
import { Agency } from '../../src/db/entities/index.ts';
import type { Actor } from '../../src/domain/actor.ts';
import { type AddAgencyContext, addAgencyMachine } from '../../src/machines/add-agency.machine.ts';
import { readAgencyField } from '../../src/machines/agency-input.ts';
import { useTestDatabase } from '../support/database.ts';
import { DomainChat } from '../support/domain-chat.ts';
import { makeAgency, makeListing, makeUser } from '../support/fixtures.ts';
import { view } from '../support/flows.ts';

const ru = messagesFor('ru');

function at(state: string, change: Partial<AddAgencyContext>): AnyMachineSnapshot {
  const initial = getInitialSnapshot(addAgencyMachine, undefined);
  return addAgencyMachine.resolveState({
    value: state,
    context: {
      ...(initial.context as AddAgencyContext),
      cities: ['Алматы', 'Астана', 'Шымкент', 'Актау'],
      ...change,
    },
  });
}
const render = (snapshot: AnyMachineSnapshot, locale: 'ru' | 'en' = 'ru') =>
  addAgencyFlow.render(snapshot, view(locale));
const keyboard = (snapshot: AnyMachineSnapshot) => {
  const reply = render(snapshot)[0]!.reply;
  return Array.isArray(reply) ? reply.map((row) => row.map((button) => button.text)) : [];
};

describe('addAgency view', () => {
  it('reads each field the way the domain stores it, and refuses what the domain would', () => {
    expect(readAgencyField('name', '  Жилстрой  ')).toBe('Жилстрой');
    expect(readAgencyField('name', 'Я')).toBeNull();
    expect(readAgencyField('name', 'Я'.repeat(101))).toBeNull();
    expect(readAgencyField('city', ' алматы ', ['Алматы'])).toBe('Алматы');
    expect(readAgencyField('city', 'актобе')).toBe('Актобе');
    expect(readAgencyField('city', ' ')).toBeNull();
    expect(readAgencyField('phone', '8 (727) 250-01-00')).toBe('+77272500100');
    expect(readAgencyField('phone', '+1 202 555 0100')).toBeNull();
    expect(readAgencyField('email', ' Office@Agency.KZ ')).toBe('office@agency.kz');
    expect(readAgencyField('email', 'office@')).toBeNull();
  });

  it('the name step has no Back; the city step offers the known cities, three a row', () => {
    expect(render(at('askName', {}))[0]!.text).toBe(ru.addAgency.askName);
    expect(keyboard(at('askName', {}))).toEqual([[ru.buttons.cancel]]);
    expect(render(at('askCity', { name: 'Жилстрой' }))[0]!.text).toBe(ru.addAgency.askCity('Жилстрой'));
    expect(keyboard(at('askCity', { name: 'Жилстрой' }))).toEqual([
      ['Алматы', 'Астана', 'Шымкент'],
      ['Актау'],
      [ru.buttons.back, ru.buttons.cancel],
    ]);
  });

  it('explains a refused value above the same step', () => {
    expect(render(at('askName', { notice: 'nameTaken' }))[0]!.text).toBe(
      `⚠️ ${ru.agencies.nameTaken}\n\n${ru.addAgency.askName}`,
    );
    expect(render(at('askPhone', { notice: 'badPhone' }))[0]!.text).toBe(
      `⚠️ ${ru.agencies.badPhone}\n\n${ru.addAgency.askPhone}`,
    );
    expect(render(at('askEmail', { notice: 'badEmail' }))[0]!.text).toBe(
      `⚠️ ${ru.agencies.badEmail}\n\n${ru.addAgency.askEmail}`,
    );
  });

  it('the summary shows every field with Confirm / Edit / Back / Cancel; Edit offers the four fields', () => {
    const filled = { name: 'Жилстрой', city: 'Астана', phone: '+77012223344', email: 'office@zhilstroy.kz' };
    const [summary] = render(at('summary', filled));
    expect(summary!.text).toContain(
      '🏢 Название: Жилстрой\n🏙 Город: Астана\n📞 Телефон: +7 701 222 33 44\n✉️ Email: office@zhilstroy.kz',
    );
    expect(keyboard(at('summary', filled))).toEqual([
      [ru.buttons.confirm],
      [ru.buttons.edit, ru.buttons.back],
      [ru.buttons.cancel],
    ]);
    expect(keyboard(at('choosingField', filled))).toEqual([
      ['Название', 'Город'],
      ['Телефон', 'Email'],
      [ru.buttons.back, ru.buttons.cancel],
    ]);
    // Changing one field from the summary: a shorter prompt, and Back returns to the summary.
    expect(render(at('askName', { ...filled, editing: true }))[0]!.text).toBe(ru.addAgency.editName);
    expect(keyboard(at('askName', { ...filled, editing: true }))).toEqual([
      [ru.buttons.back, ru.buttons.cancel],
    ]);
  });
});

describe('addAgency: the real domain behind the wizard', () => {
  const database = useTestDatabase();
  let superuser: Actor;

  beforeAll(async () => {
    const em = database.fork();
    superuser = (await makeUser(em, 'superuser')).actor;
    await makeAgency(em, { name: 'Дом Мечты' });
    // A city with listings joins the default ones as a button.
    const realtor = await makeUser(em, 'realtor');
    await makeListing(em, realtor.user, { city: 'Павлодар' });
  });

  it('refuses a taken name, a bad phone and a bad email at their steps; creates the agency active', async () => {
    const chat = await new DomainChat(database, addAgencyFlow, superuser).start();
    expect(chat.state).toBe('askName');
    await chat.say('дом мечты');
    expect(chat.state).toBe('askName');
    expect(chat.text()).toContain(ru.agencies.nameTaken);
    await chat.say('Жилстрой');
    expect(chat.state).toBe('askCity');
    expect(chat.keyboard().flat()).toEqual(expect.arrayContaining(['Алматы', 'Астана', 'Павлодар']));
    await chat.say('Павлодар');
    await chat.say('555');
    expect(chat.state).toBe('askPhone');
    expect(chat.text()).toContain(ru.agencies.badPhone);
    await chat.say('8 701 222 33 44');
    await chat.say('office@');
    expect(chat.state).toBe('askEmail');
    expect(chat.text()).toContain(ru.agencies.badEmail);
    await chat.say('Office@Zhilstroy.kz');
    expect(chat.state).toBe('summary');
    // Edit the phone from the summary: back to the summary afterwards.
    await chat.say(ru.buttons.edit);
    await chat.say('Телефон');
    await chat.say('+7 701 222 33 55');
    expect(chat.state).toBe('summary');
    expect(chat.text()).toContain('📞 Телефон: +7 701 222 33 55');
    await chat.say(ru.buttons.confirm);
    const created = await database.fork().findOneOrFail(Agency, { name: 'Жилстрой' });
    expect(created).toMatchObject({
      city: 'Павлодар',
      phone: '+77012223355',
      email: 'office@zhilstroy.kz',
      active: true,
    });
    expect(chat.output).toEqual({
      outcome: 'created',
      name: 'Жилстрой',
      handoff: { flow: 'agencies', input: { focus: created.id } },
    });
    expect(chat.finish()).toBe(ru.addAgency.created('Жилстрой'));
  });

  it('a name taken meanwhile is refused at creation: a new name, then the summary again', async () => {
    const chat = await new DomainChat(database, addAgencyFlow, superuser).start();
    for (const answer of ['Быстрые', 'Алматы', '87012223366', 'a@b.kz']) await chat.say(answer);
    expect(chat.state).toBe('summary');
    await makeAgency(database.fork(), { name: 'Быстрые' });
    await chat.say(ru.buttons.confirm);
    expect(chat.state).toBe('askName');
    expect(chat.text()).toContain(ru.agencies.nameTaken);
    await chat.say('Медленные');
    expect(chat.state).toBe('summary');
    expect(chat.text()).toContain('🏢 Название: Медленные');
  });
});
