import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { itHasFilledSamples, type SampleCalls } from '../support/i18n-samples.ts';

const ru = messagesFor('ru');
const en = messagesFor('en');

const agency = { name: 'Жилстрой', city: 'Астана', phone: '+7 701 222 33 44', email: 'office@zhilstroy.kz' };
const counts = { pending: 1, confirmed: 3, completed: 4, cancelled: 2 };

/**
 * A call with realistic arguments for every message of the `agencies`,
 * `addAgency` and `findUser` sections that is a function.
 */
const calls: SampleCalls = {
  'agencies.title': (t) => t.agencies.title(7, 1, 2),
  'agencies.realtors': (t) => t.agencies.realtors(2),
  'agencies.listings': (t) => t.agencies.listings(18),
  'agencies.buttons.more': (t) => t.agencies.buttons.more(1),
  'agencies.buttons.activate': (t) => t.agencies.buttons.activate(2),
  'agencies.buttons.deactivate': (t) => t.agencies.buttons.deactivate(1),
  'agencies.confirmDeactivate': (t) => t.agencies.confirmDeactivate('Астана Стей'),
  'agencies.activated': (t) => t.agencies.activated('Астана Стей'),
  'agencies.deactivated': (t) => t.agencies.deactivated('Астана Стей'),
  'agencies.saved': (t) => t.agencies.saved('Жилстрой'),
  'agencies.card.title': (t) => t.agencies.card.title('Жилстрой', 'Астана'),
  'agencies.card.status': (t) => t.agencies.card.status(true, '24.11.2026'),
  'agencies.card.contacts': (t) => t.agencies.card.contacts(agency.phone, agency.email),
  'agencies.card.realtors': (t) => t.agencies.card.realtors(1, 2),
  'agencies.card.listings': (t) => t.agencies.card.listings(17, 18),
  'agencies.card.bookings': (t) => t.agencies.card.bookings(10),
  'agencies.card.bookingStatuses': (t) => t.agencies.card.bookingStatuses(counts),
  'agencies.card.revenue': (t) => t.agencies.card.revenue('412 000 ₸'),
  'agencies.card.superAdmin': (t) =>
    t.agencies.card.superAdmin('Мадина Ахметова', 'admin.almaty@demo.kz', '+7 701 000 00 02', true),
  'agencies.chooseField': (t) => t.agencies.chooseField('Жилстрой'),
  'agencies.askValue.name': (t) => t.agencies.askValue.name('Жилстрой'),
  'agencies.askValue.city': (t) => t.agencies.askValue.city('Астана'),
  'agencies.askValue.phone': (t) => t.agencies.askValue.phone(agency.phone),
  'agencies.askValue.email': (t) => t.agencies.askValue.email(agency.email),
  'addAgency.askCity': (t) => t.addAgency.askCity('Жилстрой'),
  'addAgency.summary': (t) => t.addAgency.summary(agency),
  'addAgency.created': (t) => t.addAgency.created('Жилстрой'),
  'findUser.notFound': (t) => t.findUser.notFound('nobody@example.kz'),
  'findUser.card.name': (t) => t.findUser.card.name('Алия Серикова'),
  'findUser.card.email': (t) => t.findUser.card.email('guest1@demo.kz'),
  'findUser.card.phone': (t) => t.findUser.card.phone('+7 701 000 00 21'),
  'findUser.card.role': (t) => t.findUser.card.role(t.roles.guest),
  'findUser.card.status': (t) => t.findUser.card.status(false),
  'findUser.card.agency': (t) => t.findUser.card.agency(null),
  'findUser.card.telegram': (t) => t.findUser.card.telegram(true),
  'findUser.card.registered': (t) => t.findUser.card.registered('24.11.2026'),
  'findUser.confirmBlock': (t) => t.findUser.confirmBlock('Алия Серикова', 'guest1@demo.kz'),
};

describe('the agencies, add-agency and find-user texts', () => {
  itHasFilledSamples(['agencies', 'addAgency', 'findUser'], calls);

  it.each([
    [1, '🏢 1 агентство', '1 риелтор', '1 объект'],
    [3, '🏢 3 агентства', '3 риелтора', '3 объекта'],
    [5, '🏢 5 агентств', '5 риелторов', '5 объектов'],
    [21, '🏢 21 агентство', '21 риелтор', '21 объект'],
  ])('ru: %i → «%s», «%s», «%s»', (count, title, realtors, listings) => {
    expect(ru.agencies.title(count, 1, 1)).toBe(title);
    expect(ru.agencies.realtors(count)).toBe(realtors);
    expect(ru.agencies.listings(count)).toBe(listings);
  });

  it('en: one and other; the page only when there are several', () => {
    expect(en.agencies.title(1, 1, 1)).toBe('🏢 1 agency');
    expect(en.agencies.title(7, 2, 2)).toBe('🏢 7 agencies · page 2 of 2');
    expect(en.agencies.realtors(1)).toBe('1 realtor');
    expect(en.agencies.listings(0)).toBe('0 listings');
  });

  it('an agency with no realtors or listings says just the zero', () => {
    expect(ru.agencies.card.realtors(0, 0)).toBe('👨‍💼 Риелторы: 0');
    expect(ru.agencies.card.listings(0, 0)).toBe('🏠 Объекты: 0');
    expect(ru.agencies.card.listings(1, 2)).toBe('🏠 Объекты: 2 (1 опубликован)');
  });
});
