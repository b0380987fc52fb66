import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCallback } from '../../src/bot/callback-data.ts';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { formatTenge } from '../../src/bot/parse/money.ts';
import { Agency, User } from '../../src/db/entities/index.ts';
import type { Em } from '../../src/db/orm.ts';
import {
  type BotProcess,
  type CallbackAnswer,
  linkThroughBot,
  nextCallbackAnswer,
  recordCallbackAnswers,
  type SeenMessage,
  startBot,
  startEmulator,
  type TelegramServer,
  TelegramUser,
  withDatabase,
} from '../support/e2e.ts';
import { stopBot } from '../support/e2e-lifecycle.ts';
import { labelsOf, seededDataDir, seedPushesDone, tapInPlace } from '../support/guest-e2e.ts';
import { mainMenuLabels } from '../support/menu-labels.ts';

const ru = messagesFor('ru');
const a = ru.agencies;

/** What «Подробнее» must say about an agency, read from the tables. */
interface AgencyFigures {
  id: number;
  realtors: { active: number; total: number };
  listings: { published: number; total: number };
  bookings: { pending: number; confirmed: number; completed: number; cancelled: number; total: number };
  revenue: number;
  superAdmins: string[];
}

async function figuresOf(em: Em, name: string): Promise<AgencyFigures> {
  const { id } = await em.findOneOrFail(Agency, { name });
  const one = async <T>(sql: string) => (await em.execute<T[]>(sql, [id]))[0]!;
  const realtors = await one<{ active: number; total: number }>(
    `select count(*) filter (where status = 'active')::int as active, count(*)::int as total
       from app_user where agency_id = ? and role = 'realtor'`,
  );
  const listings = await one<{ published: number; total: number }>(
    `select count(*) filter (where l.published)::int as published, count(*)::int as total
       from listing l join app_user r on r.id = l.realtor_id where r.agency_id = ?`,
  );
  const bookings = await one<AgencyFigures['bookings']>(
    `select count(*) filter (where b.status = 'pending')::int as pending,
            count(*) filter (where b.status = 'confirmed')::int as confirmed,
            count(*) filter (where b.status = 'completed')::int as completed,
            count(*) filter (where b.status = 'cancelled')::int as cancelled,
            count(*)::int as total
       from booking b join listing l on l.id = b.listing_id join app_user r on r.id = l.realtor_id
      where r.agency_id = ?`,
  );
  const { revenue } = await one<{ revenue: number }>(
    `select coalesce(sum(p.amount), 0)::int as revenue from payment p join booking b on b.id = p.booking_id
       join listing l on l.id = b.listing_id join app_user r on r.id = l.realtor_id
      where r.agency_id = ? and p.status = 'succeeded'`,
  );
  const admins = await em.find(User, { agency: id, role: 'super_admin' }, { orderBy: { fullName: 'asc' } });
  return { id, realtors, listings, bookings, revenue, superAdmins: admins.map((admin) => admin.fullName) };
}

/** Published listings in `city` that a guest's search shows (realtor and agency active). */
async function visibleIn(em: Em, city: string): Promise<{ total: number; astana: number }> {
  const [row] = await em.execute<{ total: number; astana: number }[]>(
    `select count(*)::int as total, count(*) filter (where a.name = 'Астана Стей')::int as astana
       from listing l join app_user r on r.id = l.realtor_id join agency a on a.id = r.agency_id
      where l.published and l.city = ? and r.status = 'active' and a.active`,
    [city],
  );
  return row!;
}

/**
 * The Superuser's «🏢 Агентства» and «🔎 Пользователь» over the emulator, on
 * the demo data: the owner (linked with /link) reads the agencies and their
 * figures, adds one (a taken name, a bad phone and a bad email refused with
 * the step kept), edits its phone, deactivates an agency — a guest's search
 * loses its listings — and activates it again; finds people by email and by
 * phone in several formats, blocks one (who then gets only the blocked
 * notice) and unblocks them. Nobody else gets anything done with these buttons.
 */
describe('Superuser: agencies and finding users over Telegram', () => {
  let emulator: TelegramServer;
  let bot: BotProcess;
  let dataDir: string;
  let answers: CallbackAnswer[];
  let owner: TelegramUser;
  let guest: TelegramUser;
  let blockee: TelegramUser;
  let almaty: AgencyFigures;
  let astana: AgencyFigures;
  let astanaCity: { total: number; astana: number };
  const ids = { owner: 0, guest3: 0 };

  beforeAll(async () => {
    dataDir = await seededDataDir('superuser-agencies');
    await withDatabase(dataDir, async (em) => {
      await seedPushesDone(em);
      almaty = await figuresOf(em, 'Алматы Апартаменты');
      astana = await figuresOf(em, 'Астана Стей');
      astanaCity = await visibleIn(em, 'Астана');
      ids.owner = (await em.findOneOrFail(User, { email: 'owner@demo.kz' })).id;
      ids.guest3 = (await em.findOneOrFail(User, { email: 'guest3@demo.kz' })).id;
    });
    // Both agencies have listings in Астана, so deactivating one changes what a search there finds.
    expect(astanaCity.astana).toBeGreaterThan(0);
    expect(astanaCity.total).toBeGreaterThan(astanaCity.astana);
    emulator = await startEmulator();
    answers = recordCallbackAnswers(emulator);
    bot = await startBot(emulator, { dataDir });
    owner = new TelegramUser(emulator, { firstName: 'Айдар' });
    await linkThroughBot(owner, dataDir, 'owner@demo.kz');
    guest = new TelegramUser(emulator, { firstName: 'Алия' });
    await linkThroughBot(guest, dataDir, 'guest1@demo.kz');
    blockee = new TelegramUser(emulator, { firstName: 'Данияр' });
    await linkThroughBot(blockee, dataDir, 'guest2@demo.kz');
  }, 180_000);
  afterAll(() => stopBot({ bot, emulator, dataDir }));

  /** Opens «🏢 Агентства» from the main menu; returns the list message. */
  async function openAgencies(): Promise<SeenMessage> {
    await owner.press(ru.menu.agencies);
    const [header, list] = await owner.replies(2);
    expect(header?.text).toBe(a.header);
    expect(owner.keyboard()).toEqual(mainMenuLabels('superuser'));
    return list!;
  }

  /** The row number of agency `name` in a list message («🆕 3. «Жилстрой» — Шымкент»). */
  const row = (list: SeenMessage | undefined, name: string) => {
    const match = new RegExp(`(?:^|\\n)(?:🆕 )?(\\d+)\\. «${name}» — `).exec(list?.text ?? '');
    if (!match) throw new Error(`no «${name}» in ${list?.text}`);
    return Number(match[1]);
  };

  /** A guest's search in `city` with every other filter skipped: how many listings it finds. */
  async function searchCount(city: string): Promise<number> {
    await guest.send('/start');
    await guest.replies();
    await guest.press(ru.menu.search);
    await guest.replies();
    await guest.press(city);
    await guest.replies(2);
    await guest.press(ru.buttons.skip);
    await guest.replies();
    await guest.press(ru.buttons.skip);
    await guest.replies();
    await guest.press(ru.search.anyPrice);
    await guest.replies(2);
    await guest.press(ru.buttons.skip);
    const [, list] = await guest.replies(2);
    const found = /Найден\S* (\d+) вариант/.exec(list?.text ?? '');
    if (!found) throw new Error(`no results line: ${list?.text}`);
    await guest.send('/cancel');
    await guest.replies();
    return Number(found[1]);
  }

  it('lists every agency with its city, active flag, realtors and listings', async () => {
    const list = await openAgencies();
    expect(list.text).toContain('🏢 2 агентства');
    expect(list.text).toContain(
      `1. «Алматы Апартаменты» — Алматы\n🟢 активно · 👨‍💼 ${a.realtors(almaty.realtors.total)} · 🏠 ${a.listings(almaty.listings.total)}`,
    );
    expect(list.text).toContain(
      `2. «Астана Стей» — Астана\n🟢 активно · 👨‍💼 ${a.realtors(astana.realtors.total)} · 🏠 ${a.listings(astana.listings.total)}`,
    );
    expect(labelsOf(list)).toEqual([
      '1 · Подробнее',
      '1 · Деактивировать',
      '2 · Подробнее',
      '2 · Деактивировать',
      '➕ Добавить агентство',
      '📥 Выгрузить брони (CSV)',
      '✖️ Закрыть',
    ]);
  });

  it('«Подробнее» shows figures that match the data, the contacts and the Super Admins', async () => {
    const card = await tapInPlace(owner, '1 · Подробнее');
    const b = almaty.bookings;
    expect(card.text).toContain('📞 +7 727 250 01 00\n✉️ office@almaty-apart.kz');
    expect(card.text).toContain(a.card.realtors(almaty.realtors.active, almaty.realtors.total));
    expect(card.text).toContain(a.card.listings(almaty.listings.published, almaty.listings.total));
    expect(card.text).toContain(`${a.card.bookings(b.total)}\n${a.card.bookingStatuses(b)}`);
    expect(b.total).toBeGreaterThan(0);
    expect(almaty.revenue).toBeGreaterThan(0);
    expect(card.text).toContain(a.card.revenue(formatTenge(almaty.revenue)));
    expect(almaty.superAdmins).toEqual(['Мадина Ахметова']);
    expect(card.text).toContain(
      '👤 Супер Админы:\n• Мадина Ахметова — admin.almaty@demo.kz, +7 701 000 00 02',
    );
    const back = await tapInPlace(owner, '⬅️ К списку');
    expect(back.text).toMatch(/^🏢 2 агентства/);
  });

  it('adds an agency: a taken name, a bad phone and a bad email are refused and the step stays', async () => {
    await owner.tap(a.buttons.add);
    const [askName] = await owner.replies();
    expect(askName?.text).toBe(ru.addAgency.askName);
    expect(owner.keyboard()).toEqual([[ru.buttons.cancel]]);

    await owner.send('алматы апартаменты');
    expect((await owner.replies())[0]?.text).toBe(`⚠️ ${a.nameTaken}\n\n${ru.addAgency.askName}`);
    await owner.send('Жилстрой');
    expect((await owner.replies())[0]?.text).toBe(ru.addAgency.askCity('Жилстрой'));
    expect(owner.keyboard()?.flat()).toEqual(expect.arrayContaining(['Алматы', 'Астана', 'Шымкент']));
    await owner.press('Шымкент');
    expect((await owner.replies())[0]?.text).toBe(ru.addAgency.askPhone);
    await owner.send('12 34');
    expect((await owner.replies())[0]?.text).toBe(`⚠️ ${a.badPhone}\n\n${ru.addAgency.askPhone}`);
    await owner.send('8 (701) 222-33-44');
    expect((await owner.replies())[0]?.text).toBe(ru.addAgency.askEmail);
    await owner.send('office@zhilstroy');
    expect((await owner.replies())[0]?.text).toBe(`⚠️ ${a.badEmail}\n\n${ru.addAgency.askEmail}`);
    await owner.send('Office@Zhilstroy.kz');
    const [summary] = await owner.replies();
    expect(summary?.text).toContain(
      '🏢 Название: Жилстрой\n🏙 Город: Шымкент\n📞 Телефон: +7 701 222 33 44\n✉️ Email: office@zhilstroy.kz',
    );

    await owner.press(ru.buttons.confirm);
    const [header, list] = await owner.replies(2);
    expect(header?.text).toBe(`${ru.addAgency.created('Жилстрой')}\n\n${a.header}`);
    expect(owner.keyboard()).toEqual(mainMenuLabels('superuser'));
    expect(list?.text).toContain('🏢 3 агентства');
    expect(list?.text).toMatch(
      /\n🆕 \d\. «Жилстрой» — Шымкент\n🟢 активно · 👨‍💼 0 риелторов · 🏠 0 объектов/,
    );
  });

  it('edits the new agency’s phone: a bad one keeps the step, the new one shows on its card', async () => {
    const list = owner.all().findLast((message) => message.text.includes('«Жилстрой»'))!;
    await tapInPlace(owner, `${row(list, 'Жилстрой')} · Подробнее`);
    await tapInPlace(owner, a.buttons.edit);
    await owner.tap(a.fields.phone);
    const [ask] = await owner.replies();
    expect(ask?.text).toBe(a.askValue.phone('+7 701 222 33 44'));
    expect(owner.keyboard()).toEqual([[ru.buttons.back, ru.buttons.cancel]]);
    await owner.send('555');
    expect((await owner.replies())[0]?.text).toBe(
      `⚠️ ${a.badPhone}\n\n${a.askValue.phone('+7 701 222 33 44')}`,
    );
    await owner.send('+7 701 555 44 33');
    const [header, card] = await owner.replies(2);
    expect(header?.text).toBe(a.header);
    expect(owner.keyboard()).toEqual(mainMenuLabels('superuser'));
    expect(card?.text).toMatch(/^✅ Изменения агентства «Жилстрой» сохранены\./);
    expect(card?.text).toContain('📞 +7 701 555 44 33\n✉️ office@zhilstroy.kz');
  });

  it('deactivating an agency asks first and takes its listings out of a guest’s search; activating brings them back', async () => {
    expect(await searchCount('Астана')).toBe(astanaCity.total);

    await tapInPlace(owner, a.buttons.toList);
    const list = owner.all().findLast((message) => message.text.includes('«Астана Стей»'))!;
    const index = row(list, 'Астана Стей');
    const confirm = await tapInPlace(owner, `${index} · Деактивировать`);
    expect(confirm.text).toContain(a.confirmDeactivate('Астана Стей'));
    const done = await tapInPlace(owner, a.buttons.yes);
    expect(done.text).toMatch(/^🔴 Агентство «Астана Стей» деактивировано: его объекты скрыты из поиска\./);
    expect(done.text).toContain(`${index}. «Астана Стей» — Астана\n🔴 неактивно`);
    expect(labelsOf(done)).toContain(`${index} · Активировать`);

    expect(await searchCount('Астана')).toBe(astanaCity.total - astanaCity.astana);

    const again = await tapInPlace(owner, `${index} · Активировать`);
    expect(again.text).toMatch(/^✅ Агентство «Астана Стей» активировано/);
    expect(again.text).toContain(`${index}. «Астана Стей» — Астана\n🟢 активно`);
    expect(await searchCount('Астана')).toBe(astanaCity.total);

    await owner.tap(a.buttons.close);
    expect((await owner.replies())[0]?.text).toContain('Главное меню');
  });

  it('«📥 Выгрузить брони (CSV)» on a card hands over to the export of that agency’s bookings', async () => {
    await openAgencies();
    const card = await tapInPlace(owner, '1 · Подробнее');
    expect(labelsOf(card)).toContain(a.buttons.export);
    await owner.tap(a.buttons.export);
    const [prompt] = await owner.replies(2);
    expect(prompt?.text).toBe(ru.superAdmin.bookingsExport.prompt('Алматы Апартаменты'));
    await owner.send('/cancel');
    await owner.replies();
  });

  it('«🔎 Пользователь» finds people by email and by phone in two formats; not found keeps asking', async () => {
    await owner.press(ru.menu.findUser);
    expect((await owner.replies())[0]?.text).toBe(ru.findUser.ask);
    expect(owner.keyboard()).toEqual([[ru.buttons.cancel]]);

    await owner.send('Guest2@Demo.kz');
    const [intro, card] = await owner.replies(2);
    expect(intro?.text).toBe(ru.findUser.intro);
    expect(card?.text).toMatch(
      /^👤 Данияр Ибраев\n✉️ guest2@demo\.kz\n📞 \+7 701 000 00 22\n🎭 Роль: Гость\n🟢 Статус: активен\n🏢 Агентство: —\n💬 Telegram: привязан\n📅 Зарегистрирован: \d\d\.\d\d\.\d{4}$/,
    );
    expect(labelsOf(card)).toEqual(['Заблокировать', '🔎 Искать ещё', '✖️ Закрыть']);

    await owner.send('+7 701 000 00 13');
    const [, realtor] = await owner.replies(2);
    expect(realtor?.text).toContain('👤 Динара Омарова\n✉️ realtor3@demo.kz');
    expect(realtor?.text).toContain('🎭 Роль: Риелтор');
    expect(realtor?.text).toContain('🏢 Агентство: «Астана Стей»');
    expect(realtor?.text).toContain('💬 Telegram: не привязан');

    await owner.send('87010000023');
    expect((await owner.replies(2))[1]?.text).toContain('👤 Жанна Ким\n✉️ guest3@demo.kz');

    await owner.send('nobody@demo.kz');
    expect((await owner.replies())[0]?.text).toBe(
      `⚠️ ${ru.findUser.notFound('nobody@demo.kz')}\n\n${ru.findUser.ask}`,
    );
    await owner.send('Данияр');
    expect((await owner.replies())[0]?.text).toBe(`⚠️ ${ru.findUser.badQuery}\n\n${ru.findUser.ask}`);
  });

  it('blocks after a confirmation: the blocked person’s next message gets only the blocked notice; unblocks', async () => {
    await owner.send('7010000022');
    await owner.replies(2);
    const confirm = await tapInPlace(owner, 'Заблокировать');
    expect(confirm.text).toMatch(/^Заблокировать Данияр Ибраев \(guest2@demo\.kz\)\?/);
    const blocked = await tapInPlace(owner, 'Да, заблокировать');
    expect(blocked.text).toMatch(/^⛔ Пользователь заблокирован и получил уведомление\.\n\n👤 Данияр Ибраев/);
    expect(blocked.text).toContain('⛔ Статус: заблокирован');
    expect(labelsOf(blocked)[0]).toBe('Разблокировать');

    // The push tells them at once; after that, every message gets only the blocked notice.
    expect((await blockee.replies())[0]?.text).toBe(ru.notifications.status_changed({ status: 'blocked' }));
    for (const text of ['/start', ru.menu.search]) {
      await blockee.send(text);
      expect((await blockee.replies()).map((reply) => reply.text)).toEqual([ru.common.blocked]);
    }

    const unblocked = await tapInPlace(owner, 'Разблокировать');
    expect(unblocked.text).toMatch(/^✅ Пользователь разблокирован и получил уведомление\./);
    expect(unblocked.text).toContain('🟢 Статус: активен');
    expect((await blockee.replies())[0]?.text).toBe(ru.notifications.status_changed({ status: 'active' }));
    await blockee.send('/start');
    expect((await blockee.replies())[0]?.text).toContain('Главное меню');
    expect(blockee.keyboard()?.[0]).toEqual(mainMenuLabels('guest')[0]);
  });

  it('the last active Superuser cannot block themselves: the domain’s refusal is shown', async () => {
    await owner.send('owner@demo.kz');
    await owner.replies(2);
    await tapInPlace(owner, 'Заблокировать');
    const refused = await tapInPlace(owner, 'Да, заблокировать');
    expect(refused.text).toMatch(new RegExp(`^⚠️ ${ru.errors.last_superuser}\\n\\n👤 Айдар Сейтказиев`));
    expect(refused.text).toContain('🟢 Статус: активен');
    await owner.send('/cancel');
    await owner.replies();
  });

  it('a guest, a realtor and a Super Admin pressing forged agency and user buttons are refused; nothing changes', async () => {
    const realtor = new TelegramUser(emulator, { firstName: 'Асель' });
    await linkThroughBot(realtor, dataDir, 'realtor1@demo.kz');
    const admin = new TelegramUser(emulator, { firstName: 'Мадина' });
    await linkThroughBot(admin, dataDir, 'admin.almaty@demo.kz');
    const forged = [
      encodeCallback({ action: 'agoff', id: almaty.id }),
      encodeCallback({ action: 'agoffok', id: almaty.id }),
      encodeCallback({ action: 'agon', id: astana.id }),
      encodeCallback({ action: 'agedit', id: astana.id }),
      encodeCallback({ action: 'agadd', id: 0 }),
      encodeCallback({ action: 'fublockok', id: ids.guest3 }),
      encodeCallback({ action: 'fublockok', id: ids.owner }),
    ];
    for (const person of [guest, realtor, admin]) {
      // Also from inside a flow of their own: the flow does not take these buttons either.
      for (const inFlow of [false, true]) {
        if (inFlow) {
          await person.press(ru.menu.language);
          await person.replies();
        }
        for (const data of forged) {
          const seen = answers.length;
          const messages = person.all().length;
          await person.sendCallback(data);
          expect((await nextCallbackAnswer(answers, seen)).text, `${person.firstName}: ${data}`).toBe(
            ru.common.staleButton,
          );
          expect(person.all()).toHaveLength(messages);
        }
        await person.send('/start');
        await person.replies();
      }
      // The menu label of «🏢 Агентства» is not theirs: no list.
      await person.send(ru.menu.agencies);
      expect((await person.replies())[0]?.text).toContain(ru.common.unknownInput);
    }
    await bot.stop();
    await withDatabase(dataDir, async (em) => {
      const agencies = await em.find(Agency, {}, { orderBy: { id: 'asc' } });
      expect(agencies.map((agency) => [agency.name, agency.active])).toEqual([
        ['Алматы Апартаменты', true],
        ['Астана Стей', true],
        ['Жилстрой', true],
      ]);
      expect(agencies[2]).toMatchObject({
        city: 'Шымкент',
        phone: '+77015554433',
        email: 'office@zhilstroy.kz',
      });
      const users = await em.find(User, { id: { $in: [ids.owner, ids.guest3] } });
      expect(users.map((user) => user.status)).toEqual(['active', 'active']);
    });
  });
});
