import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { itHasFilledSamples, type SampleCalls } from '../support/i18n-samples.ts';

const ru = messagesFor('ru');
const en = messagesFor('en');

const stay = {
  title: 'Студия у Медеу',
  city: 'Алматы',
  stay: '05.12.2026 – 08.12.2026',
  nights: 3,
  guests: 2,
  price: '15 000 ₸',
  total: '45 000 ₸',
};

/**
 * A call with realistic arguments for every message of the `booking` and
 * `myBookings` sections that is a function (test/bot/i18n.test.ts leaves these
 * sections to this file).
 */
const calls: SampleCalls = {
  'booking.needAccount': (t) => t.booking.needAccount('Студия у Медеу'),
  'booking.askDates': (t) => t.booking.askDates('Студия у Медеу'),
  'booking.pickCheckOut': (t) => t.booking.pickCheckOut('05.12.2026'),
  'booking.askGuests': (t) => t.booking.askGuests('05.12.2026 – 08.12.2026', 3, 4),
  'booking.tooManyGuests': (t) => t.booking.tooManyGuests(4),
  'booking.summary': (t) => t.booking.summary(stay),
  'booking.created': (t) => t.booking.created(41, stay),
  'booking.paid': (t) => t.booking.paid('Студия у Медеу', '05.12.2026 – 08.12.2026', '45 000 ₸'),
  'booking.alreadyPaid': (t) => t.booking.alreadyPaid('Студия у Медеу', '05.12.2026 – 08.12.2026'),
  'booking.payFailed': (t) => t.booking.payFailed(t.errors.invalid_state),
  'myBookings.title': (t) => t.myBookings.title('upcoming', 7, 1, 2),
  'myBookings.stay': (t) => t.myBookings.stay('05.12.2026 – 08.12.2026', 3, 2),
  'myBookings.buttons.pay': (t) => t.myBookings.buttons.pay(1),
  'myBookings.buttons.cancel': (t) => t.myBookings.buttons.cancel(2),
  'myBookings.buttons.review': (t) => t.myBookings.buttons.review(3),
  'myBookings.confirmCancel': (t) =>
    t.myBookings.confirmCancel('Студия у Медеу', '05.12.2026 – 08.12.2026', '45 000 ₸'),
  'myBookings.confirmCancelById': (t) => t.myBookings.confirmCancelById(41),
};

describe('the booking and my-bookings texts', () => {
  itHasFilledSamples(['booking', 'myBookings'], calls);

  it.each([
    [1, 'Предстоящие: 1 бронь'],
    [3, 'Предстоящие: 3 брони'],
    [5, 'Предстоящие: 5 броней'],
    [21, 'Предстоящие: 21 бронь'],
  ])('ru: %i bookings → «%s»', (count, text) => {
    expect(ru.myBookings.title('upcoming', count, 1, 1)).toBe(`🗓 ${text}`);
  });

  it('ru: nights, guests and stays in the right form', () => {
    expect(ru.myBookings.stay('05.12.2026 – 06.12.2026', 1, 1)).toBe(
      '📅 05.12.2026 – 06.12.2026 · 1 ночь · 👥 1',
    );
    expect(ru.booking.askGuests('05.12.2026 – 10.12.2026', 5, 1)).toContain('5 ночей');
    expect(ru.booking.tooManyGuests(1)).toBe('Здесь можно разместить не больше 1 гостя.');
    expect(ru.booking.summary({ ...stay, guests: 1, nights: 2 })).toContain(
      '👥 1 гость\n💰 15 000 ₸ × 2 ночи',
    );
    expect(ru.booking.summary({ ...stay, guests: 5 })).toContain('👥 5 гостей');
  });

  it('en: one and other', () => {
    expect(en.myBookings.title('past', 1, 1, 1)).toBe('🕘 Past: 1 booking');
    expect(en.myBookings.title('upcoming', 6, 2, 2)).toBe('🗓 Upcoming: 6 bookings · page 2 of 2');
    expect(en.booking.summary({ ...stay, guests: 1, nights: 1 })).toContain(
      '👥 1 guest\n💰 15 000 ₸ × 1 night',
    );
    expect(en.booking.tooManyGuests(3)).toBe('This place takes at most 3 guests.');
  });
});
