// SQL of seasons, meetings and registrations. Knows nothing of permissions; callers run it inside a
// transaction and decide who may do what (network.meetings.policy.ts).
import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import type { Lang } from '../../core/i18n/i18n.js';
import type { LinkedCase, Meeting, Registration, RegistrationStatus, Season } from './network.meetings.types.js';

// ---- seasons ----

interface SeasonRow {
  id: number;
  name: string;
  starts_on: string;
  ends_on: string;
  theme_da: string | null;
  theme_en: string | null;
  description_da: string | null;
  description_en: string | null;
}
const toSeason = (r: SeasonRow): Season => ({
  id: r.id,
  name: r.name,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  theme: { da: r.theme_da, en: r.theme_en },
  description: { da: r.description_da, en: r.description_en },
});
const seasonColumns = sql`id, name, starts_on, ends_on, theme_da, theme_en, description_da, description_en`;

export interface SeasonFields {
  name: string;
  startsOn: string;
  endsOn: string;
  themeDa: string | null;
  themeEn: string | null;
  descriptionDa: string | null;
  descriptionEn: string | null;
}

export async function listSeasons(e: Executor): Promise<Season[]> {
  const r = await sql<SeasonRow>`select ${seasonColumns} from network_seasons order by starts_on desc, id desc`.execute(e);
  return r.rows.map(toSeason);
}

export async function findSeason(e: Executor, id: number): Promise<Season | null> {
  const r = await sql<SeasonRow>`select ${seasonColumns} from network_seasons where id = ${id}`.execute(e);
  return r.rows[0] ? toSeason(r.rows[0]) : null;
}

/** The season running on `today`; otherwise the next to start; otherwise the last that ended. */
export async function currentSeason(e: Executor, today: string): Promise<Season | null> {
  const r = await sql<SeasonRow>`
    select ${seasonColumns} from network_seasons
    order by (starts_on <= ${today}::date and ends_on >= ${today}::date) desc,
             (starts_on > ${today}::date) desc,
             case when starts_on > ${today}::date then starts_on end asc,
             ends_on desc, id desc
    limit 1`.execute(e);
  return r.rows[0] ? toSeason(r.rows[0]) : null;
}

export async function seasonNameTaken(e: Executor, name: string, exceptId: number | null): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from network_seasons where lower(name) = lower(${name}) and id <> ${exceptId ?? 0}`.execute(e);
  return (r.rows[0]?.n ?? 0) > 0;
}

export async function insertSeason(e: Executor, f: SeasonFields, createdBy: number | null): Promise<number> {
  const r = await sql<{ id: number }>`
    insert into network_seasons (name, starts_on, ends_on, theme_da, theme_en, description_da, description_en, created_by)
    values (${f.name}, ${f.startsOn}::date, ${f.endsOn}::date, ${f.themeDa}, ${f.themeEn}, ${f.descriptionDa}, ${f.descriptionEn}, ${createdBy})
    returning id`.execute(e);
  return r.rows[0]!.id;
}

export async function updateSeason(e: Executor, id: number, f: SeasonFields): Promise<boolean> {
  const r = await sql`
    update network_seasons set name = ${f.name}, starts_on = ${f.startsOn}::date, ends_on = ${f.endsOn}::date, theme_da = ${f.themeDa}, theme_en = ${f.themeEn},
      description_da = ${f.descriptionDa}, description_en = ${f.descriptionEn}, updated_at = now()
    where id = ${id}`.execute(e);
  return Number(r.numAffectedRows ?? 0) > 0;
}

// ---- member municipalities and leaders ----

export async function seasonMemberIds(e: Executor, seasonId: number): Promise<number[]> {
  const r = await sql<{ municipality_id: number }>`select municipality_id from network_season_members where season_id = ${seasonId} order by municipality_id`.execute(e);
  return r.rows.map((row) => row.municipality_id);
}

export async function insertSeasonMember(e: Executor, seasonId: number, municipalityId: number): Promise<boolean> {
  const r = await sql`insert into network_season_members (season_id, municipality_id) values (${seasonId}, ${municipalityId}) on conflict do nothing`.execute(e);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function hostsMeetings(e: Executor, seasonId: number, municipalityId: number): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from network_meetings where season_id = ${seasonId} and host_municipality_id = ${municipalityId}`.execute(e);
  return (r.rows[0]?.n ?? 0) > 0;
}

export async function deleteSeasonMember(e: Executor, seasonId: number, municipalityId: number): Promise<boolean> {
  const r = await sql`delete from network_season_members where season_id = ${seasonId} and municipality_id = ${municipalityId}`.execute(e);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export interface LeaderRow {
  municipalityId: number;
  userId: number;
  roleText: string;
}

export async function seasonLeaders(e: Executor, seasonId: number): Promise<LeaderRow[]> {
  const r = await sql<{ municipality_id: number; user_id: number; role_text: string }>`
    select municipality_id, user_id, role_text from network_season_leaders where season_id = ${seasonId} order by municipality_id, added_at, user_id`.execute(e);
  return r.rows.map((row) => ({ municipalityId: row.municipality_id, userId: Number(row.user_id), roleText: row.role_text }));
}

/** Adds the leader or changes their role text; a person leads one municipality per season. */
export async function upsertLeader(e: Executor, seasonId: number, municipalityId: number, userId: number, roleText: string): Promise<'added' | 'updated' | 'other_municipality'> {
  const existing = await sql<{ municipality_id: number }>`select municipality_id from network_season_leaders where season_id = ${seasonId} and user_id = ${userId}`.execute(e);
  const row = existing.rows[0];
  if (row && row.municipality_id !== municipalityId) return 'other_municipality';
  if (row) {
    await sql`update network_season_leaders set role_text = ${roleText} where season_id = ${seasonId} and user_id = ${userId}`.execute(e);
    return 'updated';
  }
  await sql`insert into network_season_leaders (season_id, municipality_id, user_id, role_text) values (${seasonId}, ${municipalityId}, ${userId}, ${roleText})`.execute(e);
  return 'added';
}

export async function deleteLeader(e: Executor, seasonId: number, municipalityId: number, userId: number): Promise<boolean> {
  const r = await sql`delete from network_season_leaders where season_id = ${seasonId} and municipality_id = ${municipalityId} and user_id = ${userId}`.execute(e);
  return Number(r.numAffectedRows ?? 0) > 0;
}

// ---- meetings ----

interface MeetingRow {
  id: number;
  season_id: number;
  host_municipality_id: number | null;
  title: string;
  lang: Lang;
  starts_at: Date;
  ends_at: Date;
  place: string;
  address: string | null;
  agenda: string | null;
  is_public: boolean;
  capacity: number;
  confirmed_count: number;
  registration_deadline: Date | null;
  minutes: string | null;
  minutes_updated_at: Date | null;
}
const toMeeting = (r: MeetingRow): Meeting => ({
  id: r.id,
  seasonId: r.season_id,
  hostMunicipalityId: r.host_municipality_id,
  title: r.title,
  lang: r.lang,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  place: r.place,
  address: r.address,
  agenda: r.agenda,
  isPublic: r.is_public,
  capacity: r.capacity,
  confirmedCount: r.confirmed_count,
  registrationDeadline: r.registration_deadline,
  minutes: r.minutes,
  minutesUpdatedAt: r.minutes_updated_at,
});
const meetingColumns = sql`id, season_id, host_municipality_id, title, lang, starts_at, ends_at, place, address, agenda, is_public, capacity, confirmed_count,
  registration_deadline, minutes, minutes_updated_at`;

export interface MeetingFields {
  seasonId: number;
  hostMunicipalityId: number | null;
  title: string;
  lang: Lang;
  startsAt: Date;
  endsAt: Date;
  place: string;
  address: string | null;
  agenda: string | null;
  isPublic: boolean;
  capacity: number;
  registrationDeadline: Date | null;
}

export async function findMeeting(e: Executor, id: number): Promise<Meeting | null> {
  const r = await sql<MeetingRow>`select ${meetingColumns} from network_meetings where id = ${id}`.execute(e);
  return r.rows[0] ? toMeeting(r.rows[0]) : null;
}

/** Locks the meeting row until the transaction ends: registrations and cancellations queue up behind it. */
export async function lockMeeting(e: Executor, id: number): Promise<Meeting | null> {
  const r = await sql<MeetingRow>`select ${meetingColumns} from network_meetings where id = ${id} for update`.execute(e);
  return r.rows[0] ? toMeeting(r.rows[0]) : null;
}

export async function listMeetings(e: Executor, options: { from?: Date; before?: Date; seasonId?: number; publicOnly: boolean; order: 'asc' | 'desc'; limit?: number }): Promise<Meeting[]> {
  const r = await sql<MeetingRow>`
    select ${meetingColumns} from network_meetings
    where true
      ${options.from ? sql`and ends_at > ${options.from}` : sql``}
      ${options.before ? sql`and ends_at <= ${options.before}` : sql``}
      ${options.seasonId !== undefined ? sql`and season_id = ${options.seasonId}` : sql``}
      ${options.publicOnly ? sql`and is_public` : sql``}
    order by starts_at ${options.order === 'asc' ? sql`asc` : sql`desc`}, id
    ${options.limit ? sql`limit ${options.limit}` : sql``}`.execute(e);
  return r.rows.map(toMeeting);
}

export async function insertMeeting(e: Executor, f: MeetingFields, createdBy: number | null): Promise<number> {
  const r = await sql<{ id: number }>`
    insert into network_meetings (season_id, host_municipality_id, title, lang, starts_at, ends_at, place, address, agenda, is_public, capacity, registration_deadline, created_by)
    values (${f.seasonId}, ${f.hostMunicipalityId}, ${f.title}, ${f.lang}, ${f.startsAt}, ${f.endsAt}, ${f.place}, ${f.address}, ${f.agenda}, ${f.isPublic}, ${f.capacity}, ${f.registrationDeadline}, ${createdBy})
    returning id`.execute(e);
  return r.rows[0]!.id;
}

export async function updateMeeting(e: Executor, id: number, f: MeetingFields): Promise<void> {
  await sql`
    update network_meetings set season_id = ${f.seasonId}, host_municipality_id = ${f.hostMunicipalityId}, title = ${f.title}, lang = ${f.lang}, starts_at = ${f.startsAt},
      ends_at = ${f.endsAt}, place = ${f.place}, address = ${f.address}, agenda = ${f.agenda}, is_public = ${f.isPublic}, capacity = ${f.capacity},
      registration_deadline = ${f.registrationDeadline}, updated_at = now()
    where id = ${id}`.execute(e);
}

export async function setMinutes(e: Executor, id: number, minutes: string | null): Promise<void> {
  await sql`update network_meetings set minutes = ${minutes}, minutes_updated_at = now(), updated_at = now() where id = ${id}`.execute(e);
}

// ---- registrations ----

interface RegistrationRow {
  id: number;
  meeting_id: number;
  user_id: number;
  status: RegistrationStatus;
  position: number;
  lang: Lang;
}
const toRegistration = (r: RegistrationRow): Registration => ({ id: r.id, meetingId: r.meeting_id, userId: Number(r.user_id), status: r.status, position: Number(r.position), lang: r.lang });

export async function findRegistration(e: Executor, meetingId: number, userId: number): Promise<Registration | null> {
  const r = await sql<RegistrationRow>`select id, meeting_id, user_id, status, position, lang from network_registrations where meeting_id = ${meetingId} and user_id = ${userId}`.execute(e);
  return r.rows[0] ? toRegistration(r.rows[0]) : null;
}

export async function findRegistrationById(e: Executor, id: number): Promise<Registration | null> {
  const r = await sql<RegistrationRow>`select id, meeting_id, user_id, status, position, lang from network_registrations where id = ${id}`.execute(e);
  return r.rows[0] ? toRegistration(r.rows[0]) : null;
}

export async function listRegistrations(e: Executor, meetingId: number): Promise<Registration[]> {
  const r = await sql<RegistrationRow>`
    select id, meeting_id, user_id, status, position, lang from network_registrations
    where meeting_id = ${meetingId} and status <> 'cancelled' order by status, position`.execute(e);
  return r.rows.map(toRegistration);
}

/** The caller holds the meeting's row lock, so max + 1 is the order of asking without gaps. */
export async function nextPosition(e: Executor, meetingId: number): Promise<number> {
  const r = await sql<{ n: number }>`select coalesce(max(position), 0)::int + 1 as n from network_registrations where meeting_id = ${meetingId}`.execute(e);
  return r.rows[0]!.n;
}

export async function insertRegistration(e: Executor, meetingId: number, userId: number, status: RegistrationStatus, position: number, lang: Lang): Promise<number> {
  const r = await sql<{ id: number }>`
    insert into network_registrations (meeting_id, user_id, status, position, lang) values (${meetingId}, ${userId}, ${status}, ${position}, ${lang}) returning id`.execute(e);
  return r.rows[0]!.id;
}

export async function reviveRegistration(e: Executor, id: number, status: RegistrationStatus, position: number, lang: Lang): Promise<void> {
  await sql`update network_registrations set status = ${status}, position = ${position}, lang = ${lang}, updated_at = now() where id = ${id}`.execute(e);
}

export async function setRegistrationStatus(e: Executor, id: number, status: RegistrationStatus): Promise<void> {
  await sql`update network_registrations set status = ${status}, updated_at = now() where id = ${id}`.execute(e);
}

export async function firstWaitlisted(e: Executor, meetingId: number): Promise<number | null> {
  const r = await sql<{ id: number }>`
    select id from network_registrations where meeting_id = ${meetingId} and status = 'waitlisted' order by position limit 1`.execute(e);
  return r.rows[0]?.id ?? null;
}

/** 1 for the first person waiting. */
export async function waitlistPlace(e: Executor, meetingId: number, position: number): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from network_registrations where meeting_id = ${meetingId} and status = 'waitlisted' and position <= ${position}`.execute(e);
  return r.rows[0]?.n ?? 0;
}

export async function waitlistCount(e: Executor, meetingId: number): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from network_registrations where meeting_id = ${meetingId} and status = 'waitlisted'`.execute(e);
  return r.rows[0]?.n ?? 0;
}

/** The person's registrations that are not cancelled, by meeting id. */
export async function registrationsOf(e: Executor, userId: number, meetingIds: readonly number[]): Promise<Map<number, Registration>> {
  if (meetingIds.length === 0) return new Map();
  const r = await sql<RegistrationRow>`
    select id, meeting_id, user_id, status, position, lang from network_registrations
    where user_id = ${userId} and meeting_id = any(${[...meetingIds]}::int[]) and status <> 'cancelled'`.execute(e);
  return new Map(r.rows.map((row) => [row.meeting_id, toRegistration(row)]));
}

// ---- linked cases ----

interface CaseRow {
  municipality_id: number;
  id: number;
  title: string;
}

export async function linkedCases(e: Executor, meetingId: number): Promise<LinkedCase[]> {
  const r = await sql<CaseRow>`
    select c.municipality_id, c.id, coalesce(c.title_da, c.title_en) as title
    from network_meeting_cases l join network_cases c on c.municipality_id = l.case_municipality_id and c.id = l.case_id
    where l.meeting_id = ${meetingId}
    order by l.linked_at, c.id`.execute(e);
  return r.rows.map((row) => ({ municipalityId: row.municipality_id, id: row.id, title: row.title }));
}

/** Published cases whose Danish or English title contains `text`; for the "link a case" lookup. */
export async function casesByTitle(e: Executor, text: string, limit: number): Promise<LinkedCase[]> {
  const pattern = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const r = await sql<CaseRow>`
    select municipality_id, id, coalesce(title_da, title_en) as title from network_cases
    where published and (title_da ilike ${pattern} or title_en ilike ${pattern})
    order by coalesce(title_da, title_en), municipality_id, id
    limit ${limit}`.execute(e);
  return r.rows.map((row) => ({ municipalityId: row.municipality_id, id: row.id, title: row.title }));
}

export async function caseExists(e: Executor, municipalityId: number, id: number): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from network_cases where municipality_id = ${municipalityId} and id = ${id} and published`.execute(e);
  return (r.rows[0]?.n ?? 0) > 0;
}

export async function insertMeetingCase(e: Executor, meetingId: number, caseMunicipalityId: number, caseId: number, linkedBy: number | null): Promise<boolean> {
  const r = await sql`
    insert into network_meeting_cases (meeting_id, case_municipality_id, case_id, linked_by) values (${meetingId}, ${caseMunicipalityId}, ${caseId}, ${linkedBy})
    on conflict do nothing`.execute(e);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function deleteMeetingCase(e: Executor, meetingId: number, caseMunicipalityId: number, caseId: number): Promise<boolean> {
  const r = await sql`delete from network_meeting_cases where meeting_id = ${meetingId} and case_municipality_id = ${caseMunicipalityId} and case_id = ${caseId}`.execute(e);
  return Number(r.numAffectedRows ?? 0) > 0;
}
