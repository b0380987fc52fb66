import type { Amenity } from '../../../domain/amenities.ts';
import { plural } from '../plural.ts';

const n = (count: number, one: string, few: string, many: string) =>
  plural('ru', count, { one, few, many, other: many });

/** The search flow (🔍 Поиск) in Russian; `amenities` names are shared with other flows. */
export const search = {
  amenities: {
    wifi: 'Wi-Fi',
    kitchen: 'Кухня',
    washer: 'Стиральная машина',
    air_conditioning: 'Кондиционер',
    parking: 'Парковка',
    tv: 'Телевизор',
    balcony: 'Балкон',
    elevator: 'Лифт',
    workspace: 'Рабочее место',
    kids_friendly: 'Можно с детьми',
    pets_allowed: 'Можно с животными',
    iron: 'Утюг',
  } satisfies Record<Amenity, string> as Record<Amenity, string>,
  askCity:
    '🔍 Поиск жилья. Шаг 1 из 5: город.\n\nВыберите город кнопкой или напишите его название. «Пропустить» — искать во всех городах.',
  editCity: 'Выберите другой город или напишите его. «Пропустить» — искать во всех городах.',
  unknownCity: (cities: string) => `Такого города нет среди городов с объявлениями. Есть: ${cities}.`,
  askDates:
    'Шаг 2 из 5: даты.\n\nВыберите в календаре дату заезда, затем дату выезда, или напишите их, например 12.12–15.12. «Пропустить» — любые даты.',
  editDates:
    'Выберите в календаре новые даты или напишите их, например 12.12–15.12. «Пропустить» — любые даты.',
  pickCheckIn: '📅 Выберите дату заезда:',
  pickCheckOut: (checkIn: string) => `📅 Заезд: ${checkIn}. Теперь выберите дату выезда:`,
  datesFormat: 'Не понял даты. Напишите, например, 12.12–15.12 или 12.12.2026-15.12.2026.',
  datesOrder: 'Дата выезда должна быть позже даты заезда.',
  datesPast: 'Эта дата уже прошла. Выберите сегодняшнюю или более позднюю.',
  datesTooLong: 'Слишком долгое проживание: не больше 90 ночей.',
  askGuests:
    'Шаг 3 из 5: гости.\n\nСколько человек будет жить? Выберите кнопкой или напишите число от 1 до 50.',
  editGuests: 'Сколько человек будет жить? Выберите кнопкой или напишите число от 1 до 50.',
  badGuests: 'Число гостей — целое число от 1 до 50, например 2.',
  askPrice:
    'Шаг 4 из 5: цена за ночь.\n\nВыберите диапазон или напишите максимальную цену за ночь, например 20 000.',
  editPrice: 'Выберите диапазон цены за ночь или напишите максимальную цену, например 20 000.',
  badPrice: 'Не понял цену. Напишите сумму в тенге, например 20 000 или 20000 ₸.',
  anyPrice: 'Любая',
  askAmenities:
    'Шаг 5 из 5: удобства.\n\nОтметьте нужные удобства и нажмите «Готово». «Пропустить» — без требований.',
  editAmenities: 'Отметьте нужные удобства и нажмите «Готово». «Пропустить» — без требований.',
  amenitiesChosen: (names: string) => `Выбрано: ${names}.`,
  amenitiesNone: 'Пока ничего не выбрано.',
  done: '✅ Готово',
  // The filters, as the summary above the results shows them.
  summaryTitle: '🔎 Ваш поиск:',
  anyCity: 'любой город',
  anyDates: 'любые даты',
  anyGuests: 'любое число гостей',
  anyAmenities: 'удобства не важны',
  anyPriceSummary: 'любая цена',
  stay: (dates: string, nights: number) => `${dates} (${n(nights, '# ночь', '# ночи', '# ночей')})`,
  guestsCount: (count: number) => n(count, '# гость', '# гостя', '# гостей'),
  priceUpTo: (max: string) => `до ${max}`,
  priceFrom: (min: string) => `от ${min}`,
  priceBetween: (min: string, max: string) => `${min} – ${max}`,
  priceSummary: (range: string) => `${range} за ночь`,
  // Results.
  found: (total: number, page: number, pages: number) =>
    `${n(total, 'Найден # вариант', 'Найдено # варианта', 'Найдено # вариантов')} · страница ${page} из ${pages}`,
  perNight: (price: string) => `${price} за ночь`,
  forStay: (total: string, nights: number) => `${total} за ${n(nights, '# ночь', '# ночи', '# ночей')}`,
  rating: (average: string, count: number) =>
    `⭐ ${average} (${n(count, '# отзыв', '# отзыва', '# отзывов')})`,
  noRating: '⭐ пока без отзывов',
  more: (index: number) => `${index} · Подробнее`,
  book: (index: number) => `${index} · Забронировать`,
  favorite: (index: number) => `${index} · В избранное`,
  changeFilters: '✏️ Изменить фильтры',
  chooseFilter: 'Что изменить? Остальные фильтры останутся как есть.',
  filters: {
    city: '🏙 Город',
    dates: '📅 Даты',
    guests: '👥 Гости',
    price: '💰 Цена',
    amenities: '✨ Удобства',
  },
  noResults: '😔 Ничего не нашлось. Измените один из фильтров кнопками ниже — остальные останутся как есть.',
  // The listing card.
  bookButton: '📅 Забронировать',
  favoriteButton: '⭐ В избранное',
  backToResults: '⬅️ Назад к результатам',
  maxGuests: (count: number) => `👥 до ${n(count, '# гостя', '# гостей', '# гостей')}`,
  amenitiesLine: (names: string) => `✨ ${names}`,
  noAmenities: '✨ удобства не указаны',
  unavailable: '⚠️ На выбранные даты занято.',
  latestReviews: 'Последние отзывы:',
  noReviews: 'Отзывов пока нет.',
  favoriteAdded: '⭐ Добавлено в избранное.',
  favoriteAlready: '⭐ Уже в избранном.',
  // Book or Favourite without an account.
  accountRequired:
    'Чтобы бронировать и добавлять в избранное, нужен аккаунт. Зарегистрируйтесь или привяжите существующий — и мы вернёмся к этой квартире.',
  toRegister: 'После регистрации вернёмся к выбранной квартире.',
  toLink: 'После привязки аккаунта вернёмся к выбранной квартире.',
  toBooking: '📅 Переходим к бронированию.',
};
