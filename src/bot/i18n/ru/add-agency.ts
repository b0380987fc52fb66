/** «➕ Добавить агентство» (Superuser) in Russian; field names and refusals are in `agencies`. */
export const addAgency = {
  askName:
    '➕ Новое агентство. Шаг 1 из 4: название.\n\n' +
    'Напишите название агентства, от 2 до 100 символов. Оно не должно совпадать с названием другого агентства.',
  askCity: (name: string) =>
    `Название «${name}» свободно.\n\nШаг 2 из 4: город. Выберите его кнопкой или напишите.`,
  askPhone: 'Шаг 3 из 4: телефон агентства, например +7 727 250 01 00 или 8 701 123 45 67.',
  askEmail: 'Шаг 4 из 4: email агентства, например office@agency.kz.',
  editName: 'Напишите новое название агентства, от 2 до 100 символов.',
  editCity: 'Выберите город кнопкой или напишите его.',
  editPhone: 'Напишите телефон агентства, например +7 727 250 01 00.',
  editEmail: 'Напишите email агентства, например office@agency.kz.',
  summary: (agency: { name: string; city: string; phone: string; email: string }) =>
    'Проверьте данные нового агентства:\n\n' +
    `🏢 Название: ${agency.name}\n🏙 Город: ${agency.city}\n📞 Телефон: ${agency.phone}\n✉️ Email: ${agency.email}\n\n` +
    'Агентство будет создано активным. Всё верно?',
  chooseField: 'Что изменить?',
  created: (name: string) =>
    `✅ Агентство «${name}» создано и активно. Назначьте ему Супер Админа и риелторов в «👥 Пользователи».`,
};
