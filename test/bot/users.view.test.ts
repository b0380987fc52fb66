import { beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { mainMenuKeyboard } from '../../src/bot/menu.ts';
import { type Agency, User } from '../../src/db/entities/index.ts';
import { notificationsOf } from '../support/assertions.ts';
import { useBotChats } from '../support/bot-chats.ts';
import { type MadeUser, makeAgency, makeUser } from '../support/fixtures.ts';
import { mainMenuLabels } from '../support/menu-labels.ts';
import { type ChatWithBot, labels, textOf } from '../support/pipeline-harness.ts';

const ru = messagesFor('ru');

describe('«👥 Пользователи» through the bot', () => {
  const { suite, chatAs } = useBotChats();
  let almaty: Agency;
  let astana: Agency;
  let shymkent: Agency;
  let owner: MadeUser;
  let people: Record<'erlan' | 'timur' | 'olzhas' | 'saule' | 'erzhan' | 'dana', MadeUser>;
  let chat: ChatWithBot;
  let dana: ChatWithBot;

  beforeAll(async () => {
    const em = suite.fork();
    almaty = await makeAgency(em, { name: 'Алматы Апартаменты', city: 'Алматы' });
    astana = await makeAgency(em, { name: 'Астана Стей', city: 'Астана' });
    shymkent = await makeAgency(em, { name: 'Уютный дом', city: 'Шымкент' });
    owner = await makeUser(em, 'superuser', { fullName: 'Айдар Сейтказиев', email: 'owner@demo.kz' });
    // Oldest first: the list shows the newest first.
    const make = (name: string, email: string, role: 'guest' | 'realtor' | 'super_admin', agency?: Agency) =>
      makeUser(em, role, { fullName: name, email, ...(agency ? { agency } : {}) });
    people = {
      erlan: await make('Ерлан Жумабаев', 'admin.astana@demo.kz', 'super_admin', astana),
      timur: await make('Тимур Касымов', 'realtor2@demo.kz', 'realtor', almaty),
      olzhas: await make('Олжас', 'olzhas@example.kz', 'guest'),
      saule: await make('Сауле', 'saule@example.kz', 'guest'),
      erzhan: await make('Ержан', 'erzhan@example.kz', 'guest'),
      dana: await make('Дана', 'dana@example.kz', 'guest'),
    };
    chat = await chatAs(em, owner.user);
    dana = await chatAs(em, people.dana.user);
  });

  const fresh = async (person: MadeUser) =>
    suite.fork().findOneOrFail(User, person.user.id, { populate: ['agency'] });
  const notices = (person: MadeUser) => notificationsOf(suite.fork(), person.user.id);

  it('shows the newest users, 5 a page, each with name, email, role and status, under the Superuser menu', async () => {
    const reply = await chat.say('👥 Пользователи');
    const [header, list] = reply.reply.messages;
    expect(header?.reply).toEqual(mainMenuKeyboard('superuser', ru));
    const text = list!.text;
    expect(text).toContain('👥 Пользователи, сначала новые: 7 аккаунтов · стр. 1 из 2');
    expect(text).toContain('1. Дана\n✉️ dana@example.kz\n🎭 Гость · 🟢 активен');
    expect(text).toContain(
      '5. Тимур Касымов\n✉️ realtor2@demo.kz\n🎭 Риелтор · 🟢 активен · 🏢 Алматы Апартаменты',
    );
    expect(text).not.toContain('Ерлан');
    expect(labels(reply)).toEqual(
      expect.arrayContaining(['1 · 🎭 Роль', '1 · Заблокировать', '5 · 🎭 Роль', '▶️', '✖️ Закрыть']),
    );
  });

  it('▶ edits the list in place with the older users', async () => {
    const reply = await chat.tap('▶️', 700);
    expect(reply.editMessageId).toBe(700);
    expect(textOf(reply)).toContain('стр. 2 из 2');
    expect(textOf(reply)).toContain(
      '6. Ерлан Жумабаев\n✉️ admin.astana@demo.kz\n🎭 Супер Админ · 🟢 активен · 🏢 Астана Стей',
    );
    expect(textOf(reply)).toContain('7. Айдар Сейтказиев');
    await chat.tap('◀️', 700);
  });

  it('«Роль» offers the other roles; Realtor for a user without an agency asks which agency (found by part of its city)', async () => {
    const roles = await chat.tap('1 · 🎭 Роль', 700);
    expect(roles.editMessageId).toBe(700);
    expect(textOf(roles)).toContain('🎭 Дана: сейчас «Гость», без агентства.');
    expect(labels(roles)).toEqual(['Риелтор', 'Супер Админ', 'Суперпользователь', '⬅️ Назад']);

    const ask = await chat.tap('Риелтор', 700);
    expect(ask.editMessageId).toBeNull();
    expect(textOf(ask)).toContain('🏢 Агентство для Дана — будущего риелтора.');
    expect(textOf(ask)).toContain('Введите ID агентства или часть его названия или города:');
    expect(chat.keyboard()).toEqual([['⬅️ Назад', '❌ Отмена']]);

    const found = await chat.say('шымк');
    expect(textOf(found)).toContain('Найдено 1 агентство:');
    expect(labels(found)).toEqual([`Уютный дом · Шымкент · ID ${shymkent.id}`]);

    const confirm = await chat.tap(`Уютный дом · Шымкент · ID ${shymkent.id}`, 701);
    expect(textOf(confirm)).toContain('Сделать Дана риелтором агентства «Уютный дом»?');
    expect(chat.keyboard()).toEqual([['✅ Подтвердить'], ['⬅️ Назад', '❌ Отмена']]);
    expect((await fresh(people.dana)).role).toBe('guest');

    const done = await chat.say('✅ Подтвердить');
    const [header, list] = done.reply.messages;
    expect(header?.text).toMatch(
      /^✅ Дана — риелтор агентства «Уютный дом»\. Пользователь получил уведомление\./,
    );
    expect(header?.reply).toEqual(mainMenuKeyboard('superuser', ru));
    expect(list?.text).toContain('1. Дана\n✉️ dana@example.kz\n🎭 Риелтор · 🟢 активен · 🏢 Уютный дом');
    const now = await fresh(people.dana);
    expect([now.role, now.agency?.id]).toEqual(['realtor', shymkent.id]);
    expect(await notices(people.dana)).toEqual([
      ['role_changed', { role: 'realtor', agencyName: 'Уютный дом' }],
    ]);
  });

  it('the promoted user’s next message shows the Realtor menu (with the role notice unread)', async () => {
    await dana.say('привет');
    expect(dana.keyboard()).toEqual(mainMenuLabels('realtor', 1));
  });

  it('Super Admin for a user without an agency goes through the picker too (part of the name); the agency’s Super Admins hear of it', async () => {
    await chat.tap('4 · 🎭 Роль', 702);
    await chat.tap('Супер Админ', 702);
    expect(textOf(await chat.say('стей'))).toContain('Найдено 1 агентство:');
    const confirm = await chat.tap(`Астана Стей · Астана · ID ${astana.id}`, 703);
    expect(textOf(confirm)).toContain('Сделать Олжас Супер Админом агентства «Астана Стей»?');
    const done = await chat.say('✅ Подтвердить');
    expect(textOf(done)).toContain('✅ Олжас — Супер Админ агентства «Астана Стей».');
    const now = await fresh(people.olzhas);
    expect([now.role, now.agency?.id]).toEqual(['super_admin', astana.id]);
    expect(await notices(people.erlan)).toEqual([
      [
        'agency_changed',
        {
          realtorId: people.olzhas.user.id,
          realtorName: 'Олжас',
          fromAgency: null,
          toAgency: 'Астана Стей',
          role: 'super_admin',
        },
      ],
    ]);
  });

  it('a Realtor made Super Admin keeps their agency: a confirmation only', async () => {
    const confirmRole = async () => {
      await chat.tap('5 · 🎭 Роль', 704);
      return chat.tap('Супер Админ', 704);
    };
    const confirm = await confirmRole();
    expect(confirm.editMessageId).toBe(704);
    expect(textOf(confirm)).toBe(
      'Сделать Тимур Касымов Супер Админом агентства «Алматы Апартаменты»?\n\n' +
        'Пользователь получит уведомление, его меню в боте сменится.',
    );
    expect(labels(confirm)).toEqual(['✅ Да', 'Нет']);
    // «Нет» changes nothing.
    expect(textOf(await chat.tap('Нет', 704))).toContain('🎭 Риелтор · 🟢 активен · 🏢 Алматы Апартаменты');
    expect((await fresh(people.timur)).role).toBe('realtor');

    await confirmRole();
    const done = await chat.tap('✅ Да', 704);
    expect(done.editMessageId).toBe(704);
    expect(textOf(done)).toContain(
      '✅ Тимур Касымов: роль «Супер Админ», агентство «Алматы Апартаменты». Пользователь получил уведомление.',
    );
    const now = await fresh(people.timur);
    expect([now.role, now.agency?.id]).toEqual(['super_admin', almaty.id]);
  });

  it('demoting to Guest detaches the agency, after saying so', async () => {
    await chat.tap('5 · 🎭 Роль', 705);
    const confirm = await chat.tap('Гость', 705);
    expect(textOf(confirm)).toContain(
      'Сделать Тимур Касымов гостем?\nАгентство «Алматы Апартаменты» будет откреплено.',
    );
    const done = await chat.tap('✅ Да', 705);
    expect(textOf(done)).toContain('✅ Тимур Касымов: роль «Гость».');
    const now = await fresh(people.timur);
    expect([now.role, now.agency]).toEqual(['guest', null]);
  });

  it('blocks and unblocks a user, each after a confirmation, and tells them', async () => {
    const ask = await chat.tap('2 · Заблокировать', 706);
    expect(textOf(ask)).toContain('Заблокировать Ержан?');
    const blocked = await chat.tap('✅ Да', 706);
    expect(textOf(blocked)).toContain('⛔ Ержан: аккаунт заблокирован.');
    expect(textOf(blocked)).toContain('2. Ержан\n✉️ erzhan@example.kz\n🎭 Гость · ⛔ заблокирован');
    expect((await fresh(people.erzhan)).status).toBe('blocked');

    expect(textOf(await chat.tap('2 · Разблокировать', 706))).toBe('Разблокировать Ержан?');
    expect(textOf(await chat.tap('✅ Да', 706))).toContain('✅ Ержан: аккаунт снова активен.');
    expect((await fresh(people.erzhan)).status).toBe('active');
    expect((await notices(people.erzhan)).map(([kind, data]) => [kind, data])).toEqual([
      ['status_changed', { status: 'blocked', role: 'guest' }],
      ['status_changed', { status: 'active', role: 'guest' }],
    ]);
  });

  it('the last active Superuser can neither demote nor block themselves: refused and explained', async () => {
    await chat.tap('▶️', 707);
    await chat.tap('7 · 🎭 Роль', 707);
    await chat.tap('Гость', 707);
    const demoted = await chat.tap('✅ Да', 707);
    expect(textOf(demoted)).toContain(
      '⚠️ Нельзя понизить или заблокировать последнего активного суперпользователя.',
    );
    await chat.tap('7 · Заблокировать', 707);
    const blocked = await chat.tap('✅ Да', 707);
    expect(textOf(blocked)).toContain(
      '⚠️ Нельзя понизить или заблокировать последнего активного суперпользователя.',
    );
    const now = await fresh(owner);
    expect([now.role, now.status]).toEqual(['superuser', 'active']);
  });

  it('a stale role button (the list is older than the change) is answered as expired and changes nothing', async () => {
    // The list on screen is page 2; «Гость» belongs to a role screen no longer shown.
    const reply = await chat.press({ action: 'setroleok', id: people.saule.user.id, arg: 'superuser' }, 707);
    expect(reply.reply.callbackAnswer?.text).toBe(ru.common.staleButton);
    expect((await fresh(people.saule)).role).toBe('guest');
  });

  it('«Закрыть» leaves for the main menu', async () => {
    const reply = await chat.tap('✖️ Закрыть', 707);
    expect(reply.reply.messages.at(-1)?.reply).toEqual(mainMenuKeyboard('superuser', ru));
  });
});
