import type { Messages } from '../messages.ts';

/** «📝 Reviews» in English. */
export const reviews: Messages['reviews'] = {
  intro: '📝 Reviews. Rate a completed stay or look through your reviews.',
  chooseStay: 'Choose the stay you want to review:',
  noStays: 'No completed stays are waiting for a review.',
  moreStays: (shown, total) => `Showing the latest ${shown} of ${total}.`,
  stay: (title, dates) => `${title}, ${dates}`,
  askStars: (title, dates) =>
    `Stay at “${title}”, ${dates}.\n\nRate it from 1 to 5 stars with the buttons below or type a digit.`,
  starsPrompt: 'Your rating:',
  current: (value) => `Now: ${value}`,
  askText: (max) => `Write a few words about the stay (up to ${max} characters) or press «Skip».`,
  preview: (title, stars, text) =>
    `Check your review:\n\n“${title}”\n${stars}\n${text ?? 'No text.'}\n\nPublish it?`,
  published: (title, stars) => `Thank you! Your review of “${title}” is published: ${stars}.`,
  mineTitle: (total, page, pages) =>
    `📋 Your reviews: ${total}${pages > 1 ? ` · page ${page} of ${pages}` : ''}`,
  mineEmpty: 'You have not written any reviews yet.',
  noText: 'no text',
  notReviewable: 'This stay cannot be reviewed: it is reviewed already or not completed.',
  chooseStayNotice: 'Please choose a stay with the buttons under the list.',
  chooseStars: 'A rating is a number from 1 to 5. Press a star button or type a digit.',
  tooLong: (max) => `The review is too long: at most ${max} characters, please shorten it.`,
  usePreviewButtons: 'Press «Publish», «Edit» or «Cancel».',
  useButtons: 'Please use the buttons under the message.',
  buttons: {
    mine: '📋 My reviews',
    publish: '✅ Publish',
    keepText: '✅ Keep the text',
    previous: '◀️',
    next: '▶️',
  },
};
