import type { Flow, FlowServices } from '../../src/bot/flow.ts';
import type { OutgoingMessage } from '../../src/bot/screen.ts';
import type { Actor } from '../../src/domain/actor.ts';
import type { SuiteDatabase } from './database.ts';
import { FlowChatBase } from './flow-chat-base.ts';
import { view } from './flows.ts';

/**
 * One chat with a flow and the real domain behind it, as the engine runs it:
 * each update is one transaction, the machine restored from the JSON the
 * previous update left. For view tests that need real figures without the
 * Telegram emulator.
 */
export class DomainChat extends FlowChatBase {
  private readonly database: SuiteDatabase;
  private readonly actor: Actor | null;

  constructor(database: SuiteDatabase, flow: Flow, actor: Actor | null) {
    super(flow);
    this.database = database;
    this.actor = actor;
  }

  protected update<T>(handle: (services: FlowServices) => Promise<T>): Promise<T> {
    return this.database.fork().transactional((em) =>
      handle({
        em,
        domain: this.database.db.domain,
        actor: this.actor,
        telegram: { telegramId: 1, chatId: 1, firstName: 'Айдар', locale: 'ru' },
      }),
    );
  }

  /** What the person sees now: nothing once the flow ended. */
  messages(locale: 'ru' | 'en' = 'ru'): OutgoingMessage[] {
    if (!this.step?.persisted) return [];
    return this.flow.render(this.step.snapshot, view(locale));
  }

  /** The last message's text (the screen under any header). */
  text(locale: 'ru' | 'en' = 'ru'): string {
    return this.messages(locale).at(-1)?.text ?? '';
  }
}
