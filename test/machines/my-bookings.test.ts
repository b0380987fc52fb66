import { beforeEach, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { mainMenuKeyboard } from '../../src/bot/menu.ts';
import { myBookingsFlow } from '../../src/bot/views/my-bookings.view.ts';
import { AccountRequired, InvalidState } from '../../src/domain/errors.ts';
import {
  type MyBookingItem,
  type MyBookingsInput,
  type MyBookingsLoaded,
  myBookingsMachine,
} from '../../src/machines/my-bookings.machine.ts';
import { myBookingItem } from '../support/booking-items.ts';
import { ActorScript, view } from '../support/flows.ts';
import { ListFlowRun } from '../support/list-flow-run.ts';

const ru = messagesFor('ru');

const loaded = (items: MyBookingItem[], page = 1, pages = 1, total = items.length): MyBookingsLoaded => ({
  list: { items, page, pageSize: 5, pages, total },
  menu: { role: 'guest', unread: 3 },
});
const upcoming = loaded(
  [
    myBookingItem({}),
    myBookingItem({
      id: 12,
      title: 'Апартаменты у EXPO',
      city: 'Астана',
      status: 'confirmed',
      payable: false,
    }),
  ],
  1,
  2,
  7,
);
const past = loaded([
  myBookingItem({ id: 21, status: 'completed', payable: false, cancellable: false, reviewable: true }),
  myBookingItem({ id: 22, status: 'completed', payable: false, cancellable: false, reviewed: true }),
  myBookingItem({ id: 23, status: 'cancelled', cancelledBy: 'realtor', payable: false, cancellable: false }),
]);

let script: ActorScript;
let run: ListFlowRun<MyBookingsInput>;

beforeEach(async () => {
  script = new ActorScript();
  run = new ListFlowRun<MyBookingsInput>(
    myBookingsMachine.provide({
      actors: {
        load: script.promise('load'),
        pay: script.promise('pay'),
        cancelBooking: script.promise('cancelBooking'),
      },
    }),
    myBookingsFlow,
  );
});

async function opened(first: MyBookingsLoaded = upcoming, input: MyBookingsInput = {}) {
  script.resolve(first);
  await run.start(input);
  expect(run.state).toBe('list');
}

describe('myBookings: the list', () => {
  it('opens on the upcoming bookings with the main menu kept, each booking with what fits it', async () => {
    await opened();
    expect(script.inputsOf('load')).toEqual([{ scope: 'upcoming', page: 1 }]);
    const [header, list] = run.messages();
    expect(header).toEqual({ text: ru.myBookings.header, reply: mainMenuKeyboard('guest', ru, 3) });
    expect(list!.reply).toBeUndefined();
    expect(list!.text).toBe(
      [
        '🗓 Предстоящие: 7 броней · стр. 1 из 2',
        '1. «Студия у Медеу», Алматы\n📅 05.12.2026 – 08.12.2026 · 3 ночи · 👥 2\n💰 45 000 ₸ · ⏳ ждёт оплаты',
        '2. «Апартаменты у EXPO», Астана\n📅 05.12.2026 – 08.12.2026 · 3 ночи · 👥 2\n💰 45 000 ₸ · ✅ подтверждена',
      ].join('\n\n'),
    );
    expect(run.buttons()).toEqual([
      ['1 · 💳 Оплатить (демо) → pay:11', '1 · ❌ Отменить → bcancel:11'],
      ['2 · ❌ Отменить → bcancel:12'],
      ['• 🗓 Предстоящие • → tab:0:upcoming', '🕘 Прошедшие → tab:0:past'],
      ['▶️ → page:2'],
      ['✖️ Закрыть → close:0'],
    ]);
  });

  it('pages with ◀ ▶ as one inline message, numbering on', async () => {
    await opened();
    script.resolve(loaded([myBookingItem({ id: 16, status: 'confirmed', payable: false })], 2, 2, 7));
    await run.send({ type: 'cb.page', id: 2 });
    expect(script.inputsOf('load').at(-1)).toEqual({ scope: 'upcoming', page: 2 });
    expect(run.messages()).toHaveLength(1);
    expect(run.last().text).toContain('стр. 2 из 2');
    expect(run.last().text).toContain('6. «Студия у Медеу»');
    expect(run.buttons()).toContainEqual(['◀️ → page:1']);
    expect(run.buttons()).toContainEqual(['6 · ❌ Отменить → bcancel:16']);
    expect(run.accepts({ type: 'cb.page', id: 3 })).toBe(false);
  });

  it('the Past tab shows finished stays: a review for a completed one not yet reviewed, who cancelled', async () => {
    await opened();
    script.resolve(past);
    await run.send({ type: 'cb.tab', id: 0, arg: 'past' });
    expect(script.inputsOf('load').at(-1)).toEqual({ scope: 'past', page: 1 });
    const text = run.last().text;
    expect(text).toContain('🕘 Прошедшие: 3 брони');
    expect(text).toContain('🏁 завершена\n');
    expect(text).toContain('🏁 завершена · ⭐ отзыв оставлен');
    expect(text).toContain('❌ отменена (риелтором)');
    expect(run.buttons()).toEqual([
      ['1 · ⭐ Оставить отзыв → review:21'],
      ['🗓 Предстоящие → tab:0:upcoming', '• 🕘 Прошедшие • → tab:0:past'],
      ['✖️ Закрыть → close:0'],
    ]);
  });

  it('says when a tab is empty', async () => {
    await opened(loaded([]));
    expect(run.last().text).toContain(ru.myBookings.emptyUpcoming);
    script.resolve(loaded([]));
    await run.send({ type: 'cb.tab', id: 0, arg: 'past' });
    expect(run.last().text).toContain(ru.myBookings.emptyPast);
  });

  it('can open on the past bookings', async () => {
    await opened(past, { scope: 'past' });
    expect(script.inputsOf('load')).toEqual([{ scope: 'past', page: 1 }]);
  });

  it('Close ends quietly (the main menu follows); a list it cannot load ends with the reason', async () => {
    await opened();
    await run.send({ type: 'cb.close', id: 0 });
    expect(run.snapshot.output).toEqual({ outcome: 'closed' });
    expect(myBookingsFlow.finish(run.snapshot.output, view('ru'))).toBeNull();

    script.reject(new AccountRequired());
    await run.start();
    expect(run.snapshot.output).toEqual({ outcome: 'failed', error: 'account_required' });
    expect(myBookingsFlow.finish(run.snapshot.output, view('ru'))).toBe(ru.errors.account_required);
  });
});

describe('myBookings: actions', () => {
  it('pays a pending booking and shows the list again with the confirmation', async () => {
    await opened();
    script.resolve({ alreadyPaid: false }).resolve(upcoming);
    await run.send({ type: 'cb.pay', id: 11 });
    expect(script.inputsOf('pay')).toEqual([{ bookingId: 11 }]);
    expect(script.inputsOf('load')).toHaveLength(2);
    expect(run.state).toBe('list');
    expect(run.messages()).toHaveLength(1);
    expect(run.last().text.startsWith(ru.myBookings.paid)).toBe(true);
  });

  it('a second Pay says it is already paid', async () => {
    await opened();
    script.resolve({ alreadyPaid: true }).resolve(upcoming);
    await run.send({ type: 'cb.pay', id: 11 });
    expect(run.last().text.startsWith(ru.myBookings.alreadyPaid)).toBe(true);
  });

  it('cancelling asks first; «Нет» goes back to the list and cancels nothing', async () => {
    await opened();
    await run.send({ type: 'cb.bcancel', id: 11 });
    expect(run.state).toBe('confirmCancel');
    expect(run.messages()).toEqual([
      {
        text: 'Отменить бронь «Студия у Медеу» (05.12.2026 – 08.12.2026, 45 000 ₸)?\n\nДаты освободятся, риелтор получит уведомление.',
        inline: [
          [
            { text: ru.myBookings.buttons.yes, callback: { action: 'bcancelok', id: 11 } },
            { text: ru.myBookings.buttons.no, callback: { action: 'page', id: 1 } },
          ],
        ],
      },
    ]);
    script.resolve(upcoming);
    await run.send({ type: 'cb.page', id: 1 });
    expect(run.state).toBe('list');
    expect(script.inputsOf('cancelBooking')).toEqual([]);
  });

  it('«Да, отменить» cancels and shows the list as it now is', async () => {
    await opened();
    await run.send({ type: 'cb.bcancel', id: 12 });
    expect(run.accepts({ type: 'cb.bcancelok', id: 11 })).toBe(false);
    script.resolve({ id: 12, status: 'cancelled' }).resolve(loaded([myBookingItem({})]));
    await run.send({ type: 'cb.bcancelok', id: 12 });
    expect(script.inputsOf('cancelBooking')).toEqual([{ bookingId: 12 }]);
    expect(run.last().text.startsWith(ru.myBookings.cancelled)).toBe(true);
    expect(run.last().text).not.toContain('Апартаменты у EXPO');
  });

  it('a stale button (the booking was cancelled elsewhere) says so and refreshes the list', async () => {
    await opened();
    await run.send({ type: 'cb.bcancel', id: 11 });
    script.reject(new InvalidState('booking', 'cancelled')).resolve(loaded([]));
    await run.send({ type: 'cb.bcancelok', id: 11 });
    expect(run.state).toBe('list');
    expect(run.last().text).toBe(
      `⚠️ ${ru.myBookings.stale}\n\n🗓 Предстоящие: 0 броней\n\n${ru.myBookings.emptyUpcoming}`,
    );

    script.reject(new InvalidState('booking', 'cancelled')).resolve(loaded([]));
    await run.send({ type: 'cb.pay', id: 11 });
    expect(run.last().text).toContain(ru.myBookings.stale);
  });

  it('a booking of another page (an older message) can still be asked about by its id', async () => {
    await opened();
    await run.send({ type: 'cb.bcancel', id: 99 });
    expect(run.last().text).toBe(ru.myBookings.confirmCancelById(99));
  });

  it('«Оставить отзыв» hands over to the review flow with the booking', async () => {
    await opened(past, { scope: 'past' });
    await run.send({ type: 'cb.review', id: 21 });
    expect(run.snapshot.output).toEqual({
      outcome: 'review',
      handoff: { flow: 'review', input: { bookingId: 21 } },
    });
    expect(myBookingsFlow.finish(run.snapshot.output, view('ru'))).toBeNull();
  });

  it('speaks English too', async () => {
    await opened();
    expect(run.last('en').text).toContain('🗓 Upcoming: 7 bookings · page 1 of 2');
    expect(run.last('en').text).toContain('⏳ awaiting payment');
    expect(run.buttons('en')[0]).toEqual(['1 · 💳 Pay (demo) → pay:11', '1 · ❌ Cancel → bcancel:11']);
  });
});
