import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { formatDate } from '../../src/bot/parse/date-range.ts';
import { addDays, almatyToday } from '../../src/domain/dates.ts';
import { type BotProcess, type TelegramServer, TelegramUser } from '../support/e2e.ts';
import { stopBot } from '../support/e2e-lifecycle.ts';
import { labelsOf, seededDataDir, tapInPlace } from '../support/guest-e2e.ts';
import { photosTo, type SentPhoto, sendPhoto, startRealtorChat } from '../support/realtor-e2e.ts';

const t = messagesFor('ru');
const a = t.addListing;
const s = t.search;
const NOT_UNDERSTOOD = 'Не понял вас.';
const PHOTO = 'AgACAgIAAxkBAAIC-kostanay-loft';
const TITLE = 'Лофт у Кольсая';
const CITY = 'Костанай';
const DESCRIPTION = 'Лофт с камином и панорамными окнами, 10 минут до центра.';

/**
 * «➕ Добавить объект» over the Bot API emulator, as a seeded realtor would:
 * every kind of bad answer on the way, a photo, the preview, one field
 * changed, saved hidden, published; then a guest finds it in search, photo
 * and all — and does not find it while it is still hidden.
 */
describe('➕ Добавить объект, as a realtor over Telegram', () => {
  let emulator: TelegramServer;
  let bot: BotProcess;
  let dataDir: string;
  let realtor: TelegramUser;
  let guest: TelegramUser;
  let photos: SentPhoto[];
  const today = almatyToday(new Date());
  const checkIn = addDays(today, 10);
  const checkOut = addDays(today, 13);

  beforeAll(async () => {
    dataDir = await seededDataDir('add-listing');
    ({ emulator, bot, realtor, photos } = await startRealtorChat(dataDir, 'realtor1@demo.kz', 'Асель'));
    guest = new TelegramUser(emulator, { firstName: 'Мурат' });
  });
  afterAll(() => stopBot({ bot, emulator, dataDir }));

  /** Sends `text` and returns the bot's one answer. */
  async function answer(text: string): Promise<string> {
    await realtor.send(text);
    const [reply] = await realtor.replies();
    return reply!.text;
  }

  it('the title: an empty, a too short and a too long one are explained and the step stays', async () => {
    expect(realtor.keyboard()).toContainEqual([t.menu.myListings, t.menu.addListing]);
    await realtor.press(t.menu.addListing);
    const [ask] = await realtor.replies();
    expect(ask?.text).toBe(a.askTitle);
    expect(realtor.keyboard()).toEqual([[t.buttons.cancel]]);

    expect(await answer('   ')).toBe(
      `⚠️ ${NOT_UNDERSTOOD} Выберите действие в меню ниже или отправьте /help.\n\n${a.askTitle}`,
    );
    expect(await answer('Ок')).toBe(`⚠️ ${a.titleShort}\n\n${a.askTitle}`);
    expect(await answer('Д'.repeat(121))).toBe(`⚠️ ${a.titleLong(121)}\n\n${a.askTitle}`);
    expect(await answer(TITLE)).toBe(a.askCity);
  });

  it('the city from the known ones or typed, then price, guests and description, each refusing nonsense', async () => {
    expect(realtor.keyboard()).toEqual([
      ['Алматы', 'Астана', 'Шымкент'],
      [t.buttons.back, t.buttons.cancel],
    ]);
    expect(await answer('123')).toBe(`⚠️ ${a.cityBad}\n\n${a.askCity}`);
    expect(await answer(CITY)).toBe(a.askPrice);

    expect(await answer('abc')).toBe(`⚠️ ${a.badPrice}\n\n${a.askPrice}`);
    expect(await answer('0')).toBe(`⚠️ ${a.badPrice}\n\n${a.askPrice}`);
    expect(await answer('15 000 ₸')).toBe(a.askGuests);

    expect(realtor.keyboard()).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
      [t.buttons.back, t.buttons.cancel],
    ]);
    expect(await answer('0')).toBe(`⚠️ ${a.badGuests}\n\n${a.askGuests}`);
    expect(await answer('51')).toBe(`⚠️ ${a.badGuests}\n\n${a.askGuests}`);
    await realtor.press('4');
    expect((await realtor.replies())[0]?.text).toBe(a.askDescription);

    expect(await answer('Уютно')).toBe(`⚠️ ${a.descriptionShort(5)}\n\n${a.askDescription}`);
    await realtor.send(DESCRIPTION);
    const [amenities, toggles] = await realtor.replies(2);
    expect(amenities?.text).toBe(a.askAmenities);
    expect(toggles?.text).toBe(s.amenitiesNone);
  });

  it('amenities tick in place; the photo step wants a photo, and takes one', async () => {
    const wifi = await tapInPlace(realtor, 'Wi-Fi');
    expect(labelsOf(wifi)).toContain('✅ Wi-Fi');
    const parking = await tapInPlace(realtor, 'Парковка');
    expect(parking.text).toBe(s.amenitiesChosen('Wi-Fi, Парковка'));
    await realtor.tap(s.done);
    expect((await realtor.replies())[0]?.text).toBe(a.askPhoto);
    expect(realtor.keyboard()).toEqual([[t.buttons.skip], [t.buttons.back, t.buttons.cancel]]);

    expect(await answer('фото')).toBe(`⚠️ ${a.photoExpected}\n\n${a.askPhoto}`);
    await sendPhoto(emulator, realtor, PHOTO);
    const [preview] = await realtor.replies();
    const sent = photosTo(photos, realtor);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.photo).toBe(PHOTO);
    expect(preview?.text).toBe(
      [
        a.previewTitle,
        `🏠 ${TITLE}\n📍 ${CITY}\n💰 15 000 ₸ за ночь\n👥 до 4 гостей\n✨ Wi-Fi, Парковка\n📷 с фото`,
        DESCRIPTION,
        a.previewQuestion,
      ].join('\n\n'),
    );
    expect(realtor.keyboard()).toEqual([[a.save], [a.editField], [t.buttons.back, t.buttons.cancel]]);
  });

  it('«Изменить поле» changes the price and comes back to the preview', async () => {
    await realtor.press(a.editField);
    expect((await realtor.replies())[0]?.text).toBe(a.chooseField);
    await realtor.press(a.fields.price);
    expect((await realtor.replies())[0]?.text).toBe(a.editPrice('15 000 ₸'));
    expect(await answer('abc')).toBe(`⚠️ ${a.badPrice}\n\n${a.editPrice('15 000 ₸')}`);
    await realtor.send('18 000');
    const [preview] = await realtor.replies();
    expect(preview?.text).toContain('💰 18 000 ₸ за ночь');
    expect(photosTo(photos, realtor)).toHaveLength(2);
  });

  it('«Сохранить» keeps it hidden: a guest searching the city does not find it yet', async () => {
    await realtor.press(a.save);
    const [hidden, offer] = await realtor.replies(2);
    expect(hidden?.text).toBe(`${a.saved}\n\n${t.publishListing.hidden(TITLE)}`);
    expect(realtor.keyboard()).toContainEqual([t.menu.myListings, t.menu.addListing]);
    expect(offer?.text).toBe(t.publishListing.offer);
    expect(labelsOf(offer)).toEqual([t.publishListing.publishNow, t.publishListing.later]);

    await guest.send('/start');
    await guest.replies();
    await guest.press(t.menu.search);
    await guest.replies();
    expect(guest.keyboard()?.flat()).not.toContain(CITY);
    await guest.send(CITY);
    const [unknown] = await guest.replies();
    expect(unknown?.text).toContain(s.unknownCity('Алматы, Астана, Шымкент'));
    await guest.press(t.buttons.cancel);
    await guest.replies();
  });

  it('«🚀 Опубликовать сейчас» publishes it', async () => {
    await realtor.tap(t.publishListing.publishNow);
    const [published] = await realtor.replies();
    expect(published?.text).toContain(t.publishListing.published(TITLE));
    expect(published?.text).toContain('Главное меню');
  });

  it('a guest now finds it by city and dates, marked 📷, and «Подробнее» shows the photo with the card', async () => {
    await guest.press(t.menu.search);
    await guest.replies();
    expect(guest.keyboard()?.[0]).toContain(CITY);
    await guest.press(CITY);
    await guest.replies(2);
    await guest.send(`${formatDate(checkIn)}-${formatDate(checkOut)}`);
    expect((await guest.replies())[0]?.text).toBe(s.askGuests);
    await guest.press('2');
    await guest.replies();
    await guest.press(s.anyPrice);
    await guest.replies(2);
    await guest.press(t.buttons.skip);
    const [summary, list] = await guest.replies(2);
    expect(summary?.text).toContain(`🏙 ${CITY}`);
    expect(list?.text).toContain(s.found(1, 1, 1));
    expect(list?.text).toContain(`1. ${TITLE} 📷\n📍 ${CITY}\n💰 18 000 ₸ за ночь · 54 000 ₸ за 3 ночи`);

    await guest.tap('1 · Подробнее');
    const [, card] = await guest.replies(2);
    const shown = photosTo(photos, guest);
    expect(shown.map((sent) => sent.photo)).toEqual([PHOTO]);
    expect(card?.text).toContain(`🏠 ${TITLE}\n📍 ${CITY}\n💰 18 000 ₸ за ночь · 54 000 ₸ за 3 ночи`);
    expect(card?.text).toContain('✨ Wi-Fi, Парковка');
    expect(card?.text).toContain(DESCRIPTION);
    expect(labelsOf(card)).toEqual([s.bookButton, s.favoriteButton, s.backToResults]);

    // Telegram cannot turn a photo back into text: the results come as a new message.
    await guest.tap(s.backToResults);
    const [results] = await guest.replies();
    expect(results?.text).toContain(`1. ${TITLE} 📷`);
  });
});
