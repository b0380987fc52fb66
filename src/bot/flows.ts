import type { Flow } from './flow.ts';
import type { MenuItem } from './menu.ts';
import { addAgencyFlow } from './views/add-agency.view.ts';
import { addListingFlow } from './views/add-listing.view.ts';
import { addRealtorFlow } from './views/add-realtor.view.ts';
import { agenciesFlow } from './views/agencies.view.ts';
import { agencyMetricsFlow } from './views/agency-metrics.view.ts';
import { agencyPickerFlow } from './views/agency-picker.view.ts';
import { agencyRealtorsFlow } from './views/agency-realtors.view.ts';
import { blockDatesFlow } from './views/block-dates.view.ts';
import { bookFlow } from './views/book.view.ts';
import { bookingsExportFlow } from './views/bookings-export.view.ts';
import { favoritesFlow } from './views/favorites.view.ts';
import { findUserFlow } from './views/find-user.view.ts';
import { languageFlow } from './views/language.view.ts';
import { linkFlow } from './views/link.view.ts';
import { myBookingsFlow } from './views/my-bookings.view.ts';
import { myListingsFlow } from './views/my-listings.view.ts';
import { notificationsFlow } from './views/notifications.view.ts';
import { platformRealtorsFlow } from './views/platform-realtors.view.ts';
import { publishListingFlow } from './views/publish-listing.view.ts';
import { realtorBookingsFlow } from './views/realtor-bookings.view.ts';
import { registerFlow } from './views/register.view.ts';
import { reviewFlow } from './views/review.view.ts';
import { searchFlow } from './views/search.view.ts';
import { usersFlow } from './views/users.view.ts';

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
  [myListingsFlow.id]: myListingsFlow,
  [blockDatesFlow.id]: blockDatesFlow,
  [addListingFlow.id]: addListingFlow,
  [publishListingFlow.id]: publishListingFlow,
  [realtorBookingsFlow.id]: realtorBookingsFlow,
  [usersFlow.id]: usersFlow,
  [platformRealtorsFlow.id]: platformRealtorsFlow,
  [agencyPickerFlow.id]: agencyPickerFlow,
  [agenciesFlow.id]: agenciesFlow,
  [addAgencyFlow.id]: addAgencyFlow,
  [findUserFlow.id]: findUserFlow,
  [agencyRealtorsFlow.id]: agencyRealtorsFlow,
  [addRealtorFlow.id]: addRealtorFlow,
  [agencyMetricsFlow.id]: agencyMetricsFlow,
  [bookingsExportFlow.id]: bookingsExportFlow,
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
  myListings: myListingsFlow,
  addListing: addListingFlow,
  realtorBookings: realtorBookingsFlow,
  users: usersFlow,
  platformRealtors: platformRealtorsFlow,
  agencies: agenciesFlow,
  findUser: findUserFlow,
  agencyRealtors: agencyRealtorsFlow,
  agency: agencyMetricsFlow,
};

export const COMMAND_FLOWS: Record<string, Flow> = {
  register: registerFlow,
  link: linkFlow,
  language: languageFlow,
};
