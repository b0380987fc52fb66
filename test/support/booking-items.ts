import type { MyBookingItem } from '../../src/machines/my-bookings.machine.ts';
import type { RealtorBookingItem } from '../../src/machines/realtor-bookings.machine.ts';

/**
 * What every booking row below says about the stay: booking 11, pending, 3
 * nights at «Студия у Медеу», Алматы (05.12.2026 – 08.12.2026, 2 guests,
 * 45 000 ₸). Each row's `change` sets the rest.
 */
const STAY = {
  id: 11,
  title: 'Студия у Медеу',
  city: 'Алматы',
  checkIn: '2026-12-05',
  checkOut: '2026-12-08',
  nights: 3,
  guests: 2,
  total: 45_000,
  status: 'pending',
  cancelledBy: null,
} as const;

/** A row of the guest's «📦 Мои бронирования»: payable and cancellable, not yet reviewable. */
export const myBookingItem = (change: Partial<MyBookingItem>): MyBookingItem => ({
  ...STAY,
  reviewed: false,
  payable: true,
  cancellable: true,
  reviewable: false,
  ...change,
});

/** A row of the realtor's «📅 Брони»: Алия Серикова's, to confirm or cancel. */
export const realtorBookingItem = (change: Partial<RealtorBookingItem>): RealtorBookingItem => ({
  ...STAY,
  guestName: 'Алия Серикова',
  guestPhone: '+77011234567',
  cancelReason: null,
  confirmable: true,
  cancellable: true,
  ...change,
});
