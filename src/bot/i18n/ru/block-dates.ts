import { plural } from '../plural.ts';

const n = (count: number, one: string, few: string, many: string) =>
  plural('ru', count, { one, few, many, other: many });

/** «Добавить блок» (closing a listing's dates) in Russian. */
export const blockDates = {
  askDates: (title: string) =>
    `🔒 Закрыть даты «${title}».\n\nВыберите в календаре первую закрываемую ночь, затем день, с которого даты снова открыты (как день выезда гостя), или напишите их, например 12.12–15.12 — это закроет ночи 12, 13 и 14 декабря.`,
  pickStart: '📅 Выберите первую закрываемую ночь (🔴 — бронь, ⛔ — уже закрыто):',
  pickEnd: (start: string) => `📅 Закрываем с ${start}. Теперь выберите день, с которого даты снова открыты:`,
  datesFormat: 'Не понял даты. Напишите, например, 12.12–15.12 или 12.12.2026-15.12.2026.',
  datesOrder: 'День, с которого даты открыты, должен быть позже первой закрываемой ночи.',
  datesPast: 'Эта дата уже прошла. Выберите сегодняшнюю или более позднюю.',
  datesTooLong: 'Слишком длинный блок: не больше 365 ночей за раз.',
  overlapsBlock: 'Эти даты пересекаются с другим блоком (⛔ в календаре). Выберите другие даты.',
  conflict: (id: number, guest: string, stay: string, status: string) =>
    `Эти даты пересекаются с бронью №${id}: ${guest}, ${stay} (${status}). Выберите другие даты.`,
  askNote: (span: string) =>
    `📅 ${span}.\n\nДобавьте заметку для себя (например, «Ремонт», до 200 символов) или нажмите «⏭ Пропустить».`,
  noteTooLong: 'Заметка слишком длинная: не больше 200 символов.',
  summary: (title: string, span: string, note: string | null) =>
    `Проверьте блок:\n\n🏠 «${title}»\n📅 ${span}\n📝 ${note ?? 'без заметки'}\n\nСохранить?`,
  /** The nights a block closes: the first and last night, and the day the listing is free again. */
  span: (first: string, last: string, nights: number, reopens: string) =>
    `${first === last ? first : `${first} – ${last}`} (${n(nights, '# ночь', '# ночи', '# ночей')}), с ${reopens} снова свободно`,
  added: (span: string) => `✅ Даты закрыты: ${span}. На эти даты гости не найдут объект в поиске.`,
  back: 'Возвращаемся к объекту.',
};
