// Reads assembled for pages, and the hour totals other modules (dashboards) read through index.ts.
import type { Actor } from '../../core/auth/actor.js';
import type { Executor } from '../../core/db/database.js';
import type { AppDeps } from '../../core/http/context.js';
import { displayNames } from '../accounts/index.js';
import { findGroup } from '../groups/index.js';
import { findInitiativeTitle, initiativeHeadlines } from '../initiatives/index.js';
import { listAreas } from '../municipalities/index.js';
import { dayFacts } from './workdays.facts.js';
import { can } from './workdays.policy.js';
import {
  findDay,
  guestsAllowed,
  listArrangements,
  listDays,
  listShifts,
  listShiftsOfUser,
  listSignups,
  listReports,
  reportImage,
  sumVerifiedMinutes,
  type HoursTotal,
  type MyShift,
} from './workdays.repository.js';
import type { Arrangement, FieldReport, ReportCategory, ReportStatus, Shift, Signup, WorkDay } from './workdays.types.js';

/** Fills in account names, which belong to the accounts module. */
async function withNames(e: Executor, signups: Signup[]): Promise<Signup[]> {
  const names = await displayNames(e, signups.flatMap((s) => (s.userId === null ? [] : [s.userId])));
  return signups.map((s) => (s.userId === null ? s : { ...s, name: names.get(s.userId) ?? '' }));
}

export interface DayPageData {
  day: WorkDay;
  shifts: Shift[];
  /** Everyone on every shift, for those who manage the day; empty for everyone else. */
  signups: Signup[];
  /** The reader's own signups, by shift id. */
  mine: Map<number, Signup>;
  /** The reader's 1-based waitlist place per shift id. */
  waitlistPlace: Map<number, number>;
  canManage: boolean;
  canAssignStaff: boolean;
  canVerify: boolean;
  canSeeArrangements: boolean;
  arrangements: Map<number, Arrangement>;
  guestsAllowed: boolean;
  /** The group and initiative behind the day, for links to their pages. */
  owners: { group: { slug: string; name: string } | null; initiative: { id: number; title: string } | null };
}

export async function loadDayPage(deps: Pick<AppDeps, 'db'>, mid: number, dayId: number, actor: Actor | null): Promise<DayPageData | null> {
  return deps.db.transaction({ municipalityId: mid, userId: actor?.id ?? null }, async (tx) => {
    const day = await findDay(tx, mid, dayId);
    if (!day) return null;
    const facts = await dayFacts(tx, actor, day);
    const canManage = can(actor, 'manage_day', mid, facts);
    const shifts = await listShifts(tx, mid, [dayId]);
    const all = await listSignups(tx, mid, shifts.map((s) => s.id));
    const mine = new Map<number, Signup>();
    const waitlistPlace = new Map<number, number>();
    for (const s of all) {
      if (actor && s.userId === actor.id) {
        mine.set(s.shiftId, s);
        if (s.status === 'waitlisted') waitlistPlace.set(s.shiftId, all.filter((o) => o.shiftId === s.shiftId && o.status === 'waitlisted' && o.position <= s.position).length);
      }
    }
    const canSeeArrangements = can(actor, 'manage_arrangements', mid);
    const signups = canManage ? await withNames(tx, all) : [];
    const arrangements = canSeeArrangements ? await listArrangements(tx, mid, signups.flatMap((s) => (s.userId === null || s.kind === 'staff' ? [] : [s.userId]))) : new Map();
    return {
      day,
      shifts,
      signups,
      mine,
      waitlistPlace,
      canManage,
      canAssignStaff: can(actor, 'assign_staff', mid),
      canVerify: can(actor, 'verify_hours', mid),
      canSeeArrangements,
      arrangements,
      guestsAllowed: await guestsAllowed(tx, mid),
      owners: await ownersOf(tx, mid, day),
    };
  });
}

async function ownersOf(tx: Executor, mid: number, day: WorkDay): Promise<DayPageData['owners']> {
  const group = day.groupId === null ? null : await findGroup(tx, mid, day.groupId);
  const title = day.initiativeId === null ? null : await findInitiativeTitle(tx, mid, day.initiativeId);
  return {
    group: group ? { slug: group.slug, name: group.name } : null,
    initiative: title !== null && day.initiativeId !== null ? { id: day.initiativeId, title } : null,
  };
}

export interface DayListItem {
  day: WorkDay;
  shifts: Shift[];
}

export async function upcomingDays(deps: Pick<AppDeps, 'db'>, mid: number, now: Date): Promise<DayListItem[]> {
  return deps.db.transaction({ municipalityId: mid }, async (tx) => {
    const days = await listDays(tx, mid, { from: now, limit: 100 });
    const shifts = await listShifts(tx, mid, days.map((d) => d.id));
    return days.map((day) => ({ day, shifts: shifts.filter((s) => s.dayId === day.id) }));
  });
}

export async function myShifts(deps: Pick<AppDeps, 'db'>, mid: number, userId: number, from: Date | null): Promise<MyShift[]> {
  return deps.db.transaction({ municipalityId: mid, userId }, (tx) => listShiftsOfUser(tx, mid, userId, from));
}

export async function loadDay(deps: Pick<AppDeps, 'db'>, mid: number, dayId: number): Promise<{ day: WorkDay; shifts: Shift[] } | null> {
  return deps.db.transaction({ municipalityId: mid }, async (tx) => {
    const day = await findDay(tx, mid, dayId);
    return day ? { day, shifts: await listShifts(tx, mid, [dayId]) } : null;
  });
}

export async function isGuestsAllowed(deps: Pick<AppDeps, 'db'>, mid: number): Promise<boolean> {
  return deps.db.transaction({ municipalityId: mid }, (tx) => guestsAllowed(tx, mid));
}

export interface HoursRange {
  from?: Date | null;
  to?: Date | null;
}

// Totals of verified volunteer hours (in minutes, residents only), read by dashboards. They run in the
// caller's transaction, whose tenant must be `municipalityId`.
export const hoursByInitiative = (e: Executor, municipalityId: number, range: HoursRange = {}): Promise<HoursTotal[]> =>
  sumVerifiedMinutes(e, municipalityId, 'initiative', range).then((r) => r.filter((x) => x.key !== null));
export const hoursByGroup = (e: Executor, municipalityId: number, range: HoursRange = {}): Promise<HoursTotal[]> =>
  sumVerifiedMinutes(e, municipalityId, 'group', range).then((r) => r.filter((x) => x.key !== null));
export const hoursByArea = (e: Executor, municipalityId: number, range: HoursRange = {}): Promise<HoursTotal[]> => sumVerifiedMinutes(e, municipalityId, 'area', range);
export const hoursForMunicipality = async (e: Executor, municipalityId: number, range: HoursRange = {}): Promise<{ minutes: number; people: number }> => {
  const r = await sumVerifiedMinutes(e, municipalityId, 'municipality', range);
  return { minutes: r[0]?.minutes ?? 0, people: r[0]?.people ?? 0 };
};

// Field reports -------------------------------------------------------------------------------

export async function reportsOf(deps: Pick<AppDeps, 'db'>, mid: number, reporterId: number): Promise<FieldReport[]> {
  return deps.db.transaction({ municipalityId: mid, userId: reporterId }, (tx) => listReports(tx, mid, { reporterId }));
}

export async function reportQueue(deps: Pick<AppDeps, 'db'>, mid: number, filter: { status: ReportStatus | null; category: ReportCategory | null }): Promise<FieldReport[]> {
  return deps.db.transaction({ municipalityId: mid }, (tx) => listReports(tx, mid, filter));
}

/** The stored photo of a report, for its reporter and for those who handle reports; null for anyone else. */
export async function reportPhotoFor(deps: Pick<AppDeps, 'db'>, mid: number, reportId: number, actor: Actor): Promise<{ bytes: Buffer; type: string } | null> {
  const found = await deps.db.transaction({ municipalityId: mid, userId: actor.id }, (tx) => reportImage(tx, mid, reportId));
  if (!found) return null;
  if (found.reporterId !== actor.id && !can(actor, 'handle_reports', mid)) return null;
  return { bytes: found.bytes, type: found.type };
}

// Admin pages ---------------------------------------------------------------------------------

export async function arrangementOf(deps: Pick<AppDeps, 'db'>, mid: number, userId: number): Promise<{ name: string; arrangement: Arrangement | null } | null> {
  return deps.db.transaction({ municipalityId: mid }, async (tx) => {
    const name = (await displayNames(tx, [userId])).get(userId);
    if (name === undefined) return null;
    return { name, arrangement: (await listArrangements(tx, mid, [userId])).get(userId) ?? null };
  });
}

export interface HoursOverview {
  total: { minutes: number; people: number };
  byInitiative: (HoursTotal & { name: string | null })[];
  byGroup: (HoursTotal & { name: string })[];
  byArea: (HoursTotal & { name: string | null })[];
}

/** Names each initiative's line by its title (null for days that belong to no initiative). */
async function withInitiativeTitles(tx: Executor, mid: number, rows: HoursTotal[]): Promise<(HoursTotal & { name: string | null })[]> {
  const titles = await initiativeHeadlines(tx, mid, rows.flatMap((r) => (r.key === null ? [] : [r.key])));
  return rows.map((r) => ({ ...r, name: r.key === null ? null : (titles.get(r.key)?.title ?? null) }));
}

export async function hoursOverview(deps: Pick<AppDeps, 'db'>, mid: number): Promise<HoursOverview> {
  return deps.db.transaction({ municipalityId: mid }, async (tx) => {
    const groups = await hoursByGroup(tx, mid);
    const names = new Map<number, string>();
    for (const g of groups) {
      if (g.key === null) continue;
      const found = await findGroup(tx, mid, g.key);
      names.set(g.key, found?.name ?? `#${g.key}`);
    }
    const areas = new Map((await listAreas(tx, mid)).map((a) => [a.id, a.name]));
    return {
      total: await hoursForMunicipality(tx, mid),
      byInitiative: await withInitiativeTitles(tx, mid, await hoursByInitiative(tx, mid)),
      byGroup: groups.map((g) => ({ ...g, name: g.key === null ? '' : (names.get(g.key) ?? '') })),
      byArea: (await hoursByArea(tx, mid)).map((a) => ({ ...a, name: a.key === null ? null : (areas.get(a.key) ?? `#${a.key}`) })),
    };
  });
}
