import { formatStay } from '../parse/date-range.ts';
import { formatTenge } from '../parse/money.ts';
import { plural } from './plural.ts';
import { addAgency } from './ru/add-agency.ts';
import { addListing, publishListing } from './ru/add-listing.ts';
import { agencies } from './ru/agencies.ts';
import { agencyPicker } from './ru/agency-picker.ts';
import { blockDates } from './ru/block-dates.ts';
import { booking } from './ru/booking.ts';
import { favorites } from './ru/favorites.ts';
import { findUser } from './ru/find-user.ts';
import { myBookings } from './ru/my-bookings.ts';
import { myListings } from './ru/my-listings.ts';
import { notificationsList } from './ru/notificationsList.ts';
import { platformRealtors } from './ru/platform-realtors.ts';
import { realtorBookings } from './ru/realtor-bookings.ts';
import { reviews } from './ru/reviews.ts';
import { search } from './ru/search.ts';
import { superAdmin } from './ru/super-admin.ts';
import { users } from './ru/users.ts';

const n = (count: number, one: string, few: string, many: string) =>
  plural('ru', count, { one, few, many, other: many });
const roleNames = {
  guest: 'Гость',
  realtor: 'Риелтор',
  super_admin: 'Супер Админ',
  superuser: 'Суперпользователь',
};
type Role = keyof typeof roleNames;

/** Russian, the default language. Its shape is the catalogue type every language must fill. */
export const ru = {
  search,
  booking,
  myBookings,
  favorites,
  reviews,
  notificationsList,
  addListing,
  publishListing,
  realtorBookings,
  agencies,
  addAgency,
  findUser,
  users,
  platformRealtors,
  agencyPicker,
  superAdmin,
  myListings,
  blockDates,
  menu: {
    register: '📝 Регистрация',
    link: '🔗 Привязать аккаунт',
    search: '🔍 Поиск',
    myBookings: '📦 Мои бронирования',
    favorites: '⭐ Избранное',
    reviews: '📝 Отзывы',
    notifications: '🔔 Уведомления',
    notificationsCount: (count: number) => `🔔 Уведомления (${count})`,
    myListings: '🏘 Мои объекты',
    addListing: '➕ Добавить объект',
    realtorBookings: '📅 Брони',
    agencyRealtors: '👥 Риелторы',
    agency: '📊 Агентство',
    agencies: '🏢 Агентства',
    findUser: '🔎 Пользователь',
    users: '👥 Пользователи',
    platformRealtors: '👨‍💼 Риелторы',
    language: '🌐 Язык',
  },
  buttons: {
    cancel: '❌ Отмена',
    back: '⬅️ Назад',
    skip: '⏭ Пропустить',
    confirm: '✅ Подтвердить',
    edit: '✏️ Изменить',
    shareContact: '📱 Отправить мой номер',
    newCode: '🔁 Получить новый код',
  },
  common: {
    welcomeAnonymous: (name: string) =>
      `Здравствуйте${name ? `, ${name}` : ''}! Это бот посуточной аренды квартир в Казахстане.\n\n` +
      'Ищите жильё без аккаунта, а чтобы бронировать — зарегистрируйтесь или привяжите существующий аккаунт.',
    menu: (name: string, role: Role) => `Главное меню. ${name}, вы вошли как «${roleNames[role]}».`,
    cancelled: 'Действие отменено.',
    nothingToCancel: 'Сейчас нечего отменять.',
    somethingWentWrong: 'Что-то пошло не так. Попробуйте ещё раз чуть позже.',
    blocked: 'Ваш аккаунт заблокирован. Если это ошибка, обратитесь в поддержку.',
    realtorInactive:
      '⛔ Ваш аккаунт риелтора деактивирован администратором агентства. Ваши объекты не показываются в поиске, разделы риелтора недоступны. Чтобы вернуть доступ, обратитесь к администратору агентства.',
    unknownInput: 'Не понял вас. Выберите действие в меню ниже или отправьте /help.',
    staleButton: 'Эта кнопка устарела.',
    notAllowed: 'Это действие вам недоступно.',
    flowOutdated: 'Бот обновился, и этот диалог пришлось прервать. Начните, пожалуйста, заново.',
  },
  help: {
    title: 'Что умеет бот',
    commands: {
      start: '/start — главное меню',
      menu: '/menu — главное меню',
      register: '/register — регистрация (телефон и email)',
      link: '/link — привязать существующий аккаунт кодом из письма',
      language: '/language — язык бота',
      cancel: '/cancel — отменить текущее действие',
      help: '/help — эта справка',
    },
    menuTitle: 'Кнопки меню:',
    menuItems: {
      search: '🔍 Поиск — квартиры по городу, датам, цене и удобствам',
      myBookings: '📦 Мои бронирования — брони, оплата, отмена, отзыв',
      favorites: '⭐ Избранное — сохранённые квартиры',
      reviews: '📝 Отзывы — отзыв о завершённом проживании',
      notifications: '🔔 Уведомления — непрочитанные события',
      myListings: '🏘 Мои объекты — объекты, календарь, блокировки дат',
      addListing: '➕ Добавить объект — мастер нового объекта',
      realtorBookings: '📅 Брони — подтверждение и отмена броней',
      agencyRealtors: '👥 Риелторы — риелторы вашего агентства',
      agency: '📊 Агентство — показатели и ТОП',
      agencies: '🏢 Агентства — все агентства платформы',
      findUser: '🔎 Пользователь — найти по email или телефону',
      users: '👥 Пользователи — роли и статусы',
      platformRealtors: '👨‍💼 Риелторы — смена и снятие агентства',
      register: '📝 Регистрация — создать аккаунт',
      link: '🔗 Привязать аккаунт — войти в существующий аккаунт',
      language: '🌐 Язык — русский или английский',
    },
  },
  commands: {
    start: 'Главное меню',
    menu: 'Главное меню',
    register: 'Регистрация',
    link: 'Привязать аккаунт',
    language: 'Язык',
    cancel: 'Отменить действие',
    help: 'Справка',
  },
  register: {
    alreadyLinked: 'Этот Telegram уже привязан к аккаунту. Откройте меню: /menu',
    askPhone:
      'Регистрация. Шаг 1 из 2.\n\nОтправьте номер телефона кнопкой ниже или напишите его, например +7 701 123 45 67.',
    badPhone: 'Это не похоже на казахстанский номер. Пример: +7 701 123 45 67 или 8 701 123 45 67.',
    foreignContact: 'Пожалуйста, отправьте свой номер, а не контакт другого человека.',
    askEmail: (phone: string) => `Телефон ${phone} принят.\n\nШаг 2 из 2. Напишите ваш email.`,
    badEmail: 'Это не похоже на email. Пример: name@example.kz',
    summary: (phone: string, email: string) =>
      `Проверьте данные:\n\nТелефон: ${phone}\nEmail: ${email}\n\nВсё верно?`,
    emailTaken: 'Аккаунт с этим email уже есть. Укажите другой email или привяжите аккаунт командой /link.',
    phoneTaken:
      'Аккаунт с этим телефоном уже есть. Укажите другой номер или привяжите аккаунт командой /link.',
    done: 'Готово! Аккаунт создан и привязан к Telegram. На почту отправлено приветственное письмо.',
  },
  link: {
    alreadyLinked: 'Этот Telegram уже привязан к аккаунту. Откройте меню: /menu',
    askEmail: 'Привязка аккаунта. Напишите email, с которым вы зарегистрированы.',
    badEmail: 'Это не похоже на email. Пример: name@example.kz',
    codeSent:
      'Если аккаунт с этим email существует, мы отправили на него 6-значный код. Он действует 10 минут.\n\nВведите код:',
    badCodeFormat: 'Код — это 6 цифр из письма.',
    wrongCode: (left: number) =>
      `Неверный код. ${n(left, 'Осталась # попытка', 'Осталось # попытки', 'Осталось # попыток')}.`,
    codeDead: 'Код больше не действует. Запросите новый.',
    rateLimited: (seconds: number) =>
      `Слишком много запросов кода. Попробуйте через ${n(seconds, '# секунду', '# секунды', '# секунд')}.`,
    done: (role: Role) => `Аккаунт привязан! Ваша роль: «${roleNames[role]}».`,
  },
  language: {
    choose: 'Выберите язык бота:',
    changed: 'Язык бота: русский.',
  },
  errors: {
    validation_failed: 'Проверьте введённые данные.',
    not_found: 'Не найдено. Возможно, запись удалена.',
    forbidden: 'Это действие вам недоступно.',
    account_blocked: 'Ваш аккаунт заблокирован.',
    account_required: 'Для этого нужен аккаунт: /register или /link.',
    dates_taken: 'Эти даты уже заняты.',
    invalid_state: 'Это уже неактуально: состояние изменилось.',
    already_exists: 'Такая запись уже существует.',
    already_linked: 'Этот Telegram уже привязан к аккаунту.',
    rate_limited: 'Слишком много запросов. Попробуйте позже.',
    code_invalid: 'Неверный код.',
    code_expired: 'Код больше не действует. Запросите новый.',
    agency_inactive: 'Агентство неактивно.',
    last_superuser: 'Нельзя понизить или заблокировать последнего активного суперпользователя.',
  },
  roles: roleNames,
  notifications: {
    booking_created: (p: {
      listingTitle: string;
      checkIn: string;
      checkOut: string;
      guestName: string;
      total: number;
    }) =>
      `🆕 Новая бронь: «${p.listingTitle}», ${formatStay(p.checkIn, p.checkOut)}, гость ${p.guestName}, ${formatTenge(p.total)}.`,
    booking_confirmed: (p: {
      listingTitle: string;
      checkIn: string;
      checkOut: string;
      by: 'payment' | 'realtor';
    }) =>
      p.by === 'payment'
        ? `💳 Бронь «${p.listingTitle}» (${formatStay(p.checkIn, p.checkOut)}) оплачена и подтверждена.`
        : `✅ Риелтор подтвердил бронь «${p.listingTitle}» (${formatStay(p.checkIn, p.checkOut)}).`,
    booking_cancelled: (p: {
      listingTitle: string;
      checkIn: string;
      checkOut: string;
      reason: string | null;
    }) =>
      `❌ Бронь «${p.listingTitle}» (${formatStay(p.checkIn, p.checkOut)}) отменена.${p.reason ? ` Причина: ${p.reason}` : ''}`,
    booking_completed: (p: { listingTitle: string }) =>
      `🏁 Проживание в «${p.listingTitle}» завершено. Оставьте отзыв в разделе «📝 Отзывы».`,
    review_created: (p: { listingTitle: string; rating: number }) =>
      `⭐ Новый отзыв на «${p.listingTitle}»: ${'★'.repeat(p.rating)}${'☆'.repeat(5 - p.rating)}.`,
    role_changed: (p: { role: Role; agencyName: string | null }) =>
      `Ваша роль изменена: «${roleNames[p.role]}»${p.agencyName ? `, агентство «${p.agencyName}»` : ''}. Откройте меню: /menu`,
    // A realtor's account is «деактивирован» everywhere in the bot; `role` is absent in old notifications.
    status_changed: (p: { status: 'active' | 'blocked'; role?: Role }): string =>
      p.role === 'realtor'
        ? p.status === 'active'
          ? 'Ваш аккаунт риелтора снова активирован.'
          : 'Ваш аккаунт риелтора деактивирован.'
        : p.status === 'active'
          ? 'Ваш аккаунт снова активен.'
          : 'Ваш аккаунт заблокирован.',
    // `role` is absent in old notifications, which were all about realtors.
    agency_changed: (p: {
      realtorName: string;
      fromAgency: string | null;
      toAgency: string | null;
      role?: 'realtor' | 'super_admin';
    }) =>
      `${roleNames[p.role ?? 'realtor']} ${p.realtorName}: агентство ${p.fromAgency ? `«${p.fromAgency}»` : '—'} → ${p.toAgency ? `«${p.toAgency}»` : '—'}.`,
  },
};
