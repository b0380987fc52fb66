import type { Api } from 'node-telegram-bot-api';
import type { Logger } from 'pino';
import type { JobQueue } from '../db/job-queue.ts';
import type { Orm } from '../db/orm.ts';
import type { Domain } from '../domain/index.ts';
import type { FlowInspect } from './flow-inspection.ts';
import { commandsFor } from './help.ts';
import { messagesFor } from './i18n/index.ts';
import { notificationPushHandler } from './notification-push.ts';
import { createPipeline, type UpdateObserver } from './pipeline.ts';
import { pollUpdates } from './polling.ts';
import { createSender } from './sender.ts';
import { createWebhookServer, WEBHOOK_PATH } from './webhook-server.ts';

export interface BotDeps {
  api: Api;
  orm: Orm;
  domain: Domain;
  jobs: JobQueue;
  logger: Logger;
  /** Sees every new update before it is handled (RECORD=1: the replay recorder). */
  observer?: UpdateObserver;
  /** Shows every flow actor to the XState inspector (INSPECT=1; src/inspector.ts). */
  inspect?: FlowInspect;
}

/**
 * The Telegram bot: the update pipeline, the reply sender, the notification
 * push job, and the two ways updates arrive (long polling, webhook).
 */
export function createBot({ api, orm, domain, jobs, logger, observer, inspect }: BotDeps) {
  const sender = createSender(api, logger, (chatId) =>
    domain.accounts.setBotBlocked(orm.em.fork(), chatId, true),
  );
  const pipeline = createPipeline({
    orm,
    domain,
    sender,
    logger,
    ...(observer ? { observer } : {}),
    ...(inspect ? { inspect } : {}),
  });
  jobs.handle('notification.push', notificationPushHandler(orm, domain, sender));

  return {
    pipeline,
    sender,

    /** Registers the command list shown in Telegram's menu, in Russian (default) and English. Optional: failures are logged. */
    async registerCommands(): Promise<void> {
      for (const [locale, languageCode] of [
        ['ru', undefined],
        ['en', 'en'],
      ] as const) {
        const t = messagesFor(locale);
        const commands = commandsFor(null).map((command) => ({ command, description: t.commands[command] }));
        await api
          .setMyCommands({ commands, ...(languageCode ? { language_code: languageCode } : {}) })
          .catch((error: unknown) => logger.warn({ err: error, locale }, 'setMyCommands failed; going on'));
      }
    },

    /** Long polling until `signal` aborts; resolves after the updates in flight are done. */
    async poll(signal: AbortSignal): Promise<void> {
      await api
        .deleteWebhook({})
        .catch((error: unknown) => logger.warn({ err: error }, 'deleteWebhook failed; going on'));
      await pollUpdates(api, (update) => pipeline.handleUpdate(update), logger, signal);
      await pipeline.idle();
    },

    /** Webhook mode: registers the URL with Telegram and returns the HTTP server (not yet listening). */
    async webhook(url: string, secret: string) {
      const server = createWebhookServer({
        secret,
        handle: (update) => pipeline.handleUpdate(update),
        logger,
      });
      const hookUrl = new URL(WEBHOOK_PATH, url).toString();
      await api.setWebhook({
        url: hookUrl,
        secret_token: secret,
        allowed_updates: ['message', 'callback_query'],
      });
      logger.info({ url: hookUrl }, 'webhook registered');
      return server;
    },
  };
}

export type TelegramBot = ReturnType<typeof createBot>;
