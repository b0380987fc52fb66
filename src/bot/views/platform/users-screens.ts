import { USER_ROLES, type UserRole } from '../../../db/entities/index.ts';
import type { UserItem, UsersContext, UsersDone } from '../../../machines/users.machine.ts';
import type { Messages } from '../../i18n/index.ts';
import type { InlineButton, OutgoingMessage } from '../../screen.ts';
import { errorText } from '../keyboards.ts';
import { pagerRow } from '../paging.ts';

function doneText(t: Messages, done: UsersDone): string {
  if (done.kind === 'role') return t.users.roleSet(done.name, t.roles[done.role], done.agency);
  return done.status === 'blocked' ? t.users.blocked(done.name) : t.users.unblocked(done.name);
}

/** What happened last, above the list: a success, or why the press changed nothing. */
function noticeLine(t: Messages, context: UsersContext): string | null {
  if (context.done) return doneText(t, context.done);
  const code = context.error?.code;
  if (!code) return null;
  // invalid_state: changed meanwhile; validation_failed: a Realtor or Super Admin lost their agency meanwhile.
  const stale = code === 'invalid_state' || code === 'validation_failed';
  return `⚠️ ${stale ? t.users.stale : errorText(t, code)}`;
}

function itemText(t: Messages, item: UserItem, index: number): string {
  const facts = [`🎭 ${t.roles[item.role]}`, t.users.status[item.status]];
  if (item.agency) facts.push(`🏢 ${item.agency.name}`);
  return [`${index}. ${item.fullName}`, `✉️ ${item.email}`, facts.join(' · ')].join('\n');
}

function itemButtons(t: Messages, item: UserItem, index: number): InlineButton[] {
  const block = item.status === 'active';
  return [
    { text: t.users.buttons.role(index), callback: { action: 'userrole', id: item.id } },
    {
      text: block ? t.users.buttons.block(index) : t.users.buttons.unblock(index),
      callback: { action: 'userstatus', id: item.id, arg: block ? 'blocked' : 'active' },
    },
  ];
}

/** One page of users as a single inline message (paging and actions edit it in place). */
export function usersListMessage(t: Messages, context: UsersContext): OutgoingMessage {
  const list = context.list!;
  const first = (list.page - 1) * list.pageSize + 1;
  const body =
    list.items.length > 0 ? list.items.map((item, i) => itemText(t, item, first + i)) : [t.users.empty];
  const notice = noticeLine(t, context);
  return {
    text: [...(notice ? [notice] : []), t.users.title(list.total, list.page, list.pages), ...body].join(
      '\n\n',
    ),
    inline: [
      ...list.items.map((item, i) => itemButtons(t, item, first + i)),
      ...pagerRow(t.users.buttons, list.page, list.pages),
      [{ text: t.users.buttons.close, callback: { action: 'close', id: 0 } }],
    ],
  };
}

const targetOf = (context: UsersContext): UserItem =>
  context.list!.items.find((item) => item.id === context.target)!;

/** The «Нет» / «Назад» button: the list again, as it now is. */
const backToList = (label: string, context: UsersContext): InlineButton => ({
  text: label,
  callback: { action: 'page', id: context.page },
});

/** «Роль»: the roles the user does not have, two a row, and «Назад». */
export function chooseRoleMessage(t: Messages, context: UsersContext): OutgoingMessage {
  const user = targetOf(context);
  const roles = USER_ROLES.filter((role) => role !== user.role).map(
    (role): InlineButton => ({
      text: t.roles[role],
      callback: { action: 'setrole', id: user.id, arg: role },
    }),
  );
  const rows: InlineButton[][] = [];
  for (let i = 0; i < roles.length; i += 2) rows.push(roles.slice(i, i + 2));
  rows.push([backToList(t.users.buttons.back, context)]);
  return {
    text: t.users.chooseRole(user.fullName, t.roles[user.role], user.agency?.name ?? null),
    inline: rows,
  };
}

/** «Сделать X риелтором агентства Y?» and the like: «Да» / «Нет». */
export function confirmRoleMessage(t: Messages, context: UsersContext): OutgoingMessage {
  const user = targetOf(context);
  const role = context.role as UserRole;
  return {
    text: t.users.confirmRole(user.fullName, role, user.agency?.name ?? null),
    inline: [
      [
        { text: t.users.buttons.yes, callback: { action: 'setroleok', id: user.id, arg: role } },
        backToList(t.users.buttons.no, context),
      ],
    ],
  };
}

/** «Заблокировать X?» / «Разблокировать X?»: «Да» / «Нет». */
export function confirmStatusMessage(t: Messages, context: UsersContext): OutgoingMessage {
  const user = targetOf(context);
  const status = context.status!;
  return {
    text: status === 'blocked' ? t.users.confirmBlock(user.fullName) : t.users.confirmUnblock(user.fullName),
    inline: [
      [
        { text: t.users.buttons.yes, callback: { action: 'userstatusok', id: user.id, arg: status } },
        backToList(t.users.buttons.no, context),
      ],
    ],
  };
}
