import type { BookingStatus, CancelledBy, UserRole, UserStatus } from '../db/entities/index.ts';

interface BookingRef {
  bookingId: number;
  listingId: number;
  listingTitle: string;
  checkIn: string;
  checkOut: string;
}

/** The roles that belong to an agency. */
export type AgencyRole = Extract<UserRole, 'realtor' | 'super_admin'>;

/** What each kind of notification carries; the bot renders them in the reader's language. */
export interface NotificationPayloads {
  /** To the realtor: a guest booked one of their listings. */
  booking_created: BookingRef & { guests: number; total: number; guestName: string };
  /** To the guest (by the realtor) or the realtor (by a payment): the booking is confirmed. */
  booking_confirmed: BookingRef & { by: 'payment' | 'realtor'; total: number };
  /** To the other side: the booking was cancelled. */
  booking_cancelled: BookingRef & { by: CancelledBy; reason: string | null; previousStatus: BookingStatus };
  /** To the guest: the stay is over, a review is welcome. */
  booking_completed: BookingRef;
  /** To the realtor: a guest reviewed one of their listings. */
  review_created: { reviewId: number; listingId: number; listingTitle: string; rating: number };
  /** To the user: their role changed. */
  role_changed: { role: UserRole; agencyName: string | null };
  /**
   * To the user: their account was blocked or unblocked. `role` (absent in
   * notifications stored before it existed) words it: a realtor is
   * «деактивирован», anyone else «заблокирован».
   */
  status_changed: { status: UserStatus; role?: UserRole };
  /**
   * To a realtor or Super Admin and the Super Admins of both agencies: the
   * person moved. `role` is their role in the agency (absent in notifications
   * stored before it existed: read as a realtor).
   */
  agency_changed: {
    realtorId: number;
    realtorName: string;
    fromAgency: string | null;
    toAgency: string | null;
    role?: AgencyRole;
  };
}

export type NotificationKind = keyof NotificationPayloads;
export type NotificationData = NotificationPayloads[NotificationKind];
