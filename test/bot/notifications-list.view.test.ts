import { beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { sessionStore } from '../../src/bot/session-store.ts';
import { Notification } from '../../src/db/entities/index.ts';
import { useBotChats } from '../support/bot-chats.ts';
import { type MadeUser, makeUser } from '../support/fixtures.ts';
import { type ChatWithBot, labels, textOf } from '../support/pipeline-harness.ts';

const ru = messagesFor('ru');
const ref = {
  bookingId: 1,
  listingId: 1,
  listingTitle: 'Студия у Байтерека',
  checkIn: '2026-12-10',
  checkOut: '2026-12-12',
};

describe('«🔔 Уведомления» through the bot', () => {
  const { suite, chatAs } = useBotChats();
  let guest: MadeUser;
  let chat: ChatWithBot;

  let made = 0;
  /** Notifications as the domain leaves them (one push job each), about «Квартира 1», «Квартира 2» … */
  async function notify(user: MadeUser, count: number): Promise<void> {
    const { notifier } = suite.db.domain.deps;
    for (let i = 0; i < count; i++) {
      const about = { ...ref, listingTitle: `Квартира ${++made}` };
      await suite.fork().transactional(async (em) => {
        if (made % 2 === 1) await notifier.notify(em, user.user.id, 'booking_completed', about);
        else
          await notifier.notify(em, user.user.id, 'booking_cancelled', {
            ...about,
            by: 'realtor',
            reason: 'Ремонт',
            previousStatus: 'confirmed',
          });
      });
    }
  }

  beforeAll(async () => {
    const em = suite.fork();
    guest = await makeUser(em, 'guest');
    await notify(guest, 3);
    chat = await chatAs(em, guest.user);
  });

  it('the main menu shows the unread count on the button', async () => {
    await chat.say('/menu');
    expect(chat.keyboard()[2]).toEqual(['🔔 Уведомления (3)', '🌐 Язык']);
  });

  it('the button lists them newest first with the push texts, in one inline message', async () => {
    const reply = await chat.say('🔔 Уведомления (3)');
    expect(reply.reply.messages).toHaveLength(1);
    const [title, ...items] = textOf(reply).split('\n\n');
    expect(title).toBe('🔔 3 непрочитанных уведомления');
    expect(items).toEqual([
      expect.stringMatching(/^1\. 🕑 \d\d\.\d\d, \d\d:\d\d\n/),
      expect.stringMatching(/^2\. /),
      expect.stringMatching(/^3\. /),
    ]);
    expect(items[0]).toContain(ru.notifications.booking_completed({ listingTitle: 'Квартира 3' }));
    expect(items[1]).toContain(
      ru.notifications.booking_cancelled({ ...ref, listingTitle: 'Квартира 2', reason: 'Ремонт' }),
    );
    expect(items[2]).toContain(ru.notifications.booking_completed({ listingTitle: 'Квартира 1' }));
    expect(labels(reply)).toEqual([
      '1 · Прочитано',
      '2 · Прочитано',
      '3 · Прочитано',
      '✅ Отметить все прочитанными',
      '✖️ Закрыть',
    ]);
  });

  it('typed text keeps the list and says to use the buttons', async () => {
    const reply = await chat.say('прочитал');
    expect(textOf(reply)).toContain(`⚠️ ${ru.notificationsList.useButtons}`);
  });

  it('«Прочитано» marks that one read and refreshes the list in place', async () => {
    const newest = await suite
      .fork()
      .findOneOrFail(Notification, { user: guest.user.id }, { orderBy: { id: 'desc' } });
    const reply = await chat.tap('1 · Прочитано', 701);
    expect(reply.editMessageId).toBe(701);
    expect(textOf(reply)).toMatch(/^🔔 2 непрочитанных уведомления/);
    expect((await suite.fork().findOneOrFail(Notification, newest.id)).readAt).not.toBeNull();
  });

  it('a forged press on someone else’s notification changes nothing', async () => {
    const em = suite.fork();
    const other = await makeUser(em, 'guest');
    await notify(other, 1);
    const theirs = await em.findOneOrFail(Notification, { user: other.user.id });
    const reply = await chat.press({ action: 'read', id: theirs.id }, 701);
    expect(textOf(reply)).toContain(`⚠️ ${ru.errors.not_found}`);
    expect((await suite.fork().findOneOrFail(Notification, theirs.id)).readAt).toBeNull();
  });

  it('«Закрыть» brings the main menu back with the new count', async () => {
    const reply = await chat.tap('✖️ Закрыть', 701);
    expect(textOf(reply)).toContain('Главное меню');
    expect(chat.keyboard()[2]).toEqual(['🔔 Уведомления (2)', '🌐 Язык']);
  });

  it('«Отметить все прочитанными» reads the rest and the button loses its count', async () => {
    await chat.say('🔔 Уведомления (2)');
    const reply = await chat.tap('✅ Отметить все прочитанными', 702);
    expect(textOf(reply)).toContain('✅ 2 уведомления отмечены прочитанными.');
    expect(chat.keyboard()[2]).toEqual(['🔔 Уведомления', '🌐 Язык']);
    expect(await suite.fork().count(Notification, { user: guest.user.id, readAt: null })).toBe(0);
    expect(await sessionStore.load(suite.fork(), chat.id)).toBeNull();
  });

  it('with nothing unread the button says so above the menu', async () => {
    const reply = await chat.say('🔔 Уведомления');
    expect(textOf(reply)).toContain(ru.notificationsList.empty);
    expect(textOf(reply)).toContain('Главное меню');
  });

  it('reading the last one ends the list, and a stale button of it is answered as such', async () => {
    await notify(guest, 1);
    await chat.say('🔔 Уведомления (1)');
    const reply = await chat.tap('1 · Прочитано', 703);
    expect(textOf(reply)).toContain('✅ Прочитано 1 уведомление. Непрочитанных больше нет.');
    expect(chat.keyboard()[2]).toEqual(['🔔 Уведомления', '🌐 Язык']);
    const stale = await chat.tap('✅ Отметить все прочитанными', 703);
    expect(stale.reply.callbackAnswer?.text).toBe(ru.common.staleButton);
  });

  it('pages of five, turned in place, for a realtor too', async () => {
    const em = suite.fork();
    const realtor = await makeUser(em, 'realtor');
    await notify(realtor, 7);
    const desk = await chatAs(em, realtor.user);
    await desk.say('/menu');
    expect(desk.keyboard()[1]).toEqual(['📅 Брони', '🔔 Уведомления (7)']);
    const first = await desk.say('🔔 Уведомления (7)');
    expect(textOf(first)).toContain('🔔 7 непрочитанных уведомлений · стр. 1 из 2');
    const second = await desk.tap('▶️', 801);
    expect(second.editMessageId).toBe(801);
    expect(textOf(second)).toContain('стр. 2 из 2');
    expect(labels(second).slice(0, 2)).toEqual(['6 · Прочитано', '7 · Прочитано']);
    // Reading both of page 2 falls back to page 1, which is all that is left.
    await desk.tap('6 · Прочитано', 801);
    const back = await desk.tap('6 · Прочитано', 801);
    expect(textOf(back)).toContain('🔔 5 непрочитанных уведомлений');
    expect(textOf(back)).not.toContain('стр.');
  });
});
