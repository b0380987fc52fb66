import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blockDatesFlow } from '../../src/bot/views/block-dates.view.ts';
import { AvailabilityBlock, type Listing } from '../../src/db/entities/index.ts';
import type { Actor } from '../../src/domain/actor.ts';
import { DatesTaken, NotFound } from '../../src/domain/errors.ts';
import { type BlockDatesStart, blockDatesMachine } from '../../src/machines/block-dates.machine.ts';
import type { BookingBrief } from '../../src/machines/my-listings.machine.ts';
import { useTestDatabase } from '../support/database.ts';
import { DomainChat } from '../support/domain-chat.ts';
import { makeListing, makeUser } from '../support/fixtures.ts';
import type { ActorScript } from '../support/flows.ts';
import { makeBooking } from '../support/listings.fixtures.ts';
import { type FlowChat, scriptedChat } from '../support/machine-harness.ts';

const started: BlockDatesStart = {
  title: 'Студия у Медеу',
  today: '2026-12-03',
  calendar: { month: '2026-12', days: { '2026-12-05': 'booked', '2026-12-20': 'blocked' } },
};
const conflict: BookingBrief = {
  id: 41,
  guestName: 'Алия Серикова',
  guestPhone: '+77010000021',
  checkIn: '2026-12-13',
  checkOut: '2026-12-16',
  nights: 3,
  guests: 2,
  total: 45_000,
  status: 'confirmed',
};

describe('«Добавить блок»: the screens', () => {
  let script: ActorScript;
  let chat: FlowChat;

  beforeEach(async () => {
    ({ script, chat } = scriptedChat(blockDatesMachine, blockDatesFlow, [
      'start',
      'loadMonth',
      'addBlock',
      'getBooking',
    ]));
    script.resolve(started);
    await chat.start({ listingId: 7 });
  });

  /** Picks 12.12 and 15.12 in the calendar, skips the note: the summary. */
  async function pickAndSkip() {
    await chat.tap('12');
    await chat.tap('15');
    await chat.say('⏭ Пропустить');
  }

  it('asks for the dates over the listing’s calendar: past days closed, booked and blocked days marked', () => {
    expect(script.inputsOf('start')).toEqual([{ listingId: 7 }]);
    const [ask, calendar] = chat.messages();
    expect(ask!.text).toMatch(
      /^🔒 Закрыть даты «Студия у Медеу»\.\n\nВыберите в календаре первую закрываемую ночь/,
    );
    expect(ask!.text).toContain('12.12–15.12 — это закроет ночи 12, 13 и 14 декабря');
    expect(chat.keyboard()).toEqual([['⬅️ Назад', '❌ Отмена']]);
    expect(calendar!.text).toBe('📅 Выберите первую закрываемую ночь (🔴 — бронь, ⛔ — уже закрыто):');
    const days = calendar!.inline!.slice(2).flat();
    expect(days.filter((button) => button.text === '·')).toHaveLength(2);
    expect(days.map((button) => button.text)).toEqual(expect.arrayContaining(['3', '🔴5', '⛔20']));
  });

  it('picks the first night, then the day the dates open again; the note step names the nights', async () => {
    await chat.tap('12');
    expect(chat.messages()[1]!.text).toBe(
      '📅 Закрываем с 12.12.2026. Теперь выберите день, с которого даты снова открыты:',
    );
    expect(chat.inline().flat()).toContain('[12]');
    await chat.tap('15');
    expect(chat.state).toBe('note');
    expect(chat.text()).toMatch(
      /^📅 12\.12\.2026 – 14\.12\.2026 \(3 ночи\), с 15\.12\.2026 снова свободно\.\n\nДобавьте заметку/,
    );
    expect(chat.keyboard()).toEqual([['⏭ Пропустить'], ['⬅️ Назад', '❌ Отмена']]);
  });

  it('refuses past days, typed garbage and blocks over 365 nights, keeping the step', async () => {
    expect(await chat.send({ type: 'cb.day', id: 20261202 })).toBe(true);
    expect(chat.messages()[1]!.text).toMatch(/^⚠️ Эта дата уже прошла/);
    await chat.say('завтра');
    expect(chat.messages()[1]!.text).toMatch(/^⚠️ Не понял даты\./);
    await chat.say('15.12.2026-12.12.2026');
    expect(chat.messages()[1]!.text).toMatch(/^⚠️ День, с которого даты открыты, должен быть позже/);
    await chat.say('12.12.2026-13.12.2027');
    expect(chat.messages()[1]!.text).toMatch(/^⚠️ Слишком длинный блок: не больше 365 ночей/);
    expect(chat.state).toBe('dates');
  });

  it('takes typed dates like search; a single night is 12.12–13.12', async () => {
    await chat.say('12.12–13.12');
    expect(chat.text()).toMatch(/^📅 12\.12\.2026 \(1 ночь\), с 13\.12\.2026 снова свободно\./);
  });

  it('pages months from this one up to two years ahead', async () => {
    script.resolve({ month: '2027-01', days: {} });
    await chat.tap('▶');
    expect(script.inputsOf('loadMonth')).toEqual([{ listingId: 7, month: '2027-01' }]);
    script.resolve(started.calendar);
    await chat.send({ type: 'cb.month', id: 202611 });
    expect(script.inputsOf('loadMonth').at(-1)).toEqual({ listingId: 7, month: '2026-12' });
  });

  it('Back from the first night picked forgets it; Back again returns to the listing’s card', async () => {
    await chat.tap('12');
    await chat.say('⬅️ Назад');
    expect(chat.state).toBe('dates');
    expect(chat.messages()[1]!.text).toMatch(/^📅 Выберите первую закрываемую ночь/);
    await chat.say('⬅️ Назад');
    expect(chat.output).toEqual({
      outcome: 'back',
      handoff: { flow: 'myListings', input: { listingId: 7 } },
    });
    expect(chat.finish()).toBe('Возвращаемся к объекту.');
  });

  it('a note up to 200 characters, then the summary; Confirm saves and hands back to the card', async () => {
    await chat.tap('12');
    await chat.tap('15');
    await chat.say('я'.repeat(201));
    expect(chat.text()).toMatch(/^⚠️ Заметка слишком длинная: не больше 200 символов\./);
    await chat.say('  Ремонт  ');
    expect(chat.text()).toBe(
      'Проверьте блок:\n\n🏠 «Студия у Медеу»\n📅 12.12.2026 – 14.12.2026 (3 ночи), с 15.12.2026 снова свободно\n📝 Ремонт\n\nСохранить?',
    );
    expect(chat.keyboard()).toEqual([['✅ Подтвердить'], ['✏️ Изменить', '⬅️ Назад'], ['❌ Отмена']]);
    script.resolve({ id: 99 });
    await chat.say('✅ Подтвердить');
    expect(script.inputsOf('addBlock')).toEqual([
      { listingId: 7, startsOn: '2026-12-12', endsOn: '2026-12-15', note: 'Ремонт' },
    ]);
    expect(chat.output).toEqual({
      outcome: 'added',
      startsOn: '2026-12-12',
      endsOn: '2026-12-15',
      handoff: { flow: 'myListings', input: { listingId: 7 } },
    });
    expect(chat.finish()).toBe(
      '✅ Даты закрыты: 12.12.2026 – 14.12.2026 (3 ночи), с 15.12.2026 снова свободно. На эти даты гости не найдут объект в поиске.',
    );
  });

  it('a block over a live booking is refused naming the booking, at the dates, on that booking’s month', async () => {
    await pickAndSkip();
    expect(chat.text()).toContain('📝 без заметки');
    script
      .reject(new DatesTaken(41))
      .resolve(conflict)
      .resolve({ month: '2026-12', days: { '2026-12-13': 'booked' } });
    await chat.say('✅ Подтвердить');
    expect(script.inputsOf('getBooking')).toEqual([{ bookingId: 41 }]);
    expect(chat.state).toBe('dates');
    expect(chat.messages()[1]!.text).toBe(
      '⚠️ Эти даты пересекаются с бронью №41: Алия Серикова, 13.12.2026 – 16.12.2026 (✅ подтверждена). Выберите другие даты.\n\n📅 Выберите первую закрываемую ночь (🔴 — бронь, ⛔ — уже закрыто):',
    );
    expect(chat.inline().flat()).toContain('🔴13');
  });

  it('a block over another block says so; Edit goes back to the dates', async () => {
    await pickAndSkip();
    script.reject(new DatesTaken(null));
    await chat.say('✅ Подтвердить');
    expect(chat.state).toBe('dates');
    expect(chat.messages()[1]!.text).toMatch(/^⚠️ Эти даты пересекаются с другим блоком/);

    await pickAndSkip();
    await chat.say('✏️ Изменить');
    expect(chat.state).toBe('dates');
  });

  it('a listing that is not the realtor’s ends the flow with not found', async () => {
    script.reject(new NotFound('listing', 8));
    await chat.start({ listingId: 8 });
    expect(chat.output).toEqual({ outcome: 'failed', error: 'not_found' });
  });
});

describe('«Добавить блок» on the real domain', () => {
  const database = useTestDatabase();
  let realtor: Actor;
  let other: Actor;
  let listing: Listing;
  let bookingId: number;

  beforeAll(async () => {
    const em = database.fork();
    const owner = await makeUser(em, 'realtor');
    realtor = owner.actor;
    other = (await makeUser(em, 'realtor')).actor;
    listing = await makeListing(em, owner.user, { title: 'Студия у Медеу' });
    const guest = await makeUser(em, 'guest', { fullName: 'Алия Серикова' });
    // Today (the test clock) is 2026-12-01.
    bookingId = (
      await makeBooking(em, { listing, guest: guest.user, checkIn: '2026-12-13', checkOut: '2026-12-16' })
    ).id;
  });

  const open = (actor: Actor) =>
    new DomainChat(database, blockDatesFlow, actor).start({ listingId: listing.id });

  it('stores a block and hands back to the card; the booked days were marked', async () => {
    const chat = await open(realtor);
    expect(chat.inline().flat()).toEqual(expect.arrayContaining(['🔴13', '🔴15', '16']));
    await chat.say('20.12-23.12');
    await chat.say('Ремонт');
    await chat.say('✅ Подтвердить');
    expect(chat.output).toMatchObject({
      outcome: 'added',
      handoff: { flow: 'myListings', input: { listingId: listing.id } },
    });
    const blocks = await database.fork().find(AvailabilityBlock, { listing: listing.id });
    expect(blocks.map((block) => [block.startsOn, block.endsOn, block.note])).toEqual([
      ['2026-12-20', '2026-12-23', 'Ремонт'],
    ]);
  });

  it('refuses a block over the booking, naming it, and over the block just added', async () => {
    const chat = await open(realtor);
    await chat.say('15.12-17.12');
    await chat.say('⏭ Пропустить');
    await chat.say('✅ Подтвердить');
    expect(chat.state).toBe('dates');
    expect(chat.text()).toContain(
      `⚠️ Эти даты пересекаются с бронью №${bookingId}: Алия Серикова, 13.12.2026 – 16.12.2026 (✅ подтверждена).`,
    );

    await chat.say('22.12-24.12');
    await chat.say('⏭ Пропустить');
    await chat.say('✅ Подтвердить');
    expect(chat.text()).toMatch(/^⚠️ Эти даты пересекаются с другим блоком/);
    expect(await database.fork().count(AvailabilityBlock, { listing: listing.id })).toBe(1);
  });

  it('another realtor cannot block this listing’s dates: not found, nothing asked', async () => {
    const chat = await open(other);
    expect(chat.output).toEqual({ outcome: 'failed', error: 'not_found' });
  });
});
