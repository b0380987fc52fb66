import { once } from 'node:events';
import { join } from 'node:path';
import { Api } from 'node-telegram-bot-api';
import type { Logger } from 'pino';
import { createBot } from './bot/create-bot.ts';
import { type AppConfig, ConfigError, loadConfig, recordingsDir } from './config.ts';
import { DataDirLocked } from './db/data-dir-lock.ts';
import { startInspector } from './inspector.ts';
import { createLogger } from './logger.ts';
import { createLocalBotApi } from './playground/bot-api.ts';
import { nextUpdateId, seedIfEmpty } from './playground/demo-database.ts';
import { createFileStore } from './playground/file-store.ts';
import { createPersonas } from './playground/personas.ts';
import { createPlaygroundServer } from './playground/server.ts';
import { createRecorder } from './replay/recorder.ts';
import { detectSeed } from './replay/seed-kind.ts';
import { openRuntime, type Runtime } from './runtime.ts';

const NO_TOKEN =
  'No TELEGRAM_BOT_TOKEN: running the playground. For Telegram, create a bot with @BotFather ' +
  '(/newbot), put TELEGRAM_BOT_TOKEN=<token> in a .env file here or in the environment, and start again.';

/**
 * The playground (no token): demo data in an empty database, a Telegram Bot
 * API inside this process, and the chat page, both on PORT (loopback only:
 * anyone reaching it could act as any demo account).
 */
async function startPlayground(config: AppConfig, runtime: Runtime, logger: Logger) {
  const seeded = await seedIfEmpty(runtime.orm.em.fork(), runtime.domain);
  if (seeded) logger.info({ seeded }, 'empty database: demo data loaded');
  const dir = join(config.DATA_DIR, 'playground');
  const botApi = createLocalBotApi({
    files: createFileStore(join(dir, 'files')),
    chatsFile: join(dir, 'chats.json'),
    firstUpdateId: await nextUpdateId(runtime.orm.em.fork()),
  });
  const playground = createPlaygroundServer({
    botApi,
    personas: createPersonas(runtime.orm),
    outboxDir: join(config.DATA_DIR, 'outbox'),
    logger,
  });
  playground.server.listen(config.PORT, '127.0.0.1');
  await once(playground.server, 'listening').catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE'
      ? new ConfigError(`PORT ${config.PORT} is in use: set PORT to a free port`)
      : error;
  });
  return {
    token: botApi.token,
    apiRoot: `http://127.0.0.1:${config.PORT}`,
    url: `http://localhost:${config.PORT}`,
    seeded: seeded !== null,
    async close() {
      await playground.close();
      await botApi.close();
    },
  };
}

/**
 * `npm start`: the bot. Opens the database (PGlite under DATA_DIR unless
 * DATABASE_URL) and migrates it, runs the job workers, and takes updates by
 * long polling, or by webhook when WEBHOOK_URL is set; with no
 * TELEGRAM_BOT_TOKEN, from the playground's chat page. On SIGINT/SIGTERM it
 * stops taking updates, finishes those in flight, then closes the database.
 * The only place the long-running app is wired.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const runtime = await openRuntime(config, logger, { background: true });
  const database = config.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${config.DATA_DIR}`;
  logger.info({ database, appliedMigrations: runtime.appliedMigrations }, 'database ready');

  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) logger.info(NO_TOKEN);
  const playground = token ? null : await startPlayground(config, runtime, logger);
  const api = playground
    ? new Api(playground.token, { apiRoot: playground.apiRoot })
    : new Api(token!, {
        apiRoot: config.TELEGRAM_API_ROOT,
        ...(config.TELEGRAM_RATE_LIMIT ? { rateLimit: config.TELEGRAM_RATE_LIMIT } : {}),
      });
  // RECORD=1 (always in the playground): every chat's inputs go to RECORD_DIR for `npm run replay`.
  const recorder =
    config.RECORD || playground
      ? createRecorder({
          dir: recordingsDir(config),
          ...(await detectSeed(runtime.orm.em.fork())),
          clock: runtime.domain.deps.clock,
          secrets: runtime.domain.deps.secrets,
          logger,
        })
      : undefined;
  if (recorder) logger.info({ dir: recordingsDir(config) }, 'recording every chat');
  // INSPECT=1: every chat's flow transitions, live, in the Stately inspector.
  const inspector = config.INSPECT ? await startInspector(config.INSPECT, config.INSPECT_PORT, logger) : null;
  if (inspector) logger.info({ watch: inspector.watch }, `XState inspector: open ${inspector.watch}`);
  const bot = createBot({
    api,
    orm: runtime.orm,
    domain: runtime.domain,
    jobs: runtime.jobs,
    logger,
    ...(recorder ? { observer: recorder } : {}),
    ...(inspector ? { inspect: inspector.inspect } : {}),
  });
  // The demo data's notifications are old news: settled (nobody to push to yet) before anyone is linked.
  if (playground?.seeded) await runtime.jobs.runAvailable('notification.push');
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

  if (playground) {
    logger.info({ url: playground.url }, `bot running (playground): open ${playground.url} in a browser`);
    await bot.poll(stopping.signal);
  } else if (config.WEBHOOK_URL && config.WEBHOOK_SECRET) {
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
  await recorder?.flush();
  await inspector?.stop();
  await runtime.close();
  await playground?.close();
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
