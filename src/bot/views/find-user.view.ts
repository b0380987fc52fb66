import { fromPromise } from 'xstate';
import type { UserCard } from '../../domain/admin/user-card.ts';
import {
  type FindUserContext,
  type FindUserOutput,
  type FoundUser,
  findUserMachine,
} from '../../machines/find-user.machine.ts';
import type { Flow } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import type { Messages } from '../i18n/index.ts';
import type { OutgoingMessage } from '../screen.ts';
import { errorText, navigationRow, withNotice } from './keyboards.ts';
import { userCardMessage, userConfirmBlockMessage } from './platform/user-card.ts';

/** The card as plain JSON (the date as an ISO string). */
function foundOf(card: UserCard): FoundUser {
  return {
    ...card,
    agency: card.agency ? { ...card.agency } : null,
    createdAt: card.createdAt.toISOString(),
  };
}

function askNotice(t: Messages, context: FindUserContext): string | null {
  if (context.notice === 'notFound') return t.findUser.notFound(context.query ?? '');
  if (context.notice === 'badQuery') return t.findUser.badQuery;
  return context.error ? errorText(t, context.error.code) : null;
}

/** «🔎 Пользователь»: look a user up by email or phone, block or unblock them. */
export const findUserFlow: Flow = {
  id: 'findUser',
  version: 1,
  audience: 'account',
  machine: findUserMachine.provide({
    actors: {
      find: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        return foundOf(await domain.platform.findUser(em, actor, input));
      }),
      setStatus: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        return foundOf(await domain.platform.setUserStatus(em, actor, input));
      }),
    },
  }),
  render(snapshot, { t }): OutgoingMessage[] {
    const context = snapshot.context as FindUserContext;
    const keyboard = [navigationRow(t)];
    if (context.card && (snapshot.matches('card') || snapshot.matches('confirmBlock'))) {
      // The intro never changes, so a press on the card edits the card in place.
      const screen = snapshot.matches('confirmBlock')
        ? userConfirmBlockMessage(t, context)
        : userCardMessage(t, context);
      return [{ text: t.findUser.intro, reply: keyboard }, screen];
    }
    return [{ text: withNotice(askNotice(t, context), t.findUser.ask), reply: keyboard }];
  },
  finish(output, { t }) {
    const result = output as FindUserOutput;
    // Closing the card shows the main menu.
    return result.outcome === 'cancelled' ? t.common.cancelled : null;
  },
};
