import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Update } from 'node-telegram-bot-api/types';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMachine } from 'xstate';
import type { Flow } from '../../src/bot/flow.ts';
import { readUpdate } from '../../src/bot/input.ts';
import type { ObservedUpdate } from '../../src/bot/pipeline.ts';
import { navigationRow } from '../../src/bot/views/keyboards.ts';
import type { Em } from '../../src/db/orm.ts';
import { manualClock } from '../../src/domain/clock.ts';
import { createSecrets } from '../../src/domain/secrets.ts';
import { parseRecording, type Recording } from '../../src/replay/format.ts';
import { createRecorder } from '../../src/replay/recorder.ts';
import { createReplayDatabases, type ReplayDatabases } from '../../src/replay/replay-database.ts';
import { replayLinkCodes, replayRecording } from '../../src/replay/replayer.ts';

const silent = pino({ level: 'silent' });
let databases: ReplayDatabases;
let dir: string;

beforeAll(async () => {
  databases = createReplayDatabases(silent);
  dir = await mkdtemp(join(tmpdir(), 'recorder-test-'));
});
afterAll(async () => {
  await databases.close();
  await rm(dir, { recursive: true, force: true });
});

/** A chat that links guest1 (one wrong code first) and looks at past bookings, pressing a button by label. */
const draft: Recording = {
  version: 1,
  seed: 'demo',
  startedAt: '2027-02-01T05:00:00.000Z',
  chatId: 720001,
  user: { id: 720001, firstName: 'Алия', languageCode: 'ru' },
  steps: [
    { type: 'text', text: '/link' },
    { type: 'text', text: 'guest1@demo.kz' },
    { type: 'text', text: '{{wrongLinkCode}}' },
    { type: 'text', text: '{{linkCode}}', at: 90_000 },
    { type: 'text', text: '📦 Мои бронирования' },
    { type: 'callback', button: '🕘 Прошедшие' },
  ],
};

describe('recording a chat through the real pipeline', () => {
  let recorded: Recording;
  let file: string;
  let transcript: string;

  beforeAll(async () => {
    file = join(dir, 'linked.json');
    transcript = (await replayRecording(draft, { databases, logger: silent, recordTo: file })).transcript;
    recorded = parseRecording(await readFile(file, 'utf8'));
  });

  it('writes the small versioned format: seed, start, chat, person, steps with their times', () => {
    expect(recorded).toMatchObject({
      version: 1,
      seed: 'demo',
      startedAt: '2027-02-01T05:00:00.000Z',
      chatId: 720001,
      user: { id: 720001, firstName: 'Алия', languageCode: 'ru' },
    });
    expect(recorded.steps.map((step) => step.at)).toEqual([0, 1000, 2000, 90_000, 91_000, 92_000]);
  });

  it('keeps what was typed, but the link code only as a placeholder, and a wrong one as another', async () => {
    expect(recorded.steps.slice(0, 5).map((step) => (step.type === 'text' ? step.text : step.type))).toEqual([
      '/link',
      'guest1@demo.kz',
      '{{wrongLinkCode}}',
      '{{linkCode}}',
      '📦 Мои бронирования',
    ]);
    // Neither the real code (the first replay code) nor the wrong guess made of it reach the file.
    const code = replayLinkCodes()();
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(code);
    expect(text).not.toContain(wrong);
  });

  it('stores a pressed inline button with its callback data and its label', () => {
    expect(recorded.steps[5]).toEqual({
      type: 'callback',
      data: 'tab:0:past',
      button: '🕘 Прошедшие',
      at: 92_000,
    });
  });

  it('replays to the same transcript as the chat it recorded', async () => {
    const again = await replayRecording(recorded, { databases, logger: silent });
    expect(again.transcript).toBe(transcript);
    expect(transcript).toContain('→ user: {{linkCode}}');
    expect(transcript).toMatch(/Аккаунт привязан/);
    expect(again.flows).toEqual(['link', 'myBookings']);
  });
});

/** A flow whose only state asks for a password (as add-realtor does), with Back and Cancel buttons. */
const passwordFlow: Flow = {
  id: 'test-password',
  version: 1,
  audience: 'anyone',
  machine: createMachine({ id: 'test-password', initial: 'askPassword', states: { askPassword: {} } }),
  render: (_snapshot, { t }) => [{ text: 'Пароль?', reply: [navigationRow(t, { back: true })] }],
  sensitive: (snapshot) => snapshot.matches('askPassword'),
  finish: () => null,
};
const session = {
  machineId: passwordFlow.id,
  machineVersion: 1,
  snapshot: { status: 'active', value: 'askPassword', context: {} },
  rowVersion: 1,
};

let updateId = 1;
function typed(chatId: number, text: string, withSession = true, em = {} as Em): ObservedUpdate {
  const from = { id: chatId, is_bot: false, first_name: 'Мадина', language_code: 'ru' };
  const raw = {
    update_id: updateId++,
    message: { message_id: updateId, date: 1, chat: { id: chatId, type: 'private' }, from, text },
  } as Update;
  return {
    em,
    raw,
    update: readUpdate(raw)!,
    session: withSession ? session : null,
    locale: 'ru',
    actor: null,
  };
}

describe('the recorder on its own', () => {
  const clock = manualClock('2027-03-01T06:00:00.000Z');
  const secrets = createSecrets('recorder-test-secret-recorder-test-secret');

  it('replaces a password typed in a sensitive state; buttons, commands and other states stay as typed', async () => {
    const recorder = createRecorder({
      dir: join(dir, 'passwords'),
      seed: 'demo',
      seededAt: '2027-02-28T00:00:00.000Z',
      clock,
      secrets,
      logger: silent,
      flows: { [passwordFlow.id]: passwordFlow },
    });
    await recorder.observe(typed(501, 'Sup3r-secret!'));
    await recorder.observe(typed(501, '⬅️ Назад'));
    await recorder.observe(typed(501, '/cancel'));
    await recorder.observe(typed(501, 'Sup3r-secret!', false));
    await recorder.flush();
    const text = await readFile(recorder.fileOf(501)!, 'utf8');
    const recording = parseRecording(text);
    expect(recording.seededAt).toBe('2027-02-28T00:00:00.000Z');
    expect(recording.steps.map((step) => (step.type === 'text' ? step.text : step.type))).toEqual([
      '{{password}}',
      '⬅️ Назад',
      '/cancel',
      'Sup3r-secret!',
    ]);
    expect(text.match(/Sup3r-secret!/g)).toHaveLength(1);
  });

  it('replaces the live link code wherever it is typed, and keeps other numbers', async () => {
    // The database as findLiveCode sees it: one live code, 482913, for this person.
    const em = {
      execute: async () => [{ id: 1, user_id: 7, code_hash: secrets.hashCode('482913') }],
    } as unknown as Em;
    const recorder = createRecorder({
      dir: join(dir, 'codes'),
      seed: 'demo',
      clock,
      secrets,
      logger: silent,
    });
    await recorder.observe(typed(551, '482 913', false, em));
    await recorder.observe(typed(551, '150000', false, em));
    await recorder.flush();
    const text = await readFile(recorder.fileOf(551)!, 'utf8');
    expect(parseRecording(text).steps.map((step) => (step.type === 'text' ? step.text : step.type))).toEqual([
      '{{linkCode}}',
      '150000',
    ]);
    expect(text).not.toContain('482');
  });

  it('keeps one file per chat per session, named by chat and start; restart begins a new one', async () => {
    const folder = join(dir, 'sessions');
    const recorder = createRecorder({ dir: folder, seed: 'empty', clock, secrets, logger: silent });
    await recorder.observe(typed(601, 'привет', false));
    await recorder.observe(typed(602, 'здравствуйте', false));
    clock.advance(5000);
    await recorder.observe(typed(601, 'ещё', false));
    recorder.restart(601);
    await recorder.observe(typed(601, 'снова', false));
    await recorder.flush();
    expect((await readdir(folder)).sort()).toEqual([
      '601-2027-03-01T06-00-00-000Z.json',
      '601-2027-03-01T06-00-05-000Z.json',
      '602-2027-03-01T06-00-00-000Z.json',
    ]);
    const first = parseRecording(await readFile(join(folder, '601-2027-03-01T06-00-00-000Z.json'), 'utf8'));
    expect(first.steps).toEqual([
      { type: 'text', text: 'привет', at: 0 },
      { type: 'text', text: 'ещё', at: 5000 },
    ]);
  });

  it('logs a recording it cannot write and lets the update go on', async () => {
    const blocker = join(dir, 'not-a-folder');
    await writeFile(blocker, 'a file where the folder should be');
    const logged: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => logged.push(line) });
    const recorder = createRecorder({ dir: blocker, seed: 'empty', clock, secrets, logger });
    await expect(recorder.observe(typed(701, 'привет', false))).resolves.toBeUndefined();
    await recorder.flush();
    expect(logged.join('')).toContain('recording not written');
  });
});
