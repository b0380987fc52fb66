import { fromPromise } from 'xstate';
import type { RegisterContext, RegisterOutput } from '../../machines/register.machine.ts';
import { registerMachine } from '../../machines/register.machine.ts';
import type { Flow } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import type { Messages } from '../i18n/index.ts';
import type { OutgoingMessage } from '../screen.ts';
import { errorText, navigationRow, withNotice } from './keyboards.ts';

function notice(t: Messages, context: RegisterContext): string | null {
  if (context.notice) return t.register[context.notice];
  return context.error ? errorText(t, context.error.code) : null;
}

/** /register: the machine's states as messages with their reply keyboards. */
export const registerFlow: Flow = {
  id: 'register',
  version: 1,
  audience: 'anonymous',
  machine: registerMachine.provide({
    actors: {
      checkAvailability: fromPromise(({ input }) => {
        const { em, domain } = flowServices();
        return domain.accounts.availability(em, input);
      }),
      registerAccount: fromPromise(({ input }) => {
        const { em, domain, telegram } = flowServices();
        return domain.accounts.register(em, {
          ...input,
          fullName:
            telegram.firstName.trim().length >= 2 ? telegram.firstName : `Telegram ${telegram.telegramId}`,
          language: telegram.locale,
          telegram: { telegramId: telegram.telegramId, chatId: telegram.chatId, language: telegram.locale },
        });
      }),
    },
  }),
  render(snapshot, { t }): OutgoingMessage[] {
    const context = snapshot.context as RegisterContext;
    const shown = notice(t, context);
    if (snapshot.matches('askEmail')) {
      return [
        {
          text: withNotice(shown, t.register.askEmail(context.phone ?? '')),
          reply: [navigationRow(t, { back: true })],
        },
      ];
    }
    if (snapshot.matches('summary')) {
      return [
        {
          text: withNotice(shown, t.register.summary(context.phone ?? '', context.email ?? '')),
          reply: [
            [{ text: t.buttons.confirm, event: { type: 'CONFIRM' } }],
            [
              { text: t.buttons.edit, event: { type: 'EDIT' } },
              { text: t.buttons.back, event: { type: 'BACK' } },
            ],
            [{ text: t.buttons.cancel, event: { type: 'CANCEL' } }],
          ],
        },
      ];
    }
    return [
      {
        text: withNotice(shown, t.register.askPhone),
        reply: [[{ text: t.buttons.shareContact, requestContact: true }], navigationRow(t)],
      },
    ];
  },
  finish(output, { t }) {
    const result = output as RegisterOutput;
    if (result.outcome === 'registered') return t.register.done;
    if (result.outcome === 'alreadyLinked') return t.register.alreadyLinked;
    return t.common.cancelled;
  },
};
