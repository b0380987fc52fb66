import { beforeEach, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { mainMenuKeyboard } from '../../src/bot/menu.ts';
import { formatKzPhone } from '../../src/bot/views/bookings/phone-text.ts';
import { realtorBookingsFlow } from '../../src/bot/views/realtor-bookings.view.ts';
import { AccountBlocked, InvalidState, NotFound } from '../../src/domain/errors.ts';
import {
  type RealtorBookingItem,
  type RealtorBookingsInput,
  type RealtorBookingsLoaded,
  readReason,
  realtorBookingsMachine,
} from '../../src/machines/realtor-bookings.machine.ts';
import { realtorBookingItem } from '../support/booking-items.ts';
import { ActorScript } from '../support/flows.ts';
import { ListFlowRun } from '../support/list-flow-run.ts';

const ru = messagesFor('ru');
const r = ru.realtorBookings;

const loaded = (
  items: RealtorBookingItem[],
  page = 1,
  pages = 1,
  total = items.length,
): RealtorBookingsLoaded => ({
  list: { items, page, pageSize: 5, pages, total },
  menu: { role: 'realtor', unread: 2 },
});
const fresh = loaded(
  [
    realtorBookingItem({}),
    realtorBookingItem({ id: 12, title: 'Апартаменты у EXPO', city: 'Астана', guestName: 'Данияр Ибраев' }),
  ],
  1,
  2,
  6,
);

let script: ActorScript;
let run: ListFlowRun<RealtorBookingsInput>;

beforeEach(() => {
  script = new ActorScript();
  run = new ListFlowRun<RealtorBookingsInput>(
    realtorBookingsMachine.provide({
      actors: {
        load: script.promise('load'),
        confirmBooking: script.promise('confirmBooking'),
        cancelBooking: script.promise('cancelBooking'),
      },
    }),
    realtorBookingsFlow,
  );
});

async function opened(first: RealtorBookingsLoaded = fresh, input: RealtorBookingsInput = {}) {
  script.resolve(first);
  await run.start(input);
  expect(run.state).toBe('list');
}

describe('realtorBookings: the list', () => {
  it('opens on the new bookings with the main menu kept: guest, tappable phone, stay, total, status', async () => {
    await opened();
    expect(script.inputsOf('load')).toEqual([{ filter: 'new', page: 1 }]);
    const [header, list] = run.messages();
    expect(header).toEqual({ text: r.header, reply: mainMenuKeyboard('realtor', ru, 2) });
    expect(list!.text).toBe(
      [
        '🆕 Новые: 6 броней · стр. 1 из 2',
        '1. «Студия у Медеу», Алматы\n👤 Алия Серикова · 📞 +7 701 123 45 67\n📅 05.12.2026 – 08.12.2026 · 3 ночи · 👥 2\n💰 45 000 ₸ · ⏳ ждёт подтверждения',
        '2. «Апартаменты у EXPO», Астана\n👤 Данияр Ибраев · 📞 +7 701 123 45 67\n📅 05.12.2026 – 08.12.2026 · 3 ночи · 👥 2\n💰 45 000 ₸ · ⏳ ждёт подтверждения',
      ].join('\n\n'),
    );
    expect(run.buttons()).toEqual([
      ['1 · ✅ Подтвердить → bconfirm:11', '1 · ❌ Отменить → bcancel:11'],
      ['2 · ✅ Подтвердить → bconfirm:12', '2 · ❌ Отменить → bcancel:12'],
      ['• 🆕 Новые • → tab:0:new', '🗓 Предстоящие → tab:0:upcoming', '🕘 Прошедшие → tab:0:past'],
      ['▶️ → page:2'],
      ['✖️ Закрыть → close:0'],
    ]);
  });

  it('tabs and pages reload one inline message; past bookings show who cancelled and why', async () => {
    await opened();
    script.resolve(loaded([realtorBookingItem({ id: 16 })], 2, 2, 6));
    await run.send({ type: 'cb.page', id: 2 });
    expect(script.inputsOf('load').at(-1)).toEqual({ filter: 'new', page: 2 });
    expect(run.messages()).toHaveLength(1);
    expect(run.last().text).toContain('6. «Студия у Медеу»');
    expect(run.accepts({ type: 'cb.page', id: 3 })).toBe(false);

    script.resolve(
      loaded([
        realtorBookingItem({
          id: 21,
          status: 'cancelled',
          cancelledBy: 'guest',
          cancelReason: 'Изменились планы',
          confirmable: false,
          cancellable: false,
        }),
        realtorBookingItem({ id: 22, status: 'completed', confirmable: false, cancellable: false }),
      ]),
    );
    await run.send({ type: 'cb.tab', id: 0, arg: 'past' });
    expect(script.inputsOf('load').at(-1)).toEqual({ filter: 'past', page: 1 });
    expect(run.last().text).toContain('💰 45 000 ₸ · ❌ отменена (гостем)\n💬 Причина: Изменились планы');
    expect(run.last().text).toContain('💰 45 000 ₸ · 🏁 завершена');
    expect(run.buttons()).toEqual([
      ['🆕 Новые → tab:0:new', '🗓 Предстоящие → tab:0:upcoming', '• 🕘 Прошедшие • → tab:0:past'],
      ['✖️ Закрыть → close:0'],
    ]);
    expect(run.accepts({ type: 'cb.tab', id: 0, arg: 'all' })).toBe(false);
  });

  it('says when a tab is empty; Close ends quietly; a list it cannot load ends with the reason', async () => {
    await opened(loaded([]), { filter: 'upcoming' });
    expect(script.inputsOf('load')).toEqual([{ filter: 'upcoming', page: 1 }]);
    expect(run.last().text).toContain(r.empty.upcoming);
    await run.send({ type: 'cb.close', id: 0 });
    expect(run.output).toEqual({ outcome: 'closed' });
    expect(run.finish()).toBeNull();

    script.reject(new AccountBlocked());
    await run.start();
    expect(run.output).toEqual({ outcome: 'failed', error: 'account_blocked' });
    expect(run.finish()).toBe(ru.errors.account_blocked);
  });
});

describe('realtorBookings: confirm and cancel', () => {
  it('«Подтвердить» confirms and reloads the list with the confirmation above it', async () => {
    await opened();
    script.resolve(null).resolve(loaded([realtorBookingItem({ id: 12 })], 1, 1));
    await run.send({ type: 'cb.bconfirm', id: 11 });
    expect(script.inputsOf('confirmBooking')).toEqual([{ bookingId: 11 }]);
    expect(run.state).toBe('list');
    expect(run.messages()).toHaveLength(1);
    expect(run.last().text.startsWith(r.confirmed)).toBe(true);
  });

  it('a stale Confirm says the booking changed elsewhere and shows the list as it is now', async () => {
    await opened();
    script.reject(new InvalidState('booking', 'cancelled')).resolve(loaded([realtorBookingItem({ id: 12 })]));
    await run.send({ type: 'cb.bconfirm', id: 11 });
    expect(run.last().text.startsWith(`⚠️ ${r.stale}`)).toBe(true);
    expect(script.inputsOf('load')).toHaveLength(2);
  });

  it('«Отменить» asks for a reason: a short one is explained, a typed one is confirmed before cancelling', async () => {
    await opened();
    await run.send({ type: 'cb.bcancel', id: 11 });
    expect(run.state).toBe('askReason');
    expect(run.last().text).toBe(r.askReason('Студия у Медеу', '05.12.2026 – 08.12.2026', 'Алия Серикова'));
    expect(run.buttons()).toEqual([
      [`${r.reasons[0]} → reason:1`],
      [`${r.reasons[1]} → reason:2`],
      [`${r.reasons[2]} → reason:3`],
      ['⬅️ Назад к списку → page:1'],
    ]);
    await run.send({ type: 'TEXT', text: 'ок' });
    expect(run.state).toBe('askReason');
    expect(run.last().text.startsWith(`⚠️ ${r.badReason}`)).toBe(true);
    await run.send({ type: 'TEXT', text: `  Прорвало   трубу ${'!'.repeat(300)}` });
    expect(run.state).toBe('askReason');
    await run.send({ type: 'TEXT', text: '  Прорвало   трубу, ремонт до конца недели ' });
    expect(run.state).toBe('confirmCancel');
    expect(run.last().text).toContain('Причина: Прорвало трубу, ремонт до конца недели');
    expect(run.buttons()).toEqual([
      ['Да, отменить → bcancelok:11'],
      ['✏️ Другая причина → bcancel:11'],
      ['Нет → page:1'],
    ]);
    script.resolve(null).resolve(loaded([realtorBookingItem({ id: 12 })]));
    await run.send({ type: 'cb.bcancelok', id: 11 });
    expect(script.inputsOf('cancelBooking')).toEqual([
      { bookingId: 11, reason: { text: 'Прорвало трубу, ремонт до конца недели' } },
    ]);
    expect(run.last().text.startsWith(r.cancelled)).toBe(true);
  });

  it('a preset reason can be picked, changed for another, or the whole thing dropped with «Нет»', async () => {
    await opened();
    await run.send({ type: 'cb.bcancel', id: 12 });
    await run.send({ type: 'cb.reason', id: 2 });
    expect(run.last().text).toContain(`Причина: ${r.reasons[1]}`);
    expect(run.accepts({ type: 'cb.bcancelok', id: 11 })).toBe(false);
    await run.send({ type: 'cb.bcancel', id: 12 });
    expect(run.state).toBe('askReason');
    expect(run.accepts({ type: 'cb.reason', id: 4 })).toBe(false);
    await run.send({ type: 'cb.reason', id: 3 });
    expect(run.last().text).toContain(`Причина: ${r.reasons[2]}`);
    script.resolve(fresh);
    await run.send({ type: 'cb.page', id: 1 });
    expect(run.state).toBe('list');
    expect(script.inputsOf('cancelBooking')).toEqual([]);
  });

  it('a forged id (not on the page) is asked about by number, and the domain’s refusal is shown', async () => {
    await opened();
    await run.send({ type: 'cb.bcancel', id: 999 });
    expect(run.last().text).toBe(r.askReasonById(999));
    await run.send({ type: 'cb.reason', id: 1 });
    expect(run.last().text).toBe(r.confirmCancelById(999, r.reasons[0]!));
    script.reject(new NotFound('booking', 999)).resolve(fresh);
    await run.send({ type: 'cb.bcancelok', id: 999 });
    expect(script.inputsOf('cancelBooking')).toEqual([{ bookingId: 999, reason: { preset: 1 } }]);
    expect(run.last().text.startsWith(`⚠️ ${ru.errors.not_found}`)).toBe(true);
  });

  it('renders in English too', async () => {
    await opened();
    expect(run.last('en').text).toContain('🆕 New: 6 bookings · page 1 of 2');
    expect(run.last('en').text).toContain('⏳ awaiting confirmation');
    await run.send({ type: 'cb.bcancel', id: 11 });
    expect(run.last('en').text).toContain('Type the reason for the guest');
  });
});

describe('realtorBookings: helpers', () => {
  it('writes a Kazakhstan number the way Telegram makes it a call link', () => {
    expect(formatKzPhone('+77011234567')).toBe('+7 701 123 45 67');
    expect(formatKzPhone('+4915112345678')).toBe('+4915112345678');
  });

  it('a reason is 3 to 300 characters once spaces are tidied', () => {
    expect(readReason('  ок ')).toBeNull();
    expect(readReason(' Ремонт   в ванной ')).toBe('Ремонт в ванной');
    expect(readReason('я'.repeat(300))).toHaveLength(300);
    expect(readReason('я'.repeat(301))).toBeNull();
  });
});
