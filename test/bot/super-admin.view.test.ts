import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { type Listing, User } from '../../src/db/entities/index.ts';
import { verifyPassword } from '../../src/domain/secrets.ts';
import { makeBooking } from '../support/admin.fixtures.ts';
import { useBotChats } from '../support/bot-chats.ts';
import { type MadeUser, makeAgency, makeListing, makeUser } from '../support/fixtures.ts';
import { type ChatWithBot, labels, textOf } from '../support/pipeline-harness.ts';
import { parseCsv } from '../support/super-admin-e2e.ts';

const ru = messagesFor('ru');

/** The test clock's day is 2026-12-01 (10:00 in Almaty). */
const almaty = (dateTime: string) => new Date(`${dateTime}+05:00`);

describe('the Super Admin through the bot: realtors, adding one, figures, the CSV export', () => {
  const { suite, chatAs } = useBotChats();
  let admin: MadeUser;
  let chat: ChatWithBot;
  let realtors: MadeUser[];
  let stranger: MadeUser;
  let timurFlat: Listing;

  beforeAll(async () => {
    const em = suite.fork();
    const agency = await makeAgency(em, { name: 'Алматы Апартаменты' });
    admin = await makeUser(em, 'super_admin', { agency, fullName: 'Мадина Ахметова' });
    const names = [
      'Асель Нурланова',
      'Бауыржан Ким',
      'Гульнар Оспанова',
      'Данияр Сейтов',
      'Ерлан Ахметов',
      'Тимур Касымов',
    ];
    realtors = [];
    for (const fullName of names) realtors.push(await makeUser(em, 'realtor', { agency, fullName }));
    const asel = realtors[0]!.user;
    const guest = await makeUser(em, 'guest', { fullName: 'Алия Серикова' });
    const medeu = await makeListing(em, asel, { title: 'Студия у Медеу', pricePerNight: 10_000 });
    await makeListing(em, asel, { title: 'Черновик', published: false });
    timurFlat = await makeListing(em, realtors[5]!.user, { title: 'Пентхаус Тимура', city: 'Шымкент' });
    // This month (December): one paid, one pending; November: one paid and completed.
    await makeBooking(em, {
      listing: medeu,
      guest: guest.user,
      checkIn: '2026-12-10',
      checkOut: '2026-12-13',
      createdAt: almaty('2026-12-01T09:00:00'),
      paid: 30_000,
    });
    await makeBooking(em, {
      listing: timurFlat,
      guest: guest.user,
      checkIn: '2026-12-20',
      checkOut: '2026-12-22',
      status: 'pending',
      createdAt: almaty('2026-12-01T09:30:00'),
    });
    await makeBooking(em, {
      listing: medeu,
      guest: guest.user,
      checkIn: '2026-11-20',
      checkOut: '2026-11-22',
      status: 'completed',
      createdAt: almaty('2026-11-15T12:00:00'),
      paid: 20_000,
    });
    // Another agency with a realtor and a booking of its own: never in this admin's screens.
    const other = await makeAgency(em, { name: 'Астана Стей', city: 'Астана' });
    stranger = await makeUser(em, 'realtor', { agency: other, fullName: 'Руслан Беков' });
    const strangerFlat = await makeListing(em, stranger.user, {
      title: 'Апартаменты у EXPO',
      city: 'Астана',
    });
    await makeBooking(em, {
      listing: strangerFlat,
      guest: guest.user,
      checkIn: '2026-12-05',
      checkOut: '2026-12-06',
      createdAt: almaty('2026-12-01T08:00:00'),
      paid: 15_000,
    });
    chat = await chatAs(em, admin.user);
  });

  describe('«👥 Риелторы»', () => {
    it('lists the agency’s realtors 5 a page with status, listings and bookings this month, under the main menu', async () => {
      const reply = await chat.say('👥 Риелторы');
      const [header, list] = reply.reply.messages;
      expect(header?.text).toBe(ru.superAdmin.realtors.header);
      expect(Array.isArray(header?.reply) && header.reply.flat().map((b) => b.text)).toContain(
        '📊 Агентство',
      );
      expect(list?.text).toContain('👥 Риелторы: 6 риелторов · стр. 1 из 2');
      expect(list?.text).toContain(
        '1. Асель Нурланова — 🟢 активен\n' +
          `✉️ ${realtors[0]!.user.email} · 📞 ${realtors[0]!.user.phone}\n` +
          '🏘 2 объекта · 📅 1 бронь в этом месяце',
      );
      expect(list?.text).not.toContain('Руслан Беков');
      expect(labels(reply)).toEqual([
        '1 · Деактивировать',
        '2 · Деактивировать',
        '3 · Деактивировать',
        '4 · Деактивировать',
        '5 · Деактивировать',
        '▶️',
        '➕ Добавить',
        '✖️ Закрыть',
      ]);
    });

    it('▶ edits the list in place with the next page', async () => {
      const reply = await chat.tap('▶️', 701);
      expect(reply.editMessageId).toBe(701);
      expect(textOf(reply)).toContain('6. Тимур Касымов — 🟢 активен');
      expect(textOf(reply)).toContain('🏘 1 объект · 📅 1 бронь в этом месяце');
    });

    it('«Деактивировать» asks first; «Да» deactivates, hides the listings from search and says so', async () => {
      const ask = await chat.tap('6 · Деактивировать', 701);
      expect(textOf(ask)).toContain('Деактивировать риелтора Тимур Касымов?');
      expect(labels(ask)).toEqual(['Да, деактивировать', 'Нет']);
      const search = () => suite.db.domain.search.search(suite.fork(), null, { city: 'Шымкент' });
      expect((await search()).items.map((item) => item.title)).toContain('Пентхаус Тимура');

      const done = await chat.tap('Да, деактивировать', 701);
      expect(done.editMessageId).toBe(701);
      expect(textOf(done)).toContain('⛔ Тимур Касымов деактивирован: объекты скрыты из поиска.');
      expect(textOf(done)).toContain('6. Тимур Касымов — ⛔ деактивирован');
      expect(labels(done)).toContain('6 · Активировать');
      expect((await suite.fork().findOneOrFail(User, realtors[5]!.user.id)).status).toBe('blocked');
      expect((await search()).items.map((item) => item.title)).not.toContain('Пентхаус Тимура');
    });

    it('tells the deactivated realtor so on their next message, with only the language left in the menu', async () => {
      const timur = await chatAs(suite.fork(), realtors[5]!.user);
      for (const text of ['🏘 Мои объекты', '/start', 'привет']) {
        const reply = await timur.say(text);
        expect(textOf(reply), text).toBe(ru.common.realtorInactive);
        expect(timur.keyboard()).toEqual([['🌐 Язык']]);
      }
      await timur.say('🌐 Язык');
      const english = await timur.press({ action: 'lang', id: 0, arg: 'en' });
      expect(textOf(english)).toContain(messagesFor('en').common.realtorInactive);
      expect(timur.keyboard()).toEqual([['🌐 Language']]);
    });

    it('«Нет» on the question goes back to the list; «Активировать» brings the realtor and the listings back', async () => {
      await chat.tap('6 · Активировать', 701);
      const back = await chat.tap('Нет', 701);
      expect(textOf(back)).toContain('6. Тимур Касымов — ⛔ деактивирован');
      await chat.tap('6 · Активировать', 701);
      const done = await chat.tap('Да, активировать', 701);
      expect(textOf(done)).toContain('✅ Тимур Касымов снова активен');
      const found = await suite.db.domain.search.search(suite.fork(), null, { city: 'Шымкент' });
      expect(found.items.map((item) => item.title)).toContain('Пентхаус Тимура');
    });

    it('refuses a forged press about another agency’s realtor and changes nothing', async () => {
      await chat.press({ action: 'rstatus', id: stranger.user.id, arg: 'blocked' }, 701);
      const refused = await chat.press({ action: 'rstatusok', id: stranger.user.id, arg: 'blocked' }, 701);
      expect(textOf(refused)).toContain(`⚠️ ${ru.errors.not_found}`);
      expect((await suite.fork().findOneOrFail(User, stranger.user.id)).status).toBe('active');
    });
  });

  describe('«➕ Добавить»', () => {
    it('asks email, phone, name and password, refusing bad or taken answers at their step', async () => {
      const start = await chat.tap('➕ Добавить', 701);
      expect(textOf(start)).toBe(ru.superAdmin.addRealtor.askEmail);
      expect(chat.keyboard()).toEqual([['❌ Отмена']]);
      expect(textOf(await chat.say('не email'))).toContain(`⚠️ ${ru.superAdmin.addRealtor.badEmail}`);
      expect(textOf(await chat.say(realtors[1]!.user.email))).toContain(ru.superAdmin.addRealtor.emailTaken);
      expect(textOf(await chat.say('Zhanar@Demo.kz'))).toContain('Email zhanar@demo.kz свободен.');
      expect(textOf(await chat.say('12345'))).toContain(ru.superAdmin.addRealtor.badPhone);
      expect(textOf(await chat.say(stranger.user.phone))).toContain(ru.superAdmin.addRealtor.phoneTaken);
      expect(textOf(await chat.say('8 701 555 44 33'))).toContain('Телефон +77015554433 свободен.');
      expect(textOf(await chat.say('Ж'))).toContain(ru.superAdmin.addRealtor.badName);
      expect(textOf(await chat.say('Жанар Алиева'))).toContain(ru.superAdmin.addRealtor.askPassword);
    });

    it('deletes every message typed at the password step and masks the password in the summary', async () => {
      const short = await chat.say('1234567');
      expect(textOf(short)).toContain(ru.superAdmin.addRealtor.badPassword);
      expect(short.reply.deleteMessageIds).toHaveLength(1);
      const summary = await chat.say('секрет-2026');
      expect(summary.reply.deleteMessageIds).toHaveLength(1);
      expect(textOf(summary)).toContain('Пароль: ••••••••');
      expect(textOf(summary)).not.toContain('секрет-2026');
      expect(chat.keyboard()).toEqual([['✅ Подтвердить'], ['✏️ Изменить', '⬅️ Назад'], ['❌ Отмена']]);
    });

    it('creates the realtor, emails them how to /link and shows the list again', async () => {
      const done = await chat.say('✅ Подтвердить');
      expect(done.reply.deleteMessageIds).toBeUndefined();
      expect(textOf(done)).toContain(ru.superAdmin.addRealtor.added('Жанар Алиева'));
      expect(textOf(done)).toContain('👥 Риелторы: 7 риелторов');
      const created = await suite
        .fork()
        .findOneOrFail(User, { email: 'zhanar@demo.kz' }, { populate: ['agency'] });
      expect(created).toMatchObject({
        role: 'realtor',
        status: 'active',
        phone: '+77015554433',
        fullName: 'Жанар Алиева',
      });
      expect(created.agency?.id).toBe(admin.actor.agencyId);
      expect(await verifyPassword('секрет-2026', created.passwordHash!)).toBe(true);
      await suite.db.deliverEmails();
      const welcome = suite.db.mail.sent.find((email) => email.to === 'zhanar@demo.kz');
      expect(welcome?.text).toContain('/link');
      expect(welcome?.subject).toContain('Алматы Апартаменты');
    });
  });

  describe('«📊 Агентство» and the export', () => {
    it('shows the chart of 30 days as a PNG, then the figures of this month and all time with the TOPs', async () => {
      const reply = await chat.say('📊 Агентство');
      const [chart, figures] = reply.reply.messages;
      // 2 this month and 1 on 15 November, within the 30 days up to 1 December.
      expect(chart?.text).toBe('📊 Брони по дням за 30 дней: всего 3 брони.');
      const photo = chart?.photo as { png: Uint8Array; filename: string };
      const image = PNG.sync.read(Buffer.from(photo.png));
      expect([image.width, image.height]).toEqual([720, 360]);
      expect(figures?.text).toContain('📊 Агентство «Алматы Апартаменты»');
      expect(figures?.text).toContain('👥 Риелторы: 7 активных из 7');
      expect(figures?.text).toContain('🏘 Объекты: опубликовано 2 из 3');
      expect(figures?.text).toContain(
        '🗓 Декабрь 2026\nБрони: 2\n⏳ ждут оплаты 1 · ✅ подтверждены 1 · 🏁 завершены 0 · ❌ отменены 0\n💰 Выручка: 30 000 ₸',
      );
      expect(figures?.text).toContain('📈 За всё время\nБрони: 3');
      expect(figures?.text).toContain('💰 Выручка: 50 000 ₸');
      expect(figures?.text).toContain('1. «Студия у Медеу» (Асель Нурланова) — 50 000 ₸, 2 брони');
      expect(figures?.text).toContain('1. Асель Нурланова — 50 000 ₸, 2 брони');
      expect(labels(reply)).toEqual(['📥 Выгрузить брони (CSV)', '✖️ Закрыть']);
    });

    it('exports this month’s bookings of the agency only, as a CSV document Excel reads', async () => {
      const prompt = await chat.tap('📥 Выгрузить брони (CSV)');
      expect(textOf(prompt)).toContain('📥 Выгрузка броней агентства «Алматы Апартаменты» в CSV.');
      expect(textOf(await chat.say('октябрь'))).toContain(ru.superAdmin.bookingsExport.badPeriod);
      const done = await chat.tap('🗓 Этот месяц');
      const [file, menu] = done.reply.messages;
      expect(file?.text).toBe('📥 Брони с 01.12.2026 по 01.12.2026: 2 брони. Файл открывается в Excel.');
      expect(file?.document).toMatchObject({
        filename: 'broni_2026-12-01_2026-12-01.csv',
        contentType: 'text/csv',
      });
      const bytes = file!.document!.content;
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parseCsv(new TextDecoder().decode(bytes.slice(3)));
      expect(rows[0]).toEqual([
        'ID',
        'Объект',
        'Город',
        'Риелтор',
        'Агентство',
        'Гость',
        'Телефон',
        'Заезд',
        'Выезд',
        'Ночей',
        'Гостей',
        'Сумма, ₸',
        'Статус',
        'Создана',
      ]);
      expect(
        rows.slice(1).map((row) => [row[1], row[4], row[5], row[7], row[9], row[11], row[12], row[13]]),
      ).toEqual([
        [
          'Студия у Медеу',
          'Алматы Апартаменты',
          'Алия Серикова',
          '2026-12-10',
          '3',
          '30000',
          'подтверждена',
          '2026-12-01 09:00',
        ],
        [
          'Пентхаус Тимура',
          'Алматы Апартаменты',
          'Алия Серикова',
          '2026-12-20',
          '2',
          '30000',
          'ждёт оплаты',
          '2026-12-01 09:30',
        ],
      ]);
      expect(menu?.text).toContain(ru.superAdmin.bookingsExport.done);
    });
  });
});
