import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { freePort } from './e2e.ts';

/** Debian's Chromium (`apt-get install chromium`); the browser tests need it. */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export interface PlaygroundProcess {
  url: string;
  dataDir: string;
  /** Milliseconds from the spawn to the "bot running" line. */
  readyAfterMs: number;
  startedAt: number;
  output: () => string;
  stop(): Promise<number | null>;
}

/**
 * `npm start` with no token, as a developer runs it on a fresh machine: a new
 * empty DATA_DIR (demo data gets loaded), PGlite, mail to the outbox folder.
 */
export async function startPlayground(): Promise<PlaygroundProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'playground-e2e-'));
  const port = await freePort();
  const startedAt = Date.now();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['src/main.ts'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      TELEGRAM_BOT_TOKEN: '',
      DATABASE_URL: '',
      SMTP_URL: '',
      WEBHOOK_URL: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  while (!output.includes('bot running (playground)')) {
    if (child.exitCode !== null) throw new Error(`the playground exited early:\n${output}`);
    if (Date.now() - startedAt > 90_000) throw new Error(`the playground did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `http://localhost:${port}`,
    dataDir,
    readyAfterMs: Date.now() - startedAt,
    startedAt,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      if (!process.env.E2E_KEEP) rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

/** Headless Chromium with a fresh profile; close the context to end it. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'playground-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The playground page as a person uses it: reads the bot's messages, presses its buttons. */
export class PlaygroundPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** The bot's newest message containing `text` (waits for it). */
  async botSays(text: string | RegExp, timeout = 20_000): Promise<Locator> {
    const message = this.page.locator('.row.theirs', { hasText: text }).last();
    await message.waitFor({ timeout });
    return message;
  }

  /** Presses a button of the reply keyboard under the input. */
  async reply(label: string): Promise<void> {
    await this.page
      .getByRole('region', { name: 'Reply keyboard' })
      .getByRole('button', { name: label, exact: true })
      .click();
  }

  /** The newest message with an inline button `label`. */
  messageWith(label: string): Locator {
    const button = this.page.getByRole('button', { name: label, exact: true });
    return this.page.locator('.row.with-keyboard').filter({ has: button }).last();
  }

  /** The inline button `label` of the newest message that has one. */
  inline(label: string): Locator {
    return this.messageWith(label).getByRole('button', { name: label, exact: true });
  }

  /** Types a message and sends it with Enter. */
  async type(text: string): Promise<void> {
    const input = this.page.getByRole('textbox', { name: 'Message' });
    await input.fill(text);
    await input.press('Enter');
  }

  /** Becomes a new unregistered person through the picker; returns their persona key. */
  async becomeNewPerson(): Promise<string> {
    await this.page.getByLabel('You are').selectOption('+new');
    await this.page.waitForURL(/\?as=person-\d+$/);
    await this.page.getByRole('button', { name: 'START' }).waitFor();
    return new URL(this.page.url()).searchParams.get('as')!;
  }
}
