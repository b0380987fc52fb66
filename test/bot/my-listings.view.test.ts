import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { myListingsFlow } from '../../src/bot/views/my-listings.view.ts';
import { AvailabilityBlock, Listing } from '../../src/db/entities/index.ts';
import type { Actor } from '../../src/domain/actor.ts';
import { AgencyInactive, NotFound } from '../../src/domain/errors.ts';
import {
  type BookingBrief,
  type CalendarPage,
  myListingsMachine,
  type OwnListingCard,
  type OwnListingsPage,
} from '../../src/machines/my-listings.machine.ts';
import { useTestDatabase } from '../support/database.ts';
import { DomainChat } from '../support/domain-chat.ts';
import { makeAgency, makeListing, makeUser } from '../support/fixtures.ts';
import type { ActorScript } from '../support/flows.ts';
import { makeBooking } from '../support/listings.fixtures.ts';
import { type FlowChat, scriptedChat } from '../support/machine-harness.ts';

const ACTORS = ['load', 'getCard', 'setPublished', 'save', 'loadMonth', 'getBooking', 'removeBlock'];

const page: OwnListingsPage = {
  items: [
    {
      id: 7,
      title: 'Студия у Медеу',
      city: 'Алматы',
      pricePerNight: 15_000,
      published: true,
      upcomingBookings: 2,
    },
    {
      id: 8,
      title: 'Апартаменты у EXPO',
      city: 'Астана',
      pricePerNight: 22_500,
      published: false,
      upcomingBookings: 0,
    },
  ],
  page: 1,
  pageSize: 5,
  pages: 2,
  total: 7,
};
const card: OwnListingCard = {
  id: 7,
  title: 'Студия у Медеу',
  city: 'Алматы',
  address: 'ул. Достык, 5',
  pricePerNight: 15_000,
  maxGuests: 3,
  description: 'Светлая студия с видом на горы.',
  amenities: ['wifi', 'parking'],
  photoFileId: null,
  published: true,
  ratingAvg: 4.5,
  ratingCount: 2,
  upcomingBookings: 2,
};
const month: CalendarPage = {
  month: '2026-12',
  today: '2026-12-03',
  days: {
    '2026-12-05': { state: 'booked', id: 41 },
    '2026-12-06': { state: 'booked', id: 41 },
    '2026-12-10': { state: 'blocked', id: 51 },
    '2026-12-11': { state: 'blocked', id: 51 },
    '2026-12-20': { state: 'blocked', id: 52 },
  },
  blocks: [{ id: 51, startsOn: '2026-12-10', endsOn: '2026-12-12', note: 'Ремонт' }],
};
const booking: BookingBrief = {
  id: 41,
  guestName: 'Алия Серикова',
  guestPhone: '+77010000021',
  checkIn: '2026-12-05',
  checkOut: '2026-12-07',
  nights: 2,
  guests: 2,
  total: 30_000,
  status: 'pending',
};

describe('«🏘 Мои объекты»: the screens', () => {
  let script: ActorScript;
  let chat: FlowChat;

  beforeEach(async () => {
    ({ script, chat } = scriptedChat(myListingsMachine, myListingsFlow, ACTORS));
    script.resolve({ list: page, card: null });
    await chat.start();
  });

  /** Opens listing 7's card (with `shown` as the domain answers). */
  async function openCard(shown: OwnListingCard = card) {
    script.resolve(shown);
    await chat.tap('1 · Студия у Медеу');
  }

  it('lists each listing with its status, city, price in ₸ and upcoming bookings, under a head with Cancel', () => {
    const [head, list] = chat.messages();
    expect(head!.text).toContain('🏘 Мои объекты.');
    expect(chat.keyboard()).toEqual([['❌ Отмена']]);
    expect(list!.text).toBe(
      [
        '🏘 7 объектов · стр. 1 из 2',
        '1. Студия у Медеу\n🟢 опубликован · 📍 Алматы · 💰 15 000 ₸ за ночь\n📅 2 предстоящие брони',
        '2. Апартаменты у EXPO\n⚪️ скрыт · 📍 Астана · 💰 22 500 ₸ за ночь\n📅 нет предстоящих броней',
      ].join('\n\n'),
    );
    expect(chat.inline()).toEqual([['1 · Студия у Медеу'], ['2 · Апартаменты у EXPO'], ['▶️']]);
    expect(chat.messages('en')[1]!.text).toContain(
      '🟢 published · 📍 Алматы · 💰 15 000 ₸ per night\n📅 2 upcoming bookings',
    );
  });

  it('says how to add the first listing when there is none', async () => {
    script.resolve({ list: { items: [], page: 1, pageSize: 5, pages: 1, total: 0 }, card: null });
    await chat.start();
    expect(chat.messages()[1]!.text).toContain(
      'У вас пока нет объектов. Добавьте первый кнопкой «➕ Добавить объект»',
    );
    expect(chat.inline()).toEqual([]);
  });

  it('pages: the list of the page asked for, the list again when a press is stale', async () => {
    script.resolve({ list: { ...page, page: 2 }, card: null });
    expect(await chat.tap('▶️')).toBe(true);
    expect(script.inputsOf('load').at(-1)).toEqual({ page: 2, listingId: null });
    expect(await chat.send({ type: 'cb.page', id: 9 })).toBe(false);
  });

  it('shows the card with every field, the rating, amenities, bookings ahead and the actions', async () => {
    await openCard();
    expect(script.inputsOf('getCard')).toEqual([{ listingId: 7 }]);
    expect(chat.messages()[1]!.text).toBe(
      [
        '🏠 Студия у Медеу',
        '🟢 Опубликован — гости видят его в поиске',
        '📍 Алматы, ул. Достык, 5',
        '💰 15 000 ₸ за ночь',
        '👥 до 3 гостей',
        '⭐ 4,5 (2 отзыва)',
        '✨ Wi-Fi, Парковка',
        '📅 Впереди 2 предстоящие брони',
        '',
        'Светлая студия с видом на горы.',
      ].join('\n'),
    );
    expect(chat.inline()).toEqual([
      ['Снять', 'Редактировать'],
      ['Календарь', 'Добавить блок'],
      ['⬅️ К списку'],
    ]);
    expect(chat.inline('en')[0]).toEqual(['Unpublish', 'Edit']);
  });

  it('sends a card with a photo as the photo, the card as its caption; a hidden one offers «Активировать»', async () => {
    await openCard({ ...card, photoFileId: 'AgACAgIAAxkBAAIB', published: false, ratingCount: 0 });
    const shown = chat.messages()[1]!;
    expect(shown.photo).toEqual({ fileId: 'AgACAgIAAxkBAAIB' });
    expect(shown.text).toContain('⚪️ Скрыт — гости его не видят');
    expect(shown.text).toContain('⭐ пока без отзывов');
    expect(chat.inline()[0]).toEqual(['Активировать', 'Редактировать']);
  });

  it('asks before unpublishing a listing with guests booked ahead; «Нет» leaves it as it was', async () => {
    await openCard();
    await chat.tap('Снять');
    expect(chat.text()).toContain('У «Студия у Медеу» 2 предстоящие брони. Брони останутся в силе');
    expect(chat.inline()).toEqual([['Да, снять', 'Нет']]);
    await chat.tap('Нет');
    expect(chat.state).toBe('card');
    expect(script.inputsOf('setPublished')).toEqual([]);

    await chat.tap('Снять');
    script.resolve({ ...card, published: false });
    await chat.tap('Да, снять');
    expect(script.inputsOf('setPublished')).toEqual([{ listingId: 7, published: false }]);
    expect(chat.messages()[1]!.text).toMatch(
      /^⚪️ Объект снят с публикации\. Существующие брони остаются в силе\./,
    );
  });

  it('unpublishes at once when nobody is booked ahead', async () => {
    await openCard({ ...card, upcomingBookings: 0 });
    script.resolve({ ...card, published: false, upcomingBookings: 0 });
    await chat.tap('Снять');
    expect(chat.state).toBe('card');
    expect(script.inputsOf('setPublished')).toEqual([{ listingId: 7, published: false }]);
  });

  it('explains a publish refused because the agency is inactive', async () => {
    await openCard({ ...card, published: false });
    script.reject(new AgencyInactive());
    await chat.tap('Активировать');
    expect(chat.messages()[1]!.text).toMatch(
      /^⚠️ Опубликовать нельзя: ваше агентство неактивно\. Обратитесь к администратору агентства\./,
    );
    expect(chat.inline()[0]![0]).toBe('Активировать');
  });

  it('takes card buttons for the card shown only (another listing’s id is a stale button)', async () => {
    await openCard();
    for (const type of ['cb.publish', 'cb.unpublish', 'cb.ledit', 'cb.calendar', 'cb.addblock'] as const) {
      expect(await chat.send({ type, id: 8 })).toBe(false);
    }
  });

  it('edits one field at a time, with the wizard’s rules and words; a bad value keeps the step', async () => {
    await openCard();
    await chat.tap('Редактировать');
    expect(chat.inline()).toEqual([
      ['🏷 Название', '🏙 Город'],
      ['💰 Цена', '👥 Гости'],
      ['📝 Описание', '✨ Удобства'],
      ['⬅️ Назад'],
    ]);
    await chat.tap('💰 Цена');
    expect(chat.text()).toContain('Сейчас: 15 000 ₸ за ночь.');
    expect(chat.keyboard()).toEqual([['⬅️ Назад', '❌ Отмена']]);
    for (const bad of ['пятнадцать', '0', '-5', '15.5']) {
      await chat.say(bad);
      expect(chat.state, bad).toBe('editText');
      expect(chat.text(), bad).toMatch(/^⚠️ Цена — целое число тенге больше нуля/);
    }
    await chat.say('99 000 000');
    expect(chat.text()).toMatch(/^⚠️ Слишком большая цена: можно не больше 10 000 000 ₸ за ночь/);
    script.resolve({ ...card, pricePerNight: 15_000 });
    await chat.say('15000 ₸');
    expect(script.inputsOf('save')).toEqual([{ listingId: 7, change: { pricePerNight: 15_000 } }]);
    expect(chat.messages()[1]!.text).toMatch(/^✅ Сохранено\./);

    await chat.tap('Редактировать');
    await chat.tap('👥 Гости');
    expect(chat.keyboard()).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
      ['⬅️ Назад', '❌ Отмена'],
    ]);
    for (const bad of ['0', '51', 'два']) {
      await chat.say(bad);
      expect(chat.text(), bad).toMatch(/^⚠️ Число гостей — целое число от 1 до 50/);
    }
    script.resolve(card);
    await chat.say('12');
    expect(script.inputsOf('save').at(-1)).toEqual({ listingId: 7, change: { maxGuests: 12 } });

    await chat.tap('Редактировать');
    await chat.tap('📝 Описание');
    await chat.say('Уютно');
    expect(chat.text()).toMatch(/^⚠️ Слишком короткое описание: 5 символов, а нужно хотя бы 10/);
    await chat.say('я'.repeat(2001));
    expect(chat.text()).toMatch(/^⚠️ Слишком длинное описание: 2001 символ, а можно не больше 2000/);
    await chat.say('⬅️ Назад');
    expect(chat.state).toBe('chooseField');

    await chat.tap('🏙 Город');
    expect(chat.keyboard()[0]).toEqual(['Алматы', 'Астана', 'Шымкент']);
    script.resolve({ ...card, city: 'Боровое' });
    await chat.say('  боровое ');
    expect(script.inputsOf('save').at(-1)).toEqual({ listingId: 7, change: { city: 'Боровое' } });
  });

  it('toggles amenities and saves them with «Готово»', async () => {
    await openCard();
    await chat.tap('Редактировать');
    await chat.tap('✨ Удобства');
    const [prompt, toggles] = chat.messages();
    expect(prompt!.reply).toEqual([
      [
        { text: '⬅️ Назад', event: { type: 'BACK' } },
        { text: '❌ Отмена', event: { type: 'CANCEL' } },
      ],
    ]);
    expect(toggles!.text).toBe('Выбрано: Wi-Fi, Парковка.');
    await chat.tap('✅ Wi-Fi');
    await chat.tap('Кухня');
    expect(chat.messages()[1]!.text).toBe('Выбрано: Парковка, Кухня.');
    script.resolve({ ...card, amenities: ['parking', 'kitchen'] });
    await chat.tap('✅ Готово');
    expect(script.inputsOf('save')).toEqual([
      { listingId: 7, change: { amenities: ['parking', 'kitchen'] } },
    ]);
    expect(chat.state).toBe('card');
  });

  it('a save the domain refuses keeps the step, saying why', async () => {
    await openCard();
    await chat.tap('Редактировать');
    await chat.tap('🏷 Название');
    script.reject(new NotFound('listing', 7));
    await chat.say('Студия с видом на горы');
    expect(chat.state).toBe('editText');
    expect(chat.text()).toMatch(/^⚠️ Не найдено\. Возможно, запись удалена\.\n\nСейчас: «Студия у Медеу»\./);
  });

  it('shows the month with booked 🔴 and blocked ⛔ days; a booked day opens its booking', async () => {
    await openCard();
    script.resolve(month);
    await chat.tap('Календарь');
    expect(script.inputsOf('loadMonth')).toEqual([{ listingId: 7, month: null }]);
    const calendar = chat.messages()[1]!;
    expect(calendar.text).toBe(
      '📅 Календарь «Студия у Медеу»\n🔴 — бронь, ⛔ — блок, просто число — свободно. Нажмите на бронь, чтобы открыть её, или на блок, чтобы снять его.',
    );
    const labels = chat.inline().flat();
    expect(labels).toEqual(expect.arrayContaining(['🔴5', '🔴6', '⛔10', '⛔11', '⛔20', '1', '31']));
    expect(chat.inline().slice(-2)).toEqual([['Добавить блок'], ['⬅️ К объекту']]);

    script.resolve(booking);
    await chat.tap('🔴6');
    expect(script.inputsOf('getBooking')).toEqual([{ bookingId: 41 }]);
    expect(chat.messages()[1]!.text).toBe(
      [
        '🧾 Бронь №41 · «Студия у Медеу»',
        '👤 Алия Серикова, +77010000021',
        '📅 05.12.2026 – 07.12.2026 · 2 ночи · 👥 2',
        '💰 30 000 ₸',
        '⏳ ждёт оплаты или вашего подтверждения',
      ].join('\n'),
    );
    script.resolve(month);
    await chat.tap('⬅️ К календарю');
    expect(script.inputsOf('loadMonth').at(-1)).toEqual({ listingId: 7, month: '2026-12' });
  });

  it('a free day says how to close it, a past one that it has passed; days of another month are stale', async () => {
    await openCard();
    script.resolve(month);
    await chat.tap('Календарь');
    await chat.tap('15');
    expect(chat.messages()[1]!.text).toMatch(
      /^Этот день свободен\. Чтобы закрыть даты, нажмите «Добавить блок»\./,
    );
    await chat.tap('2');
    expect(chat.messages()[1]!.text).toMatch(/^Этот день уже прошёл/);
    expect(await chat.send({ type: 'cb.day', id: 20270105 })).toBe(false);
    script.resolve({ ...month, month: '2027-01', days: {}, blocks: [] });
    await chat.tap('▶');
    expect(script.inputsOf('loadMonth').at(-1)).toEqual({ listingId: 7, month: '2027-01' });
  });

  it('a blocked day offers to remove its block; «Да, снять блок» removes it and shows the month again', async () => {
    await openCard();
    script.resolve(month);
    await chat.tap('Календарь');
    await chat.tap('⛔11');
    expect(chat.messages()[1]!.text).toBe(
      '⛔ Блок: 10.12.2026 – 11.12.2026 (2 ночи), с 12.12.2026 снова свободно\n📝 Ремонт\n\nСнять блок? Даты снова станут доступны для бронирования.',
    );
    expect(chat.inline()).toEqual([['Да, снять блок', 'Нет']]);
    expect(await chat.send({ type: 'cb.unblock', id: 52 })).toBe(false);
    script.resolve(null).resolve({ ...month, days: {}, blocks: [] });
    await chat.tap('Да, снять блок');
    expect(script.inputsOf('removeBlock')).toEqual([{ blockId: 51 }]);
    expect(chat.messages()[1]!.text).toMatch(/^✅ Блок снят — эти даты снова можно бронировать\./);
  });

  it('describes a block the list of current blocks lacks from its days in the month', async () => {
    await openCard();
    script.resolve(month);
    await chat.tap('Календарь');
    await chat.tap('⛔20');
    expect(chat.messages()[1]!.text).toMatch(
      /^⛔ Блок: 20\.12\.2026 \(1 ночь\), с 21\.12\.2026 снова свободно\n\nСнять блок\?/,
    );
  });

  it('«Добавить блок» hands over to blockDates with the listing', async () => {
    await openCard();
    await chat.tap('Добавить блок');
    expect(chat.output).toEqual({
      outcome: 'blockDates',
      handoff: { flow: 'blockDates', input: { listingId: 7 } },
    });
    expect(chat.finish()).toBe('🔒 Блокировка дат.');
  });

  it('started on a listing (back from blocking dates) opens its card; «⬅️ К списку» loads the list', async () => {
    script.resolve({ list: null, card });
    await chat.start({ listingId: 7 });
    expect(script.inputsOf('load').at(-1)).toEqual({ page: 1, listingId: 7 });
    expect(chat.state).toBe('card');
    script.resolve({ list: page, card: null });
    await chat.tap('⬅️ К списку');
    expect(script.inputsOf('load').at(-1)).toEqual({ page: 1, listingId: null });
    expect(chat.state).toBe('list');
  });
});

describe('«🏘 Мои объекты» on the real domain', () => {
  const database = useTestDatabase();
  let realtor: Actor;
  let other: Actor;
  let listings: Listing[];
  let theirs: Listing;
  let bookingId: number;

  beforeAll(async () => {
    const em = database.fork();
    const owner = await makeUser(em, 'realtor');
    realtor = owner.actor;
    other = (await makeUser(em, 'realtor')).actor;
    listings = [];
    for (let i = 1; i <= 6; i++) {
      listings.push(
        await makeListing(em, owner.user, { title: `Квартира ${i} на Абая`, published: i % 2 === 0 }),
      );
    }
    theirs = await makeListing(em, (await makeUser(em, 'realtor')).user, { title: 'Чужая квартира' });
    const guest = await makeUser(em, 'guest', { fullName: 'Алия Серикова' });
    // Today (the test clock) is 2026-12-01.
    const booked = await makeBooking(em, {
      listing: listings[5]!,
      guest: guest.user,
      checkIn: '2026-12-05',
      checkOut: '2026-12-07',
      guests: 2,
    });
    bookingId = booked.id;
    await database.db.domain.calendar.addBlock(em, owner.actor, {
      listingId: listings[5]!.id,
      startsOn: '2026-12-10',
      endsOn: '2026-12-12',
      note: 'Ремонт',
    });
  });

  const open = () => new DomainChat(database, myListingsFlow, realtor).start();

  it('lists the realtor’s own listings only, newest first, 5 a page, with bookings ahead counted', async () => {
    const chat = await open();
    expect(chat.text()).toMatch(/^🏘 6 объектов · стр\. 1 из 2\n\n1\. Квартира 6 на Абая\n🟢 опубликован/);
    expect(chat.text()).toContain('📅 1 предстоящая бронь');
    expect(chat.text()).not.toContain('Чужая квартира');
    await chat.tap('▶️');
    expect(chat.text()).toMatch(/^🏘 6 объектов · стр\. 2 из 2\n\n6\. Квартира 1 на Абая\n⚪️ скрыт/);
  });

  it('a forged id of another realtor’s listing is not found: the list again, nothing shown', async () => {
    const chat = await open();
    expect(await chat.send({ type: 'cb.listing', id: theirs.id })).toBe(true);
    expect(chat.state).toBe('list');
    expect(chat.text()).toMatch(/^⚠️ Не найдено/);
    expect(chat.text()).not.toContain('Чужая квартира');
  });

  it('publishes, saves a field and reads the calendar with the booking and the block', async () => {
    const chat = await open();
    await chat.tap('1 · Квартира 6 на Абая');
    expect(chat.text()).toContain('📅 Впереди 1 предстоящая бронь');
    await chat.tap('Редактировать');
    await chat.tap('💰 Цена');
    await chat.say('17 500');
    expect(chat.text()).toContain('💰 17 500 ₸ за ночь');
    expect((await database.fork().findOneOrFail(Listing, listings[5]!.id)).pricePerNight).toBe(17_500);

    await chat.tap('Календарь');
    const labels = chat.inline().flat();
    expect(labels).toEqual(expect.arrayContaining(['🔴5', '🔴6', '7', '⛔10', '⛔11', '12']));
    await chat.tap('🔴5');
    expect(chat.text()).toContain(`🧾 Бронь №${bookingId} · «Квартира 6 на Абая»`);
    expect(chat.text()).toContain('👤 Алия Серикова');
    await chat.tap('⬅️ К календарю');
    await chat.tap('⛔10');
    expect(chat.text()).toContain(
      '⛔ Блок: 10.12.2026 – 11.12.2026 (2 ночи), с 12.12.2026 снова свободно\n📝 Ремонт',
    );
    await chat.tap('Да, снять блок');
    expect(chat.text()).toMatch(/^✅ Блок снят/);
    expect(await database.fork().count(AvailabilityBlock, { listing: listings[5]!.id })).toBe(0);
  });

  it('refuses to publish while the agency is inactive', async () => {
    const em = database.fork();
    const agency = await makeAgency(em, { active: false });
    const member = await makeUser(em, 'realtor', { agency });
    const hidden = await makeListing(em, member.user, { title: 'Скрытая студия', published: false });
    const chat = await new DomainChat(database, myListingsFlow, member.actor).start();
    await chat.tap('1 · Скрытая студия');
    await chat.tap('Активировать');
    expect(chat.text()).toMatch(/^⚠️ Опубликовать нельзя: ваше агентство неактивно/);
    expect((await database.fork().findOneOrFail(Listing, hidden.id)).published).toBe(false);
  });

  it('another realtor opening the card of someone else’s listing from a handoff gets not found', async () => {
    const chat = await new DomainChat(database, myListingsFlow, other).start({ listingId: listings[0]!.id });
    expect(chat.output).toEqual({ outcome: 'failed', error: 'not_found' });
    expect(chat.finish()).toBe('Не найдено. Возможно, запись удалена.');
  });
});
