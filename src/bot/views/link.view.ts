import { fromPromise } from 'xstate';
import { type LinkContext, type LinkOutput, linkMachine } from '../../machines/link.machine.ts';
import type { Flow } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import type { Messages } from '../i18n/index.ts';
import type { OutgoingMessage } from '../screen.ts';
import { errorText, navigationRow, withNotice } from './keyboards.ts';

function notice(t: Messages, context: LinkContext): string | null {
  if (context.notice) return t.link[context.notice];
  const error = context.error;
  if (!error) return null;
  if (error.code === 'code_invalid') return t.link.wrongCode(error.attemptsLeft ?? 0);
  if (error.code === 'rate_limited') return t.link.rateLimited(error.retryAfterSeconds ?? 60);
  if (error.code === 'code_expired') return t.link.codeDead;
  if (error.code === 'validation_failed') return t.link.badEmail;
  return errorText(t, error.code);
}

/** /link: email → code from the email → linked. */
export const linkFlow: Flow = {
  id: 'link',
  version: 1,
  audience: 'anonymous',
  machine: linkMachine.provide({
    actors: {
      requestCode: fromPromise(({ input }) => {
        const { em, domain, telegram } = flowServices();
        return domain.accounts.startLink(em, { telegramId: telegram.telegramId, email: input.email });
      }),
      confirmCode: fromPromise(({ input }) => {
        const { em, domain, telegram } = flowServices();
        return domain.accounts.confirmLink(em, { telegramId: telegram.telegramId, code: input.code });
      }),
    },
  }),
  render(snapshot, { t }): OutgoingMessage[] {
    const context = snapshot.context as LinkContext;
    const shown = notice(t, context);
    const newCode = { text: t.buttons.newCode, event: { type: 'RETRY' as const } };
    if (snapshot.matches('askCode')) {
      return [
        { text: withNotice(shown, t.link.codeSent), reply: [[newCode], navigationRow(t, { back: true })] },
      ];
    }
    if (snapshot.matches('codeDead')) {
      // Whatever killed the code (the third wrong guess, a cooldown), the way on is a new code.
      const above = shown === t.link.codeDead || context.error?.attemptsLeft === 0 ? null : shown;
      return [
        { text: withNotice(above, t.link.codeDead), reply: [[newCode], navigationRow(t, { back: true })] },
      ];
    }
    return [{ text: withNotice(shown, t.link.askEmail), reply: [navigationRow(t)] }];
  },
  finish(output, { t }) {
    const result = output as LinkOutput;
    if (result.outcome === 'linked') return t.link.done(result.role);
    if (result.outcome === 'alreadyLinked') return t.link.alreadyLinked;
    return t.common.cancelled;
  },
};
