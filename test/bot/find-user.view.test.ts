import { beforeAll, describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, getInitialSnapshot } from 'xstate';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { findUserFlow } from '../../src/bot/views/find-user.view.ts';
import { formatDay } from '../../src/bot/views/platform/format.ts';
import { TelegramProfile, User } from '../../src/db/entities/index.ts';
import type { Actor } from '../../src/domain/actor.ts';
import {
  type FindUserContext,
  type FoundUser,
  findUserMachine,
  isUserQuery,
} from '../../src/machines/find-user.machine.ts';
import { notificationsOf } from '../support/assertions.ts';
import { useTestDatabase } from '../support/database.ts';
import { DomainChat } from '../support/domain-chat.ts';
import { makeUser } from '../support/fixtures.ts';
import { view } from '../support/flows.ts';

const ru = messagesFor('ru');

const realtor: FoundUser = {
  id: 4,
  fullName: 'Асель Нурланова',
  email: 'realtor1@demo.kz',
  phone: '+77010000011',
  role: 'realtor',
  status: 'active',
  agency: { id: 1, name: 'Алматы Апартаменты' },
  telegramLinked: true,
  createdAt: '2026-11-23T20:30:00.000Z',
};

function at(state: string, change: Partial<FindUserContext>): AnyMachineSnapshot {
  const initial = getInitialSnapshot(findUserMachine, undefined);
  return findUserMachine.resolveState({
    value: state,
    context: { ...(initial.context as FindUserContext), ...change },
  });
}

const render = (snapshot: AnyMachineSnapshot, locale: 'ru' | 'en' = 'ru') =>
  findUserFlow.render(snapshot, view(locale));

describe('findUser view', () => {
  it('takes an email or a KZ phone in any common format, nothing else', () => {
    for (const query of [
      'guest1@demo.kz',
      ' Guest1@Demo.KZ ',
      '+7 701 123 45 67',
      '87011234567',
      '7011234567',
      '+7 (701) 123-45-67',
    ]) {
      expect(isUserQuery(query), query).toBe(true);
    }
    for (const query of ['Алия', 'guest1@', '12345', '+1 202 555 0100']) {
      expect(isUserQuery(query), query).toBe(false);
    }
  });

  it('asks for an email or phone, with Cancel; says when nothing was found and keeps asking', () => {
    const [ask] = render(at('askQuery', {}));
    expect(ask!.text).toBe(ru.findUser.ask);
    expect(ask!.reply).toEqual([[{ text: ru.buttons.cancel, event: { type: 'CANCEL' } }]]);
    expect(render(at('askQuery', { query: '87019999999', notice: 'notFound' }))[0]!.text).toBe(
      `⚠️ Пользователь «87019999999» не найден. Проверьте email или номер и напишите ещё раз.\n\n${ru.findUser.ask}`,
    );
  });

  it('the card: name, email, phone, role, status, agency, Telegram, registration date, and its buttons', () => {
    const [intro, shown] = render(at('card', { card: realtor }));
    expect(intro!.text).toBe(ru.findUser.intro);
    expect(shown!.text).toBe(
      [
        '👤 Асель Нурланова',
        '✉️ realtor1@demo.kz',
        '📞 +7 701 000 00 11',
        '🎭 Роль: Риелтор',
        '🟢 Статус: активен',
        '🏢 Агентство: «Алматы Апартаменты»',
        '💬 Telegram: привязан',
        `📅 Зарегистрирован: ${formatDay(realtor.createdAt)}`,
      ].join('\n'),
    );
    expect(shown!.inline).toEqual([
      [
        { text: 'Заблокировать', callback: { action: 'fublock', id: 4 } },
        { text: '🔎 Искать ещё', callback: { action: 'fuagain', id: 0 } },
      ],
      [{ text: '✖️ Закрыть', callback: { action: 'close', id: 0 } }],
    ]);
    const blocked = render(at('card', { card: { ...realtor, status: 'blocked', agency: null } }), 'en')[1]!;
    expect(blocked.text).toContain('⛔ Status: blocked\n🏢 Agency: —');
    expect(blocked.inline?.[0]?.[0]).toEqual({ text: 'Unblock', callback: { action: 'fuunblock', id: 4 } });
  });

  it('asks before blocking; the last Superuser’s refusal shows above the card', () => {
    const [, confirm] = render(at('confirmBlock', { card: realtor }));
    expect(confirm!.text).toMatch(/^Заблокировать Асель Нурланова \(realtor1@demo\.kz\)\?/);
    expect(confirm!.inline).toEqual([
      [
        { text: 'Да, заблокировать', callback: { action: 'fublockok', id: 4 } },
        { text: 'Нет', callback: { action: 'fucard', id: 4 } },
      ],
    ]);
    const refused = render(
      at('card', { card: { ...realtor, role: 'superuser' }, error: { code: 'last_superuser' } }),
    )[1]!;
    expect(refused.text).toMatch(new RegExp(`^⚠️ ${ru.errors.last_superuser}\\n\\n👤`));
  });
});

describe('findUser: the real domain behind the card', () => {
  const database = useTestDatabase();
  let owner: Actor;
  let guestId: number;

  beforeAll(async () => {
    const em = database.fork();
    owner = (await makeUser(em, 'superuser', { email: 'owner@example.kz' })).actor;
    const guest = await makeUser(em, 'guest', { fullName: 'Данияр Ибраев', email: 'daniyar@example.kz' });
    guestId = guest.user.id;
    await em.nativeUpdate(User, guestId, { phone: '+77010000022' });
    em.create(TelegramProfile, { telegramId: 777, chatId: 777, user: guest.user, language: 'ru' } as never);
    await em.flush();
  });

  it('finds by email in any case and by phone in several formats; not found keeps asking', async () => {
    const chat = await new DomainChat(database, findUserFlow, owner).start();
    for (const query of ['DANIYAR@example.kz', '+7 701 000 00 22', '87010000022', '7010000022']) {
      await chat.say(query);
      expect(chat.state, query).toBe('card');
      expect(chat.text(), query).toContain('👤 Данияр Ибраев\n✉️ daniyar@example.kz\n📞 +7 701 000 00 22');
      expect(chat.text(), query).toContain('💬 Telegram: привязан');
    }
    await chat.say('nobody@example.kz');
    expect(chat.state).toBe('askQuery');
    expect(chat.text()).toContain('Пользователь «nobody@example.kz» не найден');
  });

  it('blocks after a «Да» and unblocks; the user is told each time', async () => {
    const chat = await new DomainChat(database, findUserFlow, owner).start();
    await chat.say('daniyar@example.kz');
    await chat.tap('Заблокировать');
    expect((await database.fork().findOneOrFail(User, guestId)).status).toBe('active');
    await chat.tap('Да, заблокировать');
    expect(chat.text()).toMatch(/^⛔ Пользователь заблокирован и получил уведомление\.\n\n/);
    expect(chat.text()).toContain('⛔ Статус: заблокирован');
    expect((await database.fork().findOneOrFail(User, guestId)).status).toBe('blocked');
    await chat.tap('Разблокировать');
    expect(chat.text()).toContain('🟢 Статус: активен');
    expect((await notificationsOf(database.fork(), guestId)).slice(-2)).toEqual([
      ['status_changed', { status: 'blocked', role: 'guest' }],
      ['status_changed', { status: 'active', role: 'guest' }],
    ]);
  });

  it('the last active Superuser cannot block themselves: the refusal is shown, nothing changes', async () => {
    const chat = await new DomainChat(database, findUserFlow, owner).start();
    await chat.say('owner@example.kz');
    await chat.tap('Заблокировать');
    await chat.tap('Да, заблокировать');
    expect(chat.state).toBe('card');
    expect(chat.text()).toMatch(
      /^⚠️ Нельзя понизить или заблокировать последнего активного суперпользователя\./,
    );
    expect(chat.text()).toContain('🟢 Статус: активен');
    expect((await database.fork().findOneOrFail(User, owner.id)).status).toBe('active');
  });
});
