// Reads for routes: each runs in its own short transaction with the tenant set.
import type { AppDeps } from '../../core/http/context.js';
import { displayNames } from '../accounts/index.js';
import { findGroup, listGroupsForUser } from '../groups/index.js';
import {
  findBooking,
  findFacility,
  findSeason,
  listBookingsBetween,
  listBookingsByPerson,
  listConfirmedFrom,
  listFacilities,
  listPendingBookings,
  listSeasonRequests,
  listSeasons,
} from './facilities.repository.js';
import type { Booking, BookingStatus, Facility, FacilityDetail, Season, SeasonRequest } from './facilities.types.js';

type Deps = Pick<AppDeps, 'db'>;

export async function getFacilities(deps: Deps, municipalityId: number): Promise<Facility[]> {
  return deps.db.transaction({ municipalityId }, (tx) => listFacilities(tx, municipalityId));
}

export async function getFacility(deps: Deps, municipalityId: number, id: number): Promise<FacilityDetail | null> {
  return deps.db.transaction({ municipalityId }, (tx) => findFacility(tx, municipalityId, id));
}

export async function getBookingsBetween(deps: Deps, municipalityId: number, facilityId: number, from: Date, to: Date, statuses: BookingStatus[] = ['confirmed', 'pending']): Promise<Booking[]> {
  return deps.db.transaction({ municipalityId }, (tx) => listBookingsBetween(tx, municipalityId, facilityId, from, to, statuses));
}

export interface BookingView extends Booking {
  facilityName: string;
  bookerName: string | null;
  groupName: string | null;
}

async function decorate(tx: Parameters<typeof listFacilities>[0], municipalityId: number, bookings: Booking[]): Promise<BookingView[]> {
  const facilities = new Map((await listFacilities(tx, municipalityId)).map((f) => [f.id, f.name]));
  const names = await displayNames(tx, bookings.map((b) => b.bookedBy).filter((x): x is number => x !== null));
  const groupNames = new Map<number, string>();
  for (const gid of new Set(bookings.map((b) => b.groupId).filter((x): x is number => x !== null))) {
    const g = await findGroup(tx, municipalityId, gid);
    if (g) groupNames.set(gid, g.name);
  }
  return bookings.map((b) => ({
    ...b,
    facilityName: facilities.get(b.facilityId) ?? '',
    bookerName: b.bookedBy === null ? null : (names.get(b.bookedBy) ?? null),
    groupName: b.groupId === null ? null : (groupNames.get(b.groupId) ?? null),
  }));
}

/** Bookings with the facility's, booker's and group's names, for staff pages. */
export async function describeBookings(deps: Deps, municipalityId: number, bookings: Booking[]): Promise<BookingView[]> {
  return deps.db.transaction({ municipalityId }, (tx) => decorate(tx, municipalityId, bookings));
}

export async function getMyBookings(deps: Deps, municipalityId: number, userId: number, since: Date): Promise<BookingView[]> {
  return deps.db.transaction({ municipalityId }, async (tx) => decorate(tx, municipalityId, await listBookingsByPerson(tx, municipalityId, userId, since)));
}

export async function getPendingBookings(deps: Deps, municipalityId: number): Promise<BookingView[]> {
  return deps.db.transaction({ municipalityId }, async (tx) => decorate(tx, municipalityId, await listPendingBookings(tx, municipalityId)));
}

export async function getBookingView(deps: Deps, municipalityId: number, id: number): Promise<BookingView | null> {
  return deps.db.transaction({ municipalityId }, async (tx) => {
    const b = await findBooking(tx, municipalityId, id);
    return b ? ((await decorate(tx, municipalityId, [b]))[0] ?? null) : null;
  });
}

export async function getDayBookings(deps: Deps, municipalityId: number, facilityId: number, from: Date, to: Date): Promise<BookingView[]> {
  return deps.db.transaction({ municipalityId }, async (tx) => decorate(tx, municipalityId, await listBookingsBetween(tx, municipalityId, facilityId, from, to, ['confirmed', 'pending'])));
}

export async function getFeedBookings(deps: Deps, municipalityId: number, facilityId: number, since: Date): Promise<Booking[]> {
  return deps.db.transaction({ municipalityId }, (tx) => listConfirmedFrom(tx, municipalityId, facilityId, since));
}

/** Groups the person coordinates (actively), for "book on behalf of". */
export async function getCoordinatedGroups(deps: Deps, municipalityId: number, userId: number): Promise<{ id: number; name: string; kind: string }[]> {
  return deps.db.transaction({ municipalityId }, async (tx) =>
    (await listGroupsForUser(tx, municipalityId, userId))
      .filter((g) => g.membership.role === 'coordinator' && g.membership.status === 'active')
      .map((g) => ({ id: g.group.id, name: g.group.name, kind: g.group.kind })),
  );
}

export async function getSeasons(deps: Deps, municipalityId: number): Promise<Season[]> {
  return deps.db.transaction({ municipalityId }, (tx) => listSeasons(tx, municipalityId));
}

export interface SeasonRequestView extends SeasonRequest {
  facilityName: string;
  groupName: string;
}

export async function getSeasonWithRequests(deps: Deps, municipalityId: number, seasonId: number): Promise<{ season: Season; requests: SeasonRequestView[] } | null> {
  return deps.db.transaction({ municipalityId }, async (tx) => {
    const season = await findSeason(tx, municipalityId, seasonId);
    if (!season) return null;
    const requests = await listSeasonRequests(tx, municipalityId, seasonId);
    const facilities = new Map((await listFacilities(tx, municipalityId)).map((f) => [f.id, f.name]));
    const groupNames = new Map<number, string>();
    for (const gid of new Set(requests.map((r) => r.groupId))) {
      const g = await findGroup(tx, municipalityId, gid);
      if (g) groupNames.set(gid, g.name);
    }
    return { season, requests: requests.map((r) => ({ ...r, facilityName: facilities.get(r.facilityId) ?? '', groupName: groupNames.get(r.groupId) ?? '' })) };
  });
}
