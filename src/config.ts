import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const booleanFlag = z
  .enum(['', '0', '1', 'true', 'false'])
  .optional()
  .transform((value) => value === '1' || value === 'true');

/** Where the XState inspector sends the chats' transitions (INSPECT). */
export type InspectSetting = { kind: 'local' } | { kind: 'sky' } | { kind: 'relay'; url: string };

/**
 * Every environment variable the application reads, with its default.
 * Parsed once at start (`loadConfig`); a bad value fails fast naming the variable.
 */
export const configSchema = z.object({
  /** Bot token from @BotFather. Required to run the bot. */
  TELEGRAM_BOT_TOKEN: optionalString,
  /** Bot API root; point it at a local Bot API server or an emulator. */
  TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),
  /**
   * Outgoing message limits as `global/perChat` messages per second (Telegram's
   * are about 30 and 1), or `off` (for a local emulator).
   */
  TELEGRAM_RATE_LIMIT: z
    .string()
    .trim()
    .default('30/1')
    .transform((value, ctx) => {
      if (value === 'off') return null;
      const match = /^(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(value);
      if (!match) {
        ctx.addIssue({ code: 'custom', message: 'expected global/perChat, e.g. 30/1, or off' });
        return z.NEVER;
      }
      return { global: Number(match[1]), perChat: Number(match[2]) };
    }),
  /** Public HTTPS URL Telegram posts updates to; unset → long polling. */
  WEBHOOK_URL: optionalString.pipe(z.url().optional()),
  /** Secret token Telegram sends in `X-Telegram-Bot-Api-Secret-Token`; required with WEBHOOK_URL. */
  WEBHOOK_SECRET: optionalString,
  /** Port of the webhook / health HTTP server. */
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  /** PostgreSQL connection string; unset → embedded PGlite under DATA_DIR. */
  DATABASE_URL: optionalString,
  /** Folder for the embedded database, the mail outbox and the generated app secret. */
  DATA_DIR: z.string().trim().min(1).default('./data'),
  /** SMTP connection URL for nodemailer (e.g. smtp://user:pass@host:587); unset → DATA_DIR/outbox. */
  SMTP_URL: optionalString,
  /** Sender address of outgoing email. */
  MAIL_FROM: z.string().trim().min(3).default('Daily Rentals <no-reply@daily-rentals.kz>'),
  /** Secret for code hashing and job payload encryption (≥ 32 chars); unset → generated into DATA_DIR. */
  APP_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Log every SQL statement (MikroORM debug). */
  DB_DEBUG: booleanFlag,
  /**
   * XState inspector for the running chats (src/inspector.ts); off by default.
   * `1`: a local relay on INSPECT_PORT and its page; `sky`: Stately Sky (needs
   * internet); a `ws://…` URL: a relay already running there.
   */
  INSPECT: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx): InspectSetting | null => {
      if (value === undefined || ['', '0', 'false'].includes(value)) return null;
      if (value === '1' || value === 'true') return { kind: 'local' };
      if (value === 'sky') return { kind: 'sky' };
      if (/^wss?:\/\/\S+$/.test(value)) return { kind: 'relay', url: value };
      ctx.addIssue({ code: 'custom', message: 'expected 1, sky or a ws:// URL of an inspector relay' });
      return z.NEVER;
    }),
  /** Port of the local inspector relay and its page (INSPECT=1). */
  INSPECT_PORT: z.coerce.number().int().min(1).max(65535).default(8081),
  /** Record every chat's inputs for `npm run replay` (secrets redacted); off by default. */
  RECORD: booleanFlag,
  /** Folder of the recordings; unset → DATA_DIR/recordings. */
  RECORD_DIR: optionalString,
});

export type AppConfig = z.infer<typeof configSchema>;

/** Thrown when the environment does not satisfy `configSchema`. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the environment into an `AppConfig`.
 * Reads `.env` from the working directory first when present (real environment wins).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, { readDotEnv = true } = {}): AppConfig {
  if (readDotEnv && env === process.env && existsSync('.env')) {
    process.loadEnvFile('.env');
  }
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const config = parsed.data;
  if (config.WEBHOOK_URL && !config.WEBHOOK_SECRET) {
    throw new ConfigError('Invalid configuration:\n  WEBHOOK_SECRET: required when WEBHOOK_URL is set');
  }
  return config;
}

/** Where recordings go: RECORD_DIR, or `recordings/` in DATA_DIR. */
export function recordingsDir(config: Pick<AppConfig, 'RECORD_DIR' | 'DATA_DIR'>): string {
  return config.RECORD_DIR ?? join(config.DATA_DIR, 'recordings');
}
