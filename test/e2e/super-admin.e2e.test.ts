import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { formatDate } from '../../src/bot/parse/date-range.ts';
import { formatTenge } from '../../src/bot/parse/money.ts';
import { monthTitle } from '../../src/bot/views/admin/metrics-screens.ts';
import { Listing, User } from '../../src/db/entities/index.ts';
import type { Em } from '../../src/db/orm.ts';
import { addDays, almatyMidnight, almatyToday, monthStart, nextMonthStart } from '../../src/domain/dates.ts';
import {
  type BotProcess,
  type CallbackAnswer,
  linkThroughBot,
  nextCallbackAnswer,
  nextEmail,
  recordCallbackAnswers,
  startBot,
  startEmulator,
  type TelegramServer,
  TelegramUser,
  withDatabase,
} from '../support/e2e.ts';
import { stopBot } from '../support/e2e-lifecycle.ts';
import { labelsOf, seededDataDir, seedPushesDone } from '../support/guest-e2e.ts';
import {
  type Deletion,
  nextUpload,
  parseCsv,
  recordDeletions,
  recordUploads,
  searchUpTo,
  stillInChat,
  type Upload,
  waitForMessage,
} from '../support/super-admin-e2e.ts';

const ru = messagesFor('ru');
const texts = ru.superAdmin;
const AGENCY = 'Алматы Апартаменты';
/** Тимур's listing, made the only one in Алматы at 5 000 ₸ a night so a guest's search can find it alone. */
const TIMUR_FLAT = 'Пентхаус Тимура у Медеу';

interface Expected {
  timurId: number;
  timurListings: number;
  realtors: { active: number; total: number };
  listings: { published: number; total: number };
  thisMonth: { total: number; byStatus: Record<string, number>; revenue: number };
  allTime: { total: number; byStatus: Record<string, number>; revenue: number };
  rating: number | null;
  last30: number;
  topListing: { title: string; realtor: string; revenue: number; bookings: number } | null;
  /** Ids of the agency's bookings made this Almaty month (the «Этот месяц» export). */
  monthBookingIds: number[];
}

const rows = async <T>(em: Em, sql: string, params: unknown[] = []) =>
  (await em.execute(sql, params)) as unknown as T[];

/**
 * The figures of the Almaty agency straight from the tables, by their
 * definitions (a booking is the agency's when its listing's realtor is), for
 * comparing with what the bot shows.
 */
async function expectedFigures(em: Em): Promise<Expected> {
  const agencyOf = `join listing l on l.id = b.listing_id join app_user r on r.id = l.realtor_id
    join agency a on a.id = r.agency_id and a.name = '${AGENCY}'`;
  const today = almatyToday(new Date());
  const monthFrom = almatyMidnight(monthStart(today)).toISOString();
  const monthTo = almatyMidnight(nextMonthStart(today)).toISOString();
  const flagged = await rows<{
    id: number;
    status: string;
    paid: number;
    thisMonth: boolean;
    last30: boolean;
  }>(
    em,
    `select b.id, b.status,
            coalesce((select sum(p.amount) from payment p where p.booking_id = b.id and p.status = 'succeeded'), 0)::int as paid,
            (b.created_at >= ?::timestamptz and b.created_at < ?::timestamptz) as "thisMonth",
            b.created_at >= ?::timestamptz as "last30"
       from booking b ${agencyOf} order by b.id`,
    [monthFrom, monthTo, almatyMidnight(addDays(today, -29)).toISOString()],
  );
  const tally = (list: typeof flagged) => {
    const byStatus: Record<string, number> = { pending: 0, confirmed: 0, cancelled: 0, completed: 0 };
    for (const booking of list) byStatus[booking.status]!++;
    return { total: list.length, byStatus };
  };
  const paymentsThisMonth = await rows<{ revenue: number }>(
    em,
    `select coalesce(sum(p.amount), 0)::int as revenue from payment p join booking b on b.id = p.booking_id ${agencyOf}
      where p.status = 'succeeded' and p.created_at >= ?::timestamptz and p.created_at < ?::timestamptz`,
    [monthFrom, monthTo],
  );
  const [people] = await rows<{ active: number; total: number }>(
    em,
    `select count(*) filter (where u.status = 'active')::int as active, count(*)::int as total
       from app_user u join agency a on a.id = u.agency_id and a.name = '${AGENCY}' where u.role = 'realtor'`,
  );
  const [flats] = await rows<{ published: number; total: number; rating: number | null }>(
    em,
    `select count(*) filter (where l.published)::int as published, count(*)::int as total,
            avg(l.rating_avg) filter (where l.rating_count > 0)::float8 as rating
       from listing l join app_user r on r.id = l.realtor_id join agency a on a.id = r.agency_id and a.name = '${AGENCY}'`,
  );
  const [top] = await rows<{ title: string; realtor: string; revenue: number; bookings: number }>(
    em,
    `select l.title, r.full_name as realtor, sum(p.amount)::int as revenue, count(distinct b.id)::int as bookings
       from payment p join booking b on b.id = p.booking_id ${agencyOf}
      where p.status = 'succeeded' group by l.id, l.title, r.full_name order by revenue desc, l.id limit 1`,
  );
  const timur = await em.findOneOrFail(User, { email: 'realtor2@demo.kz' });
  return {
    timurId: timur.id,
    timurListings: await em.count(Listing, { realtor: timur.id }),
    realtors: people!,
    listings: { published: flats!.published, total: flats!.total },
    thisMonth: { ...tally(flagged.filter((b) => b.thisMonth)), revenue: paymentsThisMonth[0]!.revenue },
    allTime: { ...tally(flagged), revenue: flagged.reduce((sum, b) => sum + b.paid, 0) },
    rating: flats!.rating === null ? null : Math.round(flats!.rating * 100) / 100,
    last30: flagged.filter((b) => b.last30).length,
    topListing: top ?? null,
    monthBookingIds: flagged.filter((b) => b.thisMonth).map((b) => b.id),
  };
}

/**
 * The Super Admin of the seeded «Алматы Апартаменты» over the Bot API emulator:
 * figures with the chart, the CSV export, the realtors list, adding a realtor
 * (the password's message deleted), deactivating one (their listing leaves a
 * guest's search, their own chat says so) and back; and another agency's
 * Super Admin forging the buttons.
 */
describe('the Super Admin over Telegram', () => {
  let emulator: TelegramServer;
  let bot: BotProcess;
  let dataDir: string;
  let photos: Upload[];
  let documents: Upload[];
  let deletions: Deletion[];
  let answers: CallbackAnswer[];
  let admin: TelegramUser;
  let expected: Expected;

  beforeAll(async () => {
    dataDir = await seededDataDir('super-admin');
    expected = await withDatabase(dataDir, async (em) => {
      await seedPushesDone(em);
      const timur = await em.findOneOrFail(User, { email: 'realtor2@demo.kz' });
      const flat = await em.findOneOrFail(
        Listing,
        { realtor: timur.id, city: 'Алматы' },
        { orderBy: { id: 'asc' } },
      );
      flat.title = TIMUR_FLAT;
      flat.pricePerNight = 5000;
      await em.flush();
      return expectedFigures(em);
    });
    emulator = await startEmulator();
    photos = recordUploads(emulator, 'sendPhoto');
    documents = recordUploads(emulator, 'sendDocument');
    deletions = recordDeletions(emulator);
    answers = recordCallbackAnswers(emulator);
    bot = await startBot(emulator, { dataDir });
    admin = new TelegramUser(emulator, { firstName: 'Мадина' });
    await linkThroughBot(admin, dataDir, 'admin.almaty@demo.kz');
  }, 180_000);

  afterAll(async () => {
    await stopBot({ bot, emulator, dataDir });
  });

  it('«📊 Агентство» shows the agency’s figures as they are in the database, with the chart as a PNG photo', async () => {
    const seen = photos.length;
    await admin.press('📊 Агентство');
    const [figures] = await admin.replies();
    const photo = await nextUpload(photos, seen);
    expect(photo.chatId).toBe(admin.id);
    expect(photo.caption).toBe(texts.metrics.chartCaption(expected.last30));
    expect([...photo.bytes.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(PNG.sync.read(Buffer.from(photo.bytes)).width).toBe(720);

    const text = figures!.text;
    const m = texts.metrics;
    expect(text).toContain(m.title(AGENCY));
    expect(text).toContain(m.realtors(expected.realtors.active, expected.realtors.total));
    expect(text).toContain(m.listings(expected.listings.published, expected.listings.total));
    const rating =
      expected.rating === null ? m.noRating : m.rating(String(expected.rating).replace('.', ','));
    expect(text).toContain(rating);
    const block = (period: Expected['allTime']) =>
      [
        m.bookings(period.total),
        m.byStatus(
          period.byStatus.pending!,
          period.byStatus.confirmed!,
          period.byStatus.completed!,
          period.byStatus.cancelled!,
        ),
        m.revenue(formatTenge(period.revenue)),
      ].join('\n');
    const month = monthTitle(almatyToday(new Date()).slice(0, 7), 'ru');
    expect(text).toContain(`${m.thisMonth(month)}\n${block(expected.thisMonth)}`);
    expect(text).toContain(`${m.allTime}\n${block(expected.allTime)}`);
    if (expected.topListing) {
      const top = expected.topListing;
      expect(text).toContain(m.topListing(1, top.title, top.realtor, formatTenge(top.revenue), top.bookings));
    }
    expect(labelsOf(figures)).toEqual(['📥 Выгрузить брони (CSV)', '✖️ Закрыть']);
  });

  it('«📥 Выгрузить брони (CSV)» sends this month’s bookings of the agency, and only those, as a CSV document', async () => {
    await admin.tap('📥 Выгрузить брони (CSV)');
    await admin.replies(2);
    const seen = documents.length;
    await admin.tap('🗓 Этот месяц');
    const [done] = await admin.replies();
    expect(done?.text).toContain(texts.bookingsExport.done);
    const file = await nextUpload(documents, seen);
    expect(file.chatId).toBe(admin.id);
    expect(file.filename).toMatch(/^broni_\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}\.csv$/);
    const today = almatyToday(new Date());
    expect(file.caption).toContain(`📥 Брони с ${formatDate(monthStart(today))} по ${formatDate(today)}`);
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...lines] = parseCsv(new TextDecoder().decode(file.bytes.slice(3)));
    expect(header?.[0]).toBe('ID');
    expect(header?.[4]).toBe('Агентство');
    expect(lines.map((line) => Number(line[0])).sort((a, b) => a - b)).toEqual(expected.monthBookingIds);
    expect(new Set(lines.map((line) => line[4]))).toEqual(
      new Set(expected.monthBookingIds.length ? [AGENCY] : []),
    );
  });

  it('«👥 Риелторы» lists the agency’s realtors with status, listings and bookings this month', async () => {
    await admin.press('👥 Риелторы');
    const [, list] = await admin.replies(2);
    expect(list?.text).toContain('👥 Риелторы: 2 риелтора');
    expect(list?.text).toContain('Асель Нурланова — 🟢 активен');
    expect(list?.text).toMatch(
      new RegExp(`Тимур Касымов — 🟢 активен\\n.*\\n🏘 ${expected.timurListings} объект`),
    );
    expect(list?.text).not.toContain('Динара Омарова');
    expect(labelsOf(list)).toEqual(['1 · Деактивировать', '2 · Деактивировать', '➕ Добавить', '✖️ Закрыть']);
  });

  it('«➕ Добавить» refuses a bad email, a taken phone and a short password at their step, deleting the password messages', async () => {
    await admin.tap('➕ Добавить');
    expect((await admin.replies())[0]?.text).toBe(texts.addRealtor.askEmail);
    await admin.send('zhanar(at)demo.kz');
    expect((await admin.replies())[0]?.text).toBe(
      `⚠️ ${texts.addRealtor.badEmail}\n\n${texts.addRealtor.askEmail}`,
    );
    await admin.send('zhanar@demo.kz');
    await admin.replies();
    // realtor1@demo.kz's phone, typed the domestic way.
    await admin.send('8 701 000 00 11');
    expect((await admin.replies())[0]?.text).toBe(
      `⚠️ ${texts.addRealtor.phoneTaken}\n\n${texts.addRealtor.askPhone('zhanar@demo.kz')}`,
    );
    await admin.send('+7 701 555 44 33');
    await admin.replies();
    await admin.send('Жанар Алиева');
    expect((await admin.replies())[0]?.text).toBe(texts.addRealtor.askPassword);
    await admin.send('1234567');
    expect((await admin.replies())[0]?.text).toBe(
      `⚠️ ${texts.addRealtor.badPassword}\n\n${texts.addRealtor.askPassword}`,
    );
    await admin.send('almaty-2026!');
    const [summary] = await admin.replies();
    expect(summary?.text).toBe(texts.addRealtor.summary('zhanar@demo.kz', '+77015554433', 'Жанар Алиева'));
    expect(deletions.filter((d) => d.chatId === admin.id).map((d) => d.text)).toEqual([
      '1234567',
      'almaty-2026!',
    ]);
    expect(deletions.every((d) => Number.isInteger(d.messageId) && d.messageId > 0)).toBe(true);
    expect(stillInChat(emulator, admin, 'almaty-2026!')).toBe(false);
    expect(stillInChat(emulator, admin, 'Жанар Алиева')).toBe(true);
  });

  it('«✅ Подтвердить» creates the realtor, emails them how to /link and shows the list with them', async () => {
    await admin.press('✅ Подтвердить');
    const [first, list] = await admin.replies(2);
    expect(first?.text).toContain(texts.addRealtor.added('Жанар Алиева'));
    expect(list?.text).toContain('👥 Риелторы: 3 риелтора');
    expect(list?.text).toContain(
      'Жанар Алиева — 🟢 активен\n✉️ zhanar@demo.kz · 📞 +77015554433\n🏘 0 объектов',
    );
    const welcome = await nextEmail(dataDir, 'zhanar@demo.kz', 0);
    expect(welcome.subject).toContain(AGENCY);
    expect(welcome.text).toContain('/link');
  });

  describe('deactivating a realtor', () => {
    let guest: TelegramUser;
    let timur: TelegramUser;

    beforeAll(async () => {
      guest = new TelegramUser(emulator, { firstName: 'Гость' });
      timur = new TelegramUser(emulator, { firstName: 'Тимур' });
      await linkThroughBot(timur, dataDir, 'realtor2@demo.kz');
    }, 60_000);

    it('a guest finds Тимур’s flat at first', async () => {
      expect(await searchUpTo(guest, 'Алматы', '5 000')).toContain(TIMUR_FLAT);
    });

    it('«Деактивировать» asks; «Да» deactivates: the flat leaves the search, Тимур is told and keeps only the language', async () => {
      const list = admin.all().findLast((message) => message.text.includes('👥 Риелторы: 3'))!;
      const deactivate = list
        .inline!.flat()
        .find((button) => button.data === `rstatus:${expected.timurId}:blocked`)!;
      await admin.sendCallback(deactivate.data, list.messageId);
      const ask = await waitForMessage(
        admin,
        (m) => m.messageId === list.messageId && m.text.includes('Деактивировать риелтора'),
      );
      expect(ask.text).toContain(texts.realtors.confirmDeactivate('Тимур Касымов'));
      await admin.tap('Да, деактивировать');
      const done = await waitForMessage(admin, (m) =>
        m.text.includes(texts.realtors.deactivated('Тимур Касымов')),
      );
      expect(done.text).toContain('Тимур Касымов — ⛔ деактивирован');
      // He is told in the bot's word for a realtor: deactivated, not blocked.
      await waitForMessage(timur, (m) => m.text === 'Ваш аккаунт риелтора деактивирован.');

      expect(await searchUpTo(guest, 'Алматы', '5 000')).toContain(ru.search.noResults);
      // The status_changed push may come first; the answer to his next message is the inactive menu.
      const sent = timur.all().length;
      await timur.send('🏘 Мои объекты');
      const inactive = await waitForMessage(timur, (m) => m.text === ru.common.realtorInactive, sent);
      expect(inactive.keyboard).toEqual([['🌐 Язык']]);
    });

    it('«Активировать» brings Тимур back: the flat is in the search again and his menu is the realtor’s', async () => {
      const list = admin.all().findLast((message) => message.text.includes('деактивирован'))!;
      const activate = list
        .inline!.flat()
        .find((button) => button.data === `rstatus:${expected.timurId}:active`)!;
      await admin.sendCallback(activate.data, list.messageId);
      await waitForMessage(admin, (m) => m.text.includes('Активировать риелтора Тимур Касымов?'));
      await admin.tap('Да, активировать');
      await waitForMessage(admin, (m) => m.text.includes(texts.realtors.activated('Тимур Касымов')));
      await waitForMessage(timur, (m) => m.text === 'Ваш аккаунт риелтора снова активирован.');

      expect(await searchUpTo(guest, 'Алматы', '5 000')).toContain(TIMUR_FLAT);
      const sent = timur.all().length;
      await timur.send('/menu');
      const menu = await waitForMessage(timur, (m) => m.keyboard !== null, sent);
      expect(menu.keyboard?.flat()).toContain('🏘 Мои объекты');
    });

    it('another agency’s Super Admin forging «Деактивировать» for Тимур is refused and nothing changes', async () => {
      const astana = new TelegramUser(emulator, { firstName: 'Ерлан' });
      await linkThroughBot(astana, dataDir, 'admin.astana@demo.kz');
      // Outside a list the button is just stale.
      const seen = answers.length;
      await astana.sendCallback(`rstatusok:${expected.timurId}:blocked`);
      expect((await nextCallbackAnswer(answers, seen)).text).toBe(ru.common.staleButton);
      await astana.press('👥 Риелторы');
      const [, list] = await astana.replies(2);
      expect(list?.text).not.toContain('Тимур');
      // Within the list, the forged ids reach the domain, which does not find an Almaty realtor for Astana.
      await astana.sendCallback(`rstatus:${expected.timurId}:blocked`, list!.messageId);
      await waitForMessage(astana, (m) =>
        m.text.includes(texts.realtors.confirmDeactivateById(expected.timurId)),
      );
      await astana.sendCallback(`rstatusok:${expected.timurId}:blocked`, list!.messageId);
      const refused = await waitForMessage(astana, (m) => m.text.includes(`⚠️ ${ru.errors.not_found}`));
      expect(refused.text).not.toContain('Тимур');

      expect(await searchUpTo(guest, 'Алматы', '5 000')).toContain(TIMUR_FLAT);
      const sent = timur.all().length;
      await timur.send('/menu');
      const menu = await waitForMessage(timur, (m) => m.keyboard !== null, sent);
      expect(menu.keyboard?.flat()).toContain('🏘 Мои объекты');
    });
  });
});
