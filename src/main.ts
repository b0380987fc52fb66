import { ConfigError, loadConfig } from './config.ts';
import { DataDirLocked } from './db/data-dir-lock.ts';
import { createLogger } from './logger.ts';
import { openRuntime } from './runtime.ts';

/**
 * `npm start`: opens the database (PGlite under DATA_DIR unless DATABASE_URL),
 * applies migrations and runs the job workers (email delivery, booking sweep)
 * until SIGINT/SIGTERM, then closes the database cleanly.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const runtime = await openRuntime(config, logger, { workers: true });
  const database = config.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${config.DATA_DIR}`;
  logger.info(
    { database, appliedMigrations: runtime.appliedMigrations },
    'database ready, migrations applied',
  );
  if (!config.TELEGRAM_BOT_TOKEN) {
    logger.warn(
      'TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather in Telegram and put TELEGRAM_BOT_TOKEN=… in .env or the environment',
    );
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await runtime.close();
    logger.info('stopped');
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLocked) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});
