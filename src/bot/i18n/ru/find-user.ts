/** «🔎 Пользователь» (Superuser) in Russian. */
export const findUser = {
  ask: '🔎 Поиск пользователя. Напишите его email или телефон, например name@example.kz или +7 701 123 45 67.',
  badQuery:
    'Это не похоже ни на email, ни на казахстанский номер. Примеры: name@example.kz, +7 701 123 45 67, 87011234567.',
  notFound: (query: string) =>
    `Пользователь «${query}» не найден. Проверьте email или номер и напишите ещё раз.`,
  intro: '🔎 Пользователь — карточка ниже. Чтобы найти другого, напишите его email или телефон.',
  card: {
    name: (name: string) => `👤 ${name}`,
    email: (email: string) => `✉️ ${email}`,
    phone: (phone: string) => `📞 ${phone}`,
    role: (role: string) => `🎭 Роль: ${role}`,
    status: (active: boolean): string => (active ? '🟢 Статус: активен' : '⛔ Статус: заблокирован'),
    agency: (name: string | null) => `🏢 Агентство: ${name ? `«${name}»` : '—'}`,
    telegram: (linked: boolean) => `💬 Telegram: ${linked ? 'привязан' : 'не привязан'}`,
    registered: (date: string) => `📅 Зарегистрирован: ${date}`,
  },
  buttons: {
    block: 'Заблокировать',
    unblock: 'Разблокировать',
    again: '🔎 Искать ещё',
    close: '✖️ Закрыть',
    yes: 'Да, заблокировать',
    no: 'Нет',
  },
  confirmBlock: (name: string, email: string) =>
    `Заблокировать ${name} (${email})?\n\n` +
    'Бот перестанет отвечать этому человеку, кроме сообщения о блокировке, пока его не разблокируют. Он получит уведомление.',
  blocked: '⛔ Пользователь заблокирован и получил уведомление.',
  unblocked: '✅ Пользователь разблокирован и получил уведомление.',
  stale: 'Статус уже изменился — карточка обновлена.',
  useButtons: 'Выбирайте действие кнопками под карточкой.',
};
