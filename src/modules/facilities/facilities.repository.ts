// SQL for facilities, opening hours, closed dates, bookings and seasons. Knows nothing of
// permissions; callers pass the executor of a transaction whose tenant is already set.
import { sql, type Generated } from 'kysely';
import { tables, type Executor } from '../../core/db/database.js';
import { timeOf } from './facilities.time.js';
import type { ClosedDate, OpeningHours } from './facilities.opening.js';
import type { Booking, BookingStatus, Facility, FacilityDetail, FacilityKind, Season, SeasonRequest, SeasonRequestStatus } from './facilities.types.js';

interface FacilityRow {
  municipality_id: number;
  id: Generated<number>;
  slug: string;
  kind: FacilityKind;
  name: string;
  institution: string;
  address: string;
  description: string;
  capacity: number;
  accessibility: string;
  house_rules: string;
  deposit_note: string;
  needs_approval: boolean;
  allow_residents: boolean;
  allow_groups: boolean;
  allow_associations: boolean;
  horizon_days: number;
  priority_horizon_days: number;
  cancel_deadline_hours: number;
  created_at: Generated<Date>;
}
interface OpeningRow {
  municipality_id: number;
  facility_id: number;
  weekday: number;
  opens_min: number;
  closes_min: number;
}
interface ClosedRow {
  municipality_id: number;
  facility_id: number;
  day: string;
  reason: string;
}
interface BookingRow {
  municipality_id: number;
  id: Generated<number>;
  facility_id: number;
  booked_by: number | null;
  group_id: number | null;
  season_request_id: number | null;
  purpose: string;
  attendees: number | null;
  starts_at: Date;
  ends_at: Date;
  status: BookingStatus;
  decided_by: number | null;
  decided_at: Date | null;
  decision_note: Generated<string>;
  created_at: Generated<Date>;
}
interface SeasonRow {
  municipality_id: number;
  id: Generated<number>;
  name: string;
  starts_on: string;
  ends_on: string;
  created_at: Generated<Date>;
}
interface SeasonRequestRow {
  municipality_id: number;
  id: Generated<number>;
  season_id: number;
  facility_id: number;
  group_id: number;
  requested_by: number | null;
  weekday: number;
  start_min: number;
  end_min: number;
  purpose: string;
  status: Generated<SeasonRequestStatus>;
  copied_from: number | null;
  created_at: Generated<Date>;
  decided_by: number | null;
  decided_at: Date | null;
}
export interface FacilitiesTables {
  facilities: FacilityRow;
  facilities_opening_hours: OpeningRow;
  facilities_closed_dates: ClosedRow;
  facilities_bookings: BookingRow;
  facilities_seasons: SeasonRow;
  facilities_season_requests: SeasonRequestRow;
}
type Selected<R> = { [K in keyof R]: R[K] extends Generated<infer S> ? S : R[K] };

const db = (e: Executor) => tables<FacilitiesTables>(e);

const toFacility = (r: Selected<FacilityRow>): Facility => ({
  municipalityId: r.municipality_id,
  id: r.id,
  slug: r.slug,
  kind: r.kind,
  name: r.name,
  institution: r.institution,
  address: r.address,
  description: r.description,
  capacity: r.capacity,
  accessibility: r.accessibility,
  houseRules: r.house_rules,
  depositNote: r.deposit_note,
  needsApproval: r.needs_approval,
  allowResidents: r.allow_residents,
  allowGroups: r.allow_groups,
  allowAssociations: r.allow_associations,
  horizonDays: r.horizon_days,
  priorityHorizonDays: r.priority_horizon_days,
  cancelDeadlineHours: r.cancel_deadline_hours,
});

const toBooking = (r: Selected<BookingRow>): Booking => ({
  municipalityId: r.municipality_id,
  id: r.id,
  facilityId: r.facility_id,
  bookedBy: r.booked_by === null ? null : Number(r.booked_by),
  groupId: r.group_id,
  seasonRequestId: r.season_request_id,
  purpose: r.purpose,
  attendees: r.attendees,
  startsAt: new Date(r.starts_at),
  endsAt: new Date(r.ends_at),
  status: r.status,
  decisionNote: r.decision_note,
  createdAt: new Date(r.created_at),
});

const toSeason = (r: Selected<SeasonRow>): Season => ({ municipalityId: r.municipality_id, id: r.id, name: r.name, startsOn: r.starts_on, endsOn: r.ends_on });

const toSeasonRequest = (r: Selected<SeasonRequestRow>): SeasonRequest => ({
  municipalityId: r.municipality_id,
  id: r.id,
  seasonId: r.season_id,
  facilityId: r.facility_id,
  groupId: r.group_id,
  requestedBy: r.requested_by === null ? null : Number(r.requested_by),
  weekday: r.weekday,
  startMin: r.start_min,
  endMin: r.end_min,
  purpose: r.purpose,
  status: r.status,
  copiedFrom: r.copied_from,
});

// Facilities -------------------------------------------------------------------------------------

export async function listFacilities(e: Executor, municipalityId: number): Promise<Facility[]> {
  return (await db(e).selectFrom('facilities').selectAll().where('municipality_id', '=', municipalityId).orderBy('institution').orderBy('name').execute()).map(toFacility);
}

export async function findFacility(e: Executor, municipalityId: number, id: number, options: { forUpdate?: boolean } = {}): Promise<FacilityDetail | null> {
  let q = db(e).selectFrom('facilities').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id);
  if (options.forUpdate) q = q.forShare();
  const row = await q.executeTakeFirst();
  if (!row) return null;
  const hours = await db(e).selectFrom('facilities_opening_hours').selectAll().where('municipality_id', '=', municipalityId).where('facility_id', '=', id).orderBy('weekday').execute();
  const closed = await db(e).selectFrom('facilities_closed_dates').selectAll().where('municipality_id', '=', municipalityId).where('facility_id', '=', id).orderBy('day').execute();
  return {
    ...toFacility(row),
    hours: hours.map((h): OpeningHours => ({ weekday: h.weekday, opens: timeOf(h.opens_min), closes: timeOf(h.closes_min) })),
    closed: closed.map((c): ClosedDate => ({ date: c.day, reason: c.reason })),
  };
}

export type FacilityFields = Omit<Facility, 'municipalityId' | 'id'>;

export async function insertFacility(e: Executor, municipalityId: number, f: FacilityFields, hours: { weekday: number; opensMin: number; closesMin: number }[], closed: ClosedDate[]): Promise<Facility> {
  const row = await db(e)
    .insertInto('facilities')
    .values({
      municipality_id: municipalityId,
      slug: f.slug,
      kind: f.kind,
      name: f.name,
      institution: f.institution,
      address: f.address,
      description: f.description,
      capacity: f.capacity,
      accessibility: f.accessibility,
      house_rules: f.houseRules,
      deposit_note: f.depositNote,
      needs_approval: f.needsApproval,
      allow_residents: f.allowResidents,
      allow_groups: f.allowGroups,
      allow_associations: f.allowAssociations,
      horizon_days: f.horizonDays,
      priority_horizon_days: f.priorityHorizonDays,
      cancel_deadline_hours: f.cancelDeadlineHours,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (hours.length > 0) {
    await db(e)
      .insertInto('facilities_opening_hours')
      .values(hours.map((h) => ({ municipality_id: municipalityId, facility_id: row.id, weekday: h.weekday, opens_min: h.opensMin, closes_min: h.closesMin })))
      .execute();
  }
  if (closed.length > 0) {
    await db(e)
      .insertInto('facilities_closed_dates')
      .values(closed.map((c) => ({ municipality_id: municipalityId, facility_id: row.id, day: c.date, reason: c.reason })))
      .execute();
  }
  return toFacility(row);
}

/** Locks the facility row against bookings being made (they take a share lock) while its days change. */
export async function lockFacility(e: Executor, municipalityId: number, id: number): Promise<boolean> {
  const row = await db(e).selectFrom('facilities').select('id').where('municipality_id', '=', municipalityId).where('id', '=', id).forUpdate().executeTakeFirst();
  return row !== undefined;
}

/** Changes every field but the slug (addresses use the id; the slug stays stable) and replaces the week's opening hours. */
export async function updateFacility(e: Executor, municipalityId: number, id: number, f: Omit<FacilityFields, 'slug'>, hours: { weekday: number; opensMin: number; closesMin: number }[]): Promise<Facility | null> {
  const row = await db(e)
    .updateTable('facilities')
    .set({
      kind: f.kind,
      name: f.name,
      institution: f.institution,
      address: f.address,
      description: f.description,
      capacity: f.capacity,
      accessibility: f.accessibility,
      house_rules: f.houseRules,
      deposit_note: f.depositNote,
      needs_approval: f.needsApproval,
      allow_residents: f.allowResidents,
      allow_groups: f.allowGroups,
      allow_associations: f.allowAssociations,
      horizon_days: f.horizonDays,
      priority_horizon_days: f.priorityHorizonDays,
      cancel_deadline_hours: f.cancelDeadlineHours,
    })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) return null;
  await db(e).deleteFrom('facilities_opening_hours').where('municipality_id', '=', municipalityId).where('facility_id', '=', id).execute();
  if (hours.length > 0) {
    await db(e)
      .insertInto('facilities_opening_hours')
      .values(hours.map((h) => ({ municipality_id: municipalityId, facility_id: id, weekday: h.weekday, opens_min: h.opensMin, closes_min: h.closesMin })))
      .execute();
  }
  return toFacility(row);
}

/** Adds closed dates; a date that is already closed keeps its first reason. Returns the dates actually added. */
export async function insertClosedDates(e: Executor, municipalityId: number, facilityId: number, closed: ClosedDate[]): Promise<string[]> {
  if (closed.length === 0) return [];
  const rows = await db(e)
    .insertInto('facilities_closed_dates')
    .values(closed.map((c) => ({ municipality_id: municipalityId, facility_id: facilityId, day: c.date, reason: c.reason })))
    .onConflict((oc) => oc.columns(['municipality_id', 'facility_id', 'day']).doNothing())
    .returning('day')
    .execute();
  return rows.map((r) => String(r.day)).sort();
}

export async function deleteClosedDate(e: Executor, municipalityId: number, facilityId: number, date: string): Promise<boolean> {
  const r = await db(e).deleteFrom('facilities_closed_dates').where('municipality_id', '=', municipalityId).where('facility_id', '=', facilityId).where('day', '=', date).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

// Bookings ---------------------------------------------------------------------------------------

export interface NewBooking {
  facilityId: number;
  bookedBy: number;
  groupId: number | null;
  seasonRequestId?: number | null;
  purpose: string;
  attendees: number | null;
  startsAt: Date;
  endsAt: Date;
  status: 'pending' | 'confirmed';
}

export async function insertBooking(e: Executor, municipalityId: number, b: NewBooking): Promise<Booking> {
  const row = await db(e)
    .insertInto('facilities_bookings')
    .values({
      municipality_id: municipalityId,
      facility_id: b.facilityId,
      booked_by: b.bookedBy,
      group_id: b.groupId,
      season_request_id: b.seasonRequestId ?? null,
      purpose: b.purpose,
      attendees: b.attendees,
      starts_at: b.startsAt,
      ends_at: b.endsAt,
      status: b.status,
      decided_by: null,
      decided_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toBooking(row);
}

export async function findBooking(e: Executor, municipalityId: number, id: number): Promise<Booking | null> {
  const row = await db(e).selectFrom('facilities_bookings').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
  return row ? toBooking(row) : null;
}

/** Moves a booking from one status to another; null when it was no longer in `from` (a race or a second click). */
export async function setBookingStatus(e: Executor, municipalityId: number, id: number, from: BookingStatus[], to: BookingStatus, decidedBy: number | null, note = ''): Promise<Booking | null> {
  const row = await db(e)
    .updateTable('facilities_bookings')
    .set({ status: to, decided_by: decidedBy, decided_at: new Date(), decision_note: note })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('status', 'in', from)
    .returningAll()
    .executeTakeFirst();
  return row ? toBooking(row) : null;
}

/** Bookings of a facility that overlap [from, to), in the given statuses, by start. */
export async function listBookingsBetween(e: Executor, municipalityId: number, facilityId: number, from: Date, to: Date, statuses: BookingStatus[]): Promise<Booking[]> {
  const rows = await db(e)
    .selectFrom('facilities_bookings')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('facility_id', '=', facilityId)
    .where('status', 'in', statuses)
    .where(sql<boolean>`during && tstzrange(${from}::timestamptz, ${to}::timestamptz, '[)')`)
    .orderBy('starts_at')
    .execute();
  return rows.map(toBooking);
}

export async function listBookingsByPerson(e: Executor, municipalityId: number, userId: number, since: Date): Promise<Booking[]> {
  const rows = await db(e)
    .selectFrom('facilities_bookings')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('booked_by', '=', userId)
    .where('ends_at', '>=', since)
    .orderBy('starts_at')
    .limit(200)
    .execute();
  return rows.map(toBooking);
}

export async function listPendingBookings(e: Executor, municipalityId: number): Promise<Booking[]> {
  const rows = await db(e).selectFrom('facilities_bookings').selectAll().where('municipality_id', '=', municipalityId).where('status', '=', 'pending').orderBy('starts_at').limit(500).execute();
  return rows.map(toBooking);
}

/** Confirmed bookings from now on, for the iCalendar feed. */
export async function listConfirmedFrom(e: Executor, municipalityId: number, facilityId: number, since: Date, limit = 2000): Promise<Booking[]> {
  const rows = await db(e)
    .selectFrom('facilities_bookings')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('facility_id', '=', facilityId)
    .where('status', '=', 'confirmed')
    .where('ends_at', '>=', since)
    .orderBy('starts_at')
    .limit(limit)
    .execute();
  return rows.map(toBooking);
}

// Seasons ----------------------------------------------------------------------------------------

export async function listSeasons(e: Executor, municipalityId: number): Promise<Season[]> {
  return (await db(e).selectFrom('facilities_seasons').selectAll().where('municipality_id', '=', municipalityId).orderBy('starts_on', 'desc').execute()).map(toSeason);
}

export async function findSeason(e: Executor, municipalityId: number, id: number): Promise<Season | null> {
  const row = await db(e).selectFrom('facilities_seasons').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
  return row ? toSeason(row) : null;
}

export async function insertSeason(e: Executor, municipalityId: number, s: { name: string; startsOn: string; endsOn: string }): Promise<Season> {
  const row = await db(e).insertInto('facilities_seasons').values({ municipality_id: municipalityId, name: s.name, starts_on: s.startsOn, ends_on: s.endsOn }).returningAll().executeTakeFirstOrThrow();
  return toSeason(row);
}

/** The season that ended last before `season` started. */
export async function findPreviousSeason(e: Executor, municipalityId: number, season: Season): Promise<Season | null> {
  const row = await db(e)
    .selectFrom('facilities_seasons')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('ends_on', '<', season.startsOn)
    .orderBy('ends_on', 'desc')
    .executeTakeFirst();
  return row ? toSeason(row) : null;
}

export async function listSeasonRequests(e: Executor, municipalityId: number, seasonId: number): Promise<SeasonRequest[]> {
  const rows = await db(e)
    .selectFrom('facilities_season_requests')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('season_id', '=', seasonId)
    .orderBy('facility_id')
    .orderBy('weekday')
    .orderBy('start_min')
    .execute();
  return rows.map(toSeasonRequest);
}

export async function findSeasonRequest(e: Executor, municipalityId: number, id: number, options: { forUpdate?: boolean } = {}): Promise<SeasonRequest | null> {
  let q = db(e).selectFrom('facilities_season_requests').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toSeasonRequest(row) : null;
}

export interface NewSeasonRequest {
  seasonId: number;
  facilityId: number;
  groupId: number;
  requestedBy: number | null;
  weekday: number;
  startMin: number;
  endMin: number;
  purpose: string;
  copiedFrom: number | null;
}

export async function insertSeasonRequest(e: Executor, municipalityId: number, r: NewSeasonRequest): Promise<SeasonRequest | null> {
  const row = await db(e)
    .insertInto('facilities_season_requests')
    .values({
      municipality_id: municipalityId,
      season_id: r.seasonId,
      facility_id: r.facilityId,
      group_id: r.groupId,
      requested_by: r.requestedBy,
      weekday: r.weekday,
      start_min: r.startMin,
      end_min: r.endMin,
      purpose: r.purpose,
      copied_from: r.copiedFrom,
      decided_by: null,
      decided_at: null,
    })
    .onConflict((oc) => oc.columns(['municipality_id', 'season_id', 'copied_from']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? toSeasonRequest(row) : null;
}

export async function decideSeasonRequest(e: Executor, municipalityId: number, id: number, status: 'allocated' | 'declined', decidedBy: number): Promise<boolean> {
  const r = await db(e)
    .updateTable('facilities_season_requests')
    .set({ status, decided_by: decidedBy, decided_at: new Date() })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('status', '=', 'requested')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The PostgreSQL error code and constraint of a failed statement, if it is one. */
export function violatedConstraint(error: unknown): { code: string; constraint: string } | null {
  if (typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string') {
    return { code: (error as { code: string }).code, constraint: String((error as { constraint?: unknown }).constraint ?? '') };
  }
  return null;
}

export const NO_OVERLAP = 'facilities_bookings_no_overlap';

/** True for the exclusion-constraint error that says two confirmed bookings would overlap. */
export function isOverlap(error: unknown): boolean {
  const v = violatedConstraint(error);
  return v !== null && v.code === '23P01' && (v.constraint === NO_OVERLAP || v.constraint === '');
}
