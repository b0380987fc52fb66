import { describe, expect, it } from 'vitest';
import { LOCALES, messagesFor } from '../../src/bot/i18n/index.ts';
import { itHasFilledSamples, type SampleCalls } from '../support/i18n-samples.ts';

const ru = messagesFor('ru');
const en = messagesFor('en');

/**
 * A call with realistic arguments for every message of the `superAdmin`
 * section that is a function (test/bot/i18n.test.ts leaves it to this file).
 */
const calls: SampleCalls = {
  'superAdmin.realtors.title': (t) => t.superAdmin.realtors.title(7, 1, 2),
  'superAdmin.realtors.stats': (t) => t.superAdmin.realtors.stats(3, 2),
  'superAdmin.realtors.buttons.activate': (t) => t.superAdmin.realtors.buttons.activate(1),
  'superAdmin.realtors.buttons.deactivate': (t) => t.superAdmin.realtors.buttons.deactivate(2),
  'superAdmin.realtors.confirmDeactivate': (t) => t.superAdmin.realtors.confirmDeactivate('Тимур Касымов'),
  'superAdmin.realtors.confirmActivate': (t) => t.superAdmin.realtors.confirmActivate('Тимур Касымов'),
  'superAdmin.realtors.confirmDeactivateById': (t) => t.superAdmin.realtors.confirmDeactivateById(41),
  'superAdmin.realtors.confirmActivateById': (t) => t.superAdmin.realtors.confirmActivateById(41),
  'superAdmin.realtors.activated': (t) => t.superAdmin.realtors.activated('Тимур Касымов'),
  'superAdmin.realtors.deactivated': (t) => t.superAdmin.realtors.deactivated('Тимур Касымов'),
  'superAdmin.addRealtor.askPhone': (t) => t.superAdmin.addRealtor.askPhone('new@demo.kz'),
  'superAdmin.addRealtor.askName': (t) => t.superAdmin.addRealtor.askName('+77011234567'),
  'superAdmin.addRealtor.summary': (t) =>
    t.superAdmin.addRealtor.summary('new@demo.kz', '+77011234567', 'Жанар Алиева'),
  'superAdmin.addRealtor.added': (t) => t.superAdmin.addRealtor.added('Жанар Алиева'),
  'superAdmin.metrics.title': (t) => t.superAdmin.metrics.title('Алматы Апартаменты'),
  'superAdmin.metrics.realtors': (t) => t.superAdmin.metrics.realtors(2, 3),
  'superAdmin.metrics.listings': (t) => t.superAdmin.metrics.listings(17, 18),
  'superAdmin.metrics.occupancy': (t) => t.superAdmin.metrics.occupancy(12),
  'superAdmin.metrics.rating': (t) => t.superAdmin.metrics.rating('4,25'),
  'superAdmin.metrics.thisMonth': (t) => t.superAdmin.metrics.thisMonth('Ноябрь 2026'),
  'superAdmin.metrics.bookings': (t) => t.superAdmin.metrics.bookings(13),
  'superAdmin.metrics.byStatus': (t) => t.superAdmin.metrics.byStatus(1, 2, 3, 4),
  'superAdmin.metrics.revenue': (t) => t.superAdmin.metrics.revenue('45 000 ₸'),
  'superAdmin.metrics.topListing': (t) =>
    t.superAdmin.metrics.topListing(1, 'Студия у Медеу', 'Асель Нурланова', '45 000 ₸', 2),
  'superAdmin.metrics.topRealtor': (t) =>
    t.superAdmin.metrics.topRealtor(1, 'Асель Нурланова', '45 000 ₸', 1),
  'superAdmin.metrics.chartCaption': (t) => t.superAdmin.metrics.chartCaption(21),
  'superAdmin.bookingsExport.prompt': (t) => t.superAdmin.bookingsExport.prompt('Алматы Апартаменты'),
  'superAdmin.bookingsExport.caption': (t) =>
    t.superAdmin.bookingsExport.caption('01.10.2026', '31.10.2026', 5),
  'superAdmin.bookingsExport.truncated': (t) => t.superAdmin.bookingsExport.truncated(10_000, 12_345),
  'superAdmin.bookingsExport.empty': (t) => t.superAdmin.bookingsExport.empty('01.10.2026', '31.10.2026'),
  'superAdmin.bookingsExport.filename': (t) =>
    t.superAdmin.bookingsExport.filename('2026-10-01', '2026-10-31'),
};

describe('the Super Admin texts', () => {
  itHasFilledSamples(['superAdmin'], calls);

  it('counts realtors, listings and bookings with Russian plural forms', () => {
    expect(ru.superAdmin.realtors.title(1, 1, 1)).toBe('👥 Риелторы: 1 риелтор');
    expect(ru.superAdmin.realtors.title(3, 1, 2)).toBe('👥 Риелторы: 3 риелтора · стр. 1 из 2');
    expect(ru.superAdmin.realtors.title(11, 2, 3)).toBe('👥 Риелторы: 11 риелторов · стр. 2 из 3');
    expect(ru.superAdmin.realtors.stats(1, 21)).toBe('🏘 1 объект · 📅 21 бронь в этом месяце');
    expect(ru.superAdmin.realtors.stats(4, 2)).toBe('🏘 4 объекта · 📅 2 брони в этом месяце');
    expect(ru.superAdmin.realtors.stats(0, 5)).toBe('🏘 0 объектов · 📅 5 броней в этом месяце');
    expect(ru.superAdmin.metrics.realtors(1, 2)).toBe('👥 Риелторы: 1 активный из 2');
    expect(ru.superAdmin.metrics.realtors(2, 2)).toBe('👥 Риелторы: 2 активных из 2');
    expect(en.superAdmin.realtors.stats(1, 1)).toBe('🏘 1 listing · 📅 1 booking this month');
    expect(en.superAdmin.realtors.stats(2, 0)).toBe('🏘 2 listings · 📅 0 bookings this month');
  });

  it('never shows the password in the summary', () => {
    for (const locale of LOCALES) {
      expect(messagesFor(locale).superAdmin.addRealtor.summary('a@b.kz', '+77011234567', 'Имя')).toContain(
        '••••••••',
      );
    }
  });

  it('keeps the customer’s export button label', () => {
    expect(ru.superAdmin.metrics.buttons.export).toBe('📥 Выгрузить брони (CSV)');
    expect(ru.superAdmin.realtors.buttons.add).toBe('➕ Добавить');
  });
});
