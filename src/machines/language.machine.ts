import { assign, fromPromise, setup } from 'xstate';
import type { FlowEvent } from '../bot/flow-event.ts';
import type { Locale } from '../bot/i18n/index.ts';
import { notProvided } from './flow-error.ts';

export type LanguageOutput = { outcome: 'changed'; locale: Locale } | { outcome: 'cancelled' };

const isLocale = (value: unknown): value is Locale => value === 'ru' || value === 'en';

/** /language: pick Russian or English; stored in the Telegram profile. */
export const languageMachine = setup({
  types: {
    context: {} as { locale: Locale | null },
    events: {} as FlowEvent,
    output: {} as LanguageOutput,
  },
  actors: {
    saveLanguage: fromPromise<void, { locale: Locale }>(notProvided('saveLanguage')),
  },
}).createMachine({
  id: 'language',
  // The machine's output is the output of the final state it ended in.
  output: ({ event }) => (event as unknown as { output: LanguageOutput }).output,
  initial: 'choosing',
  context: { locale: null },
  on: { CANCEL: '.cancelled' },
  states: {
    choosing: {
      on: {
        'cb.lang': {
          guard: ({ event }) => isLocale(event.arg),
          target: 'saving',
          actions: assign({ locale: ({ event }) => event.arg as Locale }),
        },
      },
    },
    saving: {
      invoke: {
        src: 'saveLanguage',
        input: ({ context }) => ({ locale: context.locale! }),
        onDone: 'changed',
      },
    },
    changed: {
      type: 'final',
      output: ({ context }) => ({ outcome: 'changed' as const, locale: context.locale! }),
    },
    cancelled: { type: 'final', output: { outcome: 'cancelled' as const } },
  },
});
