import { once } from 'node:events';
import { Api } from 'node-telegram-bot-api';
import { createBot } from './bot/create-bot.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DataDirLocked } from './db/data-dir-lock.ts';
import { createLogger } from './logger.ts';
import { openRuntime } from './runtime.ts';

const NO_TOKEN =
  'TELEGRAM_BOT_TOKEN is not set. Create a bot with @BotFather in Telegram (/newbot), then put ' +
  'TELEGRAM_BOT_TOKEN=<token> in a .env file here or in the environment, and run npm start again.';

/**
 * `npm start`: the bot. Opens the database (PGlite under DATA_DIR unless
 * DATABASE_URL) and migrates it, runs the job workers, and takes updates by
 * long polling, or by webhook when WEBHOOK_URL is set. On SIGINT/SIGTERM it
 * stops taking updates, finishes those in flight, then closes the database.
 * The only place the long-running app is wired.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.TELEGRAM_BOT_TOKEN) {
    console.error(NO_TOKEN);
    process.exitCode = 1;
    return;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const runtime = await openRuntime(config, logger, { background: true });
  const database = config.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${config.DATA_DIR}`;
  logger.info({ database, appliedMigrations: runtime.appliedMigrations }, 'database ready');

  const api = new Api(config.TELEGRAM_BOT_TOKEN, {
    apiRoot: config.TELEGRAM_API_ROOT,
    ...(config.TELEGRAM_RATE_LIMIT ? { rateLimit: config.TELEGRAM_RATE_LIMIT } : {}),
  });
  const bot = createBot({ api, orm: runtime.orm, domain: runtime.domain, jobs: runtime.jobs, logger });
  await runtime.startWorkers();
  await bot.registerCommands();

  const stopping = new AbortController();
  const stop = (signal: string) => {
    if (stopping.signal.aborted) return;
    logger.info({ signal }, 'shutting down: finishing the updates in flight');
    stopping.abort();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));

  if (config.WEBHOOK_URL && config.WEBHOOK_SECRET) {
    const server = await bot.webhook(config.WEBHOOK_URL, config.WEBHOOK_SECRET);
    server.listen(config.PORT);
    await once(server, 'listening');
    logger.info({ port: config.PORT }, 'bot running (webhook)');
    await once(stopping.signal, 'abort');
    await new Promise((resolve) => server.close(resolve));
    await bot.pipeline.idle();
  } else {
    logger.info('bot running (long polling)');
    await bot.poll(stopping.signal);
  }
  await runtime.close();
  logger.info('stopped');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLocked) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});
