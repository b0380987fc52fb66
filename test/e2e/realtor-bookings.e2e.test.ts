import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { formatStay } from '../../src/bot/parse/date-range.ts';
import { Booking, Listing, User } from '../../src/db/entities/index.ts';
import { addDays, almatyToday } from '../../src/domain/dates.ts';
import {
  type BotProcess,
  linkThroughBot,
  type SeenMessage,
  type TelegramServer,
  TelegramUser,
  withDatabase,
} from '../support/e2e.ts';
import { stopBot } from '../support/e2e-lifecycle.ts';
import { labelsOf, seededDataDir, tapInPlace } from '../support/guest-e2e.ts';
import { makeBooking } from '../support/listings.fixtures.ts';
import { startRealtorChat } from '../support/realtor-e2e.ts';

const t = messagesFor('ru');
const r = t.realtorBookings;

interface Stay {
  id: number;
  title: string;
  /** «dd.mm.yyyy – dd.mm.yyyy», as the lists print it. */
  dates: string;
  guestName: string;
}

/** The list message a realtor or guest sees last (the newest message with inline buttons). */
const listOf = (user: TelegramUser): SeenMessage => user.all().findLast((m) => m.inline)!;
/** The number a booking has in the list shown, found by its dates. */
function indexOf(list: SeenMessage, stay: Stay): number {
  const entry = list.text.split('\n\n').find((part) => part.includes(stay.dates));
  if (!entry) throw new Error(`${stay.dates} is not in the list:\n${list.text}`);
  return Number(entry.split('.')[0]);
}

/**
 * «📅 Брони» over the Bot API emulator, as the seeded realtor3 («Динара») whose
 * listings have pending bookings: one is confirmed, one cancelled with a
 * reason that reaches the guest («Алия», guest1) in Telegram and in «📦 Мои
 * бронирования»; a booking the guest cancelled meanwhile is a stale button;
 * another realtor's booking id in a forged callback is refused.
 */
describe('📅 Брони, as a realtor over Telegram', () => {
  let emulator: TelegramServer;
  let bot: BotProcess;
  let dataDir: string;
  let realtor: TelegramUser;
  let guest: TelegramUser;
  /** guest1's seeded booking (cancelled here with a reason), guest5's (confirmed here). */
  let toCancel: Stay;
  let toConfirm: Stay;
  /** guest1's booking that guest1 cancels while the realtor's list still shows it. */
  let goneMeanwhile: Stay;
  /** A pending booking of realtor1's listing: realtor3 must not touch it. */
  let foreign: Stay;
  const today = almatyToday(new Date());

  beforeAll(async () => {
    dataDir = await seededDataDir('realtor-bookings');
    const stayOf = (booking: Booking): Stay => ({
      id: booking.id,
      title: booking.listing.title,
      dates: formatStay(booking.checkIn, booking.checkOut),
      guestName: booking.guest.fullName,
    });
    [toCancel, toConfirm, goneMeanwhile, foreign] = await withDatabase(dataDir, async (em) => {
      const guest1 = await em.findOneOrFail(User, { email: 'guest1@demo.kz' });
      const guest2 = await em.findOneOrFail(User, { email: 'guest2@demo.kz' });
      const [mine] = await em.find(
        Listing,
        { realtor: { email: 'realtor3@demo.kz' } },
        { orderBy: { id: 'desc' } },
      );
      const [theirs] = await em.find(
        Listing,
        { realtor: { email: 'realtor1@demo.kz' } },
        { orderBy: { id: 'desc' } },
      );
      const checkIn = addDays(today, 40);
      await makeBooking(em, {
        listing: mine!,
        guest: guest1,
        checkIn,
        checkOut: addDays(checkIn, 2),
        status: 'pending',
      });
      await makeBooking(em, {
        listing: theirs!,
        guest: guest2,
        checkIn,
        checkOut: addDays(checkIn, 3),
        status: 'pending',
      });
      const pending = (email: string) =>
        em.find(
          Booking,
          { status: 'pending', listing: { realtor: { email } } },
          { populate: ['listing', 'guest'], orderBy: { checkIn: 'asc' } },
        );
      const ofRealtor3 = await pending('realtor3@demo.kz');
      // The seed's two pending bookings (guest1's, guest5's), then the one just made.
      expect(ofRealtor3.map((booking) => booking.guest.email)).toEqual([
        'guest1@demo.kz',
        'guest5@demo.kz',
        'guest1@demo.kz',
      ]);
      const ofRealtor1 = await pending('realtor1@demo.kz');
      return [...ofRealtor3.map(stayOf), stayOf(ofRealtor1.at(-1)!)] as [Stay, Stay, Stay, Stay];
    });
    ({ emulator, bot, realtor } = await startRealtorChat(dataDir, 'realtor3@demo.kz', 'Динара'));
    guest = new TelegramUser(emulator, { firstName: 'Алия' });
    await linkThroughBot(guest, dataDir, 'guest1@demo.kz');
  });
  afterAll(() => stopBot({ bot, emulator, dataDir }));

  it('lists the new bookings of the realtor’s listings with the guest, a phone to call, stay and total', async () => {
    await realtor.press(t.menu.realtorBookings);
    const [header, list] = await realtor.replies(2);
    expect(header?.text).toBe(r.header);
    expect(list?.text).toContain(`${r.tabs.new}: 3 брони`);
    const first = list!.text.split('\n\n')[1]!;
    expect(first).toContain(`1. «${toCancel.title}»`);
    expect(first).toContain('👤 Алия Серикова · 📞 +7 701 000 00 21');
    expect(first).toContain(`📅 ${toCancel.dates}`);
    expect(first).toContain('⏳ ждёт подтверждения');
    expect(list?.text).not.toContain(foreign.dates);
    expect(labelsOf(list)).toEqual([
      '1 · ✅ Подтвердить',
      '1 · ❌ Отменить',
      '2 · ✅ Подтвердить',
      '2 · ❌ Отменить',
      '3 · ✅ Подтвердить',
      '3 · ❌ Отменить',
      `• ${r.tabs.new} •`,
      r.tabs.upcoming,
      r.tabs.past,
      r.buttons.close,
    ]);
  });

  it('«Подтвердить» confirms in place; the booking moves to «Предстоящие»', async () => {
    const index = indexOf(listOf(realtor), toConfirm);
    const confirmed = await tapInPlace(realtor, `${index} · ✅ Подтвердить`);
    expect(confirmed.text.startsWith(r.confirmed)).toBe(true);
    expect(confirmed.text).toContain(`${r.tabs.new}: 2 брони`);
    expect(confirmed.text).not.toContain(toConfirm.dates);
    const upcoming = await tapInPlace(realtor, r.tabs.upcoming);
    const entry = upcoming.text.split('\n\n').find((part) => part.includes(toConfirm.dates));
    expect(entry).toContain('✅ подтверждена');
    await tapInPlace(realtor, r.tabs.new);
  });

  it('«Отменить» asks for a reason (a too short one is explained), then cancels; the guest is told why', async () => {
    const index = indexOf(listOf(realtor), toCancel);
    const ask = await tapInPlace(realtor, `${index} · ❌ Отменить`);
    expect(ask.text).toBe(r.askReason(toCancel.title, toCancel.dates, 'Алия Серикова'));
    expect(labelsOf(ask)).toEqual([...r.reasons, r.buttons.backToList]);
    await realtor.send('ок');
    const [again] = await realtor.replies();
    expect(again?.text.startsWith(`⚠️ ${r.badReason}`)).toBe(true);
    const reason = 'Прорвало трубу, квартира на ремонте';
    await realtor.send(reason);
    const [confirm] = await realtor.replies();
    expect(confirm?.text).toBe(r.confirmCancel(toCancel.title, toCancel.dates, 'Алия Серикова', reason));
    const done = await tapInPlace(realtor, r.buttons.yes);
    expect(done.text.startsWith(r.cancelled)).toBe(true);
    expect(done.text).not.toContain(toCancel.dates);

    const [push] = await guest.replies();
    expect(push?.text).toBe(`❌ Бронь «${toCancel.title}» (${toCancel.dates}) отменена. Причина: ${reason}`);
  });

  it('the guest sees the cancellation in «📦 Мои бронирования»', async () => {
    await guest.press(t.menu.myBookings);
    await guest.replies(2);
    const past = await tapInPlace(guest, t.myBookings.tabs.past);
    const entry = past.text.split('\n\n').find((part) => part.includes(toCancel.dates));
    expect(entry).toContain(`«${toCancel.title}»`);
    expect(entry).toContain('❌ отменена (риелтором)');
  });

  it('a booking the guest cancelled meanwhile: its «Подтвердить» says so and changes nothing', async () => {
    const index = indexOf(listOf(realtor), goneMeanwhile);
    // The guest cancels it from their own list while the realtor's still shows it.
    const upcoming = await tapInPlace(guest, t.myBookings.tabs.upcoming);
    await tapInPlace(guest, `${indexOf(upcoming, goneMeanwhile)} · ❌ Отменить`);
    await tapInPlace(guest, t.myBookings.buttons.yes);
    const [told] = await realtor.replies();
    expect(told?.text).toContain(`Бронь «${goneMeanwhile.title}» (${goneMeanwhile.dates}) отменена.`);

    const stale = await tapInPlace(realtor, `${index} · ✅ Подтвердить`);
    expect(stale.text.startsWith(`⚠️ ${r.stale}`)).toBe(true);
    expect(stale.text).not.toContain(goneMeanwhile.dates);
  });

  it('another realtor’s booking id in forged buttons is refused: not found, nothing changed', async () => {
    const list = listOf(realtor);
    await realtor.sendCallback(`bconfirm:${foreign.id}`, list.messageId);
    await waitForEdit(realtor, list, `⚠️ ${t.errors.not_found}`);

    await realtor.sendCallback(`bcancel:${foreign.id}`, list.messageId);
    const asked = await waitForEdit(realtor, list, r.askReasonById(foreign.id));
    expect(asked.text).not.toContain(foreign.title);
    await tapInPlace(realtor, r.reasons[0]!);
    await tapInPlace(realtor, r.buttons.yes);
    expect(listOf(realtor).text.startsWith(`⚠️ ${t.errors.not_found}`)).toBe(true);
  });

  it('the database agrees: confirmed, cancelled with the reason, cancelled by the guest, the other untouched', async () => {
    await bot.stop();
    const rows = await withDatabase(dataDir, (em) =>
      em.find(
        Booking,
        { id: { $in: [toConfirm.id, toCancel.id, goneMeanwhile.id, foreign.id] } },
        { orderBy: { id: 'asc' } },
      ),
    );
    const byId = new Map(rows.map((booking) => [booking.id, booking]));
    expect(byId.get(toConfirm.id)?.status).toBe('confirmed');
    expect(byId.get(toCancel.id)).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'realtor',
      cancelReason: 'Прорвало трубу, квартира на ремонте',
    });
    expect(byId.get(goneMeanwhile.id)).toMatchObject({ status: 'cancelled', cancelledBy: 'guest' });
    expect(byId.get(foreign.id)).toMatchObject({ status: 'pending', cancelledBy: null });
  });
});

/** Waits until `message` is edited to start with `prefix` (a forged press answered in place). */
async function waitForEdit(user: TelegramUser, message: SeenMessage, prefix: string): Promise<SeenMessage> {
  const started = Date.now();
  for (;;) {
    const now = user.all().find((m) => m.messageId === message.messageId);
    if (now?.text.startsWith(prefix)) return now;
    if (Date.now() - started > 20_000) throw new Error(`not edited to «${prefix}»: ${now?.text}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
