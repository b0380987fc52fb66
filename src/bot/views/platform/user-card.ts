import type { FindUserContext, FoundUser } from '../../../machines/find-user.machine.ts';
import type { Messages } from '../../i18n/index.ts';
import type { InlineButton, OutgoingMessage } from '../../screen.ts';
import { formatKzPhone } from '../bookings/phone-text.ts';
import { errorText } from '../keyboards.ts';
import { formatDay } from './format.ts';

/** What happened last above the card: a change made, or why nothing changed. */
function noticeLine(t: Messages, context: FindUserContext): string | null {
  const f = t.findUser;
  switch (context.notice) {
    case 'blocked':
    case 'unblocked':
      return f[context.notice];
    case 'badQuery':
    case 'useButtons':
      return `⚠️ ${f[context.notice]}`;
    default:
      break;
  }
  const code = context.error?.code;
  if (!code) return null;
  // A stale button: blocked or unblocked meanwhile.
  return `⚠️ ${code === 'invalid_state' ? f.stale : errorText(t, code)}`;
}

/** The lines of a user's card: who, how to reach them, role, status, agency, Telegram, since when. */
export function userCardText(t: Messages, user: FoundUser): string {
  const c = t.findUser.card;
  return [
    c.name(user.fullName),
    c.email(user.email),
    c.phone(formatKzPhone(user.phone)),
    c.role(t.roles[user.role]),
    c.status(user.status === 'active'),
    c.agency(user.agency?.name ?? null),
    c.telegram(user.telegramLinked),
    c.registered(formatDay(user.createdAt)),
  ].join('\n');
}

/** The card with «Заблокировать» or «Разблокировать», «🔎 Искать ещё» and «✖️ Закрыть». */
export function userCardMessage(t: Messages, context: FindUserContext): OutgoingMessage {
  const user = context.card!;
  const b = t.findUser.buttons;
  const status: InlineButton =
    user.status === 'active'
      ? { text: b.block, callback: { action: 'fublock', id: user.id } }
      : { text: b.unblock, callback: { action: 'fuunblock', id: user.id } };
  const notice = noticeLine(t, context);
  return {
    text: [...(notice ? [notice] : []), userCardText(t, user)].join('\n\n'),
    inline: [
      [status, { text: b.again, callback: { action: 'fuagain', id: 0 } }],
      [{ text: b.close, callback: { action: 'close', id: 0 } }],
    ],
  };
}

/** «Заблокировать» asks first: «Да, заблокировать» / «Нет» (back to the card). */
export function userConfirmBlockMessage(t: Messages, context: FindUserContext): OutgoingMessage {
  const user = context.card!;
  const b = t.findUser.buttons;
  const notice = noticeLine(t, context);
  return {
    text: [...(notice ? [notice] : []), t.findUser.confirmBlock(user.fullName, user.email)].join('\n\n'),
    inline: [
      [
        { text: b.yes, callback: { action: 'fublockok', id: user.id } },
        { text: b.no, callback: { action: 'fucard', id: user.id } },
      ],
    ],
  };
}
