import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Api, InputFile, TelegramApiError } from 'node-telegram-bot-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalBotApi, type LocalBotApi, PLAYGROUND_TOKEN } from '../../src/playground/bot-api.ts';
import type { ChatEvent, TelegramUserJson } from '../../src/playground/chats.ts';
import { createFileStore } from '../../src/playground/file-store.ts';
import { createUpdateQueue } from '../../src/playground/update-queue.ts';

/** A 2×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGP4z8DwHwyBNAMAPc4D/R2NiKAAAAAASUVORK5CYII=',
  'base64',
);

const aliya: TelegramUserJson = { id: 9_100_001, is_bot: false, first_name: 'Алия', language_code: 'ru' };

/** The bot's own client (node-telegram-bot-api 2), talking to the playground's Bot API without a socket. */
function clientOf(botApi: LocalBotApi, token = PLAYGROUND_TOKEN) {
  return new Api(token, {
    apiRoot: 'http://playground.test',
    maxRetries: 0,
    fetch: (input, init) => botApi.handle(new Request(input, init)),
  });
}

/** The Bot API error a call fails with. */
async function refusal(call: Promise<unknown>): Promise<TelegramApiError> {
  const error = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TelegramApiError)) throw new Error(`expected a Bot API error, got ${String(error)}`);
  return error;
}

describe('the playground Bot API, as the bot sees it', () => {
  let dir: string;
  let botApi: LocalBotApi;
  let api: Api;
  let events: ChatEvent[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'playground-api-'));
    botApi = createLocalBotApi({ files: createFileStore(dir), firstUpdateId: 500 });
    api = clientOf(botApi);
    events = [];
    botApi.chats.subscribe(botApi.chats.open(aliya), (event) => events.push(event));
  });

  afterEach(async () => {
    await botApi.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers getMe for its token and 401 Unauthorized for any other', async () => {
    expect(await api.getMe()).toMatchObject({ id: botApi.bot.id, is_bot: true });
    const wrong = await refusal(clientOf(botApi, '1:wrong').getMe());
    expect([wrong.errorCode, wrong.description]).toEqual([401, 'Unauthorized']);
  });

  it('hands the person’s messages to getUpdates with growing update ids until an offset confirms them', async () => {
    botApi.person.sendText(aliya, '/start');
    botApi.person.sendText(aliya, 'привет');
    const batch = await api.getUpdates({ timeout: 0 });
    expect(batch.map((update) => update.update_id)).toEqual([500, 501]);
    const [first, second] = batch.map((update) => ('message' in update ? update.message : null));
    expect(first).toMatchObject({
      text: '/start',
      from: { id: aliya.id },
      chat: { id: aliya.id, type: 'private' },
    });
    expect(first?.entities).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);
    expect(second?.message_id).toBe((first?.message_id ?? 0) + 1);

    // Not confirmed yet: handed out again, as Telegram does after a crash.
    expect(await api.getUpdates({ timeout: 0 })).toHaveLength(2);
    expect(await api.getUpdates({ offset: 502, timeout: 0 })).toEqual([]);
  });

  it('holds an empty getUpdates open until the person writes, then answers at once', async () => {
    const waiting = api.getUpdates({ timeout: 50 });
    botApi.person.sendText(aliya, 'есть кто?');
    const [update] = await waiting;
    expect(update && 'message' in update ? update.message.text : null).toBe('есть кто?');
  });

  it('ends a waiting getUpdates with 409 Conflict when a second one comes, as Telegram does', async () => {
    // On the queue itself: over HTTP there is no telling which of two requests arrives first.
    const queue = createUpdateQueue(1);
    const first = queue.take({ timeoutSeconds: 50 });
    const second = queue.take({ timeoutSeconds: 50 });
    await expect(first).rejects.toMatchObject({
      errorCode: 409,
      message: expect.stringMatching(/^Conflict/),
    });
    queue.push((updateId) => ({ update_id: updateId, message: { text: 'hi' } }));
    expect(await second).toEqual([{ update_id: 1, message: { text: 'hi' } }]);
  });

  it('sendMessage: a new message in the chat with the reply keyboard shown or removed and inline buttons kept', async () => {
    const sent = await api.sendMessage({
      chat_id: aliya.id,
      text: 'Здравствуйте!\nВыберите:',
      reply_markup: { keyboard: [[{ text: '📱 Поделиться', request_contact: true }]], resize_keyboard: true },
    });
    expect(sent).toMatchObject({
      text: 'Здравствуйте!\nВыберите:',
      chat: { id: aliya.id },
      from: { is_bot: true },
    });
    const chat = botApi.chats.get(aliya.id)!;
    expect(chat.keyboard?.keyboard).toEqual([[{ text: '📱 Поделиться', request_contact: true }]]);

    const withButtons = await api.sendMessage({
      chat_id: aliya.id,
      text: 'Результаты',
      reply_markup: { inline_keyboard: [[{ text: '▶️', callback_data: 'page:1' }]] },
    });
    expect(withButtons.message_id).toBe(sent.message_id + 1);
    expect(withButtons.reply_markup?.inline_keyboard).toEqual([[{ text: '▶️', callback_data: 'page:1' }]]);
    expect(chat.keyboard).not.toBeNull();

    await api.sendMessage({ chat_id: aliya.id, text: 'Готово', reply_markup: { remove_keyboard: true } });
    expect(chat.keyboard).toBeNull();
    expect(events.filter((event) => event.type === 'message')).toHaveLength(3);
  });

  it('sendMessage refuses an unknown chat, empty or too long text and oversized callback data', async () => {
    expect((await refusal(api.sendMessage({ chat_id: 42, text: 'hi' }))).description).toBe(
      'Bad Request: chat not found',
    );
    expect((await refusal(api.sendMessage({ chat_id: aliya.id, text: ' ' }))).description).toBe(
      'Bad Request: message text is empty',
    );
    expect((await refusal(api.sendMessage({ chat_id: aliya.id, text: 'x'.repeat(4097) }))).errorCode).toBe(
      400,
    );
    const tooLong = api.sendMessage({
      chat_id: aliya.id,
      text: 'x',
      reply_markup: { inline_keyboard: [[{ text: 'x', callback_data: 'd'.repeat(65) }]] },
    });
    expect((await refusal(tooLong)).description).toBe('Bad Request: BUTTON_DATA_INVALID');
    expect(botApi.chats.get(aliya.id)!.messages.size).toBe(0);
  });

  it('editMessageText changes the message in place; the same content again is "not modified"', async () => {
    const sent = await api.sendMessage({
      chat_id: aliya.id,
      text: 'стр. 1',
      reply_markup: { inline_keyboard: [[{ text: '▶️', callback_data: 'page:2' }]] },
    });
    const edited = await api.editMessageText({
      chat_id: aliya.id,
      message_id: sent.message_id,
      text: 'стр. 2',
      reply_markup: { inline_keyboard: [[{ text: '◀️', callback_data: 'page:1' }]] },
    });
    expect(edited).toMatchObject({ message_id: sent.message_id, text: 'стр. 2' });
    expect(typeof (edited as { edit_date?: number }).edit_date).toBe('number');
    expect(botApi.chats.get(aliya.id)!.messages.get(sent.message_id)?.text).toBe('стр. 2');
    expect(events.at(-1)).toMatchObject({
      type: 'edit',
      message: { message_id: sent.message_id, text: 'стр. 2' },
    });

    const again = await refusal(
      api.editMessageText({
        chat_id: aliya.id,
        message_id: sent.message_id,
        text: 'стр. 2',
        reply_markup: { inline_keyboard: [[{ text: '◀️', callback_data: 'page:1' }]] },
      }),
    );
    expect(again.errorCode).toBe(400);
    expect(again.description).toMatch(/message is not modified/);

    // Without reply_markup the buttons go, as in Telegram.
    const bare = await api.editMessageText({
      chat_id: aliya.id,
      message_id: sent.message_id,
      text: 'стр. 2',
    });
    expect((bare as { reply_markup?: unknown }).reply_markup).toBeUndefined();
  });

  it('editMessageText refuses a missing message and the person’s own message', async () => {
    const missing = await refusal(api.editMessageText({ chat_id: aliya.id, message_id: 99, text: 'x' }));
    expect(missing.description).toBe('Bad Request: message to edit not found');
    const theirs = botApi.person.sendText(aliya, 'моё');
    const refused = await refusal(
      api.editMessageText({ chat_id: aliya.id, message_id: theirs.message_id, text: 'x' }),
    );
    expect(refused.description).toBe("Bad Request: message can't be edited");
  });

  it('a pressed inline button becomes a callback query; its answer reaches the page once', async () => {
    const sent = await api.sendMessage({
      chat_id: aliya.id,
      text: 'Бронь №7',
      reply_markup: { inline_keyboard: [[{ text: '💳 Оплатить', callback_data: 'pay:7' }]] },
    });
    expect(() => botApi.person.press(aliya, sent.message_id, 'pay:8')).toThrow(/no such button/);
    const queryId = botApi.person.press(aliya, sent.message_id, 'pay:7');
    const [update] = await api.getUpdates({ timeout: 0 });
    const query = update && 'callback_query' in update ? update.callback_query : null;
    expect(query).toMatchObject({ id: queryId, data: 'pay:7', from: { id: aliya.id } });
    expect(query?.message?.message_id).toBe(sent.message_id);

    expect(
      await api.answerCallbackQuery({ callback_query_id: queryId, text: 'Оплачено', show_alert: true }),
    ).toBe(true);
    expect(events.at(-1)).toEqual({ type: 'answer', text: 'Оплачено', showAlert: true });
    const twice = await refusal(api.answerCallbackQuery({ callback_query_id: queryId }));
    expect(twice.description).toMatch(/query is too old/);
  });

  it('sendPhoto takes a multipart upload, and a later sendPhoto by its file_id shows the same picture', async () => {
    const uploaded = await api.sendPhoto({
      chat_id: aliya.id,
      caption: 'Фото',
      photo: new InputFile(PNG, { filename: 'flat.png', contentType: 'image/png' }),
    });
    const [size] = uploaded.photo ?? [];
    expect(size).toMatchObject({ width: 2, height: 1, file_size: PNG.length });
    expect(uploaded.caption).toBe('Фото');
    expect(Buffer.from((await botApi.files.read(size!.file_id))!)).toEqual(PNG);

    const again = await api.sendPhoto({ chat_id: aliya.id, photo: size!.file_id });
    expect(again.photo?.[0]?.file_id).toBe(size!.file_id);
    expect(again.message_id).toBe(uploaded.message_id + 1);

    const unknown = await refusal(api.sendPhoto({ chat_id: aliya.id, photo: 'PGnosuchfileidatall123' }));
    expect(unknown.description).toBe('Bad Request: wrong file identifier/HTTP URL specified');
    const notImage = api.sendPhoto({
      chat_id: aliya.id,
      photo: new InputFile(Buffer.from('hello'), { filename: 'a.txt', contentType: 'text/plain' }),
    });
    expect((await refusal(notImage)).description).toBe('Bad Request: IMAGE_PROCESS_FAILED');
  });

  it('sendDocument keeps the file under its name for download', async () => {
    const csv = Buffer.from('id;title\n1;Студия\n');
    const sent = await api.sendDocument({
      chat_id: aliya.id,
      document: new InputFile(csv, { filename: 'bookings.csv', contentType: 'text/csv' }),
    });
    expect(sent.document).toMatchObject({
      file_name: 'bookings.csv',
      mime_type: 'text/csv',
      file_size: csv.length,
    });
    expect(Buffer.from((await botApi.files.read(sent.document!.file_id))!)).toEqual(csv);
  });

  it('a photo the person sends reaches the bot with a file_id it can send back', async () => {
    await botApi.person.sendPhoto(aliya, { bytes: PNG, filename: 'me.png', contentType: 'image/png' });
    const [update] = await api.getUpdates({ timeout: 0 });
    const fileId = update && 'message' in update ? update.message.photo?.at(-1)?.file_id : undefined;
    const echoed = await api.sendPhoto({ chat_id: aliya.id, photo: fileId! });
    expect(echoed.photo?.[0]?.file_id).toBe(fileId);
  });

  it('deleteMessage removes a message (the person’s typed password too) once', async () => {
    const typed = botApi.person.sendText(aliya, 'secret');
    expect(await api.deleteMessage({ chat_id: aliya.id, message_id: typed.message_id })).toBe(true);
    expect(botApi.chats.get(aliya.id)!.messages.has(typed.message_id)).toBe(false);
    expect(events.at(-1)).toEqual({ type: 'delete', messageId: typed.message_id });
    const twice = await refusal(api.deleteMessage({ chat_id: aliya.id, message_id: typed.message_id }));
    expect(twice.description).toBe('Bad Request: message to delete not found');
  });

  it('keeps setMyCommands per language for the page’s menu, and 404s a method it does not have', async () => {
    await api.setMyCommands({ commands: [{ command: 'start', description: 'Начать' }] });
    await api.setMyCommands({ commands: [{ command: 'start', description: 'Start' }], language_code: 'en' });
    expect(botApi.commandsFor('en')).toEqual([{ command: 'start', description: 'Start' }]);
    expect(botApi.commandsFor('kk')).toEqual([{ command: 'start', description: 'Начать' }]);
    const missing = await refusal(api.sendDice({ chat_id: aliya.id }));
    expect([missing.errorCode, missing.description]).toEqual([404, 'Not Found']);
  });

  it('keeps the chats in its file across a restart: history, reply keyboard and the next message id', async () => {
    const chatsFile = join(dir, 'chats.json');
    const first = createLocalBotApi({ files: createFileStore(dir), chatsFile });
    first.person.sendText(aliya, '/start');
    await clientOf(first).sendMessage({
      chat_id: aliya.id,
      text: 'Меню',
      reply_markup: { keyboard: [[{ text: '🔍 Поиск' }]] },
    });
    await first.close();

    const second = createLocalBotApi({ files: createFileStore(dir), chatsFile });
    const chat = second.chats.get(aliya.id)!;
    expect([...chat.messages.values()].map((message) => message.text)).toEqual(['/start', 'Меню']);
    expect(chat.keyboard?.keyboard).toEqual([[{ text: '🔍 Поиск' }]]);
    const next = await clientOf(second).sendMessage({ chat_id: aliya.id, text: 'снова' });
    expect(next.message_id).toBe(3);
    await second.close();
  });
});
