import { plural } from '../plural.ts';

const n = (count: number, one: string, few: string, many: string) =>
  plural('ru', count, { one, few, many, other: many });

/** What a booking screen says about the stay. */
export interface StayText {
  title: string;
  city: string;
  /** `05.12.2026 – 08.12.2026` */
  stay: string;
  nights: number;
  guests: number;
  /** Formatted tenge. */
  price: string;
  total: string;
}

/** Booking a listing and paying for it (demo), in Russian. */
export const booking = {
  needAccount: (title: string) =>
    `Чтобы забронировать «${title}», нужен аккаунт.\n\n` +
    'Зарегистрируйтесь (телефон и email) или привяжите существующий аккаунт — и вы вернётесь к этой брони.',
  accountThen: 'После этого вы вернётесь к бронированию.',
  askDates: (title: string) =>
    `📅 Бронирование «${title}».\n\nВыберите даты в календаре ниже или напишите их, например 12.12–15.12.`,
  pickCheckIn: 'Выберите день заезда:',
  pickCheckOut: (checkIn: string) => `Заезд: ${checkIn}. Теперь выберите день выезда:`,
  dates: {
    format: 'Не понял даты. Напишите их так: 12.12–15.12 или 12.12.2026-15.12.2026.',
    order: 'Дата выезда должна быть позже даты заезда.',
    past: 'Этот день уже прошёл. Выберите сегодня или позже.',
    tooLong: 'Слишком долго: не больше 90 ночей за одну бронь.',
  },
  datesTaken: 'Эти даты уже заняты. Выберите другие.',
  datesGone: 'Даты из поиска больше не свободны. Выберите другие.',
  askGuests: (stay: string, nights: number, max: number) =>
    `📅 ${stay}, ${n(nights, '# ночь', '# ночи', '# ночей')}.\n\n` +
    `👥 Сколько будет гостей? Не больше ${max}. Выберите кнопкой или напишите число.`,
  badGuests: 'Напишите число гостей цифрами, например 2.',
  tooManyGuests: (max: number) =>
    `Здесь можно разместить не больше ${n(max, '# гостя', '# гостей', '# гостей')}.`,
  summary: (s: StayText) =>
    `Проверьте бронь:\n\n🏠 «${s.title}», ${s.city}\n📅 ${s.stay}\n👥 ${n(s.guests, '# гость', '# гостя', '# гостей')}\n` +
    `💰 ${s.price} × ${n(s.nights, '# ночь', '# ночи', '# ночей')} = ${s.total}\n\nВсё верно?`,
  useButtons: 'Выберите действие кнопками ниже.',
  created: (id: number, s: StayText) =>
    `🆕 Бронь №${id} создана и ждёт оплаты.\n\n🏠 «${s.title}», ${s.city}\n📅 ${s.stay}\n💰 К оплате: ${s.total}`,
  payLater:
    'Оплата демонстрационная: деньги не списываются. Оплатить можно и позже в «📦 Мои бронирования»; ' +
    '«❌ Отмена» закроет это окно, а бронь останется.',
  payHint: 'Чтобы оплатить, нажмите «💳 Оплатить (демо)» под сообщением о брони.',
  pay: '💳 Оплатить (демо)',
  paid: (title: string, stay: string, total: string) =>
    `✅ Оплачено, бронь подтверждена: «${title}», ${stay}, ${total}. Риелтор получил уведомление.`,
  alreadyPaid: (title: string, stay: string) => `✅ Бронь «${title}» (${stay}) уже оплачена.`,
  payFailed: (reason: string) => `Оплата не прошла: ${reason}`,
  datesLost: '😔 Пока вы оформляли бронь, эти даты заняли. Выберите другие даты или другую квартиру.',
  unavailable: 'Эту квартиру сейчас нельзя забронировать: её сняли с публикации или она недоступна.',
  left: 'Бронь не оформлена.',
};
