import { beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { mainMenuKeyboard } from '../../src/bot/menu.ts';
import { type Agency, User } from '../../src/db/entities/index.ts';
import { notificationsOf } from '../support/assertions.ts';
import { useBotChats } from '../support/bot-chats.ts';
import { type MadeUser, makeAgency, makeUser } from '../support/fixtures.ts';
import { type ChatWithBot, labels, textOf } from '../support/pipeline-harness.ts';

const ru = messagesFor('ru');

describe('the Superuser’s «👨‍💼 Риелторы» and the agency picker through the bot', () => {
  const { suite, chatAs } = useBotChats();
  let almaty: Agency;
  let astana: Agency;
  let aktau: Agency;
  let realtors: Record<'asel' | 'timur' | 'ruslan' | 'yan', MadeUser>;
  let admins: Record<'madina' | 'erlan', MadeUser>;
  let chat: ChatWithBot;

  beforeAll(async () => {
    const em = suite.fork();
    almaty = await makeAgency(em, { name: 'Алматы Апартаменты', city: 'Алматы' });
    astana = await makeAgency(em, { name: 'Астана Стей', city: 'Астана' });
    aktau = await makeAgency(em, { name: 'Дом у моря', city: 'Актау', active: false });
    // Seven agencies in Караганда: two pages of matches.
    for (let i = 1; i <= 7; i++) await makeAgency(em, { name: `Квартиры ${i}`, city: 'Караганда' });
    const realtor = (fullName: string, agency: Agency | null, status: 'active' | 'blocked' = 'active') =>
      makeUser(em, 'realtor', { fullName, agency, status });
    realtors = {
      asel: await realtor('Асель Нурланова', almaty),
      timur: await realtor('Тимур Касымов', almaty),
      ruslan: await realtor('Руслан Беков', astana, 'blocked'),
      yan: await realtor('Ян Ким', null),
    };
    await realtor('Бауыржан Ли', astana);
    await realtor('Динара Омарова', astana);
    admins = {
      madina: await makeUser(em, 'super_admin', { fullName: 'Мадина Ахметова', agency: almaty }),
      erlan: await makeUser(em, 'super_admin', { fullName: 'Ерлан Жумабаев', agency: astana }),
    };
    const owner = await makeUser(em, 'superuser', { fullName: 'Айдар Сейтказиев' });
    chat = await chatAs(em, owner.user);
  });

  const fresh = async (person: MadeUser) =>
    suite.fork().findOneOrFail(User, person.user.id, { populate: ['agency'] });
  const notices = (person: MadeUser) => notificationsOf(suite.fork(), person.user.id);

  it('lists every realtor by name, 5 a page, with agency, status and what can be done', async () => {
    const reply = await chat.say('👨‍💼 Риелторы');
    const [header, list] = reply.reply.messages;
    expect(header?.reply).toEqual(mainMenuKeyboard('superuser', ru));
    expect(list?.text).toContain('👨‍💼 Риелторы: 6 риелторов · стр. 1 из 2');
    expect(list?.text).toContain(
      `1. Асель Нурланова · 🟢 активен\n🏢 Алматы Апартаменты\n✉️ ${realtors.asel.user.email} · 📞 ${realtors.asel.user.phone}`,
    );
    expect(list?.text).toContain('4. Руслан Беков · 🔴 деактивирован\n🏢 Астана Стей');
    expect(list?.text).not.toContain('Мадина');
    expect(labels(reply)).toEqual(
      expect.arrayContaining([
        '1 · Сменить агентство',
        '1 · Убрать агентство',
        '1 · Деактивировать',
        '4 · Активировать',
        '▶️',
      ]),
    );
    const next = await chat.tap('▶️', 800);
    expect(next.editMessageId).toBe(800);
    expect(textOf(next)).toContain('6. Ян Ким · 🟢 активен\n🏢 без агентства');
    expect(labels(next)).toContain('6 · Сменить агентство');
    expect(labels(next)).not.toContain('6 · Убрать агентство');
    await chat.tap('◀️', 800);
  });

  it('«Сменить агентство»: nothing found says so and asks again', async () => {
    const ask = await chat.tap('5 · Сменить агентство', 800);
    expect(textOf(ask)).toContain(
      '🔁 Смена агентства: риелтор Тимур Касымов, сейчас «Алматы Апартаменты».\n\nВведите ID агентства или часть его названия или города:',
    );
    expect(chat.keyboard()).toEqual([['⬅️ Назад', '❌ Отмена']]);
    const none = await chat.say('Павлодар');
    expect(textOf(none)).toMatch(/^⚠️ По запросу «Павлодар» агентств не найдено\./);
    expect(textOf(none)).toContain('Введите ID агентства');
  });

  it('many matches come a page at a time, ◀ ▶ editing them in place', async () => {
    const found = await chat.say('караг');
    const [prompt, matches] = found.reply.messages;
    expect(prompt?.text).toBe('Выберите агентство кнопкой ниже или введите другой запрос.');
    expect(matches?.text).toBe('Найдено 7 агентств · стр. 1 из 2:');
    expect(labels(found).slice(0, 5)).toEqual(
      [1, 2, 3, 4, 5].map((n) => expect.stringMatching(new RegExp(`^Квартиры ${n} · Караганда · ID \\d+$`))),
    );
    const next = await chat.tap('▶️', 801);
    expect(next.editMessageId).toBe(801);
    expect(textOf(next)).toBe('Найдено 7 агентств · стр. 2 из 2:');
    expect(labels(next)).toEqual([
      expect.stringMatching(/^Квартиры 6/),
      expect.stringMatching(/^Квартиры 7/),
      '◀️',
    ]);
  });

  it('the realtor’s own agency is marked and refused before asking anything', async () => {
    const found = await chat.say('апарт');
    expect(labels(found)).toEqual([`📍 Алматы Апартаменты · Алматы · ID ${almaty.id}`]);
    expect(textOf(found)).toContain('📍 — текущее агентство');
    const same = await chat.tap(`📍 Алматы Апартаменты · Алматы · ID ${almaty.id}`, 802);
    expect(same.editMessageId).toBe(802);
    expect(textOf(same)).toContain('⚠️ Риелтор уже в агентстве «Алматы Апартаменты». Выберите другое.');
  });

  it('an agency found by part of its city, confirmed: the realtor moves and both agencies hear of it', async () => {
    await chat.say('стана');
    const confirm = await chat.tap(`Астана Стей · Астана · ID ${astana.id}`, 803);
    expect(textOf(confirm)).toBe(
      'Назначить риелтора Тимур Касымов в агентство «Астана Стей»?\n' +
        `🏙 Астана · ID ${astana.id}\n\nРиелтор и Супер Админы обоих агентств получат уведомление.`,
    );
    // Back to the matches, and forward again.
    expect(labels(await chat.say('⬅️ Назад'))).toEqual([`Астана Стей · Астана · ID ${astana.id}`]);
    await chat.tap(`Астана Стей · Астана · ID ${astana.id}`, 804);
    const done = await chat.say('✅ Подтвердить');
    const [header, list] = done.reply.messages;
    expect(header?.text).toMatch(
      /^✅ Риелтор Тимур Касымов переведён в агентство «Астана Стей»\. Риелтор и Супер Админы получили уведомление\./,
    );
    expect(header?.reply).toEqual(mainMenuKeyboard('superuser', ru));
    expect(list?.text).toContain('5. Тимур Касымов · 🟢 активен\n🏢 Астана Стей');
    expect((await fresh(realtors.timur)).agency?.id).toBe(astana.id);
    const moved = {
      realtorId: realtors.timur.user.id,
      realtorName: 'Тимур Касымов',
      fromAgency: 'Алматы Апартаменты',
      toAgency: 'Астана Стей',
      role: 'realtor',
    };
    for (const person of [realtors.timur, admins.madina, admins.erlan]) {
      expect(await notices(person)).toEqual([['agency_changed', moved]]);
    }
  });

  it('an agency by its ID; an inactive one is marked and the confirmation warns', async () => {
    await chat.tap('▶️', 805);
    await chat.tap('6 · Сменить агентство', 805);
    const found = await chat.say(String(aktau.id));
    expect(labels(found)).toEqual([`⏸ Дом у моря · Актау · ID ${aktau.id}`]);
    const confirm = await chat.tap(`⏸ Дом у моря · Актау · ID ${aktau.id}`, 806);
    expect(textOf(confirm)).toContain('Назначить риелтора Ян Ким в агентство «Дом у моря»?');
    expect(textOf(confirm)).toContain('⚠️ Агентство неактивно');
    // Cancel leaves the flow: nothing changed.
    const cancelled = await chat.say('❌ Отмена');
    expect(textOf(cancelled)).toMatch(/^Действие отменено\./);
    expect((await fresh(realtors.yan)).agency).toBeNull();
  });

  it('«⬅️ Назад» on the first step goes back to the list, saying nothing changed', async () => {
    await chat.say('👨‍💼 Риелторы');
    await chat.tap('1 · Сменить агентство', 807);
    const back = await chat.say('⬅️ Назад');
    expect(back.reply.messages[0]?.text).toMatch(/^Агентство не изменено\.\n\n👨‍💼 Риелторы всех агентств/);
    expect(textOf(back)).toContain('1. Асель Нурланова · 🟢 активен\n🏢 Алматы Апартаменты');
  });

  it('«Убрать агентство» asks first, then detaches the realtor', async () => {
    const ask = await chat.tap('1 · Убрать агентство', 808);
    expect(textOf(ask)).toBe(
      'Убрать риелтора Асель Нурланова из агентства «Алматы Апартаменты»?\n\nРиелтор и Супер Админы агентства получат уведомление.',
    );
    expect(textOf(await chat.tap('Нет', 808))).toContain('🏢 Алматы Апартаменты');
    expect((await fresh(realtors.asel)).agency?.id).toBe(almaty.id);
    await chat.tap('1 · Убрать агентство', 808);
    const done = await chat.tap('✅ Да', 808);
    expect(done.editMessageId).toBe(808);
    expect(textOf(done)).toContain('✂️ Риелтор Асель Нурланова больше не в агентстве «Алматы Апартаменты».');
    expect(textOf(done)).toContain('1. Асель Нурланова · 🟢 активен\n🏢 без агентства');
    expect(labels(done)).not.toContain('1 · Убрать агентство');
    expect((await fresh(realtors.asel)).agency).toBeNull();
  });

  it('«Деактивировать» asks first; «Активировать» acts at once', async () => {
    const ask = await chat.tap('1 · Деактивировать', 809);
    expect(textOf(ask)).toContain('Деактивировать риелтора Асель Нурланова?');
    const off = await chat.tap('✅ Да', 809);
    expect(textOf(off)).toContain('🔴 Риелтор Асель Нурланова деактивирован.');
    expect(textOf(off)).toContain('1. Асель Нурланова · 🔴 деактивирован');
    expect((await fresh(realtors.asel)).status).toBe('blocked');
    const on = await chat.tap('1 · Активировать', 809);
    expect(textOf(on)).toContain('🟢 Риелтор Асель Нурланова активирован.');
    expect((await fresh(realtors.asel)).status).toBe('active');
    expect((await notices(realtors.asel)).slice(-2)).toEqual([
      ['status_changed', { status: 'blocked', role: 'realtor' }],
      ['status_changed', { status: 'active', role: 'realtor' }],
    ]);
  });

  it('speaks English to an English-speaking Superuser', async () => {
    await chat.say('/language');
    await chat.tap('🇬🇧 English');
    const reply = await chat.say('👨‍💼 Realtors');
    expect(textOf(reply)).toContain('👨‍💼 Realtors: 6 realtors · page 1 of 2');
    expect(labels(reply)).toContain('1 · Change agency');
    await chat.tap('1 · Change agency', 810);
    expect(textOf(await chat.say('стей'))).toContain('1 agency found:');
  });
});
