import type { Messages } from '../messages.ts';
import { plural } from '../plural.ts';

const n = (count: number, one: string, other: string) => plural('en', count, { one, other });
const chars = (count: number) => n(count, '# character', '# characters');

/** «➕ Add listing» in English. */
export const addListing: Messages['addListing'] = {
  askTitle:
    '➕ New listing. Step 1 of 7: title.\n\nType the title guests will see, e.g. "Studio near Medeu". 3 to 120 characters.',
  editTitle: (current) => `Now: "${current}".\n\nType the new title (3 to 120 characters).`,
  titleShort: 'The title is too short: at least 3 characters, please.',
  titleLong: (typed) => `The title is too long: ${chars(typed)}, at most 120 allowed.`,
  askCity: 'Step 2 of 7: city.\n\nPick the city with a button or type its name.',
  editCity: (current) => `Now: ${current}.\n\nPick another city with a button or type it.`,
  cityBad: 'I did not get the city. Type its name in letters, e.g. Almaty.',
  cityLong: 'The city name is too long: at most 100 characters.',
  askPrice:
    'Step 3 of 7: price per night.\n\nType the price in tenge as a whole number, e.g. 15 000 or 15000 ₸.',
  editPrice: (current) =>
    `Now: ${current} per night.\n\nType the new price in tenge, e.g. 15 000 or 15000 ₸.`,
  badPrice: 'The price is a whole number of tenge above zero, e.g. 15 000 or 15000 ₸.',
  priceTooHigh: (max) => `The price is too high: at most ${max} per night. Check for extra zeros.`,
  askGuests:
    'Step 4 of 7: guests.\n\nHow many people can stay at once? Pick a button or type a number from 1 to 50.',
  editGuests: (current) =>
    `Now: ${n(current, 'up to # guest', 'up to # guests')}.\n\nPick a button or type a number from 1 to 50.`,
  badGuests: 'The number of guests is a whole number from 1 to 50, e.g. 4.',
  askDescription:
    'Step 5 of 7: description.\n\nTell guests about the place: rooms, beds, floor, how to check in. 10 to 2000 characters.',
  editDescription: (current) => `Now:\n${current}\n\nType the new description (10 to 2000 characters).`,
  descriptionShort: (typed) =>
    `The description is too short: ${chars(typed)}, at least 10 needed. Tell guests a little more.`,
  descriptionLong: (typed) => `The description is too long: ${chars(typed)}, at most 2000 allowed.`,
  askAmenities: 'Step 6 of 7: amenities.\n\nTick what the place has and press "Done".',
  editAmenities: 'Tick the amenities and press "Done".',
  askPhoto:
    'Step 7 of 7: photo (optional).\n\nSend one photo of the place — guests will see it on the card and in search. Or press "Skip".',
  editPhoto: 'Send a new photo of the place.',
  editPhotoOrRemove: 'Send a new photo of the place, or press "Remove photo".',
  havePhoto:
    'There is a photo already. Send a new one to replace it; "Keep the photo" leaves it as it is; "Remove photo" goes without.',
  photoExpected: 'A photo is needed here: send it as a photo, not as a file or text.',
  keepPhoto: '✅ Keep the photo',
  removePhoto: '🗑 Remove photo',
  previewTitle: '👀 Check the listing — this is how guests will see it:',
  previewQuestion: 'All correct? "Save" stores the listing hidden; you can publish it right after.',
  withPhoto: '📷 with a photo',
  noPhoto: '📷 no photo',
  save: '💾 Save',
  editField: '✏️ Edit a field',
  chooseField: 'What would you like to change? Pick a field.',
  fields: {
    title: '🏷 Title',
    city: '🏙 City',
    price: '💰 Price',
    guests: '👥 Guests',
    description: '📝 Description',
    amenities: '✨ Amenities',
    photo: '📷 Photo',
  },
  saveFailed: 'The listing could not be saved.',
  saved: '✅ The listing is saved.',
};

/** The publish offer in English. */
export const publishListing: Messages['publishListing'] = {
  hidden: (title) => `"${title}" is hidden for now: guests do not see it.`,
  offer: 'Publish the listing now? You can also do it later in «🏘 My listings».',
  publishNow: '🚀 Publish now',
  later: 'Later',
  published: (title) => `🚀 "${title}" is published: guests can find it in search now.`,
  keptHidden: 'The listing stays hidden. You can publish it in «🏘 My listings».',
  refused: (reason) => `⚠️ Could not publish: ${reason}\n\nThe listing is saved but hidden from guests.`,
  agencyInactive:
    "your agency is inactive right now, so its realtors' listings are not published. Please contact your agency's admin.",
};
