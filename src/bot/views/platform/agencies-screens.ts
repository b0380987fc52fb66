import type { AgenciesContext, AgencyCard, AgencyRow } from '../../../machines/agencies.machine.ts';
import type { Messages } from '../../i18n/index.ts';
import { formatTenge } from '../../parse/money.ts';
import type { InlineButton, OutgoingMessage, ReplyButton } from '../../screen.ts';
import { formatKzPhone } from '../bookings/phone-text.ts';
import { errorText, navigationRow, withNotice } from '../keyboards.ts';
import { pagerRow } from '../paging.ts';
import { cityRows } from './agency-cities.ts';
import { formatDay } from './format.ts';

/** What happened last: a success, or why the press changed nothing. */
function noticeLine(t: Messages, context: AgenciesContext): string | null {
  const a = t.agencies;
  const name = context.subject ?? '';
  switch (context.notice) {
    case 'activated':
    case 'deactivated':
    case 'saved':
      return a[context.notice](name);
    case null:
      break;
    default:
      return `⚠️ ${a[context.notice]}`;
  }
  const code = context.error?.code;
  if (!code) return null;
  // A stale button: the agency was (de)activated or changed meanwhile.
  return `⚠️ ${code === 'invalid_state' ? a.stale : errorText(t, code)}`;
}

function rowText(t: Messages, item: AgencyRow, index: number, focus: number | null): string {
  const a = t.agencies;
  const mark = item.id === focus ? `${a.newMark} ` : '';
  return [
    `${mark}${index}. «${item.name}» — ${item.city}`,
    `${item.active ? a.active : a.inactive} · 👨‍💼 ${a.realtors(item.realtorsCount)} · 🏠 ${a.listings(item.listingsCount)}`,
  ].join('\n');
}

function rowButtons(t: Messages, item: AgencyRow, index: number): InlineButton[] {
  const b = t.agencies.buttons;
  return [
    { text: b.more(index), callback: { action: 'agmore', id: item.id } },
    item.active
      ? { text: b.deactivate(index), callback: { action: 'agoff', id: item.id } }
      : { text: b.activate(index), callback: { action: 'agon', id: item.id } },
  ];
}

/** One page of agencies as a single inline message (paging and toggles edit it in place). */
export function agenciesListMessage(t: Messages, context: AgenciesContext): OutgoingMessage {
  const list = context.list!;
  const b = t.agencies.buttons;
  const first = (list.page - 1) * list.pageSize + 1;
  const body =
    list.items.length > 0
      ? list.items.map((item, i) => rowText(t, item, first + i, context.focus))
      : [t.agencies.empty];
  const notice = noticeLine(t, context);
  return {
    text: [...(notice ? [notice] : []), t.agencies.title(list.total, list.page, list.pages), ...body].join(
      '\n\n',
    ),
    inline: [
      ...list.items.map((item, i) => rowButtons(t, item, first + i)),
      ...pagerRow(b, list.page, list.pages),
      [{ text: b.add, callback: { action: 'agadd', id: 0 } }],
      [{ text: b.export, callback: { action: 'bexport', id: 0 } }],
      [{ text: b.close, callback: { action: 'close', id: 0 } }],
    ],
  };
}

/** «Деактивировать» asks first: the agency's listings leave search. «Нет» goes back where it was pressed. */
export function confirmDeactivateMessage(t: Messages, context: AgenciesContext): OutgoingMessage {
  const id = context.target!;
  const name =
    (context.from === 'card' ? context.agency?.name : undefined) ??
    context.list?.items.find((item) => item.id === id)?.name ??
    context.agency?.name ??
    `#${id}`;
  const no: InlineButton =
    context.from === 'card'
      ? { text: t.agencies.buttons.no, callback: { action: 'agmore', id } }
      : { text: t.agencies.buttons.no, callback: { action: 'page', id: context.page } };
  return {
    text: t.agencies.confirmDeactivate(name),
    inline: [[{ text: t.agencies.buttons.yes, callback: { action: 'agoffok', id } }, no]],
  };
}

function cardText(t: Messages, agency: AgencyCard): string {
  const c = t.agencies.card;
  const admins =
    agency.superAdmins.length > 0
      ? [
          c.superAdmins,
          ...agency.superAdmins.map((admin) =>
            c.superAdmin(admin.fullName, admin.email, formatKzPhone(admin.phone), admin.status === 'blocked'),
          ),
        ].join('\n')
      : c.noSuperAdmins;
  return [
    [c.title(agency.name, agency.city), c.status(agency.active, formatDay(agency.createdAt))].join('\n'),
    c.contacts(formatKzPhone(agency.phone), agency.email),
    [
      c.realtors(agency.realtors.active, agency.realtors.total),
      c.listings(agency.listings.published, agency.listings.total),
      c.bookings(agency.bookings.total),
      c.bookingStatuses(agency.bookings),
      c.revenue(formatTenge(agency.revenue)),
    ].join('\n'),
    admins,
  ].join('\n\n');
}

/** «Подробнее»: the agency's figures, contacts and Super Admins, with its actions. */
export function agencyCardMessage(t: Messages, context: AgenciesContext): OutgoingMessage {
  const agency = context.agency!;
  const b = t.agencies.buttons;
  const notice = noticeLine(t, context);
  const toggle: InlineButton = agency.active
    ? { text: b.cardDeactivate, callback: { action: 'agoff', id: agency.id } }
    : { text: b.cardActivate, callback: { action: 'agon', id: agency.id } };
  return {
    text: [...(notice ? [notice] : []), cardText(t, agency)].join('\n\n'),
    inline: [
      [{ text: b.edit, callback: { action: 'agedit', id: agency.id } }, toggle],
      [{ text: b.export, callback: { action: 'bexport', id: agency.id } }],
      [{ text: b.toList, callback: { action: 'page', id: context.page } }],
    ],
  };
}

/** «Редактировать»: which field, one at a time. */
export function chooseFieldMessage(t: Messages, context: AgenciesContext): OutgoingMessage {
  const agency = context.agency!;
  const f = t.agencies.fields;
  const field = (name: keyof typeof f): InlineButton => ({
    text: f[name],
    callback: { action: 'field', id: 0, arg: name },
  });
  const notice = noticeLine(t, context);
  return {
    text: [...(notice ? [notice] : []), t.agencies.chooseField(agency.name)].join('\n\n'),
    inline: [
      [field('name'), field('city')],
      [field('phone'), field('email')],
      [{ text: t.agencies.buttons.back, callback: { action: 'agmore', id: agency.id } }],
    ],
  };
}

/** Why a typed value was refused (the step stays). */
function typingNotice(t: Messages, context: AgenciesContext): string | null {
  switch (context.notice) {
    case 'badName':
    case 'badCity':
    case 'badPhone':
    case 'badEmail':
    case 'nameTaken':
      return t.agencies[context.notice];
    default:
      return context.error ? errorText(t, context.error.code) : null;
  }
}

/** The new value of one field, typed (a city also by button); a refusal keeps the step. */
export function askValueMessage(t: Messages, context: AgenciesContext): OutgoingMessage {
  const agency = context.agency!;
  const field = context.field ?? 'name';
  const current = {
    name: agency.name,
    city: agency.city,
    phone: formatKzPhone(agency.phone),
    email: agency.email,
  }[field];
  const cities: ReplyButton[][] =
    field === 'city' ? cityRows(context.cities).map((row) => row.map((city) => ({ text: city }))) : [];
  return {
    text: withNotice(typingNotice(t, context), t.agencies.askValue[field](current)),
    reply: [...cities, navigationRow(t, { back: true })],
  };
}
