import { describe, expect, it } from 'vitest';
import { renderTranscript, type TranscriptEntry } from '../../src/replay/transcript.ts';

const menu: TranscriptEntry = {
  kind: 'bot',
  edit: false,
  push: false,
  message: {
    text: 'Главное меню.\n\nВыберите действие.',
    reply: [[{ text: '🔍 Поиск' }, { text: '📦 Мои бронирования' }], [{ text: '🌐 Язык' }]],
  },
};

describe('the transcript of a replay', () => {
  it('shows inputs and bot messages in order, a blank line before each input, reply keyboards as [ ] rows', () => {
    const transcript = renderTranscript([
      { kind: 'user', text: '/start' },
      menu,
      { kind: 'user', text: '/help' },
    ]);
    expect(transcript).toBe(
      [
        '→ user: /start',
        '← bot: Главное меню.',
        '',
        '  Выберите действие.',
        '  [ 🔍 Поиск ] [ 📦 Мои бронирования ]',
        '  [ 🌐 Язык ]',
        '',
        '→ user: /help',
        '',
      ].join('\n'),
    );
  });

  it('shows inline keyboards as ( ) rows, edits with ✎, presses, toasts and alerts', () => {
    const card = {
      text: '🏠 Студия',
      inline: [
        [
          { text: 'Подробнее', callback: { action: 'more' as const, id: 1 } },
          { text: 'Забронировать', callback: { action: 'book' as const, id: 1 } },
        ],
      ],
    };
    const transcript = renderTranscript([
      { kind: 'press', label: '▶' },
      { kind: 'toast', text: 'Добавлено', alert: false },
      { kind: 'toast', text: 'Нельзя', alert: true },
      { kind: 'bot', edit: true, push: false, message: card },
    ]);
    expect(transcript.split('\n')).toEqual([
      '→ user: ( ▶ )',
      '‹toast: Добавлено›',
      '‹alert: Нельзя›',
      '✎ bot: 🏠 Студия',
      '  ( Подробнее ) ( Забронировать )',
      '',
    ]);
  });

  it('tags photos and documents, a removed keyboard, pushes, other chats, deletions, emails and replay notes', () => {
    const png = { png: new Uint8Array([1]), filename: 'a.png' };
    const csv = { filename: 'bookings.csv', contentType: 'text/csv', content: new Uint8Array([1]) };
    const lines = renderTranscript([
      { kind: 'contact', phone: '+77010000001', own: true },
      { kind: 'contact', phone: '+77010000002', own: false },
      { kind: 'attachment', what: 'photo' },
      { kind: 'deleted' },
      { kind: 'bot', edit: false, push: false, message: { text: 'Фото объекта', photo: png } },
      { kind: 'bot', edit: false, push: false, message: { text: '', document: csv } },
      { kind: 'bot', edit: false, push: false, message: { text: 'Готово', reply: 'remove' } },
      { kind: 'bot', edit: false, push: true, message: { text: '💳 Оплачено' } },
      { kind: 'bot', edit: false, push: true, chatId: 42, message: { text: '🆕 Новая бронь' } },
      { kind: 'email', to: 'a@demo.kz', subject: 'Код' },
      { kind: 'attachment', what: 'unsupported' },
      { kind: 'note', text: 'no such button is shown; nothing sent' },
    ]).split('\n');
    expect(lines).toEqual([
      '→ user: [shares own contact +77010000001]',
      '',
      '→ user: [contact +77010000002]',
      '',
      '→ user: [photo]',
      "✕ bot deleted the user's message",
      '← bot: [photo] Фото объекта',
      '← bot: [document bookings.csv]',
      '← bot: Готово',
      '  ‹keyboard removed›',
      '← bot (push): 💳 Оплачено',
      '← bot → chat 42 (push): 🆕 Новая бронь',
      '✉ email to a@demo.kz: Код',
      '',
      '→ user: [unsupported message]',
      '‹replay: no such button is shown; nothing sent›',
      '',
    ]);
  });

  it('leaves no trailing spaces, so an editor that strips them keeps the transcript equal', () => {
    const transcript = renderTranscript([
      { kind: 'bot', edit: false, push: false, message: { text: 'строка с пробелом   \n\n  \nещё' } },
      {
        kind: 'bot',
        edit: false,
        push: false,
        message: { text: '', inline: [[{ text: ' ', callback: { action: 'noop', id: 0 } }]] },
      },
    ]);
    for (const line of transcript.split('\n')) expect(line).toBe(line.trimEnd());
  });
});
