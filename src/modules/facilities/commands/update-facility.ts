// Staff change a facility's details, rules and weekly opening hours in one transaction. The slug stays
// (pages and feeds are addressed by id, and a calendar someone subscribed to must keep working).
// Existing bookings are never moved or dropped by an edit: the answer says how many upcoming ones now
// fall outside the new opening hours, so staff can contact those people.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { checkSlot } from '../facilities.opening.js';
import { can } from '../facilities.policy.js';
import { findFacility, listBookingsBetween, lockFacility, updateFacility as updateRow, violatedConstraint, type FacilityFields } from '../facilities.repository.js';
import { timeOf, toWallClock } from '../facilities.time.js';
import type { Facility } from '../facilities.types.js';
import type { FacilityHours } from './create-facility.js';

export type UpdateFacilityError = 'forbidden' | 'facility_not_found' | 'invalid';

export interface UpdatedFacility {
  facility: Facility;
  /** Upcoming pending or confirmed bookings that lie outside the new opening hours (kept as they are). */
  bookingsOutsideHours: number;
}

export async function updateFacility(
  db: Database,
  actor: Actor | null,
  m: { id: number; timeZone: string },
  facilityId: number,
  fields: Omit<FacilityFields, 'slug'>,
  hours: FacilityHours[],
  now: Date = new Date(),
): Promise<Result<UpdatedFacility, UpdateFacilityError>> {
  const municipalityId = m.id;
  if (!actor || !can(actor, 'manage_facilities', municipalityId)) return err('forbidden');
  try {
    return await db.transaction({ municipalityId, userId: actor.id }, async (tx) => {
      if (!(await lockFacility(tx, municipalityId, facilityId))) return err('facility_not_found');
      const facility = await updateRow(tx, municipalityId, facilityId, fields, hours);
      if (!facility) return err('facility_not_found');
      const detail = (await findFacility(tx, municipalityId, facilityId))!;
      const upcoming = await listBookingsBetween(tx, municipalityId, facilityId, now, new Date(now.getTime() + 800 * 86_400_000), ['pending', 'confirmed']);
      const outside = upcoming.filter((b) => {
        const s = toWallClock(b.startsAt, m.timeZone);
        const e = toWallClock(b.endsAt, m.timeZone);
        // Opening hours are within one day: a booking that runs on past midnight never fits them.
        if (e.date !== s.date && e.time !== '00:00') return true;
        return !checkSlot(detail.hours, [], s.date, s.time, e.date === s.date ? e.time : timeOf(1440)).ok;
      });
      return ok({ facility, bookingsOutsideHours: outside.length });
    });
  } catch (error) {
    // The table's checks (capacity, horizons, hours) back up the form's validation.
    if (violatedConstraint(error)?.code === '23514') return err('invalid');
    throw error;
  }
}
