import { z } from 'zod';
import { Payment } from '../db/entities/index.ts';
import type { Em } from '../db/orm.ts';
import { type Actor, type MaybeActor, requireActive } from './actor.ts';
import { loadBookingFor } from './bookings/access.ts';
import { confirmBooking } from './bookings/transitions.ts';
import { bookingRef } from './bookings/view.ts';
import { almatyToday } from './dates.ts';
import { isUniqueViolation } from './db-errors.ts';
import type { DomainDeps } from './deps.ts';
import { InvalidState } from './errors.ts';
import { idSchema, parseInput } from './validation.ts';

export interface PaymentResult {
  paymentId: number;
  /** Integer tenge: the booking's total. */
  amount: number;
  bookingId: number;
  /** The payment's status ('succeeded' for the demo provider). */
  status: Payment['status'];
  /** True when this booking had already been paid and nothing new was recorded. */
  alreadyPaid: boolean;
}

const payInputSchema = z.object({ bookingId: idSchema });

/** One key per booking: the database lets a booking be paid by the demo provider once. */
export function demoPaymentKey(bookingId: number): string {
  return `demo:booking:${bookingId}`;
}

function result(payment: Payment, alreadyPaid: boolean): PaymentResult {
  return {
    paymentId: payment.id,
    amount: payment.amount,
    bookingId: payment.booking.id,
    status: payment.status,
    alreadyPaid,
  };
}

/** Payments. For now only the demo provider, which always succeeds. */
export function createPaymentService(deps: DomainDeps) {
  async function payOnce(em: Em, me: Actor, bookingId: number): Promise<PaymentResult> {
    const at = deps.clock.now();
    return em.transactional(async (tx) => {
      // The booking row stays locked to the end: a concurrent second press waits here and then sees the payment.
      const { booking } = await loadBookingFor(tx, me, bookingId, ['guest'], { lock: true });
      if (booking.status === 'cancelled') throw new InvalidState('booking', booking.status);
      const existing = await tx.findOne(Payment, { idempotencyKey: demoPaymentKey(booking.id) });
      // A payment and its confirmation commit together, so a paid booking is never pending.
      if (existing && booking.status !== 'pending') return result(existing, true);
      await confirmBooking(tx, booking, at, almatyToday(at));
      const payment = tx.create(Payment, {
        booking,
        amount: booking.total,
        provider: 'demo',
        status: 'succeeded',
        idempotencyKey: demoPaymentKey(booking.id),
        createdAt: at,
      });
      await tx.flush();
      const confirmed = { ...bookingRef(booking), by: 'payment' as const, total: booking.total };
      await deps.notifier.notify(tx, booking.listing.realtor.id, 'booking_confirmed', confirmed);
      await deps.notifier.notify(tx, booking.guest.id, 'booking_confirmed', confirmed);
      return result(payment, false);
    });
  }

  return {
    /**
     * The booking's guest pays a pending booking with the demo provider: one
     * transaction records a succeeded Payment of the booking's total and
     * confirms the booking; the realtor and the guest are notified. Paying
     * again (a second press, or two at once) records nothing new and returns
     * the same payment with `alreadyPaid: true`.
     * Errors: validation_failed, not_found, forbidden (not the guest),
     * invalid_state (cancelled, confirmed by the realtor, 'expired' after the check-in day).
     */
    async payDemo(em: Em, actor: MaybeActor, input: { bookingId: number }): Promise<PaymentResult> {
      const me = requireActive(actor);
      const { bookingId } = parseInput(payInputSchema, input);
      try {
        return await payOnce(em, me, bookingId);
      } catch (error) {
        // The row lock makes this unreachable in practice; the unique key is the last word if it is not.
        if (isUniqueViolation(error, 'payment_idempotency_key_unique'))
          return payOnce(em.fork(), me, bookingId);
        throw error;
      }
    },
  };
}
