// Staff close a facility on a date or a run of dates (holidays, a water leak, the school's own use).
// Bookings on those days are never dropped silently: the first attempt is refused with the list of
// pending and confirmed bookings it would hit ('has_bookings'). Staff who still want to close send the
// ids of the bookings they saw back as confirmation; those are then cancelled (requests too) with
// the reason, and each booker is told. If a booking arrived in between, the list is shown again.
// The facility row is locked for update, and booking takes a share lock on it, so a booking cannot slip
// in between the check and the closing.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { notify } from '../../notifications/index.js';
import { can } from '../facilities.policy.js';
import { findFacility, insertClosedDates, listBookingsBetween, lockFacility, setBookingStatus } from '../facilities.repository.js';
import { addDays, daysBetween, isDate, startOfDay, todayIn, toWallClock } from '../facilities.time.js';
import type { Booking } from '../facilities.types.js';

/** The longest run of dates one form may close. */
export const MAX_CLOSED_DAYS = 60;

export interface CloseDatesInput {
  facilityId: number;
  from: string;
  /** The last date closed; empty or equal to `from` for a single day. */
  to: string;
  reason: string;
  /** Ids of the affected bookings the staff member saw and agreed to cancel; null on the first attempt. */
  cancelBookings: number[] | null;
}

export type CloseDatesError = 'forbidden' | 'facility_not_found' | 'invalid_from' | 'invalid_to' | 'to_before_from' | 'too_long' | 'in_past' | 'reason_too_long' | 'already_closed' | 'has_bookings';

export interface ClosedDatesAdded {
  added: string[];
  cancelled: Booking[];
}

export interface CloseDatesDetail {
  /** For 'has_bookings': the bookings on the dates, by start. */
  bookings?: Booking[];
}

export async function closeDates(
  db: Database,
  actor: Actor | null,
  m: { id: number; slug: string; timeZone: string },
  input: CloseDatesInput,
  now: Date = new Date(),
): Promise<Result<ClosedDatesAdded, CloseDatesError, CloseDatesDetail>> {
  const municipalityId = m.id;
  if (!actor || !can(actor, 'manage_facilities', municipalityId)) return err('forbidden', {});
  const from = input.from.trim();
  const to = input.to.trim() === '' ? from : input.to.trim();
  if (!isDate(from)) return err('invalid_from', {});
  if (!isDate(to)) return err('invalid_to', {});
  if (to < from) return err('to_before_from', {});
  if (daysBetween(from, to) + 1 > MAX_CLOSED_DAYS) return err('too_long', {});
  if (from < todayIn(now, m.timeZone)) return err('in_past', {});
  const reason = input.reason.trim();
  if (reason.length > 200) return err('reason_too_long', {});

  return db.transaction({ municipalityId, userId: actor.id }, async (tx) => {
    if (!(await lockFacility(tx, municipalityId, input.facilityId))) return err('facility_not_found', {});
    const facility = (await findFacility(tx, municipalityId, input.facilityId))!;
    const dates: string[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) if (!facility.closed.some((c) => c.date === d)) dates.push(d);
    if (dates.length === 0) return err('already_closed', {});

    // Bookings that touch any of the new dates (a range may include days already closed; those are skipped).
    const hit: Booking[] = [];
    for (const d of dates) {
      for (const b of await listBookingsBetween(tx, municipalityId, facility.id, startOfDay(d, m.timeZone), startOfDay(addDays(d, 1), m.timeZone), ['pending', 'confirmed'])) {
        if (!hit.some((x) => x.id === b.id)) hit.push(b);
      }
    }
    hit.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const agreed = new Set(input.cancelBookings ?? []);
    if (hit.length > 0 && (input.cancelBookings === null || hit.some((b) => !agreed.has(b.id)))) return err('has_bookings', { bookings: hit });

    const cancelled: Booking[] = [];
    for (const b of hit) {
      // Pending or confirmed alike (an approval may have raced in): cancelled, with the reason as the note.
      const updated = await setBookingStatus(tx, municipalityId, b.id, ['pending', 'confirmed'], 'cancelled', actor.id, reason);
      if (!updated) continue;
      cancelled.push(updated);
      if (updated.bookedBy !== null) {
        const start = toWallClock(updated.startsAt, m.timeZone);
        await notify(tx, {
          municipalityId,
          userIds: [updated.bookedBy],
          actorId: actor.id,
          messageKey: reason ? 'facilities.notify.closedWithReason' : 'facilities.notify.closed',
          params: { facility: facility.name, date: start.date, time: start.time, ...(reason ? { reason } : {}) },
          link: `/m/${encodeURIComponent(m.slug)}/facilities/bookings`,
        });
      }
    }
    const added = await insertClosedDates(tx, municipalityId, facility.id, dates.map((date) => ({ date, reason })));
    return ok({ added, cancelled });
  });
}
