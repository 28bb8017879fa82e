// Staff approve or reject a pending request. Approving is where the invariant bites: if the slot was
// confirmed to someone else in the meantime, the exclusion constraint refuses and the answer is
// 'slot_taken' (the route shows it as 409), and the request stays pending.
// The person who asked is told in the same transaction (in-app, and by e-mail as they chose); the caller
// delivers the e-mail after the commit.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { notify } from '../../notifications/index.js';
import { can } from '../facilities.policy.js';
import { findBooking, findFacility, isOverlap, setBookingStatus } from '../facilities.repository.js';
import { toWallClock } from '../facilities.time.js';
import type { Booking } from '../facilities.types.js';

export type DecideBookingError = 'forbidden' | 'booking_not_found' | 'not_pending' | 'slot_taken';

/** The municipality the booking belongs to: its id, and what the notification needs (link, local time). */
export interface DecidePlace {
  id: number;
  slug: string;
  timeZone: string;
}

export async function decideBooking(
  db: Database,
  actor: Actor | null,
  m: DecidePlace,
  bookingId: number,
  decision: 'approve' | 'reject',
  note = '',
): Promise<Result<Booking, DecideBookingError>> {
  const municipalityId = m.id;
  if (!actor || !can(actor, 'manage_bookings', municipalityId)) return err('forbidden');
  try {
    return await db.transaction({ municipalityId, userId: actor.id }, async (tx) => {
      const existing = await findBooking(tx, municipalityId, bookingId);
      if (!existing) return err('booking_not_found');
      const updated = await setBookingStatus(tx, municipalityId, bookingId, ['pending'], decision === 'approve' ? 'confirmed' : 'rejected', actor.id, note);
      if (!updated) return err('not_pending');
      if (updated.bookedBy !== null) {
        const facility = await findFacility(tx, municipalityId, updated.facilityId);
        const start = toWallClock(updated.startsAt, m.timeZone);
        const trimmed = note.trim();
        await notify(tx, {
          municipalityId,
          userIds: [updated.bookedBy],
          actorId: actor.id,
          messageKey: decision === 'approve' ? 'facilities.notify.approved' : trimmed ? 'facilities.notify.rejectedWithNote' : 'facilities.notify.rejected',
          params: { facility: facility?.name ?? '', date: start.date, time: start.time, ...(decision === 'reject' && trimmed ? { note: trimmed } : {}) },
          link: `/m/${encodeURIComponent(m.slug)}/facilities/bookings`,
        });
      }
      return ok(updated);
    });
  } catch (error) {
    if (isOverlap(error)) return err('slot_taken');
    throw error;
  }
}
