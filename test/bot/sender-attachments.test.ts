import { type Api, InputFile, TelegramApiError } from 'node-telegram-bot-api';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createSender } from '../../src/bot/sender.ts';

type Call = { method: string; params: Record<string, unknown> };

/** A Bot API that records calls; `refuse` lists methods answering like telegram-test-api does for missing ones. */
function fakeApi(refuse: string[] = []) {
  const calls: Call[] = [];
  const handler = (method: string) => async (params: Record<string, unknown>) => {
    calls.push({ method, params });
    if (refuse.includes(method)) throw new TelegramApiError(404, 'Not Found');
    return true;
  };
  const api = new Proxy({}, { get: (_, method: string) => handler(method) }) as unknown as Api;
  return { api, calls };
}

const quiet = pino({ level: 'silent' });
const keyboard = [[{ text: 'Подробнее', callback: { action: 'more' as const, id: 7 } }]];

describe('sender: photos, documents and deletions', () => {
  it('sends a photo by file id with the text as its caption and the keyboard attached', async () => {
    const { api, calls } = fakeApi();
    const sender = createSender(api, quiet, async () => {});
    await sender.deliver(5, {
      messages: [{ text: 'Студия у Байтерека', photo: { fileId: 'AgAD' }, inline: keyboard }],
    });
    expect(calls).toEqual([
      {
        method: 'sendPhoto',
        params: {
          chat_id: 5,
          photo: 'AgAD',
          caption: 'Студия у Байтерека',
          reply_markup: { inline_keyboard: [[{ text: 'Подробнее', callback_data: 'more:7' }]] },
        },
      },
    ]);
  });

  it('uploads rendered PNG bytes and CSV documents as files', async () => {
    const { api, calls } = fakeApi();
    const sender = createSender(api, quiet, async () => {});
    const png = new Uint8Array([137, 80, 78, 71]);
    const csv = new TextEncoder().encode('id;total\n1;30000\n');
    await sender.deliver(5, {
      messages: [
        { text: 'Брони по дням', photo: { png, filename: 'bookings.png' } },
        { text: 'Выгрузка', document: { filename: 'bookings.csv', contentType: 'text/csv', content: csv } },
      ],
    });
    expect(calls.map((call) => call.method)).toEqual(['sendPhoto', 'sendDocument']);
    const photo = calls[0]?.params.photo as InputFile;
    expect(photo).toBeInstanceOf(InputFile);
    expect(photo.data).toBe(png);
    expect(photo.meta).toEqual({ filename: 'bookings.png', contentType: 'image/png' });
    const document = calls[1]?.params.document as InputFile;
    expect(document.meta).toEqual({ filename: 'bookings.csv', contentType: 'text/csv' });
  });

  it('delivers the text alone when the Bot API refuses the file, so nothing the person needs is lost', async () => {
    const { api, calls } = fakeApi(['sendPhoto']);
    const sender = createSender(api, quiet, async () => {});
    await sender.deliver(5, { messages: [{ text: 'Студия', photo: { fileId: 'AgAD' }, inline: keyboard }] });
    expect(calls.map((call) => call.method)).toEqual(['sendPhoto', 'sendMessage']);
    expect(calls[1]?.params).toMatchObject({
      chat_id: 5,
      text: 'Студия',
      reply_markup: { inline_keyboard: expect.any(Array) },
    });
  });

  it('sends a caption over 1024 characters as a message of its own, with the keyboard under the text', async () => {
    const { api, calls } = fakeApi();
    const sender = createSender(api, quiet, async () => {});
    const long = 'о'.repeat(1500);
    await sender.deliver(5, { messages: [{ text: long, photo: { fileId: 'AgAD' }, inline: keyboard }] });
    expect(calls.map((call) => call.method)).toEqual(['sendPhoto', 'sendMessage']);
    expect(calls[0]?.params).toEqual({ chat_id: 5, photo: 'AgAD' });
    expect(calls[1]?.params).toMatchObject({
      text: long,
      reply_markup: { inline_keyboard: expect.any(Array) },
    });
  });

  it('deletes the listed messages of the person before replying, and goes on when deleting fails', async () => {
    const { api, calls } = fakeApi(['deleteMessage']);
    const sender = createSender(api, quiet, async () => {});
    await sender.deliver(5, { messages: [{ text: 'Пароль принят.' }], deleteMessageIds: [41] });
    expect(calls).toEqual([
      { method: 'deleteMessage', params: { chat_id: 5, message_id: 41 } },
      { method: 'sendMessage', params: { chat_id: 5, text: 'Пароль принят.' } },
    ]);
  });
});
