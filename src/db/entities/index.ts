import { Agency } from './agency.entity.ts';
import { AvailabilityBlock } from './availability-block.entity.ts';
import { Booking } from './booking.entity.ts';
import { ChatSession } from './chat-session.entity.ts';
import { Favorite } from './favorite.entity.ts';
import { Listing } from './listing.entity.ts';
import { Notification } from './notification.entity.ts';
import { Occupancy } from './occupancy.entity.ts';
import { Payment } from './payment.entity.ts';
import { ProcessedUpdate } from './processed-update.entity.ts';
import { Review } from './review.entity.ts';
import { TelegramProfile } from './telegram-profile.entity.ts';
import { User } from './user.entity.ts';
import { VerificationCode } from './verification-code.entity.ts';

export * from './agency.entity.ts';
export * from './availability-block.entity.ts';
export * from './booking.entity.ts';
export * from './chat-session.entity.ts';
export * from './favorite.entity.ts';
export * from './listing.entity.ts';
export * from './notification.entity.ts';
export * from './occupancy.entity.ts';
export * from './payment.entity.ts';
export * from './processed-update.entity.ts';
export * from './review.entity.ts';
export * from './telegram-profile.entity.ts';
export * from './user.entity.ts';
export * from './verification-code.entity.ts';

/** Every entity, explicitly (no folder discovery). */
export const entities = [
  Agency,
  User,
  Listing,
  AvailabilityBlock,
  Booking,
  Occupancy,
  Payment,
  Favorite,
  Review,
  Notification,
  TelegramProfile,
  VerificationCode,
  ChatSession,
  ProcessedUpdate,
];
