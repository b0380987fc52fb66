import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCallback } from '../../src/bot/callback-data.ts';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { notificationText } from '../../src/bot/notification-push.ts';
import { Agency, Notification, User } from '../../src/db/entities/index.ts';
import {
  type BotProcess,
  type CallbackAnswer,
  linkThroughBot,
  nextCallbackAnswer,
  recordCallbackAnswers,
  registerThroughBot,
  startBot,
  startEmulator,
  type TelegramServer,
  TelegramUser,
  withDatabase,
} from '../support/e2e.ts';
import { stopBot } from '../support/e2e-lifecycle.ts';
import { labelsOf, seededDataDir, seedPushesDone, tapInPlace } from '../support/guest-e2e.ts';
import { mainMenuLabels } from '../support/menu-labels.ts';
import { openRow, pickAgency } from '../support/superuser-e2e.ts';

const ru = messagesFor('ru');

/**
 * The Superuser's «👥 Пользователи» and «👨‍💼 Риелторы» over the emulator, on
 * the demo data plus one agency in Шымкент whose name does not say so: the
 * owner (linked with /link) gives two freshly registered people the Realtor
 * and Super Admin roles through the agency picker, moves, detaches,
 * deactivates and reactivates realtors; nobody else gets anything done with
 * the same buttons, and the last Superuser cannot demote themselves.
 */
describe('Superuser: users, roles and realtors over Telegram', () => {
  let emulator: TelegramServer;
  let bot: BotProcess;
  let dataDir: string;
  let answers: CallbackAnswer[];
  let owner: TelegramUser;
  let dana: TelegramUser;
  let erzhan: TelegramUser;
  let timur: TelegramUser;
  let alia: TelegramUser;
  const ids: Record<'owner' | 'alia' | 'dinara' | 'almaty' | 'astana' | 'shymkent', number> = {
    owner: 0,
    alia: 0,
    dinara: 0,
    almaty: 0,
    astana: 0,
    shymkent: 0,
  };

  beforeAll(async () => {
    dataDir = await seededDataDir('superuser-users');
    await withDatabase(dataDir, async (em) => {
      await seedPushesDone(em);
      const shymkent = em.create(Agency, {
        name: 'Уютный дом',
        city: 'Шымкент',
        phone: '+77252500300',
        email: 'hello@uyut.kz',
        active: true,
      });
      await em.flush();
      const id = async (email: string) => (await em.findOneOrFail(User, { email })).id;
      const agency = async (name: string) => (await em.findOneOrFail(Agency, { name })).id;
      Object.assign(ids, {
        owner: await id('owner@demo.kz'),
        alia: await id('guest1@demo.kz'),
        dinara: await id('realtor3@demo.kz'),
        almaty: await agency('Алматы Апартаменты'),
        astana: await agency('Астана Стей'),
        shymkent: shymkent.id,
      });
    });
    emulator = await startEmulator();
    answers = recordCallbackAnswers(emulator);
    bot = await startBot(emulator, { dataDir });
    owner = new TelegramUser(emulator, { firstName: 'Айдар' });
    await linkThroughBot(owner, dataDir, 'owner@demo.kz');
    dana = new TelegramUser(emulator, { firstName: 'Дана' });
    await registerThroughBot(dana, '+77017770001', 'dana@example.kz');
    erzhan = new TelegramUser(emulator, { firstName: 'Ержан' });
    await registerThroughBot(erzhan, '+77017770002', 'erzhan@example.kz');
    timur = new TelegramUser(emulator, { firstName: 'Тимур' });
    await linkThroughBot(timur, dataDir, 'realtor2@demo.kz');
    alia = new TelegramUser(emulator, { firstName: 'Алия' });
    await linkThroughBot(alia, dataDir, 'guest1@demo.kz');
  });
  afterAll(() => stopBot({ bot, emulator, dataDir }));

  /**
   * Opens «👥 Пользователи» at `name`'s row and picks `role` from «Роль»: the
   * confirmation replaces the list in place, or the agency picker starts.
   */
  async function chooseRole(name: string, role: string, next: 'confirm' | 'picker' = 'confirm') {
    const { index } = await openRow(owner, '👥 Пользователи', name);
    await tapInPlace(owner, `${index} · 🎭 Роль`);
    if (next === 'confirm') return tapInPlace(owner, role);
    await owner.tap(role);
    return (await owner.replies())[0]!;
  }

  it('promotes a registered user to Realtor of an agency picked by part of its city', async () => {
    const { list, index } = await openRow(owner, '👥 Пользователи', 'Дана');
    expect(list.text).toContain('👥 Пользователи, сначала новые: 15 аккаунтов · стр. 1 из 3');
    expect(list.text).toContain(`${index}. Дана\n✉️ dana@example.kz\n🎭 Гость · 🟢 активен`);
    const roles = await tapInPlace(owner, `${index} · 🎭 Роль`);
    expect(labelsOf(roles)).toEqual(['Риелтор', 'Супер Админ', 'Суперпользователь', '⬅️ Назад']);
    await owner.tap('Риелтор');
    const [ask] = await owner.replies();
    expect(ask?.text).toContain('🏢 Агентство для Дана — будущего риелтора.');
    const confirm = await pickAgency(owner, 'шымк', `Уютный дом · Шымкент · ID ${ids.shymkent}`);
    expect(confirm.text).toContain('Сделать Дана риелтором агентства «Уютный дом»?');
    await owner.press('✅ Подтвердить');
    const [done, users] = await owner.replies(2);
    expect(done?.text).toMatch(/^✅ Дана — риелтор агентства «Уютный дом»\./);
    expect(owner.keyboard()).toEqual(mainMenuLabels('superuser'));
    expect(users?.text).toContain('Дана\n✉️ dana@example.kz\n🎭 Риелтор · 🟢 активен · 🏢 Уютный дом');
  });

  it('the new realtor is told, and their next message shows the Realtor menu', async () => {
    const [push] = await dana.replies();
    expect(push?.text).toBe('Ваша роль изменена: «Риелтор», агентство «Уютный дом». Откройте меню: /menu');
    await dana.send('привет');
    await dana.replies();
    expect(dana.keyboard()).toEqual(mainMenuLabels('realtor', 1));
  });

  it('promotes another to Super Admin of an agency picked by part of its name; their menu changes', async () => {
    const ask = await chooseRole('Ержан', 'Супер Админ', 'picker');
    expect(ask.text).toContain('🏢 Агентство для Ержан — будущего Супер Админа.');
    const confirm = await pickAgency(owner, 'стей', `Астана Стей · Астана · ID ${ids.astana}`);
    expect(confirm.text).toContain('Сделать Ержан Супер Админом агентства «Астана Стей»?');
    await owner.press('✅ Подтвердить');
    const [done] = await owner.replies(2);
    expect(done?.text).toMatch(/^✅ Ержан — Супер Админ агентства «Астана Стей»\./);
    const [push] = await erzhan.replies();
    expect(push?.text).toContain('Ваша роль изменена: «Супер Админ», агентство «Астана Стей».');
    await erzhan.send('/menu');
    await erzhan.replies();
    expect(erzhan.keyboard()).toEqual(mainMenuLabels('super_admin', 1));
  });

  it('moves a realtor to another agency found by part of its city; the realtor is told', async () => {
    const { list, index } = await openRow(owner, '👨‍💼 Риелторы', 'Тимур Касымов');
    expect(list.text).toContain(`${index}. Тимур Касымов · 🟢 активен\n🏢 Алматы Апартаменты`);
    await owner.tap(`${index} · Сменить агентство`);
    const [ask] = await owner.replies();
    expect(ask?.text).toContain('🔁 Смена агентства: риелтор Тимур Касымов, сейчас «Алматы Апартаменты».');
    const confirm = await pickAgency(owner, 'стана', `Астана Стей · Астана · ID ${ids.astana}`);
    expect(confirm.text).toContain('Назначить риелтора Тимур Касымов в агентство «Астана Стей»?');
    await owner.press('✅ Подтвердить');
    const [done, realtors] = await owner.replies(2);
    expect(done?.text).toMatch(/^✅ Риелтор Тимур Касымов переведён в агентство «Астана Стей»\./);
    expect(realtors?.text).toContain(`${index}. Тимур Касымов · 🟢 активен\n🏢 Астана Стей`);
    const [push] = await timur.replies();
    expect(push?.text).toBe('Риелтор Тимур Касымов: агентство «Алматы Апартаменты» → «Астана Стей».');
  });

  it('removes a realtor’s agency after a confirmation', async () => {
    const { index } = await openRow(owner, '👨‍💼 Риелторы', 'Руслан Беков');
    const ask = await tapInPlace(owner, `${index} · Убрать агентство`);
    expect(ask.text).toContain('Убрать риелтора Руслан Беков из агентства «Астана Стей»?');
    const done = await tapInPlace(owner, '✅ Да');
    expect(done.text).toContain('✂️ Риелтор Руслан Беков больше не в агентстве «Астана Стей».');
    expect(done.text).toContain(`${index}. Руслан Беков · 🟢 активен\n🏢 без агентства`);
  });

  it('deactivates a realtor after a confirmation and activates them again', async () => {
    const { index } = await openRow(owner, '👨‍💼 Риелторы', 'Асель Нурланова');
    expect((await tapInPlace(owner, `${index} · Деактивировать`)).text).toContain(
      'Деактивировать риелтора Асель Нурланова?',
    );
    const off = await tapInPlace(owner, '✅ Да');
    expect(off.text).toContain(`${index}. Асель Нурланова · 🔴 деактивирован`);
    const on = await tapInPlace(owner, `${index} · Активировать`);
    expect(on.text).toContain('🟢 Риелтор Асель Нурланова активирован.');
    expect(on.text).toContain(`${index}. Асель Нурланова · 🟢 активен`);
  });

  it('a Superuser demoted meanwhile gets nothing done with the buttons still on their screen', async () => {
    await chooseRole('Алия Серикова', 'Суперпользователь');
    await tapInPlace(owner, '✅ Да');
    expect((await alia.replies())[0]?.text).toContain('Ваша роль изменена: «Суперпользователь».');
    await alia.send('/menu');
    await alia.replies();
    const { index } = await openRow(alia, '👥 Пользователи', 'Ержан');

    await chooseRole('Алия Серикова', 'Гость');
    await tapInPlace(owner, '✅ Да');
    expect((await alia.replies())[0]?.text).toContain('Ваша роль изменена: «Гость».');

    // Her list is still open: she picks a role for Ержан and confirms; the domain refuses.
    await tapInPlace(alia, `${index} · 🎭 Роль`);
    await tapInPlace(alia, 'Суперпользователь');
    await alia.tap('✅ Да');
    const [refused] = await alia.replies();
    expect(refused?.text).toMatch(/^Это действие вам недоступно\./);
    // Guest menu; the count: the seed's 5 unread notifications and her two role changes.
    expect(alia.keyboard()).toEqual(mainMenuLabels('guest', 7));
  });

  it('users and realtors buttons forged by a guest, a realtor and a Super Admin are refused', async () => {
    const forged = [
      { action: 'setroleok', id: ids.alia, arg: 'superuser' },
      { action: 'setrole', id: ids.alia, arg: 'superuser' },
      { action: 'userstatusok', id: ids.owner, arg: 'blocked' },
      { action: 'prdetachok', id: ids.dinara },
      { action: 'prstatusok', id: ids.dinara, arg: 'blocked' },
      { action: 'prmove', id: ids.dinara },
      { action: 'agencypick', id: ids.almaty },
    ] as const;
    for (const person of [alia, timur, erzhan]) {
      for (const callback of forged) {
        const seen = answers.length;
        await person.sendCallback(encodeCallback(callback), 1);
        expect((await nextCallbackAnswer(answers, seen)).text, `${person.firstName} ${callback.action}`).toBe(
          ru.common.staleButton,
        );
      }
    }
  });

  it('the last active Superuser cannot demote themselves', async () => {
    const confirm = await chooseRole('Айдар Сейтказиев', 'Гость');
    expect(confirm.text).toMatch(/^Сделать Айдар Сейтказиев гостем\?/);
    const refused = await tapInPlace(owner, '✅ Да');
    expect(refused.text).toContain(
      '⚠️ Нельзя понизить или заблокировать последнего активного суперпользователя.',
    );
    expect(refused.text).toContain('Айдар Сейтказиев\n✉️ owner@demo.kz\n🎭 Суперпользователь · 🟢 активен');
  });

  it('the database agrees: every change made, nothing else', async () => {
    await bot.stop();
    await withDatabase(dataDir, async (em) => {
      const people = await em.find(User, {}, { populate: ['agency'], orderBy: { id: 'asc' } });
      const state = (email: string) => {
        const user = people.find((person) => person.email === email)!;
        return [user.role, user.status, user.agency?.name ?? null];
      };
      expect(state('dana@example.kz')).toEqual(['realtor', 'active', 'Уютный дом']);
      expect(state('erzhan@example.kz')).toEqual(['super_admin', 'active', 'Астана Стей']);
      expect(state('realtor2@demo.kz')).toEqual(['realtor', 'active', 'Астана Стей']);
      expect(state('realtor4@demo.kz')).toEqual(['realtor', 'active', null]);
      expect(state('realtor1@demo.kz')).toEqual(['realtor', 'active', 'Алматы Апартаменты']);
      // What the refused presses aimed at is as it was.
      expect(state('realtor3@demo.kz')).toEqual(['realtor', 'active', 'Астана Стей']);
      expect(state('guest1@demo.kz')).toEqual(['guest', 'active', null]);
      expect(state('owner@demo.kz')).toEqual(['superuser', 'active', null]);
      expect(people.filter((person) => person.role === 'superuser')).toHaveLength(1);
      // The Super Admins of both agencies heard of Тимур's move.
      const moved = {
        fromAgency: 'Алматы Апартаменты',
        toAgency: 'Астана Стей',
        realtorName: 'Тимур Касымов',
        role: 'realtor',
      };
      for (const email of ['admin.almaty@demo.kz', 'admin.astana@demo.kz', 'realtor2@demo.kz']) {
        const notices = await em.find(Notification, { user: { email }, kind: 'agency_changed' });
        expect(
          notices.map((notice) => notice.data),
          email,
        ).toContainEqual(expect.objectContaining(moved));
      }
      // Ержан joined «Астана Стей» as its Super Admin: its Super Admin reads him as one, not as a realtor.
      const joined = await em.find(Notification, {
        user: { email: 'admin.astana@demo.kz' },
        kind: 'agency_changed',
      });
      expect(joined.map((notice) => notificationText(ru, notice.kind, notice.data))).toContain(
        'Супер Админ Ержан: агентство — → «Астана Стей».',
      );
    });
  });
});
