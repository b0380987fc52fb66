/** «📝 Отзывы» in Russian. */
export const reviews = {
  intro: '📝 Отзывы. Оцените завершённое проживание или посмотрите свои отзывы.',
  chooseStay: 'Выберите проживание, о котором хотите оставить отзыв:',
  noStays: 'Завершённых проживаний без отзыва нет.',
  // Only said when more than the (several) listed exist, so «последние» always fits.
  moreStays: (shown: number, total: number) => `Показаны последние ${shown} из ${total}.`,
  stay: (title: string, dates: string) => `${title}, ${dates}`,
  askStars: (title: string, dates: string) =>
    `Проживание «${title}», ${dates}.\n\nОцените его от 1 до 5 звёзд кнопками ниже или напишите цифру.`,
  starsPrompt: 'Ваша оценка:',
  current: (value: string) => `Сейчас: ${value}`,
  askText: (max: number) => `Напишите пару слов о проживании (до ${max} символов) или нажмите «Пропустить».`,
  preview: (title: string, stars: string, text: string | null) =>
    `Проверьте отзыв:\n\n«${title}»\n${stars}\n${text ?? 'Без текста.'}\n\nОпубликовать?`,
  published: (title: string, stars: string) => `Спасибо! Ваш отзыв о «${title}» опубликован: ${stars}.`,
  mineTitle: (total: number, page: number, pages: number) =>
    `📋 Ваши отзывы: ${total}${pages > 1 ? ` · стр. ${page} из ${pages}` : ''}`,
  mineEmpty: 'Вы ещё не оставляли отзывов.',
  noText: 'без текста',
  notReviewable: 'Это проживание нельзя оценить: отзыв уже оставлен или проживание не завершено.',
  chooseStayNotice: 'Выберите проживание кнопкой под списком.',
  chooseStars: 'Оценка — число от 1 до 5. Нажмите кнопку со звёздами или напишите цифру.',
  tooLong: (max: number) => `Слишком длинный отзыв: не больше ${max} символов. Сократите, пожалуйста.`,
  usePreviewButtons: 'Нажмите «Опубликовать», «Изменить» или «Отмена».',
  useButtons: 'Пользуйтесь кнопками под сообщением.',
  buttons: {
    mine: '📋 Мои отзывы',
    publish: '✅ Опубликовать',
    keepText: '✅ Оставить текст',
    previous: '◀️',
    next: '▶️',
  },
};
