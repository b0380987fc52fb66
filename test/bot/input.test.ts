import type { Message, Update, User } from 'node-telegram-bot-api/types';
import { describe, expect, it } from 'vitest';
import { readUpdate } from '../../src/bot/input.ts';

const person: User = {
  id: 501,
  is_bot: false,
  first_name: 'Айгерим',
  username: 'aigerim',
  language_code: 'kk',
};
const chat = { id: 501, type: 'private', first_name: 'Айгерим' };

const message = (fields: Partial<Message>, from: User = person): Message => ({
  message_id: 10,
  date: 1_750_000_000,
  chat,
  from,
  ...fields,
});
const update = (fields: Partial<Message>, from?: User): Update => ({
  update_id: 900,
  message: message(fields, from),
});
const press = (data: string | undefined, fields: { from?: User; message?: Message | null } = {}): Update => {
  const query = {
    id: 'q-1',
    from: fields.from ?? person,
    chat_instance: 'ci',
    ...(data === undefined ? {} : { data }),
    ...(fields.message === null
      ? {}
      : { message: fields.message ?? message({ message_id: 77, text: 'list' }) }),
  };
  return { update_id: 901, callback_query: query };
};

describe('readUpdate', () => {
  it('reads who wrote, from which chat, under which update id', () => {
    expect(readUpdate(update({ text: 'привет' }))).toEqual({
      updateId: 900,
      chatId: 501,
      from: { id: 501, firstName: 'Айгерим', username: 'aigerim', languageCode: 'kk' },
      input: { kind: 'text', text: 'привет', messageId: 10 },
    });
  });

  it('reads text trimmed, including a reply-keyboard label', () => {
    expect(readUpdate(update({ text: '  🔍 Поиск \n' }))?.input).toEqual({
      kind: 'text',
      text: '🔍 Поиск',
      messageId: 10,
    });
  });

  it.each([
    ['/start', 'start', ''],
    ['/MENU', 'menu', ''],
    ['/start@rental_kz_bot', 'start', ''],
    ['/link@rental_kz_bot  a@b.kz ', 'link', 'a@b.kz'],
    ['/register some  words\nand lines', 'register', 'some  words\nand lines'],
  ])('reads %j as the command %s with args %j', (text, command, args) => {
    expect(readUpdate(update({ text }))?.input).toEqual({ kind: 'command', command, args });
  });

  it('takes a slash that is not a command as text', () => {
    expect(readUpdate(update({ text: '/ 12' }))?.input).toEqual({
      kind: 'text',
      text: '/ 12',
      messageId: 10,
    });
    expect(readUpdate(update({ text: '1/2' }))?.input).toEqual({ kind: 'text', text: '1/2', messageId: 10 });
  });

  it('reads a photo as the file id of its largest size', () => {
    const photo = [
      { file_id: 'small', file_unique_id: 's', width: 90, height: 60 },
      { file_id: 'large', file_unique_id: 'l', width: 1280, height: 853 },
    ];
    expect(readUpdate(update({ photo, caption: 'кухня' }))?.input).toEqual({
      kind: 'photo',
      fileId: 'large',
    });
  });

  it('reads a shared contact of the sender as own', () => {
    const contact = { phone_number: '77011234567', first_name: 'Айгерим', user_id: person.id };
    expect(readUpdate(update({ contact }))?.input).toEqual({
      kind: 'contact',
      phone: '77011234567',
      own: true,
    });
  });

  it("reads someone else's contact, or a phonebook card without a Telegram user, as not own", () => {
    const foreign = { phone_number: '+77017654321', first_name: 'Ерлан', user_id: 777 };
    const card = { phone_number: '+77017654321', first_name: 'Ерлан' };
    expect(readUpdate(update({ contact: foreign }))?.input).toMatchObject({ kind: 'contact', own: false });
    expect(readUpdate(update({ contact: card }))?.input).toMatchObject({ kind: 'contact', own: false });
  });

  it('reads a press of a button the codec made', () => {
    expect(readUpdate(press('lang:0:en'))).toMatchObject({
      updateId: 901,
      chatId: 501,
      input: {
        kind: 'callback',
        data: { action: 'lang', id: 0, arg: 'en' },
        queryId: 'q-1',
        messageId: 77,
        editable: true,
      },
    });
  });

  it('marks a press under a photo or document (a listing card) as not editable as text', () => {
    const photo = [{ file_id: 'AgAD', file_unique_id: 'u', width: 800, height: 600 }];
    const document = { file_id: 'BQAD', file_unique_id: 'd' };
    for (const fields of [
      { photo, caption: 'Студия' },
      { document, caption: 'Выгрузка' },
      // Telegram never mixes them; a photo wins over any text it came with.
      { photo, text: 'Студия' },
      {},
    ]) {
      const read = readUpdate(press('more:7', { message: message({ message_id: 78, ...fields }) }));
      expect(read?.input).toMatchObject({ kind: 'callback', messageId: 78, editable: false });
    }
  });

  it('reads a forged or stale button as a callback without data, so it can still be answered', () => {
    for (const data of ['admin:block:5', 'lang:0:en:x', '💣', '', undefined]) {
      expect(readUpdate(press(data))?.input).toEqual({
        kind: 'callback',
        data: null,
        queryId: 'q-1',
        messageId: 77,
        editable: true,
      });
    }
  });

  it('answers into the presser’s chat when the button’s message is unknown', () => {
    const read = readUpdate(press('page:2', { message: null }));
    expect(read?.chatId).toBe(501);
    expect(read?.input).toMatchObject({ kind: 'callback', messageId: null, editable: false });
  });

  it('marks a message with nothing readable (a sticker, a photo) as unsupported', () => {
    expect(readUpdate(update({ caption: 'фото' }))?.input).toEqual({ kind: 'unsupported' });
    expect(readUpdate(update({ text: '   ' }))?.input).toEqual({ kind: 'unsupported' });
  });

  it('ignores edits, channel posts, bots and updates without a person', () => {
    const edited = { update_id: 1, edited_message: message({ text: '/start', edit_date: 1_750_000_100 }) };
    const post = {
      update_id: 2,
      channel_post: message({ text: '/start', chat: { id: -100, type: 'channel' } }),
    };
    const editedPost = { update_id: 3, edited_channel_post: message({ text: 'x' }) };
    const bot = update({ text: '/start' }, { id: 9, is_bot: true, first_name: 'Bot' });
    const anonymous: Update = { update_id: 4, message: { message_id: 1, date: 1, chat, text: '/start' } };
    for (const ignored of [edited, post, editedPost, bot, anonymous] as Update[]) {
      expect(readUpdate(ignored)).toBeNull();
    }
  });
});
