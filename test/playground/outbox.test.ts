import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMailTransport } from '../../src/domain/mail/transport.ts';
import { readOutbox } from '../../src/playground/outbox.ts';

describe('the mail panel’s outbox reader', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'playground-outbox-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads what the app’s outbox transport wrote, decoded, newest first', async () => {
    // The app's own transport with SMTP_URL unset: the files the panel has to read.
    const transport = createMailTransport({
      outboxDir: dir,
      from: 'Daily Rentals <no-reply@daily-rentals.kz>',
      logger: pino({ level: 'silent' }),
    });
    await transport.send({ to: 'guest1@demo.kz', subject: 'Добро пожаловать', text: 'Здравствуйте!' });
    await new Promise((resolve) => setTimeout(resolve, 5)); // distinct file names (they start with the time)
    await transport.send({
      to: 'owner@demo.kz',
      subject: 'Код для привязки Telegram',
      text: `Ваш код: 482913\n\nКод действует 10 минут. ${'Длинная строка, '.repeat(10)}`,
    });

    const [newest, older, ...rest] = await readOutbox(dir);
    expect(rest).toEqual([]);
    expect(newest).toMatchObject({ to: 'owner@demo.kz', subject: 'Код для привязки Telegram' });
    expect(newest!.text).toContain('Ваш код: 482913\n\nКод действует 10 минут.');
    expect(newest!.text).toContain('Длинная строка, '.repeat(10).trim());
    expect(Number.isNaN(Date.parse(newest!.date ?? ''))).toBe(false);
    expect(older).toMatchObject({ to: 'guest1@demo.kz', subject: 'Добро пожаловать', text: 'Здравствуйте!' });
  });

  it('is empty before the first email (no outbox folder yet)', async () => {
    expect(await readOutbox(join(dir, 'outbox'))).toEqual([]);
  });
});
