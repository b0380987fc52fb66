import type { AnyStateMachine } from 'xstate';
import type { Flow } from '../../src/bot/flow.ts';
import type { Locale } from '../../src/bot/i18n/index.ts';
import type { OutgoingMessage } from '../../src/bot/screen.ts';
import { FlowRun } from './flows.ts';

/**
 * One conversation with a paged-list flow (a guest's or a realtor's bookings)
 * as the bot runs it: started with the list's input (none: `{}`), one actor
 * per update restored from the previous step's JSON; the list (or the
 * confirmation in its place) is the last message.
 */
export class ListFlowRun<Input extends object> extends FlowRun {
  constructor(machine: AnyStateMachine, flow: Flow) {
    super(machine, flow, null);
  }

  override async start(input: Input = {} as Input): Promise<this> {
    return super.start(input);
  }

  /** The list (or confirmation) message: the last one. */
  last(locale: Locale = 'ru'): OutgoingMessage {
    return this.messages(locale).at(-1)!;
  }

  /** The last message's inline buttons, as `label → action:id[:arg]`. */
  buttons(locale: Locale = 'ru'): string[][] {
    return (this.last(locale).inline ?? []).map((row) =>
      row.map(
        ({ text, callback }) =>
          `${text} → ${callback.action}:${callback.id}${callback.arg ? `:${callback.arg}` : ''}`,
      ),
    );
  }
}
