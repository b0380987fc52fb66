import type { Flow, FlowServices } from '../../src/bot/flow.ts';
import type { FlowEvent } from '../../src/bot/flow-event.ts';
import { accepts, type FlowStep, openFlow } from '../../src/bot/run-flow.ts';
import type { OutgoingMessage } from '../../src/bot/screen.ts';
import { view } from './flows.ts';

/**
 * One chat with a flow as the engine runs it (`openFlow`): every update
 * restores the machine from the JSON the previous one left, and an event the
 * screen does not take changes nothing, like a stale button. What an update
 * runs with (scripted actors, or the real domain in a transaction) is the
 * subclass's `update`: `FlowChat` (test/support/machine-harness.ts) and
 * `DomainChat` (test/support/domain-chat.ts).
 */
export abstract class FlowChatBase {
  protected step: FlowStep | null = null;
  protected readonly flow: Flow;

  constructor(flow: Flow) {
    this.flow = flow;
  }

  /** Runs one update's `handle` with the services the flow gets then. */
  protected abstract update<T>(handle: (services: FlowServices) => Promise<T>): Promise<T>;

  /** What the person sees now. */
  abstract messages(locale?: 'ru' | 'en'): OutgoingMessage[];

  private run(event: FlowEvent | null, input?: unknown): Promise<boolean> {
    return this.update(async (services) => {
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

  /** Delivers an event; false (and nothing happens) when the screen does not take it, like a stale button. */
  send(event: FlowEvent): Promise<boolean> {
    return this.run(event);
  }

  /** Types text, or presses the reply button with that label (as the engine maps labels to events). */
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

  /** The reply keyboard's labels. */
  keyboard(locale: 'ru' | 'en' = 'ru'): string[][] {
    const reply = this.messages(locale).find((message) => Array.isArray(message.reply))?.reply;
    return Array.isArray(reply) ? reply.map((row) => row.map((button) => button.text)) : [];
  }

  /** The inline buttons' labels, over every message. */
  inline(locale: 'ru' | 'en' = 'ru'): string[][] {
    return this.messages(locale)
      .flatMap((message) => message.inline ?? [])
      .map((row) => row.map((button) => button.text));
  }

  /** The line above the main menu once the flow ended. */
  finish(locale: 'ru' | 'en' = 'ru'): string | null {
    return this.flow.finish(this.step?.output, view(locale));
  }
}
