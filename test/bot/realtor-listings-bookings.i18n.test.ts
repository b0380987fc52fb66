import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { itHasFilledSamples, type SampleCalls } from '../support/i18n-samples.ts';

const ru = messagesFor('ru');
const en = messagesFor('en');

/**
 * A call with realistic arguments for every message of the `addListing`,
 * `publishListing` and `realtorBookings` sections that is a function
 * (test/bot/i18n.test.ts leaves these sections to this file).
 */
const calls: SampleCalls = {
  'addListing.editTitle': (t) => t.addListing.editTitle('Студия у Медеу'),
  'addListing.titleLong': (t) => t.addListing.titleLong(121),
  'addListing.editCity': (t) => t.addListing.editCity('Алматы'),
  'addListing.editPrice': (t) => t.addListing.editPrice('15 000 ₸'),
  'addListing.priceTooHigh': (t) => t.addListing.priceTooHigh('10 000 000 ₸'),
  'addListing.editGuests': (t) => t.addListing.editGuests(4),
  'addListing.editDescription': (t) => t.addListing.editDescription('Светлая студия с видом на горы.'),
  'addListing.descriptionShort': (t) => t.addListing.descriptionShort(5),
  'addListing.descriptionLong': (t) => t.addListing.descriptionLong(2001),
  'publishListing.hidden': (t) => t.publishListing.hidden('Студия у Медеу'),
  'publishListing.published': (t) => t.publishListing.published('Студия у Медеу'),
  'publishListing.refused': (t) => t.publishListing.refused(t.publishListing.agencyInactive),
  'realtorBookings.title': (t) => t.realtorBookings.title('new', 3, 1, 2),
  'realtorBookings.guest': (t) => t.realtorBookings.guest('Алия Серикова', '+7 701 000 00 21'),
  'realtorBookings.stay': (t) => t.realtorBookings.stay('05.12.2026 – 08.12.2026', 3, 2),
  'realtorBookings.reasonLine': (t) => t.realtorBookings.reasonLine('Ремонт'),
  'realtorBookings.buttons.confirm': (t) => t.realtorBookings.buttons.confirm(1),
  'realtorBookings.buttons.cancel': (t) => t.realtorBookings.buttons.cancel(2),
  'realtorBookings.askReason': (t) =>
    t.realtorBookings.askReason('Студия у Медеу', '05.12.2026 – 08.12.2026', 'Алия Серикова'),
  'realtorBookings.askReasonById': (t) => t.realtorBookings.askReasonById(41),
  'realtorBookings.confirmCancel': (t) =>
    t.realtorBookings.confirmCancel('Студия у Медеу', '05.12.2026 – 08.12.2026', 'Алия Серикова', 'Ремонт'),
  'realtorBookings.confirmCancelById': (t) => t.realtorBookings.confirmCancelById(41, 'Ремонт'),
};

describe('the add-listing, publish and realtor-bookings texts', () => {
  itHasFilledSamples(['addListing', 'publishListing', 'realtorBookings'], calls);

  it('as many preset cancellation reasons in each language, none longer than a button should be', () => {
    expect(en.realtorBookings.reasons).toHaveLength(ru.realtorBookings.reasons.length);
    for (const reason of [...ru.realtorBookings.reasons, ...en.realtorBookings.reasons]) {
      expect(reason.length).toBeGreaterThanOrEqual(3);
      expect(reason.length).toBeLessThanOrEqual(64);
    }
  });

  it.each([
    [1, '🆕 Новые: 1 бронь'],
    [3, '🆕 Новые: 3 брони'],
    [5, '🆕 Новые: 5 броней'],
    [21, '🆕 Новые: 21 бронь'],
  ])('ru: %i bookings → «%s»', (count, text) => {
    expect(ru.realtorBookings.title('new', count, 1, 1)).toBe(text);
  });

  it('ru and en: characters and guests in the right form', () => {
    expect(ru.addListing.titleLong(121)).toContain('121 символ,');
    expect(ru.addListing.descriptionShort(3)).toContain('3 символа,');
    expect(ru.addListing.descriptionLong(2005)).toContain('2005 символов,');
    expect(ru.addListing.editGuests(1)).toContain('до 1 гостя');
    expect(ru.addListing.editGuests(5)).toContain('до 5 гостей');
    expect(en.addListing.descriptionShort(1)).toContain('1 character,');
    expect(en.addListing.editGuests(1)).toContain('up to 1 guest.');
    expect(en.realtorBookings.title('past', 6, 2, 2)).toBe('🕘 Past: 6 bookings · page 2 of 2');
  });
});
