import { describe, expect, it } from 'vitest';
import { agencyPickerFlow } from '../../src/bot/views/agency-picker.view.ts';
import { InvalidState, LastSuperuser } from '../../src/domain/errors.ts';
import {
  type AgencyMatchPage,
  type AgencyOption,
  type AgencyPickerInput,
  agencyPickerMachine,
} from '../../src/machines/agency-picker.machine.ts';
import { ActorScript, FlowRun } from '../support/flows.ts';

const astana: AgencyOption = { id: 2, name: 'Астана Стей', city: 'Астана', active: true };
const one = (option: AgencyOption, capped = false): AgencyMatchPage => ({
  items: [option],
  page: 1,
  pageSize: 5,
  pages: 1,
  total: 1,
  capped,
});

const giveRole: AgencyPickerInput = {
  purpose: 'role',
  userId: 12,
  role: 'super_admin',
  subject: 'Ержан',
  currentAgency: null,
  returnTo: { flow: 'users', input: { page: 1 } },
};

async function picker(input: AgencyPickerInput) {
  const script = new ActorScript();
  const machine = agencyPickerMachine.provide({
    actors: { findAgencies: script.promise('findAgencies'), assignAgency: script.promise('assignAgency') },
  });
  return { script, run: await FlowRun.start(machine, agencyPickerFlow, input) };
}

describe('agency picker: what it says and hands back', () => {
  it('asks for the agency of a new Super Admin, and refuses an empty or overlong query keeping the step', async () => {
    const { script, run } = await picker(giveRole);
    expect(run.text()).toBe(
      '🏢 Агентство для Ержан — будущего Супер Админа.\n\nВведите ID агентства или часть его названия или города:',
    );
    expect(run.keyboard()).toEqual([['⬅️ Назад', '❌ Отмена']]);
    await run.send({ type: 'TEXT', text: 'я'.repeat(101) });
    expect(run.state).toBe('askQuery');
    expect(run.text()).toMatch(
      /^⚠️ Напишите ID агентства или часть названия или города \(до 100 символов\)\./,
    );
    expect(script.calls).toEqual([]);
  });

  it('confirms «Сделать X Супер Админом агентства Y?», gives the role with that agency and hands back to the list', async () => {
    const { script, run } = await picker(giveRole);
    script.resolve(one(astana, true));
    await run.send({ type: 'TEXT', text: '  стей ' });
    expect(script.inputsOf('findAgencies')).toEqual([{ query: 'стей', page: 1 }]);
    expect(run.messages().at(-1)?.text).toBe(
      'Найдено 1 агентство:\nПоказаны первые 50 — уточните запрос, чтобы увидеть остальные.',
    );
    await run.send({ type: 'cb.agencypick', id: 2 });
    expect(run.text()).toContain('Сделать Ержан Супер Админом агентства «Астана Стей»?\n🏙 Астана · ID 2');
    expect(run.text('en')).toContain('Make Ержан a Super Admin of "Астана Стей"?');
    expect(run.keyboard()).toEqual([['✅ Подтвердить'], ['⬅️ Назад', '❌ Отмена']]);
    script.resolve(null);
    await run.send({ type: 'CONFIRM' });
    expect(script.inputsOf('assignAgency')).toEqual([
      { request: { purpose: 'role', userId: 12, role: 'super_admin' }, agencyId: 2 },
    ]);
    expect(run.output).toMatchObject({ outcome: 'assigned', handoff: { flow: 'users', input: { page: 1 } } });
    expect(run.finish()).toBe(
      '✅ Ержан — Супер Админ агентства «Астана Стей». Пользователь получил уведомление.',
    );
  });

  it('a realtor moved meanwhile: says so and lets another agency be picked', async () => {
    const { script, run } = await picker({
      purpose: 'reassign',
      realtorId: 7,
      subject: 'Тимур Касымов',
      currentAgency: { id: 1, name: 'Алматы Апартаменты' },
      returnTo: { flow: 'platformRealtors', input: { page: 1 } },
    });
    script.resolve(one(astana));
    await run.send({ type: 'TEXT', text: 'астана' });
    await run.send({ type: 'cb.agencypick', id: 2 });
    script.reject(new InvalidState('realtor', 'changed'));
    await run.send({ type: 'CONFIRM' });
    expect(run.state).toBe('choosing');
    expect(run.messages().at(-1)?.text).toMatch(/^⚠️ Данные уже изменились/);
    expect(script.inputsOf('assignAgency')).toEqual([
      { request: { purpose: 'reassign', realtorId: 7 }, agencyId: 2 },
    ]);
  });

  it('the last Superuser giving themselves an agency role: ends and explains', async () => {
    const { script, run } = await picker({ ...giveRole, role: 'realtor', subject: 'Айдар' });
    script.resolve(one(astana));
    await run.send({ type: 'TEXT', text: '2' });
    await run.send({ type: 'cb.agencypick', id: 2 });
    expect(run.text()).toContain('Сделать Айдар риелтором агентства «Астана Стей»?');
    script.reject(new LastSuperuser());
    await run.send({ type: 'CONFIRM' });
    expect(run.output).toEqual({ outcome: 'failed', code: 'last_superuser' });
    expect(run.finish()).toBe('Нельзя понизить или заблокировать последнего активного суперпользователя.');
    expect(run.finish('en')).toBe('The last active superuser cannot be demoted or blocked.');
  });
});
