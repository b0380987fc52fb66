import { plural } from '../plural.ts';

const n = (count: number, one: string, few: string, many: string) =>
  plural('ru', count, { one, few, many, other: many });

const bookings = (count: number) => n(count, '# бронь', '# брони', '# броней');

/** The Super Admin's screens in Russian: realtors, adding one, the agency's figures, the CSV export. */
export const superAdmin = {
  realtors: {
    header: '👥 Риелторы агентства. Список и действия — в сообщении ниже.',
    title: (total: number, page: number, pages: number) =>
      `👥 Риелторы: ${n(total, '# риелтор', '# риелтора', '# риелторов')}` +
      `${pages > 1 ? ` · стр. ${page} из ${pages}` : ''}`,
    empty: 'В агентстве пока нет риелторов. Добавьте первого кнопкой «➕ Добавить».',
    status: { active: '🟢 активен', blocked: '⛔ деактивирован' },
    stats: (listings: number, bookingsThisMonth: number) =>
      `🏘 ${n(listings, '# объект', '# объекта', '# объектов')} · 📅 ${bookings(bookingsThisMonth)} в этом месяце`,
    buttons: {
      activate: (index: number) => `${index} · Активировать`,
      deactivate: (index: number) => `${index} · Деактивировать`,
      add: '➕ Добавить',
      previous: '◀️',
      next: '▶️',
      close: '✖️ Закрыть',
      yesActivate: 'Да, активировать',
      yesDeactivate: 'Да, деактивировать',
      no: 'Нет',
    },
    confirmDeactivate: (name: string) =>
      `Деактивировать риелтора ${name}?\n\nЕго объекты пропадут из поиска, а бот скажет ему, что аккаунт деактивирован. Уже сделанные брони останутся.`,
    confirmActivate: (name: string) =>
      `Активировать риелтора ${name}?\n\nЕго опубликованные объекты снова появятся в поиске.`,
    confirmDeactivateById: (id: number) => `Деактивировать риелтора №${id}?`,
    confirmActivateById: (id: number) => `Активировать риелтора №${id}?`,
    activated: (name: string) => `✅ ${name} снова активен: опубликованные объекты вернулись в поиск.`,
    deactivated: (name: string) => `⛔ ${name} деактивирован: объекты скрыты из поиска.`,
    stale: 'Статус риелтора уже изменился — список обновлён.',
  },
  addRealtor: {
    askEmail:
      'Новый риелтор. Шаг 1 из 4.\n\nНапишите email риелтора: на него придёт письмо о том, как привязать Telegram.',
    askPhone: (email: string) =>
      `Email ${email} свободен.\n\nШаг 2 из 4. Телефон риелтора, например +7 701 123 45 67.`,
    askName: (phone: string) => `Телефон ${phone} свободен.\n\nШаг 3 из 4. Имя и фамилия риелтора.`,
    askPassword:
      'Шаг 4 из 4. Придумайте пароль для риелтора: не короче 8 символов.\n\nСообщение с паролем бот удалит из чата сразу после прочтения.',
    summary: (email: string, phone: string, name: string) =>
      `Проверьте данные нового риелтора:\n\nEmail: ${email}\nТелефон: ${phone}\nИмя: ${name}\nПароль: ••••••••\n\nСоздать аккаунт?`,
    badEmail: 'Это не похоже на email. Пример: name@example.kz',
    emailTaken: 'Этот email уже занят другим аккаунтом. Укажите другой.',
    badPhone: 'Это не похоже на казахстанский номер. Пример: +7 701 123 45 67 или 8 701 123 45 67.',
    phoneTaken: 'Этот телефон уже занят другим аккаунтом. Укажите другой.',
    badName: 'Имя должно быть от 2 до 200 символов.',
    badPassword: 'Пароль слишком короткий: нужно не меньше 8 символов (и не больше 200).',
    added: (name: string) =>
      `✅ Риелтор ${name} добавлен. Ему отправлено письмо: как привязать Telegram командой /link.`,
  },
  metrics: {
    title: (agency: string) => `📊 Агентство «${agency}»`,
    inactive: '⚠️ Агентство неактивно: его объекты не показываются в поиске.',
    realtors: (active: number, total: number) =>
      `👥 Риелторы: ${n(active, '# активный', '# активных', '# активных')} из ${total}`,
    listings: (published: number, total: number) => `🏘 Объекты: опубликовано ${published} из ${total}`,
    occupancy: (percent: number) => `🛏 Загрузка за 30 дней: ${percent}%`,
    rating: (rating: string) => `⭐ Средний рейтинг: ${rating}`,
    noRating: '⭐ Средний рейтинг: оценок пока нет',
    thisMonth: (month: string) => `🗓 ${month}`,
    allTime: '📈 За всё время',
    bookings: (total: number) => `Брони: ${total}`,
    byStatus: (pending: number, confirmed: number, completed: number, cancelled: number) =>
      `⏳ ждут оплаты ${pending} · ✅ подтверждены ${confirmed} · 🏁 завершены ${completed} · ❌ отменены ${cancelled}`,
    revenue: (amount: string) => `💰 Выручка: ${amount}`,
    topListings: '🏆 ТОП-5 объектов по выручке',
    topRealtors: '🏆 ТОП-5 риелторов по выручке',
    topListing: (index: number, title: string, realtor: string, revenue: string, count: number) =>
      `${index}. «${title}» (${realtor}) — ${revenue}, ${bookings(count)}`,
    topRealtor: (index: number, name: string, revenue: string, count: number) =>
      `${index}. ${name} — ${revenue}, ${bookings(count)}`,
    topEmpty: 'Оплаченных броней пока нет.',
    chartCaption: (total: number) => `📊 Брони по дням за 30 дней: всего ${bookings(total)}.`,
    buttons: { export: '📥 Выгрузить брони (CSV)', close: '✖️ Закрыть' },
  },
  bookingsExport: {
    prompt: (agency: string | null) =>
      `📥 Выгрузка броней${agency ? ` агентства «${agency}»` : ''} в CSV.\n\n` +
      'Выберите период (брони, созданные в эти дни) или напишите свой, например 01.10.2026–31.10.2026.',
    periodButtons: 'Период:',
    presets: { thisMonth: '🗓 Этот месяц', lastMonth: '⏮ Прошлый месяц', last30: '📆 Последние 30 дней' },
    badPeriod:
      'Не понял период. Напишите две даты с годом через тире, например 01.10.2026–31.10.2026 (не больше 366 дней).',
    caption: (from: string, to: string, rows: number) =>
      `📥 Брони с ${from} по ${to}: ${bookings(rows)}. Файл открывается в Excel.`,
    truncated: (shown: number, total: number) =>
      `В файле первые ${shown} из ${total}: выберите период покороче, чтобы получить все.`,
    empty: (from: string, to: string) => `С ${from} по ${to} броней не было — выгружать нечего.`,
    done: 'Готово: файл с бронями — выше.',
    filename: (from: string, to: string) => `broni_${from}_${to}.csv`,
    columns: {
      id: 'ID',
      listing: 'Объект',
      city: 'Город',
      realtor: 'Риелтор',
      agency: 'Агентство',
      guest: 'Гость',
      phone: 'Телефон',
      checkIn: 'Заезд',
      checkOut: 'Выезд',
      nights: 'Ночей',
      guests: 'Гостей',
      total: 'Сумма, ₸',
      status: 'Статус',
      created: 'Создана',
    },
    statuses: {
      pending: 'ждёт оплаты',
      confirmed: 'подтверждена',
      cancelled: 'отменена',
      completed: 'завершена',
    },
  },
};
