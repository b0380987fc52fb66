import { beforeAll, describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, getInitialSnapshot } from 'xstate';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { agenciesFlow } from '../../src/bot/views/agencies.view.ts';
import { formatDay } from '../../src/bot/views/platform/format.ts';
import { Agency } from '../../src/db/entities/index.ts';
import type { Actor } from '../../src/domain/actor.ts';
import {
  type AgenciesContext,
  type AgencyCard,
  type AgencyRow,
  agenciesMachine,
} from '../../src/machines/agencies.machine.ts';
import { makeBooking } from '../support/admin.fixtures.ts';
import { useTestDatabase } from '../support/database.ts';
import { DomainChat } from '../support/domain-chat.ts';
import { makeAgency, makeListing, makeUser } from '../support/fixtures.ts';
import { view } from '../support/flows.ts';

const ru = messagesFor('ru');
const en = messagesFor('en');

const rows: AgencyRow[] = [
  { id: 1, name: 'Алматы Апартаменты', city: 'Алматы', active: true, realtorsCount: 2, listingsCount: 18 },
  { id: 2, name: 'Астана Стей', city: 'Астана', active: false, realtorsCount: 1, listingsCount: 1 },
];
const card: AgencyCard = {
  id: 1,
  name: 'Алматы Апартаменты',
  city: 'Алматы',
  phone: '+77272500100',
  email: 'office@almaty-apart.kz',
  active: true,
  createdAt: '2026-11-23T20:30:00.000Z',
  realtors: { active: 1, total: 2 },
  listings: { published: 17, total: 18 },
  bookings: { pending: 1, confirmed: 3, cancelled: 2, completed: 4, total: 10 },
  revenue: 412_000,
  superAdmins: [
    {
      id: 2,
      fullName: 'Мадина Ахметова',
      email: 'admin.almaty@demo.kz',
      phone: '+77010000002',
      status: 'active',
    },
    { id: 3, fullName: 'Ерлан Жумабаев', email: 'erlan@demo.kz', phone: '+77010000003', status: 'blocked' },
  ],
};

/** A snapshot of the machine in `state` with `change` over a fresh context. */
function at(state: string, change: Partial<AgenciesContext>): AnyMachineSnapshot {
  const initial = getInitialSnapshot(agenciesMachine, {});
  const context: AgenciesContext = {
    ...(initial.context as AgenciesContext),
    list: { items: rows, page: 1, pageSize: 5, pages: 2, total: 7 },
    menu: { role: 'superuser', unread: 0 },
    fresh: false,
    ...change,
  };
  return agenciesMachine.resolveState({ value: state, context });
}

const render = (snapshot: AnyMachineSnapshot, locale: 'ru' | 'en' = 'ru') =>
  agenciesFlow.render(snapshot, view(locale));
const labels = (snapshot: AnyMachineSnapshot, locale: 'ru' | 'en' = 'ru') =>
  render(snapshot, locale)
    .flatMap((message) => message.inline?.flat() ?? [])
    .map((button) => button.text);

describe('agencies view', () => {
  it('lists each agency with its city, active flag, realtors and listings, and its buttons', () => {
    const [list] = render(at('list', {}));
    expect(list!.text).toBe(
      [
        '🏢 7 агентств · стр. 1 из 2',
        '1. «Алматы Апартаменты» — Алматы\n🟢 активно · 👨‍💼 2 риелтора · 🏠 18 объектов',
        '2. «Астана Стей» — Астана\n🔴 неактивно · 👨‍💼 1 риелтор · 🏠 1 объект',
      ].join('\n\n'),
    );
    expect(labels(at('list', {}))).toEqual([
      '1 · Подробнее',
      '1 · Деактивировать',
      '2 · Подробнее',
      '2 · Активировать',
      '▶️',
      '➕ Добавить агентство',
      '📥 Выгрузить брони (CSV)',
      '✖️ Закрыть',
    ]);
    expect(render(at('list', {}), 'en')[0]!.text).toContain(
      '2. «Астана Стей» — Астана\n🔴 inactive · 👨‍💼 1 realtor · 🏠 1 listing',
    );
  });

  it('brings the main menu back on the first screen, and marks the agency just created', () => {
    const [header, list] = render(at('list', { fresh: true, focus: 2 }));
    expect(header!.text).toBe(ru.agencies.header);
    expect(header!.reply).toEqual([
      [{ text: ru.menu.agencies }, { text: ru.menu.findUser }],
      [{ text: ru.menu.users }, { text: ru.menu.platformRealtors }],
      [{ text: ru.menu.notifications }, { text: ru.menu.language }],
    ]);
    expect(list!.text).toContain('🆕 2. «Астана Стей»');
    expect(list!.text).not.toContain('🆕 1.');
  });

  it('an empty platform says how to add the first agency', () => {
    const [list] = render(at('list', { list: { items: [], page: 1, pageSize: 5, pages: 1, total: 0 } }));
    expect(list!.text).toBe(`🏢 0 агентств\n\n${ru.agencies.empty}`);
    expect(list!.inline?.flat().map((button) => button.text)).toEqual([
      '➕ Добавить агентство',
      '📥 Выгрузить брони (CSV)',
      '✖️ Закрыть',
    ]);
  });

  it('says what a toggle did, or why it did nothing, above the list', () => {
    expect(render(at('list', { notice: 'deactivated', subject: 'Астана Стей' }))[0]!.text).toMatch(
      /^🔴 Агентство «Астана Стей» деактивировано: его объекты скрыты из поиска\.\n\n🏢 7 агентств/,
    );
    expect(render(at('list', { error: { code: 'invalid_state' } }))[0]!.text).toMatch(
      /^⚠️ Агентство уже изменилось/,
    );
    expect(render(at('list', { notice: 'useButtons' }))[0]!.text).toMatch(/^⚠️ Выбирайте действия кнопками/);
  });

  it('asks before deactivating, naming the agency and what happens to its listings', () => {
    const fromList = render(at('confirmDeactivate', { target: 1, from: 'list' }))[0]!;
    expect(fromList.text).toContain('Деактивировать агентство «Алматы Апартаменты»?');
    expect(fromList.text).toContain('Его объекты пропадут из поиска');
    expect(fromList.inline).toEqual([
      [
        { text: 'Да, деактивировать', callback: { action: 'agoffok', id: 1 } },
        { text: 'Нет', callback: { action: 'page', id: 1 } },
      ],
    ]);
    const fromCard = render(at('confirmDeactivate', { target: 1, from: 'card', agency: card }))[0]!;
    expect(fromCard.inline?.[0]?.[1]).toEqual({ text: 'Нет', callback: { action: 'agmore', id: 1 } });
  });

  it('«Подробнее» shows the figures, contacts and Super Admins, with Редактировать and the toggle', () => {
    const [shown] = render(at('card', { target: 1, agency: card }));
    expect(shown!.text).toBe(
      [
        `🏢 «Алматы Апартаменты» — Алматы\n🟢 Активно · на платформе с ${formatDay(card.createdAt)}`,
        '📞 +7 727 250 01 00\n✉️ office@almaty-apart.kz',
        [
          '👨‍💼 Риелторы: 2 (1 активен)',
          '🏠 Объекты: 18 (17 опубликовано)',
          '📅 Брони: 10',
          '⏳ ждут оплаты 1 · ✅ подтверждены 3 · 🏁 завершены 4 · ❌ отменены 2',
          '💰 Выручка: 412 000 ₸',
        ].join('\n'),
        '👤 Супер Админы:\n• Мадина Ахметова — admin.almaty@demo.kz, +7 701 000 00 02\n' +
          '• Ерлан Жумабаев — erlan@demo.kz, +7 701 000 00 03 (заблокирован)',
      ].join('\n\n'),
    );
    expect(shown!.inline).toEqual([
      [
        { text: 'Редактировать', callback: { action: 'agedit', id: 1 } },
        { text: 'Деактивировать', callback: { action: 'agoff', id: 1 } },
      ],
      [{ text: '📥 Выгрузить брони (CSV)', callback: { action: 'bexport', id: 1 } }],
      [{ text: '⬅️ К списку', callback: { action: 'page', id: 1 } }],
    ]);
    const none = render(
      at('card', { target: 1, agency: { ...card, active: false, superAdmins: [] } }),
      'en',
    )[0]!;
    expect(none.text).toContain('🔴 Inactive: listings hidden from search');
    expect(none.text).toContain(en.agencies.card.noSuperAdmins);
    expect(none.inline?.[0]?.[1]).toEqual({ text: 'Activate', callback: { action: 'agon', id: 1 } });
  });

  it('«Редактировать» offers one field at a time; the city step offers the known cities', () => {
    expect(labels(at('chooseField', { target: 1, agency: card }))).toEqual([
      'Название',
      'Город',
      'Телефон',
      'Email',
      '⬅️ Назад',
    ]);
    const city = render(
      at('askValue', { target: 1, agency: card, field: 'city', cities: ['Алматы', 'Астана'] }),
    )[0]!;
    expect(city.text).toBe(ru.agencies.askValue.city('Алматы'));
    expect(city.reply).toEqual([
      [{ text: 'Алматы' }, { text: 'Астана' }],
      [
        { text: ru.buttons.back, event: { type: 'BACK' } },
        { text: ru.buttons.cancel, event: { type: 'CANCEL' } },
      ],
    ]);
    const refused = render(
      at('askValue', { target: 1, agency: card, field: 'phone', notice: 'badPhone' }),
    )[0]!;
    expect(refused.text).toBe(
      `⚠️ ${ru.agencies.badPhone}\n\n${ru.agencies.askValue.phone('+7 727 250 01 00')}`,
    );
  });
});

describe('agencies: the real domain behind the list and the card', () => {
  const database = useTestDatabase();
  let superuser: Actor;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const em = database.fork();
    superuser = (await makeUser(em, 'superuser')).actor;
    // Seven agencies: two pages, ordered by name.
    for (const name of ['Альфа', 'Бета', 'Гамма', 'Дельта', 'Ежевика', 'Жилстрой', 'Зенит']) {
      ids[name] = (await makeAgency(em, { name, city: 'Алматы' })).id;
    }
    const agency = await em.findOneOrFail(Agency, ids.Зенит!);
    const realtor = await makeUser(em, 'realtor', { agency });
    await makeUser(em, 'realtor', { agency, status: 'blocked' });
    await makeUser(em, 'super_admin', { agency, fullName: 'Дана Админова' });
    const listing = await makeListing(em, realtor.user, { pricePerNight: 10_000 });
    await makeListing(em, realtor.user, { published: false });
    const guest = await makeUser(em, 'guest');
    await makeBooking(em, {
      listing,
      guest: guest.user,
      checkIn: '2026-11-01',
      checkOut: '2026-11-03',
      status: 'completed',
      paid: 20_000,
    });
    await makeBooking(em, {
      listing,
      guest: guest.user,
      checkIn: '2026-12-10',
      checkOut: '2026-12-11',
      status: 'pending',
    });
    await em.flush();
  });

  it('opens the page that has the agency just created', async () => {
    const chat = await new DomainChat(database, agenciesFlow, superuser).start({ focus: ids.Зенит });
    expect(chat.state).toBe('list');
    expect(chat.text()).toContain('🏢 7 агентств · стр. 2 из 2');
    expect(chat.text()).toContain('🆕 7. «Зенит» — Алматы\n🟢 активно · 👨‍💼 2 риелтора · 🏠 2 объекта');
  });

  it('the card counts what the agency has', async () => {
    const chat = await new DomainChat(database, agenciesFlow, superuser).start({ focus: ids.Зенит });
    await chat.tap('7 · Подробнее');
    expect(chat.state).toBe('card');
    expect(chat.text()).toContain('👨‍💼 Риелторы: 2 (1 активен)');
    expect(chat.text()).toContain('🏠 Объекты: 2 (1 опубликован)');
    expect(chat.text()).toContain(
      '📅 Брони: 2\n⏳ ждут оплаты 1 · ✅ подтверждены 0 · 🏁 завершены 1 · ❌ отменены 0',
    );
    expect(chat.text()).toContain('💰 Выручка: 20 000 ₸');
    expect(chat.text()).toContain('• Дана Админова — ');
  });

  it('deactivates after a «Да», activates at once; a stale toggle changes nothing and says so', async () => {
    const chat = await new DomainChat(database, agenciesFlow, superuser).start();
    await chat.tap('2 · Деактивировать');
    expect(chat.state).toBe('confirmDeactivate');
    expect((await database.fork().findOneOrFail(Agency, ids.Бета!)).active).toBe(true);
    await chat.tap('Да, деактивировать');
    expect(chat.text()).toMatch(/^🔴 Агентство «Бета» деактивировано/);
    expect(chat.text()).toContain('2. «Бета» — Алматы\n🔴 неактивно');
    expect((await database.fork().findOneOrFail(Agency, ids.Бета!)).active).toBe(false);
    // Someone else activated it meanwhile: this chat's «Активировать» is stale.
    await database.db.domain.platform.setAgencyActive(database.fork(), superuser, {
      agencyId: ids.Бета!,
      active: true,
    });
    await chat.tap('2 · Активировать');
    expect(chat.text()).toMatch(/^⚠️ Агентство уже изменилось/);
    expect(chat.text()).toContain('2. «Бета» — Алматы\n🟢 активно');
  });

  it('edits one field: a taken name keeps the step, a new phone is saved and shown on the card', async () => {
    const chat = await new DomainChat(database, agenciesFlow, superuser).start();
    await chat.tap('1 · Подробнее');
    await chat.tap('Редактировать');
    await chat.tap('Название');
    expect(chat.state).toBe('askValue');
    await chat.say('гамма');
    expect(chat.state).toBe('askValue');
    expect(chat.text()).toContain(ru.agencies.nameTaken);
    await chat.say(ru.buttons.back);
    await chat.tap('Телефон');
    await chat.say('12345');
    expect(chat.text()).toContain(ru.agencies.badPhone);
    await chat.say('8 (701) 555-44-33');
    expect(chat.state).toBe('card');
    expect(chat.text()).toMatch(/^✅ Изменения агентства «Альфа» сохранены\./);
    expect(chat.text()).toContain('📞 +7 701 555 44 33');
    // Back from a typing step: the main menu comes back above the card.
    expect(chat.messages()[0]!.text).toBe(ru.agencies.header);
    expect((await database.fork().findOneOrFail(Agency, ids.Альфа!)).phone).toBe('+77015554433');
  });

  it('is refused to anyone but a Superuser', async () => {
    const admin = (await makeUser(database.fork(), 'super_admin')).actor;
    const chat = await new DomainChat(database, agenciesFlow, admin).start();
    expect(chat.output).toEqual({ outcome: 'failed', error: 'forbidden' });
    expect(chat.finish()).toBe(ru.errors.forbidden);
  });
});
