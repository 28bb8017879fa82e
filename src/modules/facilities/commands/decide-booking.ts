// Staff approve or reject a pending request. Approving is where the invariant bites: if the slot was
// confirmed to someone else in the meantime, the exclusion constraint refuses and the answer is
// 'slot_taken' (the route shows it as 409), and the request stays pending.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../facilities.policy.js';
import { findBooking, isOverlap, setBookingStatus } from '../facilities.repository.js';
import type { Booking } from '../facilities.types.js';

export type DecideBookingError = 'forbidden' | 'booking_not_found' | 'not_pending' | 'slot_taken';

export async function decideBooking(
  db: Database,
  actor: Actor | null,
  municipalityId: number,
  bookingId: number,
  decision: 'approve' | 'reject',
  note = '',
): Promise<Result<Booking, DecideBookingError>> {
  if (!actor || !can(actor, 'manage_bookings', municipalityId)) return err('forbidden');
  try {
    return await db.transaction({ municipalityId, userId: actor.id }, async (tx) => {
      const existing = await findBooking(tx, municipalityId, bookingId);
      if (!existing) return err('booking_not_found');
      const updated = await setBookingStatus(tx, municipalityId, bookingId, ['pending'], decision === 'approve' ? 'confirmed' : 'rejected', actor.id, note);
      if (!updated) return err('not_pending');
      return ok(updated);
    });
  } catch (error) {
    if (isOverlap(error)) return err('slot_taken');
    throw error;
  }
}
