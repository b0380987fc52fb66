import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/bot/i18n/index.ts';
import { draftCardText, previewScreen } from '../../src/bot/views/listings/add-listing-preview.ts';
import { noticeOf, photoScreen } from '../../src/bot/views/listings/add-listing-steps.ts';
import type { AddListingContext, ListingDraft } from '../../src/machines/add-listing.machine.ts';
import type { ListingNotice } from '../../src/machines/listing-answers.ts';
import { view } from '../support/flows.ts';

const draft: ListingDraft = {
  title: 'Студия у Медеу',
  city: 'Алматы',
  pricePerNight: 15_000,
  maxGuests: 1,
  description: 'Светлая студия с видом на горы.',
  amenities: [],
  photoFileId: null,
};
const context = (extra: Partial<AddListingContext> = {}): AddListingContext => ({
  draft,
  cities: [],
  draftAmenities: [],
  editing: false,
  notice: null,
  typed: null,
  error: null,
  saved: null,
  ...extra,
});

const NOTICES: ListingNotice[] = [
  'titleShort',
  'titleLong',
  'cityBad',
  'cityLong',
  'badPrice',
  'priceTooHigh',
  'badGuests',
  'descriptionShort',
  'descriptionLong',
  'photoExpected',
];

describe('addListing view', () => {
  it('explains every refused answer in both languages, with the count where it helps', () => {
    for (const locale of LOCALES) {
      for (const notice of NOTICES) {
        const text = noticeOf(view(locale).t, context({ notice, typed: 2001 }));
        expect(text, `${notice} in ${locale}`).toMatch(/\S/);
        expect(text, `${notice} in ${locale}`).not.toMatch(/undefined|null|NaN|\[object/);
      }
    }
    expect(noticeOf(view('ru').t, context({ notice: 'descriptionLong', typed: 2001 }))).toContain(
      '2001 символ,',
    );
    expect(noticeOf(view('en').t, context({ notice: 'priceTooHigh' }))).toContain('10 000 000 ₸');
  });

  it('a card without amenities or photo says so; one guest is singular', () => {
    const text = draftCardText(view('ru').t, draft);
    expect(text).toBe(
      '🏠 Студия у Медеу\n📍 Алматы\n💰 15 000 ₸ за ночь\n👥 до 1 гостя\n✨ удобства не указаны\n📷 без фото\n\nСветлая студия с видом на горы.',
    );
    expect(previewScreen(context(), view('ru'))[0]).not.toHaveProperty('photo');
  });

  it('a long description still previews: the text is longer than a caption, the sender sends it after the photo', () => {
    const long = context({ draft: { ...draft, description: 'о'.repeat(2000), photoFileId: 'photo-1' } });
    const [message] = previewScreen(long, view('ru'));
    expect(message!.photo).toEqual({ fileId: 'photo-1' });
    expect(message!.text.length).toBeGreaterThan(1024);
    expect(message!.text.length).toBeLessThanOrEqual(4096);
  });

  it('the photo step offers «Убрать фото» only when there is one, and «Оставить фото» on the way', () => {
    const labels = (extra: Partial<AddListingContext>) =>
      (photoScreen(context(extra), view('ru'))[0]!.reply as { text: string }[][]).flat().map((b) => b.text);
    expect(labels({ editing: true })).not.toContain('🗑 Убрать фото');
    expect(labels({ editing: true, draft: { ...draft, photoFileId: 'p' } })).toContain('🗑 Убрать фото');
    expect(labels({})).toContain('⏭ Пропустить');
    expect(labels({ draft: { ...draft, photoFileId: 'p' } })).toEqual([
      '✅ Оставить фото',
      '🗑 Убрать фото',
      '⬅️ Назад',
      '❌ Отмена',
    ]);
  });
});
