/**
 * callback_data of inline buttons: one typed, ASCII codec `action:id[:arg]`,
 * at most 64 bytes (Telegram's limit). Never carries user text; the server
 * re-checks permission on every press, so a forged value changes nothing.
 */
export const CALLBACK_ACTIONS = [
  'lang', // language picked: arg = ru|en
  'page', // list page: id = page number
  'noop', // a label-only button (calendar header and the like)
  'day', // a calendar day: id = yyyymmdd
  'month', // calendar month page: id = yyyymm
  'more', // search: open a listing's card, id = listing
  'book', // book a listing: id = listing
  'fav', // add a listing to favourites: id = listing
  'filter', // search: change one filter, arg = city|dates|guests|price|amenities
  'price', // search: a nightly price range, id = preset (0 = any)
  'amen', // search: tick/untick an amenity, arg = its code
  'done', // finish a multi-choice step (amenities)
  'acct', // an account is needed: arg = register|link
  'unfav', // remove a listing from favourites: id = listing
  'close', // close a list and go back to the main menu
  'read', // mark a notification read: id = notification
  'readall', // mark every unread notification read
  'review', // review a completed stay: id = booking
  'mine', // the guest's published reviews: id = page number
  'stars', // a review's rating: id = 1..5
  'pay', // pay a pending booking (demo): id = booking
  'bcancel', // ask to cancel a booking: id = booking
  'bcancelok', // yes, cancel the booking: id = booking
  'tab', // a list's tab: arg = its name (my bookings: upcoming|past; realtor's bookings: new|upcoming|past)
  'field', // pick a field to change, arg = its name (add listing's preview, agency edit; my listings: id = listing)
  'publish', // publish a listing now: id = listing
  'bconfirm', // the realtor confirms a pending booking: id = booking
  'reason', // the realtor picks a preset cancellation reason: id = its number
  'rstatus', // Super Admin: ask to (de)activate a realtor: id = realtor, arg = active|blocked
  'rstatusok', // Super Admin: yes, set the realtor's status: id = realtor, arg = active|blocked
  'radd', // Super Admin: «➕ Добавить» a realtor (hands over to addRealtor)
  'bexport', // «📥 Выгрузить брони (CSV)»: hands over to bookingsExport
  'bperiod', // bookings export: a period preset, arg = thisMonth|lastMonth|last30
  'userrole', // «👥 Пользователи»: show the roles to give a user: id = user
  'setrole', // «👥 Пользователи»: a role picked: id = user, arg = guest|realtor|super_admin|superuser
  'setroleok', // «👥 Пользователи»: yes, give that role: id = user, arg = the role
  'userstatus', // «👥 Пользователи»: ask to block/unblock a user: id = user, arg = blocked|active
  'userstatusok', // «👥 Пользователи»: yes, set that status: id = user, arg = blocked|active
  'prmove', // Superuser's «👨‍💼 Риелторы»: «Сменить агентство» (hands over to agencyPicker): id = realtor
  'prdetach', // Superuser's «👨‍💼 Риелторы»: ask to remove a realtor's agency: id = realtor
  'prdetachok', // Superuser's «👨‍💼 Риелторы»: yes, remove the agency: id = realtor
  'prstatus', // Superuser's «👨‍💼 Риелторы»: (de)activate a realtor: id = realtor, arg = active|blocked
  'prstatusok', // Superuser's «👨‍💼 Риелторы»: yes, deactivate: id = realtor, arg = blocked
  'agencypick', // agency picker: an agency picked from the matches: id = agency
  'agon', // «🏢 Агентства»: activate an agency: id = agency
  'agoff', // «🏢 Агентства»: ask to deactivate an agency: id = agency
  'agoffok', // «🏢 Агентства»: yes, deactivate the agency: id = agency
  'agmore', // «🏢 Агентства»: the agency's card («Подробнее»): id = agency
  'agedit', // «🏢 Агентства»: edit the agency (then `field`, arg = name|city|phone|email): id = agency
  'agadd', // «🏢 Агентства»: «➕ Добавить агентство» (hands over to addAgency)
  'fublock', // «🔎 Пользователь»: ask to block the user: id = user
  'fublockok', // «🔎 Пользователь»: yes, block the user: id = user
  'fuunblock', // «🔎 Пользователь»: unblock the user: id = user
  'fucard', // «🔎 Пользователь»: back to the user's card («Нет»): id = user
  'fuagain', // «🔎 Пользователь»: «🔎 Искать ещё»
  'listing', // «🏘 Мои объекты»: open a listing's card: id = listing
  'unpublish', // «🏘 Мои объекты»: «Снять» a listing (asks first when guests are booked): id = listing
  'unpubok', // «🏘 Мои объекты»: yes, unpublish despite upcoming bookings: id = listing
  'ledit', // «🏘 Мои объекты»: «Редактировать» a listing (then `field`): id = listing
  'calendar', // «🏘 Мои объекты»: the listing's month calendar: id = listing
  'addblock', // «🏘 Мои объекты»: «Добавить блок» (hands over to blockDates): id = listing
  'unblock', // «🏘 Мои объекты»: yes, remove the block: id = block
] as const;
export type CallbackAction = (typeof CALLBACK_ACTIONS)[number];

export interface CallbackData {
  action: CallbackAction;
  /** A record id or a number (page, day); 0 when unused. */
  id: number;
  /** A short ASCII argument: [A-Za-z0-9_.-], at most 40 characters. */
  arg?: string;
}

export const MAX_CALLBACK_BYTES = 64;
const ARG = /^[A-Za-z0-9_.-]{1,40}$/;
const ACTIONS = new Set<string>(CALLBACK_ACTIONS);

/** Encodes callback data; throws on an argument outside the ASCII alphabet or a result over 64 bytes. */
export function encodeCallback(data: CallbackData): string {
  if (!Number.isSafeInteger(data.id) || data.id < 0)
    throw new RangeError(`callback id ${data.id} is not a natural number`);
  if (data.arg !== undefined && !ARG.test(data.arg))
    throw new RangeError(`callback arg ${data.arg} is not short ASCII`);
  const encoded =
    data.arg === undefined ? `${data.action}:${data.id}` : `${data.action}:${data.id}:${data.arg}`;
  if (Buffer.byteLength(encoded, 'utf8') > MAX_CALLBACK_BYTES)
    throw new RangeError('callback data over 64 bytes');
  return encoded;
}

/** Decodes callback data; null for anything this codec did not produce (stale or forged). */
export function decodeCallback(raw: string | undefined): CallbackData | null {
  if (!raw || Buffer.byteLength(raw, 'utf8') > MAX_CALLBACK_BYTES) return null;
  const parts = raw.split(':');
  if (parts.length < 2 || parts.length > 3) return null;
  const [action, idText, arg] = parts as [string, string, string | undefined];
  if (!ACTIONS.has(action) || !/^(0|[1-9]\d{0,15})$/.test(idText)) return null;
  const id = Number(idText);
  if (!Number.isSafeInteger(id)) return null;
  if (arg !== undefined && !ARG.test(arg)) return null;
  return arg === undefined
    ? { action: action as CallbackAction, id }
    : { action: action as CallbackAction, id, arg };
}
