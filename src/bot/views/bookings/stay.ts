import { nightsBetween } from '../../../domain/dates.ts';
import type { StayText } from '../../i18n/ru/booking.ts';
import { formatStay } from '../../parse/date-range.ts';
import { formatTenge } from '../../parse/money.ts';

/** A stay at a listing as the booking screens print it. */
export function stayText(
  listing: { title: string; city: string; pricePerNight: number },
  stay: { checkIn: string; checkOut: string; guests: number },
): StayText {
  const nights = nightsBetween(stay.checkIn, stay.checkOut);
  return {
    title: listing.title,
    city: listing.city,
    stay: formatStay(stay.checkIn, stay.checkOut),
    nights,
    guests: stay.guests,
    price: formatTenge(listing.pricePerNight),
    total: formatTenge(nights * listing.pricePerNight),
  };
}
