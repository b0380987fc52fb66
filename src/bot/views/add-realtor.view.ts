import { fromPromise } from 'xstate';
import {
  type AddRealtorContext,
  type AddRealtorOutput,
  addRealtorMachine,
} from '../../machines/add-realtor.machine.ts';
import type { Flow } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import type { Messages } from '../i18n/index.ts';
import type { OutgoingMessage, ReplyButton } from '../screen.ts';
import { errorText, navigationRow, withNotice } from './keyboards.ts';

function notice(t: Messages, context: AddRealtorContext): string | null {
  if (context.notice) return t.superAdmin.addRealtor[context.notice];
  return context.error ? errorText(t, context.error.code) : null;
}

/** The prompt and the reply keyboard of each waiting state. */
function step(
  t: Messages,
  state: string,
  context: AddRealtorContext,
): { text: string; reply: ReplyButton[][] } {
  const texts = t.superAdmin.addRealtor;
  switch (state) {
    case 'askPhone':
      return { text: texts.askPhone(context.email ?? ''), reply: [navigationRow(t, { back: true })] };
    case 'askName':
      return { text: texts.askName(context.phone ?? ''), reply: [navigationRow(t, { back: true })] };
    case 'askPassword':
      return { text: texts.askPassword, reply: [navigationRow(t, { back: true })] };
    case 'summary':
      return {
        text: texts.summary(context.email ?? '', context.phone ?? '', context.fullName ?? ''),
        reply: [
          [{ text: t.buttons.confirm, event: { type: 'CONFIRM' } }],
          [
            { text: t.buttons.edit, event: { type: 'EDIT' } },
            { text: t.buttons.back, event: { type: 'BACK' } },
          ],
          [{ text: t.buttons.cancel, event: { type: 'CANCEL' } }],
        ],
      };
    default:
      return { text: texts.askEmail, reply: [navigationRow(t)] };
  }
}

/**
 * «➕ Добавить» realtor: a wizard with reply keyboards; the password's message
 * is deleted once read and the password is kept only sealed until the account is made.
 */
export const addRealtorFlow: Flow = {
  id: 'addRealtor',
  // 2: the password is kept sealed (`sealedPassword`), with a sealing step after it.
  version: 2,
  audience: 'account',
  machine: addRealtorMachine.provide({
    actors: {
      checkAvailability: fromPromise(({ input }) => {
        const { em, domain } = flowServices();
        return domain.accounts.availability(em, input);
      }),
      // Sealed with the app secret, so the session in chat_session never holds the plain text.
      sealPassword: fromPromise(async ({ input }) => flowServices().domain.deps.secrets.seal(input.password)),
      addRealtor: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        const { sealedPassword, ...realtorInput } = input;
        const password = domain.deps.secrets.unseal<string>(sealedPassword);
        const realtor = await domain.agencyAdmin.addRealtor(em, actor, { ...realtorInput, password });
        return { id: realtor.id, fullName: realtor.fullName };
      }),
    },
  }),
  render(snapshot, { t }): OutgoingMessage[] {
    const context = snapshot.context as AddRealtorContext;
    const { text, reply } = step(t, String(snapshot.value), context);
    return [{ text: withNotice(notice(t, context), text), reply }];
  },
  sensitive: (snapshot) => snapshot.matches('askPassword'),
  finish(output, { t }) {
    const result = output as AddRealtorOutput;
    return result.outcome === 'added' ? t.superAdmin.addRealtor.added(result.fullName) : t.common.cancelled;
  },
};
