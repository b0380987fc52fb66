import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { formatDate } from '../../src/bot/parse/date-range.ts';
import { Agency, Listing, User } from '../../src/db/entities/index.ts';
import { addDays, almatyToday } from '../../src/domain/dates.ts';
import {
  type BotProcess,
  linkThroughBot,
  registerThroughBot,
  type SeenMessage,
  startBot,
  startEmulator,
  type TelegramServer,
  TelegramUser,
  withDatabase,
} from '../support/e2e.ts';
import { createSuperuser, freshDataDir, stopBot } from '../support/e2e-lifecycle.ts';
import { labelsOf, tapInPlace } from '../support/guest-e2e.ts';
import { mainMenuLabels } from '../support/menu-labels.ts';
import { openRow } from '../support/superuser-e2e.ts';

const ru = messagesFor('ru');
const a = ru.agencies;
const add = ru.addAgency;

const AGENCY = 'Степной Дом';
/** Typed, not one of the default city buttons. */
const CITY = 'Костанай';
const TITLE = 'Квартира у Центрального парка';
const DESCRIPTION = 'Две комнаты, новый ремонт, пять минут пешком до парка.';

/**
 * Issue 8 end to end on an EMPTY installation (no demo data): the Superuser
 * made with the operator CLI links with /link, creates the first agency (a bad
 * phone, a bad email and then a taken name refused with the step kept), gives
 * two freshly registered people its Super Admin and Realtor roles through the
 * agency picker; both are told and get their new menus; the Super Admin sees
 * the realtor in «👥 Риелторы»; the realtor adds and publishes a listing, and
 * an anonymous guest finds it in search.
 */
describe('from scratch: a CLI-made Superuser sets up an agency whose listing a guest finds', () => {
  let emulator: TelegramServer;
  let bot: BotProcess;
  let dataDir: string;
  let owner: TelegramUser;
  let dana: TelegramUser;
  let erzhan: TelegramUser;
  let agencyId = 0;

  beforeAll(async () => {
    dataDir = freshDataDir('from-scratch');
    // The embedded database allows one process: the CLI runs before the bot starts.
    const made = await createSuperuser(dataDir, {
      email: 'owner@example.kz',
      phone: '+7 701 000 00 01',
      name: 'Айдар Сейтказиев',
    });
    expect(made).toMatch(/^Created Superuser #\d+ \(owner@example\.kz\)\./);
    emulator = await startEmulator();
    bot = await startBot(emulator, { dataDir });
    owner = new TelegramUser(emulator, { firstName: 'Айдар' });
    await linkThroughBot(owner, dataDir, 'owner@example.kz');
    dana = new TelegramUser(emulator, { firstName: 'Дана' });
    await registerThroughBot(dana, '+77017770001', 'dana@example.kz');
    erzhan = new TelegramUser(emulator, { firstName: 'Ержан' });
    await registerThroughBot(erzhan, '+77017770002', 'erzhan@example.kz');
  }, 120_000);
  afterAll(() => stopBot({ bot, emulator, dataDir }));

  /** Sends `text` as the owner and returns the bot's one answer. */
  async function ownerAnswer(text: string): Promise<string | undefined> {
    await owner.send(text);
    return (await owner.replies())[0]?.text;
  }

  /**
   * Opens «👥 Пользователи» at `name`'s row, picks `role` from «🎭 Роль» and the
   * agency found by `query` in the picker; returns the confirmation message.
   */
  async function promote(name: string, role: 'Риелтор' | 'Супер Админ', query: string) {
    const { index } = await openRow(owner, ru.menu.users, name);
    await tapInPlace(owner, `${index} · 🎭 Роль`);
    await owner.tap(role);
    const [ask] = await owner.replies();
    expect(ask?.text).toContain(
      `🏢 Агентство для ${name} — ${role === 'Риелтор' ? 'будущего риелтора' : 'будущего Супер Админа'}.`,
    );
    await owner.send(query);
    const matches = (await owner.replies(2)).at(-1);
    const option = labelsOf(matches).find((label) => label.startsWith(`${AGENCY} · ${CITY} · ID `));
    if (!option) throw new Error(`no «${AGENCY}» for «${query}»: ${JSON.stringify(labelsOf(matches))}`);
    agencyId = Number(option.split('ID ')[1]);
    await owner.tap(option);
    return (await owner.replies())[0]!;
  }

  it('the empty «🏢 Агентства» offers «➕ Добавить агентство»', async () => {
    expect(owner.keyboard()).toEqual(mainMenuLabels('superuser'));
    await owner.press(ru.menu.agencies);
    const [header, list] = await owner.replies(2);
    expect(header?.text).toBe(a.header);
    expect(list?.text).toBe(`${a.title(0, 1, 1)}\n\n${a.empty}`);
    expect(labelsOf(list)).toEqual([a.buttons.add, a.buttons.export, a.buttons.close]);
  });

  it('creates the first agency: a bad phone and a bad email are refused and the step stays', async () => {
    await owner.tap(a.buttons.add);
    expect((await owner.replies())[0]?.text).toBe(add.askName);
    expect(await ownerAnswer(AGENCY)).toBe(add.askCity(AGENCY));
    expect(owner.keyboard()?.flat()).not.toContain(CITY);
    expect(await ownerAnswer(CITY)).toBe(add.askPhone);
    expect(await ownerAnswer('12 34')).toBe(`⚠️ ${a.badPhone}\n\n${add.askPhone}`);
    expect(await ownerAnswer('8 (701) 222-33-44')).toBe(add.askEmail);
    expect(await ownerAnswer('office@stepnoy')).toBe(`⚠️ ${a.badEmail}\n\n${add.askEmail}`);
    expect(await ownerAnswer('Office@Stepnoy.kz')).toBe(
      add.summary({ name: AGENCY, city: CITY, phone: '+7 701 222 33 44', email: 'office@stepnoy.kz' }),
    );
    await owner.press(ru.buttons.confirm);
    const [header, list] = await owner.replies(2);
    expect(header?.text).toBe(`${add.created(AGENCY)}\n\n${a.header}`);
    expect(owner.keyboard()).toEqual(mainMenuLabels('superuser'));
    expect(list?.text).toBe(
      `${a.title(1, 1, 1)}\n\n🆕 1. «${AGENCY}» — ${CITY}\n🟢 активно · 👨‍💼 0 риелторов · 🏠 0 объектов`,
    );
  });

  it('a second agency with the same name (other case) is refused and the name step stays', async () => {
    await owner.tap(a.buttons.add);
    expect((await owner.replies())[0]?.text).toBe(add.askName);
    expect(await ownerAnswer(AGENCY.toUpperCase())).toBe(`⚠️ ${a.nameTaken}\n\n${add.askName}`);
    expect(owner.keyboard()).toEqual([[ru.buttons.cancel]]);
    await owner.press(ru.buttons.cancel);
    await owner.replies();
    expect(owner.keyboard()).toEqual(mainMenuLabels('superuser'));
  });

  it('promotes Ержан to the agency’s Super Admin; he is told and his next message shows his menu', async () => {
    const confirm = await promote('Ержан', 'Супер Админ', 'костан');
    expect(confirm.text).toContain(`Сделать Ержан Супер Админом агентства «${AGENCY}»?`);
    await owner.press(ru.buttons.confirm);
    const [done, users] = await owner.replies(2);
    expect(done?.text).toMatch(new RegExp(`^✅ Ержан — Супер Админ агентства «${AGENCY}»\\.`));
    expect(users?.text).toContain(`Ержан\n✉️ erzhan@example.kz\n🎭 Супер Админ · 🟢 активен · 🏢 ${AGENCY}`);

    const [push] = await erzhan.replies();
    expect(push?.text).toBe(ru.notifications.role_changed({ role: 'super_admin', agencyName: AGENCY }));
    await erzhan.send('/menu');
    await erzhan.replies();
    expect(erzhan.keyboard()).toEqual(mainMenuLabels('super_admin', 1));
  });

  it('promotes Дана to its Realtor; she and the Super Admin are told, her next message shows her menu', async () => {
    const confirm = await promote('Дана', 'Риелтор', 'степн');
    expect(confirm.text).toContain(`Сделать Дана риелтором агентства «${AGENCY}»?`);
    await owner.press(ru.buttons.confirm);
    const [done] = await owner.replies(2);
    expect(done?.text).toMatch(new RegExp(`^✅ Дана — риелтор агентства «${AGENCY}»\\.`));

    const [push] = await dana.replies();
    expect(push?.text).toBe(ru.notifications.role_changed({ role: 'realtor', agencyName: AGENCY }));
    await dana.send('привет');
    await dana.replies();
    expect(dana.keyboard()).toEqual(mainMenuLabels('realtor', 1));

    const [told] = await erzhan.replies();
    expect(told?.text).toBe(
      ru.notifications.agency_changed({ realtorName: 'Дана', fromAgency: null, toAgency: AGENCY }),
    );
  });

  it('the Super Admin sees Дана in «👥 Риелторы»', async () => {
    await erzhan.press(ru.menu.agencyRealtors);
    const [, list] = await erzhan.replies(2);
    expect(list?.text).toContain('👥 Риелторы: 1 риелтор');
    expect(list?.text).toContain('Дана — 🟢 активен\n✉️ dana@example.kz · 📞 +77017770001\n🏘 0 объектов');
    expect(labelsOf(list)).toContain('1 · Деактивировать');
  });

  it('the realtor adds a listing without a photo and publishes it', async () => {
    const l = ru.addListing;
    const answer = async (text: string) => {
      await dana.send(text);
      return (await dana.replies())[0]?.text;
    };
    await dana.press(ru.menu.addListing);
    expect((await dana.replies())[0]?.text).toBe(l.askTitle);
    expect(await answer(TITLE)).toBe(l.askCity);
    expect(await answer(CITY)).toBe(l.askPrice);
    expect(await answer('12 000')).toBe(l.askGuests);
    await dana.press('3');
    expect((await dana.replies())[0]?.text).toBe(l.askDescription);
    await dana.send(DESCRIPTION);
    await dana.replies(2);
    await dana.tap(ru.search.done);
    expect((await dana.replies())[0]?.text).toBe(l.askPhoto);
    await dana.press(ru.buttons.skip);
    const [preview] = await dana.replies();
    expect(preview?.text).toContain(`🏠 ${TITLE}\n📍 ${CITY}\n💰 12 000 ₸ за ночь\n👥 до 3 гостей`);
    expect(preview?.text).toContain(l.noPhoto);

    await dana.press(l.save);
    const [hidden, offer] = await dana.replies(2);
    expect(hidden?.text).toBe(`${l.saved}\n\n${ru.publishListing.hidden(TITLE)}`);
    expect(labelsOf(offer)).toEqual([ru.publishListing.publishNow, ru.publishListing.later]);
    await dana.tap(ru.publishListing.publishNow);
    const [published] = await dana.replies();
    expect(published?.text).toContain(ru.publishListing.published(TITLE));
  });

  it('an anonymous guest finds it by its city and typed dates', async () => {
    const s = ru.search;
    const guest = new TelegramUser(emulator, { firstName: 'Мурат' });
    const today = almatyToday(new Date());
    await guest.send('/start');
    await guest.replies();
    await guest.press(ru.menu.search);
    await guest.replies();
    // The only city with a visible listing on this installation.
    expect(guest.keyboard()?.[0]).toEqual([CITY]);
    await guest.press(CITY);
    await guest.replies(2);
    await guest.send(`${formatDate(addDays(today, 7))}-${formatDate(addDays(today, 9))}`);
    expect((await guest.replies())[0]?.text).toBe(s.askGuests);
    await guest.press('2');
    await guest.replies();
    await guest.press(s.anyPrice);
    await guest.replies(2);
    await guest.press(ru.buttons.skip);
    const [, list] = (await guest.replies(2)) as [SeenMessage, SeenMessage];
    expect(list.text).toContain(s.found(1, 1, 1));
    expect(list.text).toContain(`1. ${TITLE}\n📍 ${CITY}\n💰 12 000 ₸ за ночь · 24 000 ₸ за 2 ночи`);
  });

  it('the database agrees: one agency, its Super Admin and Realtor, one published listing', async () => {
    await bot.stop();
    await withDatabase(dataDir, async (em) => {
      const agencies = await em.find(Agency, {});
      expect(
        agencies.map((agency) => [agency.id, agency.name, agency.city, agency.phone, agency.active]),
      ).toEqual([[agencyId, AGENCY, CITY, '+77012223344', true]]);
      const people = await em.find(User, {}, { orderBy: { email: 'asc' } });
      expect(people.map((user) => [user.email, user.role, user.agency?.id ?? null])).toEqual([
        ['dana@example.kz', 'realtor', agencyId],
        ['erzhan@example.kz', 'super_admin', agencyId],
        ['owner@example.kz', 'superuser', null],
      ]);
      const listings = await em.find(Listing, {}, { populate: ['realtor'] });
      expect(listings.map((listing) => [listing.title, listing.realtor.email, listing.published])).toEqual([
        [TITLE, 'dana@example.kz', true],
      ]);
    });
  });
});
