import type { Flow, FlowServices } from '../../src/bot/flow.ts';
import type { FlowEvent } from '../../src/bot/flow-event.ts';
import { accepts, type FlowStep, openFlow } from '../../src/bot/run-flow.ts';
import type { OutgoingMessage } from '../../src/bot/screen.ts';
import type { Actor } from '../../src/domain/actor.ts';
import type { SuiteDatabase } from './database.ts';
import { view } from './flows.ts';

/**
 * One chat with a flow and the real domain behind it, as the engine runs it:
 * each update is one transaction, the machine restored from the JSON the
 * previous update left. For view tests that need real figures without the
 * Telegram emulator.
 */
export class DomainChat {
  private step: FlowStep | null = null;
  private readonly database: SuiteDatabase;
  private readonly flow: Flow;
  private readonly actor: Actor | null;

  constructor(database: SuiteDatabase, flow: Flow, actor: Actor | null) {
    this.database = database;
    this.flow = flow;
    this.actor = actor;
  }

  private run(event: FlowEvent | null, input?: unknown): Promise<boolean> {
    return this.database.fork().transactional(async (em) => {
      const services: FlowServices = {
        em,
        domain: this.database.db.domain,
        actor: this.actor,
        telegram: { telegramId: 1, chatId: 1, firstName: 'Айдар', locale: 'ru' },
      };
      const persisted = event ? JSON.parse(JSON.stringify(this.step?.persisted ?? null)) : null;
      const open = await openFlow(this.flow, services, persisted, input);
      if (event && !accepts(open.current, event)) return false;
      this.step = await open.send(event);
      return true;
    });
  }

  /** Starts the flow with `input`. */
  async start(input?: unknown): Promise<this> {
    await this.run(null, input);
    return this;
  }

  /** Delivers an event; false (nothing happens) when the screen does not take it, like a stale button. */
  send(event: FlowEvent): Promise<boolean> {
    return this.run(event);
  }

  /** Types text, or presses the reply button with that label. */
  say(text: string): Promise<boolean> {
    const button = this.messages()
      .flatMap((message) => (Array.isArray(message.reply) ? message.reply.flat() : []))
      .find((candidate) => candidate.text === text);
    return this.send(button?.event ?? { type: 'TEXT', text });
  }

  /** Presses the inline button with that label. */
  tap(label: string): Promise<boolean> {
    const button = this.messages()
      .flatMap((message) => message.inline?.flat() ?? [])
      .find((candidate) => candidate.text === label);
    if (!button) throw new Error(`no inline button ${label}: ${JSON.stringify(this.inline())}`);
    const { action, id, arg } = button.callback;
    return this.send({ type: `cb.${action}`, id, ...(arg ? { arg } : {}) } as FlowEvent);
  }

  get state(): string {
    return this.step?.snapshot.value as string;
  }

  get output(): unknown {
    return this.step?.output;
  }

  get context(): unknown {
    return this.step?.snapshot.context;
  }

  messages(locale: 'ru' | 'en' = 'ru'): OutgoingMessage[] {
    if (!this.step?.persisted) return [];
    return this.flow.render(this.step.snapshot, view(locale));
  }

  /** The last message's text (the screen under any header). */
  text(locale: 'ru' | 'en' = 'ru'): string {
    return this.messages(locale).at(-1)?.text ?? '';
  }

  /** The inline buttons' labels, over every message. */
  inline(locale: 'ru' | 'en' = 'ru'): string[][] {
    return this.messages(locale)
      .flatMap((message) => message.inline ?? [])
      .map((row) => row.map((button) => button.text));
  }

  /** The reply keyboard's labels. */
  keyboard(locale: 'ru' | 'en' = 'ru'): string[][] {
    const reply = this.messages(locale).find((message) => Array.isArray(message.reply))?.reply;
    return Array.isArray(reply) ? reply.map((row) => row.map((button) => button.text)) : [];
  }

  /** The line above the main menu once the flow ended. */
  finish(locale: 'ru' | 'en' = 'ru'): string | null {
    return this.flow.finish(this.step?.output, view(locale));
  }
}
