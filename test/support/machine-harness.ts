import type { AnyStateMachine } from 'xstate';
import type { Flow, FlowServices } from '../../src/bot/flow.ts';
import type { FlowEvent } from '../../src/bot/flow-event.ts';
import { accepts, type FlowStep, openFlow } from '../../src/bot/run-flow.ts';
import type { OutgoingMessage } from '../../src/bot/screen.ts';
import { ActorScript, view } from './flows.ts';

/**
 * One chat with a flow as the engine runs it (`openFlow`): every update
 * restores the machine from the JSON the previous one left.
 */
export class FlowChat {
  private step: FlowStep | null = null;
  private readonly flow: Flow;
  constructor(machine: AnyStateMachine, flow: Flow) {
    this.flow = { ...flow, machine };
  }
  async start(input?: unknown): Promise<this> {
    const open = await openFlow(this.flow, {} as FlowServices, null, input);
    this.step = await open.send(null);
    return this;
  }
  /**
   * Delivers an event; false (and nothing happens) when the screen does not take it, like a stale button.
   * A label-only button (`cb.noop`) is answered by the engine before any flow sees it: true, and nothing happens.
   */
  async send(event: FlowEvent): Promise<boolean> {
    if (event.type === 'cb.noop') return true;
    const json = JSON.parse(JSON.stringify(this.step?.persisted ?? null));
    const open = await openFlow(this.flow, {} as FlowServices, json);
    if (!accepts(open.current, event)) return false;
    this.step = await open.send(event);
    return true;
  }
  /** Types text, or presses the reply button with that label (as the engine maps labels to events). */
  async say(text: string): Promise<boolean> {
    const button = this.messages()
      .flatMap((message) => (Array.isArray(message.reply) ? message.reply.flat() : []))
      .find((candidate) => candidate.text === text);
    return this.send(button?.event ?? { type: 'TEXT', text });
  }
  /** Presses the inline button with that label. */
  async tap(label: string): Promise<boolean> {
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
  messages(locale: 'ru' | 'en' = 'ru'): OutgoingMessage[] {
    return this.flow.render(this.step!.snapshot, view(locale));
  }
  text(locale: 'ru' | 'en' = 'ru'): string {
    return this.messages(locale)
      .map((message) => message.text)
      .join('\n\n');
  }
  /** The inline buttons as `label → action:id`. */
  buttons(locale: 'ru' | 'en' = 'ru'): string[][] {
    return (this.messages(locale)[0]?.inline ?? []).map((row) =>
      row.map((button) => `${button.text} → ${button.callback.action}:${button.callback.id}`),
    );
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
  finish(locale: 'ru' | 'en' = 'ru'): string | null {
    return this.flow.finish(this.step!.output, view(locale));
  }
}

/**
 * A fresh `ActorScript` and a chat with `flow` running `machine`, whose
 * `actors` (by name) take their outcomes from the script.
 */
export function scriptedChat(
  machine: AnyStateMachine,
  flow: Flow,
  actors: readonly string[],
): { script: ActorScript; chat: FlowChat } {
  const script = new ActorScript();
  const provided = machine.provide({
    actors: Object.fromEntries(actors.map((name) => [name, script.promise(name)])),
  });
  return { script, chat: new FlowChat(provided, flow) };
}
