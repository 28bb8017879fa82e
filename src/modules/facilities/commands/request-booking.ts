// Books a slot, or asks for it when the facility needs approval. Everything the person typed is checked
// against the municipality's wall clock (time zone, daylight saving), the opening hours, the booking
// horizon and the capacity before anything is stored; the exclusion constraint has the last word on
// overlaps, so two people racing for the same slot get one booking and one clear 'slot_taken'.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { findGroup, isCoordinator } from '../../groups/index.js';
import { hasApprovedInitiative } from '../../initiatives/index.js';
import { checkSlot, type SlotError } from '../facilities.opening.js';
import { can } from '../facilities.policy.js';
import { findFacility, insertBooking, isOverlap, listBookingsBetween } from '../facilities.repository.js';
import { addDays, fromWallClock, todayIn } from '../facilities.time.js';
import type { Booking } from '../facilities.types.js';

export interface BookingInput {
  facilityId: number;
  date: string;
  start: string;
  end: string;
  purpose: string;
  attendees: number | null;
  /**
   * Book on behalf of a group the person coordinates (gives the longer priority horizon). People behind
   * an approved (agreed or active) initiative get the priority horizon when booking in their own name too.
   */
  groupId: number | null;
}

export type RequestBookingError =
  | 'forbidden'
  | 'facility_not_found'
  | 'invalid_date'
  | 'invalid_start'
  | 'invalid_end'
  | 'start_nonexistent'
  | 'end_nonexistent'
  | SlotError
  | 'in_past'
  | 'beyond_horizon'
  | 'over_capacity'
  | 'residents_not_allowed'
  | 'groups_not_allowed'
  | 'not_group_coordinator'
  | 'slot_taken';

export interface RequestBookingDetail {
  horizonDays?: number;
  capacity?: number;
}

export async function requestBooking(
  db: Database,
  actor: Actor | null,
  municipalityId: number,
  timeZone: string,
  input: BookingInput,
  now: Date = new Date(),
): Promise<Result<Booking, RequestBookingError, RequestBookingDetail>> {
  if (!actor || !can(actor, 'book', municipalityId)) return err('forbidden', {});
  const start = fromWallClock(input.date, input.start, timeZone);
  if (!start.ok) return err(start.error === 'invalid_date' ? 'invalid_date' : start.error === 'invalid_time' ? 'invalid_start' : 'start_nonexistent', {});
  const end = fromWallClock(input.date, input.end, timeZone);
  if (!end.ok) return err(end.error === 'invalid_time' ? 'invalid_end' : 'end_nonexistent', {});
  // Compare instants, not wall clocks: on the autumn day 02:30 → 02:15 is not "before" in real time either way.
  if (end.value.getTime() <= start.value.getTime()) return err('end_before_start', {});
  if (start.value.getTime() <= now.getTime()) return err('in_past', {});

  try {
    return await db.transaction({ municipalityId, userId: actor.id }, async (tx) => {
      // A share lock: many may book at once, but not while staff close days (close-dates locks for update).
      const facility = await findFacility(tx, municipalityId, input.facilityId, { forUpdate: true });
      if (!facility) return err('facility_not_found', {});
      const slot = checkSlot(facility.hours, facility.closed, input.date, input.start, input.end);
      if (!slot.ok) return err(slot.error, {});

      let priority = false;
      if (input.groupId !== null) {
        const group = await findGroup(tx, municipalityId, input.groupId);
        if (!group || !(await isCoordinator(tx, municipalityId, input.groupId, actor.id))) return err('not_group_coordinator', {});
        if (group.kind === 'association' ? !facility.allowAssociations : !facility.allowGroups) return err('groups_not_allowed', {});
        priority = true;
      } else if (!facility.allowResidents) {
        return err('residents_not_allowed', {});
      }
      const today = todayIn(now, timeZone);
      // Asked only when it matters: within the ordinary horizon everybody may book.
      if (!priority && input.date > addDays(today, facility.horizonDays)) priority = await hasApprovedInitiative(tx, municipalityId, actor.id);
      const horizonDays = priority ? facility.priorityHorizonDays : facility.horizonDays;
      if (input.date > addDays(today, horizonDays)) return err('beyond_horizon', { horizonDays });
      if (facility.kind === 'room' && input.attendees !== null && input.attendees > facility.capacity) return err('over_capacity', { capacity: facility.capacity });

      // A request for a slot that is already confirmed to someone else can never be approved: say so now.
      const taken = await listBookingsBetween(tx, municipalityId, facility.id, start.value, end.value, ['confirmed']);
      if (taken.length > 0) return err('slot_taken', {});
      const booking = await insertBooking(tx, municipalityId, {
        facilityId: facility.id,
        bookedBy: actor.id,
        groupId: input.groupId,
        purpose: input.purpose,
        attendees: input.attendees,
        startsAt: start.value,
        endsAt: end.value,
        status: facility.needsApproval ? 'pending' : 'confirmed',
      });
      return ok(booking);
    });
  } catch (error) {
    if (isOverlap(error)) return err('slot_taken', {});
    throw error;
  }
}
