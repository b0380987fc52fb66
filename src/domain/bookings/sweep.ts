import type { Em } from '../../db/orm.ts';
import { almatyToday } from '../dates.ts';
import type { DomainDeps } from '../deps.ts';
import { loadBooking } from './access.ts';
import { completeStay, expireUnconfirmed } from './transitions.ts';
import { bookingRef } from './view.ts';

export interface SweepResult {
  /** Confirmed stays whose check-out day came, now completed. */
  completed: number;
  /** Bookings still pending after their check-in day, now cancelled by the system. */
  expired: number;
}

/**
 * The periodic job: completes finished stays and expires bookings nobody
 * confirmed or paid before check-in, notifying each guest. One transaction per
 * booking, each a conditional update, so a run that overlaps another (or a
 * guest pressing a button) changes every booking at most once; running it
 * again finds nothing to do.
 */
export async function sweepBookings(deps: DomainDeps, em: Em): Promise<SweepResult> {
  const now = deps.clock.now();
  const today = almatyToday(now);
  const result: SweepResult = { completed: 0, expired: 0 };

  const finished = await em.execute<{ id: number }[]>(
    `select id from booking where status = 'confirmed' and check_out <= ? order by id`,
    [today],
  );
  for (const { id } of finished) {
    const done = await em.transactional(async (tx) => {
      if (!(await completeStay(tx, id, now, today))) return false;
      const booking = await loadBooking(tx, id);
      if (booking) await deps.notifier.notify(tx, booking.guest.id, 'booking_completed', bookingRef(booking));
      return true;
    });
    if (done) result.completed++;
  }

  const stale = await em.execute<{ id: number }[]>(
    `select id from booking where status = 'pending' and check_in < ? order by id`,
    [today],
  );
  for (const { id } of stale) {
    const done = await em.transactional(async (tx) => {
      if (!(await expireUnconfirmed(tx, id, now, today))) return false;
      const booking = await loadBooking(tx, id);
      if (booking) {
        await deps.notifier.notify(tx, booking.guest.id, 'booking_cancelled', {
          ...bookingRef(booking),
          by: 'system',
          reason: null,
          previousStatus: 'pending',
        });
      }
      return true;
    });
    if (done) result.expired++;
  }
  return result;
}
