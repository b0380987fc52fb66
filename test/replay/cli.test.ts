import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRecording, type Recording } from '../../src/replay/format.ts';
import { EXIT, runReplayCli } from '../../src/replay/replay-cli.ts';
import { createReplayDatabases, type ReplayDatabases } from '../../src/replay/replay-database.ts';

const silent = pino({ level: 'silent' });
let databases: ReplayDatabases;
let dir: string;
let recording: string;

const chat: Recording = {
  version: 1,
  seed: 'empty',
  startedAt: '2027-02-01T05:00:00.000Z',
  chatId: 730001,
  user: { id: 730001, firstName: 'Ерлан', languageCode: 'ru' },
  steps: [
    { type: 'text', text: '/start' },
    { type: 'text', text: '/help' },
  ],
};

/** Runs the command in this process; what it printed and its exit code. */
async function replay(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runReplayCli(
    argv,
    { out: (text) => out.push(text), err: (text) => err.push(text) },
    silent,
    databases,
  );
  return { code, out: out.join(''), err: err.join('') };
}

beforeAll(async () => {
  databases = createReplayDatabases(silent);
  dir = await mkdtemp(join(tmpdir(), 'replay-cli-test-'));
  recording = join(dir, 'start.json');
  await writeFile(recording, formatRecording(chat));
});
afterAll(async () => {
  await databases.close();
  await rm(dir, { recursive: true, force: true });
});

describe('npm run replay', () => {
  it('prints the transcript of a recording', async () => {
    const result = await replay(recording);
    expect(result.code).toBe(EXIT.ok);
    expect(result.out).toMatch(/^→ user: \/start\n← bot: Здравствуйте, Ерлан!/);
    expect(result.out).toContain('→ user: /help\n← bot: ℹ️ Что умеет бот');
  });

  it('writes the transcript next to the recording with --update-expect, then matches it with --expect', async () => {
    const written = await replay(recording, '--update-expect');
    expect(written).toMatchObject({ code: EXIT.ok, out: `wrote ${join(dir, 'start.transcript.txt')}\n` });
    const saved = await readFile(join(dir, 'start.transcript.txt'), 'utf8');
    expect(saved).toBe((await replay(recording)).out);
    const checked = await replay(recording, '--expect', join(dir, 'start.transcript.txt'));
    expect(checked.code).toBe(EXIT.ok);
    expect(checked.out).toContain('the transcript matches');
  });

  it('exits 1 on the first difference, showing its line, the expected and the actual line', async () => {
    const expected = join(dir, 'changed.transcript.txt');
    const lines = (await replay(recording)).out.split('\n');
    lines[1] = '← bot: Добрый вечер!';
    lines[4] = 'a later difference is not the first';
    await writeFile(expected, lines.join('\n'));
    const result = await replay(recording, '--expect', expected);
    expect(result.code).toBe(EXIT.differs);
    expect(result.err).toContain(`${expected}: first difference at line 2`);
    expect(result.err).toContain('  expected: ← bot: Добрый вечер!');
    expect(result.err).toContain('  actual:   ← bot: Здравствуйте, Ерлан!');
    expect(result.err).not.toContain('later difference');
  });

  it('exits 2 with a reason for a missing transcript, a file that is no recording, or no file at all', async () => {
    const missing = await replay(recording, '--expect', join(dir, 'nowhere.txt'));
    expect(missing.code).toBe(EXIT.failed);
    expect(missing.err).toContain('Write one with --update-expect');

    const broken = join(dir, 'broken.json');
    await writeFile(broken, JSON.stringify({ ...chat, version: 2 }));
    const wrong = await replay(broken);
    expect(wrong.code).toBe(EXIT.failed);
    expect(wrong.err).toContain('not a version 1 recording');

    const none = await replay();
    expect(none.code).toBe(EXIT.failed);
    expect(none.err).toContain('Usage: npm run replay');
  });

  it('as a process: a mismatch gives a non-zero exit code and the difference on stderr', async () => {
    const expected = join(dir, 'other.transcript.txt');
    await writeFile(expected, '→ user: /menu\n');
    const run = spawnSync(process.execPath, ['src/replay/cli.ts', recording, '--expect', expected], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(EXIT.differs);
    expect(run.stderr).toContain('first difference at line 1');
    expect(run.stderr).toContain('  actual:   → user: /start');
  });
});
