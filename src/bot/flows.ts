import type { Flow } from './flow.ts';
import type { MenuItem } from './menu.ts';
import { bookFlow } from './views/book.view.ts';
import { favoritesFlow } from './views/favorites.view.ts';
import { languageFlow } from './views/language.view.ts';
import { linkFlow } from './views/link.view.ts';
import { myBookingsFlow } from './views/my-bookings.view.ts';
import { notificationsFlow } from './views/notifications.view.ts';
import { registerFlow } from './views/register.view.ts';
import { reviewFlow } from './views/review.view.ts';
import { searchFlow } from './views/search.view.ts';

/** Every flow the bot runs, by machine id. */
export const FLOWS: Record<string, Flow> = {
  [registerFlow.id]: registerFlow,
  [linkFlow.id]: linkFlow,
  [languageFlow.id]: languageFlow,
  [favoritesFlow.id]: favoritesFlow,
  [reviewFlow.id]: reviewFlow,
  [notificationsFlow.id]: notificationsFlow,
  [searchFlow.id]: searchFlow,
  [bookFlow.id]: bookFlow,
  [myBookingsFlow.id]: myBookingsFlow,
};

/** The flow a main-menu button or a command starts. */
export const MENU_FLOWS: Partial<Record<MenuItem, Flow>> = {
  register: registerFlow,
  link: linkFlow,
  language: languageFlow,
  favorites: favoritesFlow,
  reviews: reviewFlow,
  notifications: notificationsFlow,
  search: searchFlow,
  myBookings: myBookingsFlow,
};

export const COMMAND_FLOWS: Record<string, Flow> = {
  register: registerFlow,
  link: linkFlow,
  language: languageFlow,
};
