import { fromPromise } from 'xstate';
import type { UserCard } from '../../domain/admin/user-card.ts';
import {
  type UserItem,
  type UsersContext,
  type UsersDone,
  type UsersLoaded,
  type UsersOutput,
  usersMachine,
} from '../../machines/users.machine.ts';
import type { Flow } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import type { OutgoingMessage } from '../screen.ts';
import { errorText } from './keyboards.ts';
import { withMenuOnFirst } from './menu-on-first.ts';
import { pageOrLast } from './paging.ts';
import {
  chooseRoleMessage,
  confirmRoleMessage,
  confirmStatusMessage,
  usersListMessage,
} from './platform/users-screens.ts';

const itemOf = (card: UserCard): UserItem => ({
  id: card.id,
  fullName: card.fullName,
  email: card.email,
  role: card.role,
  status: card.status,
  agency: card.agency,
});

async function load(page: number): Promise<UsersLoaded> {
  const { em: update, domain, actor } = flowServices();
  // A fresh identity map in the update's transaction: an action just before changed rows
  // natively, and entities it loaded would otherwise show as they were.
  const em = update.fork({ keepTransactionContext: true });
  const found = await pageOrLast(page, (at) => domain.platform.recentUsers(em, actor, { page: at }));
  const unread = await domain.notifications.unreadCount(em, actor);
  return {
    list: { ...found, items: found.items.map(itemOf) },
    menu: { role: actor!.role, unread },
  };
}

/**
 * «👥 Пользователи» (Superuser): the newest users with role and status, roles
 * given with a confirmation (or through the agency picker), block / unblock.
 */
export const usersFlow: Flow = {
  id: 'users',
  version: 1,
  audience: 'account',
  machine: usersMachine.provide({
    actors: {
      load: fromPromise(({ input }) => load(input.page)),
      setRole: fromPromise(async ({ input }): Promise<UsersDone> => {
        const { em, domain, actor } = flowServices();
        // No agency named: a Realtor or Super Admin keeps theirs, Guests and Superusers have none.
        const card = await domain.platform.setRole(em, actor, input);
        return { kind: 'role', name: card.fullName, role: card.role, agency: card.agency?.name ?? null };
      }),
      setStatus: fromPromise(async ({ input }): Promise<UsersDone> => {
        const { em, domain, actor } = flowServices();
        const card = await domain.platform.setUserStatus(em, actor, input);
        return { kind: 'status', name: card.fullName, status: card.status };
      }),
    },
  }),
  render(snapshot, { t }): OutgoingMessage[] {
    const context = snapshot.context as UsersContext;
    if (!context.list) return [{ text: t.users.header }];
    if (snapshot.matches('chooseRole')) return [chooseRoleMessage(t, context)];
    if (snapshot.matches('confirmRole')) return [confirmRoleMessage(t, context)];
    if (snapshot.matches('confirmStatus')) return [confirmStatusMessage(t, context)];
    const list = usersListMessage(t, context);
    // The first screen also puts the main menu back: the agency picker left its own keyboard.
    return withMenuOnFirst(t, context, t.users.header, list);
  },
  finish(output, { t }) {
    const result = output as UsersOutput;
    if (result.outcome === 'failed') return errorText(t, result.code);
    if (result.outcome === 'cancelled') return t.common.cancelled;
    // Closing shows the main menu; a role that needs an agency hands over to the picker.
    return null;
  },
};
