import type { AnyStateMachine } from 'xstate';
import type { Flow, FlowServices } from '../../src/bot/flow.ts';
import type { FlowEvent } from '../../src/bot/flow-event.ts';
import type { OutgoingMessage } from '../../src/bot/screen.ts';
import { FlowChatBase } from './flow-chat-base.ts';
import { ActorScript, view } from './flows.ts';

/**
 * One chat with a flow as the engine runs it (`openFlow`), its machine's
 * domain calls answered by whatever `machine` was provided with: every update
 * restores the machine from the JSON the previous one left.
 */
export class FlowChat extends FlowChatBase {
  constructor(machine: AnyStateMachine, flow: Flow) {
    super({ ...flow, machine });
  }

  protected update<T>(handle: (services: FlowServices) => Promise<T>): Promise<T> {
    return handle({} as FlowServices);
  }

  /**
   * Delivers an event; false (and nothing happens) when the screen does not take it, like a stale button.
   * A label-only button (`cb.noop`) is answered by the engine before any flow sees it: true, and nothing happens.
   */
  override async send(event: FlowEvent): Promise<boolean> {
    if (event.type === 'cb.noop') return true;
    return super.send(event);
  }

  messages(locale: 'ru' | 'en' = 'ru'): OutgoingMessage[] {
    return this.flow.render(this.step!.snapshot, view(locale));
  }

  /** Every message's text, one after another. */
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
