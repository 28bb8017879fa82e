// Seasonal allocation: associations ask for a weekly slot through a season; staff allocate, which
// creates a confirmed booking for every week (closed dates skipped) in one transaction, or nothing if
// any week is already taken; "copy last season" proposes last season's allocated slots again.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { findGroup, isCoordinator } from '../../groups/index.js';
import { checkSlot, type SlotError } from '../facilities.opening.js';
import { can } from '../facilities.policy.js';
import {
  decideSeasonRequest,
  findFacility,
  findPreviousSeason,
  findSeason,
  findSeasonRequest,
  insertBooking,
  insertSeason,
  insertSeasonRequest,
  isOverlap,
  listBookingsBetween,
  listSeasonRequests,
  violatedConstraint,
} from '../facilities.repository.js';
import { addDays, fromWallClock, isDate, isTime, minutesOf, timeOf, weekdayOf } from '../facilities.time.js';
import type { Season, SeasonRequest } from '../facilities.types.js';

export type CreateSeasonError = 'forbidden' | 'invalid_dates' | 'ends_before_start' | 'too_long' | 'name_taken';

export async function createSeason(db: Database, actor: Actor | null, municipalityId: number, s: { name: string; startsOn: string; endsOn: string }): Promise<Result<Season, CreateSeasonError>> {
  if (!actor || !can(actor, 'manage_facilities', municipalityId)) return err('forbidden');
  if (!isDate(s.startsOn) || !isDate(s.endsOn)) return err('invalid_dates');
  if (s.endsOn < s.startsOn) return err('ends_before_start');
  if (Date.parse(s.endsOn) - Date.parse(s.startsOn) > 400 * 86_400_000) return err('too_long');
  try {
    return ok(await db.transaction({ municipalityId, userId: actor.id }, (tx) => insertSeason(tx, municipalityId, s)));
  } catch (error) {
    if (violatedConstraint(error)?.code === '23505') return err('name_taken');
    throw error;
  }
}

export interface SeasonSlotInput {
  seasonId: number;
  facilityId: number;
  groupId: number;
  weekday: number;
  start: string;
  end: string;
  purpose: string;
}

export type RequestSeasonSlotError = 'forbidden' | 'season_not_found' | 'facility_not_found' | 'not_group_coordinator' | 'groups_not_allowed' | 'invalid_start' | 'invalid_end' | SlotError;

/** The first date on `weekday` (ISO) on or after `from`. */
function firstOnWeekday(from: string, weekday: number): string {
  return addDays(from, (weekday - weekdayOf(from) + 7) % 7);
}

export async function requestSeasonSlot(db: Database, actor: Actor | null, municipalityId: number, input: SeasonSlotInput): Promise<Result<SeasonRequest, RequestSeasonSlotError>> {
  if (!actor || !can(actor, 'book', municipalityId)) return err('forbidden');
  if (!isTime(input.start)) return err('invalid_start');
  if (!isTime(input.end)) return err('invalid_end');
  return db.transaction({ municipalityId, userId: actor.id }, async (tx) => {
    const season = await findSeason(tx, municipalityId, input.seasonId);
    if (!season) return err('season_not_found');
    const facility = await findFacility(tx, municipalityId, input.facilityId);
    if (!facility) return err('facility_not_found');
    const group = await findGroup(tx, municipalityId, input.groupId);
    if (!group || !(await isCoordinator(tx, municipalityId, input.groupId, actor.id))) return err('not_group_coordinator');
    if (group.kind === 'association' ? !facility.allowAssociations : !facility.allowGroups) return err('groups_not_allowed');
    // Checked against the weekly hours only: single closed dates are skipped when allocating.
    const slot = checkSlot(facility.hours, [], firstOnWeekday(season.startsOn, input.weekday), input.start, input.end);
    if (!slot.ok) return err(slot.error);
    const created = await insertSeasonRequest(tx, municipalityId, {
      seasonId: season.id,
      facilityId: facility.id,
      groupId: input.groupId,
      requestedBy: actor.id,
      weekday: input.weekday,
      startMin: minutesOf(input.start),
      endMin: minutesOf(input.end),
      purpose: input.purpose,
      copiedFrom: null,
    });
    return ok(created!);
  });
}

export type AllocateError = 'forbidden' | 'request_not_found' | 'not_requested' | 'no_dates' | 'slot_taken';

/** Every date of the season on the request's weekday, minus the facility's closed dates and days it is shut. */
export function seasonDates(season: Season, weekday: number, closed: readonly string[]): string[] {
  const out: string[] = [];
  for (let d = firstOnWeekday(season.startsOn, weekday); d <= season.endsOn; d = addDays(d, 7)) if (!closed.includes(d)) out.push(d);
  return out;
}

export async function allocateSeasonRequest(
  db: Database,
  actor: Actor | null,
  municipalityId: number,
  timeZone: string,
  requestId: number,
  now: Date = new Date(),
): Promise<Result<{ dates: string[] }, AllocateError, { dates: string[] }>> {
  if (!actor || !can(actor, 'manage_facilities', municipalityId)) return err('forbidden', { dates: [] });
  try {
    return await db.transaction({ municipalityId, userId: actor.id }, async (tx) => {
      const request = await findSeasonRequest(tx, municipalityId, requestId, { forUpdate: true });
      if (!request) return err('request_not_found', { dates: [] });
      if (request.status !== 'requested') return err('not_requested', { dates: [] });
      const season = (await findSeason(tx, municipalityId, request.seasonId))!;
      const facility = (await findFacility(tx, municipalityId, request.facilityId))!;
      const start = timeOf(request.startMin);
      const end = timeOf(request.endMin);
      const slots: { date: string; from: Date; to: Date }[] = [];
      for (const date of seasonDates(season, request.weekday, facility.closed.map((c) => c.date))) {
        if (!checkSlot(facility.hours, [], date, start, end).ok) continue;
        const from = fromWallClock(date, start, timeZone);
        const to = fromWallClock(date, end, timeZone);
        if (!from.ok || !to.ok || from.value <= now) continue;
        slots.push({ date, from: from.value, to: to.value });
      }
      if (slots.length === 0) return err('no_dates', { dates: [] });
      const conflicts: string[] = [];
      for (const s of slots) if ((await listBookingsBetween(tx, municipalityId, facility.id, s.from, s.to, ['confirmed'])).length > 0) conflicts.push(s.date);
      if (conflicts.length > 0) return err('slot_taken', { dates: conflicts });
      for (const s of slots) {
        await insertBooking(tx, municipalityId, {
          facilityId: facility.id,
          bookedBy: request.requestedBy ?? actor.id,
          groupId: request.groupId,
          seasonRequestId: request.id,
          purpose: request.purpose,
          attendees: null,
          startsAt: s.from,
          endsAt: s.to,
          status: 'confirmed',
        });
      }
      await decideSeasonRequest(tx, municipalityId, request.id, 'allocated', actor.id);
      return ok({ dates: slots.map((s) => s.date) });
    });
  } catch (error) {
    if (isOverlap(error)) return err('slot_taken', { dates: [] });
    throw error;
  }
}

export async function declineSeasonRequest(db: Database, actor: Actor | null, municipalityId: number, requestId: number): Promise<Result<undefined, 'forbidden' | 'not_requested'>> {
  if (!actor || !can(actor, 'manage_facilities', municipalityId)) return err('forbidden');
  const done = await db.transaction({ municipalityId, userId: actor.id }, (tx) => decideSeasonRequest(tx, municipalityId, requestId, 'declined', actor.id));
  return done ? ok() : err('not_requested');
}

/** Proposes last season's allocated slots for `seasonId` as new requests; running it twice adds nothing. */
export async function copyLastSeason(db: Database, actor: Actor | null, municipalityId: number, seasonId: number): Promise<Result<{ copied: number; from: Season }, 'forbidden' | 'season_not_found' | 'no_previous_season'>> {
  if (!actor || !can(actor, 'manage_facilities', municipalityId)) return err('forbidden');
  return db.transaction({ municipalityId, userId: actor.id }, async (tx) => {
    const season = await findSeason(tx, municipalityId, seasonId);
    if (!season) return err('season_not_found');
    const previous = await findPreviousSeason(tx, municipalityId, season);
    if (!previous) return err('no_previous_season');
    let copied = 0;
    for (const r of await listSeasonRequests(tx, municipalityId, previous.id)) {
      if (r.status !== 'allocated') continue;
      const made = await insertSeasonRequest(tx, municipalityId, { ...r, seasonId: season.id, copiedFrom: r.id });
      if (made) copied += 1;
    }
    return ok({ copied, from: previous });
  });
}
