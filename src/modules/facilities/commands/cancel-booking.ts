// Cancels a pending or confirmed booking: the booker until the facility's deadline before the start,
// staff at any time. A second click finds it already cancelled and says so.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can, canCancel } from '../facilities.policy.js';
import { findBooking, findFacility, setBookingStatus } from '../facilities.repository.js';
import type { Booking } from '../facilities.types.js';

export type CancelBookingError = 'forbidden' | 'booking_not_found' | 'not_active' | 'past_deadline';

export async function cancelBooking(db: Database, actor: Actor | null, municipalityId: number, bookingId: number, now: Date = new Date()): Promise<Result<Booking, CancelBookingError>> {
  if (!actor) return err('forbidden');
  return db.transaction({ municipalityId, userId: actor.id }, async (tx) => {
    const booking = await findBooking(tx, municipalityId, bookingId);
    if (!booking) return err('booking_not_found');
    const facility = await findFacility(tx, municipalityId, booking.facilityId);
    if (!facility) return err('booking_not_found');
    const deadline = booking.startsAt.getTime() - facility.cancelDeadlineHours * 3_600_000;
    const verdict = canCancel({ isStaff: can(actor, 'manage_bookings', municipalityId), isBooker: booking.bookedBy === actor.id, beforeDeadline: now.getTime() < deadline });
    if (verdict === 'no') return err('forbidden');
    if (booking.status !== 'pending' && booking.status !== 'confirmed') return err('not_active');
    if (verdict === 'past_deadline') return err('past_deadline');
    const updated = await setBookingStatus(tx, municipalityId, bookingId, ['pending', 'confirmed'], 'cancelled', actor.id);
    return updated ? ok(updated) : err('not_active');
  });
}
