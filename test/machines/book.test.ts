import { beforeEach, describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import type { FlowEvent } from '../../src/bot/flow-event.ts';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { bookFlow } from '../../src/bot/views/book.view.ts';
import { DatesTaken, InvalidState, NotFound } from '../../src/domain/errors.ts';
import { type BookInput, type BookPrepared, bookMachine } from '../../src/machines/book.machine.ts';
import { ActorScript, FlowRun } from '../support/flows.ts';

const ru = messagesFor('ru');
const en = messagesFor('en');
const TODAY = '2026-12-01';
const listing = { title: 'Студия у Медеу', city: 'Алматы', pricePerNight: 15_000, maxGuests: 4 };
const RESULTS = { flow: 'search', input: { resume: { filters: { city: 'Алматы' }, page: 2 } } };

const prepared = (change: Partial<BookPrepared> = {}): BookPrepared => ({
  account: true,
  listing,
  today: TODAY,
  stay: null,
  datesGone: false,
  guests: null,
  ...change,
});

/**
 * One booking conversation as the bot runs it: started with an input, then one
 * actor per update restored from the previous step's JSON, each step waiting
 * for its scripted domain calls.
 */
class Run extends FlowRun {
  constructor(machine: AnyStateMachine) {
    super(machine, bookFlow, null);
  }

  inline(): { text: string; data: string }[] {
    return this.messages()
      .flatMap((message) => message.inline?.flat() ?? [])
      .map((button) => ({
        text: button.text,
        data: `${button.callback.action}:${button.callback.id}${button.callback.arg ? `:${button.callback.arg}` : ''}`,
      }));
  }
}

let script: ActorScript;
let run: Run;

beforeEach(() => {
  script = new ActorScript();
  run = new Run(
    bookMachine.provide({
      actors: {
        prepare: script.promise('prepare'),
        checkDates: script.promise('checkDates'),
        createBooking: script.promise('createBooking'),
        pay: script.promise('pay'),
      },
    }),
  );
});

const day = (date: string): FlowEvent => ({ type: 'cb.day', id: Number(date.replaceAll('-', '')) });
const text = (value: string): FlowEvent => ({ type: 'TEXT', text: value });

/** Started without dates and guests, at the calendar. */
async function atDates(input: Partial<BookInput> = {}) {
  script.resolve(prepared());
  await run.start({ listingId: 7, ...input });
  expect(run.state).toBe('askDates');
}

/** Dates picked and free, at the guests step. */
async function atGuests(input: Partial<BookInput> = {}) {
  await atDates(input);
  script.resolve({ available: true });
  await run.send(text('05.12–08.12'));
  expect(run.state).toBe('askGuests');
}

async function atConfirm(input: Partial<BookInput> = {}) {
  await atGuests(input);
  await run.send(text('2'));
  expect(run.state).toBe('confirm');
}

async function atPayment(input: Partial<BookInput> = {}) {
  await atConfirm(input);
  script.resolve({ id: 41, total: 45_000 });
  await run.send({ type: 'CONFIRM' });
  expect(run.state).toBe('awaitingPayment');
}

describe('book: a person without an account', () => {
  beforeEach(async () => {
    script.resolve(prepared({ account: false }));
  });

  it('is offered registration or linking, and Back only when there is somewhere to go back to', async () => {
    await run.start({ listingId: 7, checkIn: '2026-12-05', checkOut: '2026-12-08', guests: 2 });
    expect(run.state).toBe('needAccount');
    expect(run.text()).toContain('Чтобы забронировать «Студия у Медеу», нужен аккаунт');
    expect(run.keyboard()).toEqual([[ru.menu.register], [ru.menu.link], [ru.buttons.cancel]]);
  });

  it('registration hands over to /register, which resumes this very booking', async () => {
    const input = {
      listingId: 7,
      checkIn: '2026-12-05',
      checkOut: '2026-12-08',
      guests: 2,
      returnTo: RESULTS,
    };
    await run.start(input);
    expect(run.keyboard()).toEqual([
      [ru.menu.register],
      [ru.menu.link],
      [ru.buttons.back, ru.buttons.cancel],
    ]);
    await run.send({ type: 'cb.acct', id: 0, arg: 'register' });
    expect(run.output).toEqual({
      outcome: 'account',
      handoff: { flow: 'register', input: { resume: { flow: 'book', input } } },
    });
    expect(run.finish()).toBe(ru.booking.accountThen);
  });

  it('linking hands over to /link the same way', async () => {
    await run.start({ listingId: 7 });
    await run.send({ type: 'cb.acct', id: 0, arg: 'link' });
    expect(run.output).toMatchObject({ handoff: { flow: 'link', input: { resume: { flow: 'book' } } } });
  });

  it('typed text keeps the offer with a hint; Back returns to the results', async () => {
    await run.start({ listingId: 7, returnTo: RESULTS });
    await run.send(text('хочу забронировать'));
    expect(run.state).toBe('needAccount');
    expect(run.text()).toContain(ru.booking.useButtons);
    await run.send({ type: 'BACK' });
    expect(run.output).toEqual({ outcome: 'back', handoff: RESULTS });
  });
});

describe('book: dates', () => {
  it('shows the step with its keyboard, then a calendar from today on, without arrows into the past', async () => {
    await atDates();
    const [step, calendar] = run.messages();
    expect(step!.text).toContain('Бронирование «Студия у Медеу»');
    expect(step!.reply).toEqual([
      [
        { text: ru.buttons.back, event: { type: 'BACK' } },
        { text: ru.buttons.cancel, event: { type: 'CANCEL' } },
      ],
    ]);
    expect(calendar!.text).toBe(ru.booking.pickCheckIn);
    const buttons = run.inline();
    expect(buttons[0]).toEqual({ text: ' ', data: 'noop:0' });
    expect(buttons[2]).toEqual({ text: '▶', data: 'month:202701' });
    expect(buttons.find((button) => button.data === 'day:20261201')?.text).toBe('1');
    expect(buttons.some((button) => button.data === 'day:20261130')).toBe(false);
  });

  it('takes a check-in and a check-out from the calendar and checks the stay is free', async () => {
    await atDates();
    await run.send(day('2026-12-05'));
    expect(run.text()).toContain('Заезд: 05.12.2026. Теперь выберите день выезда');
    expect(run.inline().find((button) => button.data === 'day:20261205')?.text).toBe('[5]');
    script.resolve({ available: true });
    await run.send(day('2026-12-08'));
    expect(script.inputsOf('checkDates')).toEqual([
      { listingId: 7, checkIn: '2026-12-05', checkOut: '2026-12-08' },
    ]);
    expect(run.state).toBe('askGuests');
    expect(run.text()).toContain('05.12.2026 – 08.12.2026, 3 ночи');
  });

  it('a day before the check-in starts the stay over; Back drops the check-in', async () => {
    await atDates();
    await run.send(day('2026-12-08'));
    await run.send(day('2026-12-05'));
    expect(run.text()).toContain('Заезд: 05.12.2026');
    await run.send({ type: 'BACK' });
    expect(run.state).toBe('askDates');
    expect(run.text()).toContain(ru.booking.pickCheckIn);
    expect(script.inputsOf('checkDates')).toEqual([]);
  });

  it('refuses a stay over 90 nights and a day in the past (a forged button), keeping the step', async () => {
    await atDates();
    await run.send(day('2026-12-05'));
    await run.send(day('2027-03-10'));
    expect(run.state).toBe('askDates');
    expect(run.text()).toContain(ru.booking.dates.tooLong);
    await run.send(day('2026-11-30'));
    expect(run.text()).toContain(ru.booking.dates.past);
    expect(script.inputsOf('checkDates')).toEqual([]);
  });

  it.each([
    ['завтра', ru.booking.dates.format],
    ['05.12.2026-05.12.2026', ru.booking.dates.order],
    ['30.11.2026-02.12.2026', ru.booking.dates.past],
    ['05.12.2026-10.04.2027', ru.booking.dates.tooLong],
  ])('typed «%s» keeps the step and says what is wrong', async (typed, warning) => {
    await atDates();
    await run.send(text(typed));
    expect(run.state).toBe('askDates');
    expect(run.text()).toContain(warning);
    expect(script.inputsOf('checkDates')).toEqual([]);
  });

  it('turns the month pages within a year, not back before this month', async () => {
    await atDates();
    await run.send({ type: 'cb.month', id: 202701 });
    expect(run.inline()[1]!.text).toBe('Январь 2027 г.');
    expect(run.inline()[0]).toEqual({ text: '◀', data: 'month:202612' });
    expect(run.accepts({ type: 'cb.month', id: 202611 })).toBe(false);
    expect(run.accepts({ type: 'cb.month', id: 202801 })).toBe(false);
  });

  it('dates taken meanwhile say so and ask again', async () => {
    await atDates();
    script.resolve({ available: false });
    await run.send(text('05.12–08.12'));
    expect(run.state).toBe('askDates');
    expect(run.text()).toContain(ru.booking.datesTaken);
    expect(run.text()).toContain(ru.booking.pickCheckIn);
  });

  it('dates given by the search that are no longer free are asked for again', async () => {
    script.resolve(prepared({ datesGone: true, guests: 2 }));
    await run.start({ listingId: 7, checkIn: '2026-12-05', checkOut: '2026-12-08', guests: 2 });
    expect(run.state).toBe('askDates');
    expect(run.text()).toContain(ru.booking.datesGone);
  });

  it('Back on the calendar returns to the results', async () => {
    await atDates({ returnTo: RESULTS });
    expect(run.keyboard()).toEqual([[ru.buttons.back, ru.buttons.cancel]]);
    await run.send({ type: 'BACK' });
    expect(run.output).toEqual({ outcome: 'back', handoff: RESULTS });
    expect(run.finish()).toBe(ru.booking.left);
  });
});

describe('book: guests and confirmation', () => {
  it('offers the numbers the listing takes and refuses more or words', async () => {
    await atGuests();
    expect(run.keyboard()).toEqual([
      ['1', '2', '3', '4'],
      [ru.buttons.back, ru.buttons.cancel],
    ]);
    await run.send(text('9'));
    expect(run.state).toBe('askGuests');
    expect(run.text()).toContain('Здесь можно разместить не больше 4 гостей.');
    await run.send(text('два'));
    expect(run.text()).toContain(ru.booking.badGuests);
  });

  it('sums up listing, dates, guests, nights and total', async () => {
    await atConfirm();
    expect(run.text()).toBe(
      'Проверьте бронь:\n\n🏠 «Студия у Медеу», Алматы\n📅 05.12.2026 – 08.12.2026\n👥 2 гостя\n' +
        '💰 15 000 ₸ × 3 ночи = 45 000 ₸\n\nВсё верно?',
    );
    expect(run.keyboard()).toEqual([[ru.buttons.confirm], [ru.buttons.back, ru.buttons.cancel]]);
    expect(run.text('en')).toContain('💰 15 000 ₸ × 3 nights = 45 000 ₸');
    await run.send(text('ок'));
    expect(run.state).toBe('confirm');
    expect(run.text()).toContain(ru.booking.useButtons);
  });

  it('skips the steps the input answers, and Back walks them again', async () => {
    script.resolve(prepared({ stay: { checkIn: '2026-12-05', checkOut: '2026-12-08' }, guests: 3 }));
    await run.start({ listingId: 7, checkIn: '2026-12-05', checkOut: '2026-12-08', guests: 3 });
    expect(run.state).toBe('confirm');
    expect(run.text()).toContain('👥 3 гостя');
    await run.send({ type: 'BACK' });
    expect(run.state).toBe('askGuests');
    await run.send({ type: 'BACK' });
    expect(run.state).toBe('askDates');
    expect(run.text()).toContain(ru.booking.pickCheckIn);
    // The guests are kept: new dates lead straight to the confirmation.
    script.resolve({ available: true });
    await run.send(text('10.12–12.12'));
    expect(run.state).toBe('confirm');
    expect(run.text()).toContain('10.12.2026 – 12.12.2026');
  });
});

describe('book: booking and paying', () => {
  it('creates the booking and shows it with «Оплатить (демо)»', async () => {
    await atPayment();
    expect(script.inputsOf('createBooking')).toEqual([
      { listingId: 7, checkIn: '2026-12-05', checkOut: '2026-12-08', guests: 2 },
    ]);
    const [booking, hint] = run.messages();
    expect(booking!.text).toContain('Бронь №41 создана и ждёт оплаты');
    expect(booking!.text).toContain('К оплате: 45 000 ₸');
    expect(booking!.inline).toEqual([[{ text: ru.booking.pay, callback: { action: 'pay', id: 41 } }]]);
    expect(hint!.reply).toEqual([[{ text: ru.buttons.cancel, event: { type: 'CANCEL' } }]]);
  });

  it('pays and hands over to «Мои бронирования» with the confirmation', async () => {
    await atPayment();
    script.resolve({ alreadyPaid: false });
    await run.send({ type: 'cb.pay', id: 41 });
    expect(script.inputsOf('pay')).toEqual([{ bookingId: 41 }]);
    expect(run.output).toEqual({
      outcome: 'paid',
      alreadyPaid: false,
      booking: { title: 'Студия у Медеу', checkIn: '2026-12-05', checkOut: '2026-12-08', total: 45_000 },
      handoff: { flow: 'myBookings', input: { scope: 'upcoming' } },
    });
    expect(run.finish()).toBe(
      '✅ Оплачено, бронь подтверждена: «Студия у Медеу», 05.12.2026 – 08.12.2026, 45 000 ₸. Риелтор получил уведомление.',
    );
    expect(run.finish('en')).toContain('Paid, the booking is confirmed');
  });

  it('a payment the domain already had is told as such', async () => {
    await atPayment();
    script.resolve({ alreadyPaid: true });
    await run.send({ type: 'cb.pay', id: 41 });
    expect(run.finish()).toBe('✅ Бронь «Студия у Медеу» (05.12.2026 – 08.12.2026) уже оплачена.');
  });

  it('a Pay button of another booking is not this step’s; typed text gets a hint', async () => {
    await atPayment();
    expect(run.accepts({ type: 'cb.pay', id: 40 })).toBe(false);
    await run.send(text('оплатить'));
    expect(run.state).toBe('awaitingPayment');
    expect(run.text()).toContain(ru.booking.payHint);
  });

  it('a payment refused (the booking was cancelled meanwhile) says why and shows the bookings', async () => {
    await atPayment();
    script.reject(new InvalidState('booking', 'cancelled'));
    await run.send({ type: 'cb.pay', id: 41 });
    expect(run.output).toMatchObject({ outcome: 'payFailed', handoff: { flow: 'myBookings' } });
    expect(run.finish()).toBe(`Оплата не прошла: ${ru.errors.invalid_state}`);
  });

  it('dates taken between confirmation and booking: a clear message and back to the results', async () => {
    await atConfirm({ returnTo: RESULTS });
    script.reject(new DatesTaken());
    await run.send({ type: 'CONFIRM' });
    expect(run.output).toEqual({ outcome: 'datesTaken', handoff: RESULTS });
    expect(run.finish()).toBe(ru.booking.datesLost);
    expect(run.finish('en')).toBe(en.booking.datesLost);
  });

  it('without results to return to, lost dates start the booking of the same listing over', async () => {
    await atConfirm();
    script.reject(new DatesTaken());
    await run.send({ type: 'CONFIRM' });
    expect(run.output).toEqual({
      outcome: 'datesTaken',
      handoff: { flow: 'book', input: { listingId: 7, guests: 2 } },
    });
  });

  it('Cancel before booking returns to the results; after booking it just leaves (the booking stays)', async () => {
    await atConfirm({ returnTo: RESULTS });
    await run.send({ type: 'CANCEL' });
    expect(run.output).toEqual({ outcome: 'cancelled', handoff: RESULTS });

    await atPayment({ returnTo: RESULTS });
    await run.send({ type: 'CANCEL' });
    expect(run.output).toEqual({ outcome: 'cancelled' });
    expect(run.finish()).toBe(ru.common.cancelled);
  });
});

describe('book: a listing that cannot be booked', () => {
  it('says so and returns to the results', async () => {
    script.reject(new NotFound('listing', 7));
    await run.start({ listingId: 7, returnTo: RESULTS });
    expect(run.output).toEqual({ outcome: 'unavailable', error: 'not_found', handoff: RESULTS });
    expect(run.finish()).toBe(ru.booking.unavailable);
  });
});
