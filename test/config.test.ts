import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('config', () => {
  it('fills every default for an empty environment', () => {
    const config = loadConfig({}, { readDotEnv: false });
    expect(config).toMatchObject({
      TELEGRAM_API_ROOT: 'https://api.telegram.org',
      PORT: 8080,
      DATA_DIR: './data',
      LOG_LEVEL: 'info',
      DB_DEBUG: false,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.SMTP_URL).toBeUndefined();
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' }, { readDotEnv: false })).toThrow(/PORT/);
    expect(() => loadConfig({ TELEGRAM_API_ROOT: 'not a url' }, { readDotEnv: false })).toThrow(
      /TELEGRAM_API_ROOT/,
    );
    expect(() => loadConfig({ APP_SECRET: 'short' }, { readDotEnv: false })).toThrow(/APP_SECRET/);
  });

  it('requires a webhook secret in webhook mode', () => {
    expect(() => loadConfig({ WEBHOOK_URL: 'https://bot.example.kz/hook' }, { readDotEnv: false })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ WEBHOOK_URL: 'https://bot.example.kz/hook' }, { readDotEnv: false })).toThrow(
      /WEBHOOK_SECRET/,
    );
  });
});
