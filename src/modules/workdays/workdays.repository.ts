// SQL of the workdays module. Knows nothing of permissions; callers pass the executor of a transaction
// whose tenant is already set. The tenant filter is repeated in every query although row-level
// security enforces it: two locks, one door.
import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import type { Arrangement, FieldReport, ReportStatus, Shift, Signup, SignupStatus, WorkDay } from './workdays.types.js';

interface DayRow {
  municipality_id: number;
  id: number;
  round_id: number | null;
  title: string;
  description: string;
  lang: 'da' | 'en';
  group_id: number | null;
  initiative_id: number | null;
  area_id: number | null;
  address: string;
  meeting_point: string;
  tasks: string;
  equipment: string;
  bring: string;
  starts_at: Date;
  ends_at: Date;
  created_by: number | null;
}
const toDay = (r: DayRow): WorkDay => ({
  municipalityId: r.municipality_id,
  id: r.id,
  roundId: r.round_id,
  title: r.title,
  description: r.description,
  lang: r.lang,
  groupId: r.group_id,
  initiativeId: r.initiative_id,
  areaId: r.area_id,
  address: r.address,
  meetingPoint: r.meeting_point,
  tasks: r.tasks,
  equipment: r.equipment,
  bring: r.bring,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  createdBy: r.created_by === null ? null : Number(r.created_by),
});

export interface DayFields {
  title: string;
  description: string;
  lang: 'da' | 'en';
  groupId: number | null;
  initiativeId: number | null;
  areaId: number | null;
  address: string;
  meetingPoint: string;
  tasks: string;
  equipment: string;
  bring: string;
}

export async function insertRound(e: Executor, mid: number, r: { everyWeeks: number; weekday: number; firstDate: string; count: number | null; until: string | null; createdBy: number }): Promise<number> {
  const row = await sql<{ id: number }>`insert into workdays_rounds (municipality_id, every_weeks, weekday, first_date, occurrences, until_date, created_by)
    values (${mid}, ${r.everyWeeks}, ${r.weekday}, ${r.firstDate}, ${r.count}, ${r.until}, ${r.createdBy}) returning id`.execute(e);
  return row.rows[0]!.id;
}

export async function insertDay(e: Executor, mid: number, f: DayFields, when: { startsAt: Date; endsAt: Date; roundId: number | null; createdBy: number }): Promise<number> {
  const r = await sql<{ id: number }>`insert into workdays_days (municipality_id, round_id, title, description, lang, group_id, initiative_id, area_id, address, meeting_point, tasks, equipment, bring, starts_at, ends_at, created_by)
    values (${mid}, ${when.roundId}, ${f.title}, ${f.description}, ${f.lang}, ${f.groupId}, ${f.initiativeId}, ${f.areaId}, ${f.address}, ${f.meetingPoint}, ${f.tasks}, ${f.equipment}, ${f.bring}, ${when.startsAt}, ${when.endsAt}, ${when.createdBy})
    returning id`.execute(e);
  return r.rows[0]!.id;
}

export async function insertShift(e: Executor, mid: number, dayId: number, s: { label: string; startsAt: Date; endsAt: Date; capacity: number }): Promise<number> {
  const r = await sql<{ id: number }>`insert into workdays_shifts (municipality_id, day_id, label, starts_at, ends_at, capacity)
    values (${mid}, ${dayId}, ${s.label}, ${s.startsAt}, ${s.endsAt}, ${s.capacity}) returning id`.execute(e);
  return r.rows[0]!.id;
}

export async function findDay(e: Executor, mid: number, id: number): Promise<WorkDay | null> {
  const r = await sql<DayRow>`select * from workdays_days where municipality_id = ${mid} and id = ${id}`.execute(e);
  return r.rows[0] ? toDay(r.rows[0]) : null;
}

export async function listDays(e: Executor, mid: number, opts: { from?: Date; groupId?: number; limit?: number; ids?: number[] }): Promise<WorkDay[]> {
  const r = await sql<DayRow>`select * from workdays_days where municipality_id = ${mid}
    and (${opts.from ?? null}::timestamptz is null or ends_at >= ${opts.from ?? null}::timestamptz)
    and (${opts.groupId ?? null}::integer is null or group_id = ${opts.groupId ?? null}::integer)
    and (${opts.ids ?? null}::integer[] is null or id = any(${opts.ids ?? null}::integer[]))
    order by starts_at, id limit ${opts.limit ?? 200}`.execute(e);
  return r.rows.map(toDay);
}

interface ShiftRow {
  id: number;
  day_id: number;
  label: string;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  confirmed_count: number;
  waitlist_count: number;
}
const toShift = (r: ShiftRow): Shift => ({
  id: r.id,
  dayId: r.day_id,
  label: r.label,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  capacity: r.capacity,
  confirmedCount: r.confirmed_count,
  waitlistCount: Number(r.waitlist_count),
});

export async function listShifts(e: Executor, mid: number, dayIds: number[]): Promise<Shift[]> {
  if (dayIds.length === 0) return [];
  const r = await sql<ShiftRow>`select s.id, s.day_id, s.label, s.starts_at, s.ends_at, s.capacity, s.confirmed_count,
      (select count(*) from workdays_signups w where w.municipality_id = s.municipality_id and w.shift_id = s.id and w.status = 'waitlisted') as waitlist_count
    from workdays_shifts s where s.municipality_id = ${mid} and s.day_id = any(${dayIds}::integer[]) order by s.starts_at, s.id`.execute(e);
  return r.rows.map(toShift);
}

/** Locks the shift row until the transaction ends: every sign-up and cancellation on it queues here. */
export async function lockShift(e: Executor, mid: number, shiftId: number): Promise<{ id: number; dayId: number; capacity: number; confirmedCount: number; startsAt: Date; endsAt: Date; label: string } | null> {
  const r = await sql<{ id: number; day_id: number; capacity: number; confirmed_count: number; starts_at: Date; ends_at: Date; label: string }>`
    select id, day_id, capacity, confirmed_count, starts_at, ends_at, label from workdays_shifts where municipality_id = ${mid} and id = ${shiftId} for update`.execute(e);
  const row = r.rows[0];
  return row ? { id: row.id, dayId: row.day_id, capacity: row.capacity, confirmedCount: row.confirmed_count, startsAt: row.starts_at, endsAt: row.ends_at, label: row.label } : null;
}

interface SignupRow {
  id: number;
  shift_id: number;
  user_id: number | null;
  guest_name: string | null;
  guest_email: string | null;
  display_name: string | null;
  participant_kind: 'resident' | 'staff';
  status: SignupStatus;
  position: number;
  attended: boolean | null;
  minutes: number | null;
  verified_at: Date | null;
}
const toSignup = (r: SignupRow): Signup => ({
  id: r.id,
  shiftId: r.shift_id,
  userId: r.user_id === null ? null : Number(r.user_id),
  guestName: r.guest_name,
  guestEmail: r.guest_email,
  name: r.display_name ?? r.guest_name ?? '',
  kind: r.participant_kind,
  status: r.status,
  position: Number(r.position),
  attended: r.attended,
  minutes: r.minutes,
  verifiedAt: r.verified_at,
});

export function personKey(p: { userId: number } | { email: string }): string {
  return 'userId' in p ? `u:${p.userId}` : `g:${p.email.toLowerCase()}`;
}

export async function findSignupByPerson(e: Executor, mid: number, shiftId: number, key: string): Promise<{ id: number; status: SignupStatus } | null> {
  const r = await sql<{ id: number; status: SignupStatus }>`select id, status from workdays_signups where municipality_id = ${mid} and shift_id = ${shiftId} and person_key = ${key}`.execute(e);
  return r.rows[0] ?? null;
}

export async function nextPosition(e: Executor, mid: number, shiftId: number): Promise<number> {
  const r = await sql<{ p: string }>`select coalesce(max(position), 0) + 1 as p from workdays_signups where municipality_id = ${mid} and shift_id = ${shiftId}`.execute(e);
  return Number(r.rows[0]!.p);
}

export async function insertSignup(
  e: Executor,
  mid: number,
  s: { shiftId: number; userId: number | null; guestName: string | null; guestEmail: string | null; kind: 'resident' | 'staff'; status: SignupStatus; position: number; assignedBy: number | null; lang: 'da' | 'en' },
): Promise<number> {
  const r = await sql<{ id: number }>`insert into workdays_signups (municipality_id, shift_id, user_id, guest_name, guest_email, participant_kind, status, position, assigned_by, lang)
    values (${mid}, ${s.shiftId}, ${s.userId}, ${s.guestName}, ${s.guestEmail}, ${s.kind}, ${s.status}, ${s.position}, ${s.assignedBy}, ${s.lang}) returning id`.execute(e);
  return r.rows[0]!.id;
}

export async function reviveSignup(e: Executor, mid: number, id: number, s: { status: SignupStatus; position: number; kind: 'resident' | 'staff'; guestName: string | null; lang: 'da' | 'en' }): Promise<void> {
  await sql`update workdays_signups set status = ${s.status}, position = ${s.position}, participant_kind = ${s.kind}, guest_name = coalesce(${s.guestName}, guest_name), lang = ${s.lang},
      attended = null, minutes = null, verified_by = null, verified_at = null, reminder_sent_at = null, updated_at = now()
    where municipality_id = ${mid} and id = ${id}`.execute(e);
}

export async function setSignupStatus(e: Executor, mid: number, id: number, status: SignupStatus): Promise<void> {
  await sql`update workdays_signups set status = ${status}, updated_at = now() where municipality_id = ${mid} and id = ${id}`.execute(e);
}

export async function findSignup(e: Executor, mid: number, id: number): Promise<(Signup & { dayId: number }) | null> {
  const r = await sql<SignupRow & { day_id: number }>`select w.*, s.day_id, null as display_name from workdays_signups w
    join workdays_shifts s on s.municipality_id = w.municipality_id and s.id = w.shift_id
    where w.municipality_id = ${mid} and w.id = ${id}`.execute(e);
  const row = r.rows[0];
  return row ? { ...toSignup(row), dayId: row.day_id } : null;
}

/** The first person on the waitlist of a shift, in the order they asked. */
export async function firstWaitlisted(e: Executor, mid: number, shiftId: number): Promise<number | null> {
  const r = await sql<{ id: number }>`select id from workdays_signups where municipality_id = ${mid} and shift_id = ${shiftId} and status = 'waitlisted' order by position, id limit 1`.execute(e);
  return r.rows[0]?.id ?? null;
}

export async function listSignups(e: Executor, mid: number, shiftIds: number[]): Promise<Signup[]> {
  if (shiftIds.length === 0) return [];
  const r = await sql<SignupRow>`select w.*, null as display_name from workdays_signups w
    where w.municipality_id = ${mid} and w.shift_id = any(${shiftIds}::integer[]) and w.status <> 'cancelled'
    order by w.shift_id, case w.status when 'confirmed' then 0 else 1 end, w.position, w.id`.execute(e);
  return r.rows.map(toSignup);
}

export interface MyShift {
  signupId: number;
  status: SignupStatus;
  position: number;
  /** 1-based place on the waitlist, for waitlisted signups. */
  waitlistPlace: number | null;
  shift: { id: number; label: string; startsAt: Date; endsAt: Date };
  day: { id: number; title: string; address: string; meetingPoint: string };
}

export async function listShiftsOfUser(e: Executor, mid: number, userId: number, from: Date | null): Promise<MyShift[]> {
  const r = await sql<{ id: number; status: SignupStatus; position: number; place: string | null; shift_id: number; label: string; starts_at: Date; ends_at: Date; day_id: number; title: string; address: string; meeting_point: string }>`
    select w.id, w.status, w.position,
      case when w.status = 'waitlisted' then (select count(*) from workdays_signups o where o.municipality_id = w.municipality_id and o.shift_id = w.shift_id and o.status = 'waitlisted' and o.position <= w.position) end as place,
      s.id as shift_id, s.label, s.starts_at, s.ends_at, d.id as day_id, d.title, d.address, d.meeting_point
    from workdays_signups w
    join workdays_shifts s on s.municipality_id = w.municipality_id and s.id = w.shift_id
    join workdays_days d on d.municipality_id = s.municipality_id and d.id = s.day_id
    where w.municipality_id = ${mid} and w.user_id = ${userId} and w.status <> 'cancelled'
      and (${from}::timestamptz is null or s.ends_at >= ${from}::timestamptz)
    order by s.starts_at, s.id`.execute(e);
  return r.rows.map((x) => ({
    signupId: x.id,
    status: x.status,
    position: Number(x.position),
    waitlistPlace: x.place === null ? null : Number(x.place),
    shift: { id: x.shift_id, label: x.label, startsAt: x.starts_at, endsAt: x.ends_at },
    day: { id: x.day_id, title: x.title, address: x.address, meetingPoint: x.meeting_point },
  }));
}

export async function setAttendance(e: Executor, mid: number, signupId: number, attended: boolean, minutes: number | null): Promise<boolean> {
  const r = await sql`update workdays_signups set attended = ${attended}, minutes = ${attended ? minutes : null},
      verified_by = case when attended and minutes is not distinct from ${attended ? minutes : null}::integer then verified_by end,
      verified_at = case when attended and minutes is not distinct from ${attended ? minutes : null}::integer then verified_at end,
      updated_at = now()
    where municipality_id = ${mid} and id = ${signupId} and status = 'confirmed'`.execute(e);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function verifyDayHours(e: Executor, mid: number, dayId: number, userId: number): Promise<number> {
  const r = await sql`update workdays_signups w set verified_by = ${userId}, verified_at = now()
    from workdays_shifts s
    where s.municipality_id = w.municipality_id and s.id = w.shift_id and s.day_id = ${dayId}
      and w.municipality_id = ${mid} and w.status = 'confirmed' and w.attended and w.minutes is not null and w.verified_at is null`.execute(e);
  return Number(r.numAffectedRows ?? 0);
}

export type TotalsBy = 'initiative' | 'group' | 'area' | 'municipality';
export interface HoursTotal {
  /** The initiative, group or area id; null for the municipality as a whole or days without one. */
  key: number | null;
  minutes: number;
  people: number;
}

/** Verified volunteer minutes, summed; staff hours are work, not volunteering, and are left out. */
export async function sumVerifiedMinutes(e: Executor, mid: number, by: TotalsBy, range: { from?: Date | null; to?: Date | null } = {}): Promise<HoursTotal[]> {
  const column = { initiative: sql`d.initiative_id`, group: sql`d.group_id`, area: sql`d.area_id`, municipality: sql`null::integer` }[by];
  const r = await sql<{ key: number | null; minutes: string; people: string }>`
    select ${column} as key, sum(w.minutes) as minutes, count(distinct w.person_key) as people
    from workdays_signups w
    join workdays_shifts s on s.municipality_id = w.municipality_id and s.id = w.shift_id
    join workdays_days d on d.municipality_id = s.municipality_id and d.id = s.day_id
    where w.municipality_id = ${mid} and w.status = 'confirmed' and w.verified_at is not null and w.participant_kind = 'resident'
      and (${range.from ?? null}::timestamptz is null or d.starts_at >= ${range.from ?? null}::timestamptz)
      and (${range.to ?? null}::timestamptz is null or d.starts_at < ${range.to ?? null}::timestamptz)
    group by 1 order by 1 nulls last`.execute(e);
  return r.rows.map((x) => ({ key: x.key, minutes: Number(x.minutes), people: Number(x.people) }));
}

// Settings ------------------------------------------------------------------------------------

export async function guestsAllowed(e: Executor, mid: number): Promise<boolean> {
  const r = await sql<{ guests_allowed: boolean }>`select guests_allowed from workdays_settings where municipality_id = ${mid}`.execute(e);
  return r.rows[0]?.guests_allowed ?? false;
}

export async function setGuestsAllowed(e: Executor, mid: number, allowed: boolean): Promise<void> {
  await sql`insert into workdays_settings (municipality_id, guests_allowed) values (${mid}, ${allowed})
    on conflict (municipality_id) do update set guests_allowed = excluded.guests_allowed`.execute(e);
}

// Tokens --------------------------------------------------------------------------------------

export async function insertToken(e: Executor, mid: number, t: { hash: string; signupId: number; expiresAt: Date }): Promise<void> {
  await sql`insert into workdays_tokens (municipality_id, token_hash, signup_id, purpose, expires_at) values (${mid}, ${t.hash}, ${t.signupId}, 'cant_come', ${t.expiresAt})`.execute(e);
}

export async function findToken(e: Executor, mid: number, hash: string, lock: boolean): Promise<{ signupId: number; expiresAt: Date; usedAt: Date | null } | null> {
  const r = lock
    ? await sql<{ signup_id: number; expires_at: Date; used_at: Date | null }>`select signup_id, expires_at, used_at from workdays_tokens where municipality_id = ${mid} and token_hash = ${hash} for update`.execute(e)
    : await sql<{ signup_id: number; expires_at: Date; used_at: Date | null }>`select signup_id, expires_at, used_at from workdays_tokens where municipality_id = ${mid} and token_hash = ${hash}`.execute(e);
  const row = r.rows[0];
  return row ? { signupId: row.signup_id, expiresAt: row.expires_at, usedAt: row.used_at } : null;
}

export async function markTokenUsed(e: Executor, mid: number, hash: string): Promise<void> {
  await sql`update workdays_tokens set used_at = now() where municipality_id = ${mid} and token_hash = ${hash}`.execute(e);
}

// Arrangements --------------------------------------------------------------------------------

export async function listArrangements(e: Executor, mid: number, userIds: number[]): Promise<Map<number, Arrangement>> {
  if (userIds.length === 0) return new Map();
  const r = await sql<{ user_id: number; role_type: Arrangement['roleType']; association_name: string; manager_approved: boolean; works_with_children: boolean; child_check_status: Arrangement['childCheckStatus']; child_check_date: string | Date | null }>`
    select * from workdays_arrangements where municipality_id = ${mid} and user_id = any(${userIds}::bigint[])`.execute(e);
  return new Map(
    r.rows.map((x) => [
      Number(x.user_id),
      {
        userId: Number(x.user_id),
        roleType: x.role_type,
        associationName: x.association_name,
        managerApproved: x.manager_approved,
        worksWithChildren: x.works_with_children,
        childCheckStatus: x.child_check_status,
        childCheckDate: x.child_check_date === null ? null : x.child_check_date instanceof Date ? x.child_check_date.toISOString().slice(0, 10) : String(x.child_check_date).slice(0, 10),
      },
    ]),
  );
}

export async function upsertArrangement(e: Executor, mid: number, a: Arrangement, by: number): Promise<void> {
  await sql`insert into workdays_arrangements (municipality_id, user_id, role_type, association_name, manager_approved, works_with_children, child_check_status, child_check_date, updated_by)
    values (${mid}, ${a.userId}, ${a.roleType}, ${a.associationName}, ${a.managerApproved}, ${a.worksWithChildren}, ${a.childCheckStatus}, ${a.childCheckDate}, ${by})
    on conflict (municipality_id, user_id) do update set role_type = excluded.role_type, association_name = excluded.association_name,
      manager_approved = excluded.manager_approved, works_with_children = excluded.works_with_children, child_check_status = excluded.child_check_status,
      child_check_date = excluded.child_check_date, updated_by = excluded.updated_by, updated_at = now()`.execute(e);
}

// Field reports -------------------------------------------------------------------------------

interface ReportRow {
  id: number;
  day_id: number | null;
  reporter_id: number | null;
  category: FieldReport['category'];
  description: string;
  lang: 'da' | 'en';
  place: string;
  has_image: boolean;
  status: ReportStatus;
  status_note: string;
  status_changed_at: Date;
  created_at: Date;
}
const toReport = (r: ReportRow): FieldReport => ({
  id: r.id,
  dayId: r.day_id,
  reporterId: r.reporter_id === null ? null : Number(r.reporter_id),
  category: r.category,
  description: r.description,
  lang: r.lang,
  place: r.place,
  hasImage: r.has_image,
  status: r.status,
  statusNote: r.status_note,
  statusChangedAt: r.status_changed_at,
  createdAt: r.created_at,
});
const reportColumns = sql`id, day_id, reporter_id, category, description, lang, place, image is not null as has_image, status, status_note, status_changed_at, created_at`;

export async function insertReport(e: Executor, mid: number, r: { dayId: number | null; reporterId: number; category: string; description: string; lang: 'da' | 'en'; place: string; image: Buffer | null; imageType: string | null }): Promise<number> {
  const row = await sql<{ id: number }>`insert into workdays_reports (municipality_id, day_id, reporter_id, category, description, lang, place, image, image_type)
    values (${mid}, ${r.dayId}, ${r.reporterId}, ${r.category}, ${r.description}, ${r.lang}, ${r.place}, ${r.image}, ${r.imageType}) returning id`.execute(e);
  return row.rows[0]!.id;
}

export async function listReports(e: Executor, mid: number, filter: { reporterId?: number; status?: ReportStatus | null; category?: FieldReport['category'] | null }): Promise<FieldReport[]> {
  const r = await sql<ReportRow>`select ${reportColumns} from workdays_reports where municipality_id = ${mid}
    and (${filter.reporterId ?? null}::bigint is null or reporter_id = ${filter.reporterId ?? null}::bigint)
    and (${filter.status ?? null}::text is null or status = ${filter.status ?? null}::text)
    and (${filter.category ?? null}::text is null or category = ${filter.category ?? null}::text)
    order by created_at desc, id desc limit 200`.execute(e);
  return r.rows.map(toReport);
}

export async function findReport(e: Executor, mid: number, id: number): Promise<FieldReport | null> {
  const r = await sql<ReportRow>`select ${reportColumns} from workdays_reports where municipality_id = ${mid} and id = ${id}`.execute(e);
  return r.rows[0] ? toReport(r.rows[0]) : null;
}

export async function reportImage(e: Executor, mid: number, id: number): Promise<{ bytes: Buffer; type: string; reporterId: number | null } | null> {
  const r = await sql<{ image: Buffer | null; image_type: string | null; reporter_id: number | null }>`select image, image_type, reporter_id from workdays_reports where municipality_id = ${mid} and id = ${id}`.execute(e);
  const row = r.rows[0];
  return row?.image && row.image_type ? { bytes: row.image, type: row.image_type, reporterId: row.reporter_id === null ? null : Number(row.reporter_id) } : null;
}

export async function updateReportStatus(e: Executor, mid: number, id: number, status: ReportStatus, note: string): Promise<boolean> {
  const r = await sql`update workdays_reports set status = ${status}, status_note = ${note}, status_changed_at = now() where municipality_id = ${mid} and id = ${id}`.execute(e);
  return Number(r.numAffectedRows ?? 0) > 0;
}

/** Names the commands turn into typed errors. */
export function violated(error: unknown, code: '23505' | '23514' | '23503'): string | null {
  if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code) return String((error as { constraint?: unknown }).constraint ?? '');
  return null;
}
