import { fromPromise } from 'xstate';
import { type LanguageOutput, languageMachine } from '../../machines/language.machine.ts';
import type { Flow } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import { messagesFor } from '../i18n/index.ts';
import type { OutgoingMessage } from '../screen.ts';
import { navigationRow } from './keyboards.ts';

/** /language: inline buttons for Russian and English. */
export const languageFlow: Flow = {
  id: 'language',
  version: 1,
  audience: 'anyone',
  machine: languageMachine.provide({
    actors: {
      saveLanguage: fromPromise(({ input }) => {
        const { em, domain, telegram } = flowServices();
        return domain.accounts.setLanguage(em, telegram.telegramId, input.locale);
      }),
    },
  }),
  render(_snapshot, { t }): OutgoingMessage[] {
    return [
      { text: t.language.choose, reply: [navigationRow(t)] },
      {
        text: '🇷🇺 Русский / 🇬🇧 English',
        inline: [
          [
            { text: '🇷🇺 Русский', callback: { action: 'lang', id: 0, arg: 'ru' } },
            { text: '🇬🇧 English', callback: { action: 'lang', id: 0, arg: 'en' } },
          ],
        ],
      },
    ];
  },
  finish(output, { t }) {
    const result = output as LanguageOutput;
    // Said in the language just chosen.
    return result.outcome === 'changed' ? messagesFor(result.locale).language.changed : t.common.cancelled;
  },
};
