import type { AgencyOption, AgencyPickerContext } from '../../../machines/agency-picker.machine.ts';
import type { Messages } from '../../i18n/index.ts';
import type { InlineButton, OutgoingMessage } from '../../screen.ts';
import { errorText, navigationRow, withNotice } from '../keyboards.ts';
import { pagerRow } from '../paging.ts';

/** Why the last answer changed nothing, in the reader's language; null when nothing to say. */
function noticeText(t: Messages, context: AgencyPickerContext): string | null {
  switch (context.notice) {
    case 'noMatches':
      return t.agencyPicker.noMatches(context.query);
    case 'badQuery':
      return t.agencyPicker.badQuery;
    case 'sameAgency':
      return t.agencyPicker.sameAgency(context.currentAgency?.name ?? '');
    default: {
      const code = context.error?.code;
      if (!code) return null;
      // A realtor moved or a role changed meanwhile: the agency can be picked again.
      return code === 'invalid_state' ? t.agencyPicker.stale : errorText(t, code);
    }
  }
}

/** The first step: what the agency is for, and type an ID or part of a name or city. */
export function askQueryMessage(t: Messages, context: AgencyPickerContext): OutgoingMessage {
  const { request } = context;
  const prompt =
    request.purpose === 'reassign'
      ? t.agencyPicker.askReassign(context.subject, context.currentAgency?.name ?? null)
      : t.agencyPicker.askRole(context.subject, request.role);
  return { text: withNotice(noticeText(t, context), prompt), reply: [navigationRow(t, { back: true })] };
}

function optionLabel(t: Messages, context: AgencyPickerContext, option: AgencyOption): string {
  const marks =
    (option.id === context.currentAgency?.id ? t.agencyPicker.currentMark : '') +
    (option.active ? '' : t.agencyPicker.inactiveMark);
  return `${marks}${t.agencyPicker.option(option.name, option.city, option.id)}`;
}

/**
 * The matches: a prompt with Back / Cancel, then the agencies as buttons (one
 * a row) with ◀ ▶, in a message of their own so paging edits it in place.
 */
export function choosingMessages(t: Messages, context: AgencyPickerContext): OutgoingMessage[] {
  const matches = context.matches!;
  const marked = matches.items.some((item) => !item.active || item.id === context.currentAgency?.id);
  const lines = [
    t.agencyPicker.found(matches.total, matches.page, matches.pages),
    ...(marked ? [t.agencyPicker.legend] : []),
    ...(matches.capped ? [t.agencyPicker.capped] : []),
  ];
  const inline: InlineButton[][] = [
    ...matches.items.map((option) => [
      { text: optionLabel(t, context, option), callback: { action: 'agencypick' as const, id: option.id } },
    ]),
    ...pagerRow(t.agencyPicker.buttons, matches.page, matches.pages),
  ];
  return [
    { text: t.agencyPicker.pickBelow, reply: [navigationRow(t, { back: true })] },
    { text: withNotice(noticeText(t, context), lines.join('\n')), inline },
  ];
}

/** «Назначить риелтора X в агентство Y?» / «Сделать X Супер Админом агентства Y?» with Confirm / Back / Cancel. */
export function confirmMessage(t: Messages, context: AgencyPickerContext): OutgoingMessage {
  const agency = context.chosen!;
  const { request } = context;
  const question =
    request.purpose === 'reassign'
      ? t.agencyPicker.confirmReassign(context.subject, agency.name)
      : t.agencyPicker.confirmRole(context.subject, request.role, agency.name);
  const text = [
    question,
    t.agencyPicker.agencyLine(agency.city, agency.id),
    ...(agency.active ? [] : [t.agencyPicker.inactiveWarning]),
    '',
    request.purpose === 'reassign' ? t.agencyPicker.notifyReassign : t.agencyPicker.notifyRole,
  ].join('\n');
  return {
    text,
    reply: [[{ text: t.buttons.confirm, event: { type: 'CONFIRM' } }], navigationRow(t, { back: true })],
  };
}
