// What the pages of seasons, meetings and the member directory show, read in one transaction each.
// Who may see registrants and people is decided here with the policy, so a view is never handed
// names it must not show.
import type { Actor } from '../../core/auth/actor.js';
import type { AppDeps } from '../../core/http/context.js';
import type { Executor } from '../../core/db/database.js';
import { todayIn } from '../../core/time/zoned-time.js';
import { listNetworkMembers, peopleByIds } from '../accounts/index.js';
import { listMunicipalities, type Municipality } from '../municipalities/index.js';
import { can } from './network.meetings.policy.js';
import {
  currentSeason,
  findMeeting,
  findRegistration,
  findSeason,
  linkedCases,
  listMeetings,
  listRegistrations,
  listSeasons,
  registrationsOf,
  seasonLeaders,
  seasonMemberIds,
  waitlistCount,
  waitlistPlace,
} from './network.meetings.repository.js';
import { NETWORK_TIME_ZONE, type LinkedCase, type Meeting, type Registration, type Season, type SeasonMember } from './network.meetings.types.js';

type Db = Pick<AppDeps, 'db'>;

const scope = (actor: Actor | null) => ({ municipalityId: null, userId: actor?.id ?? null });

async function municipalityMap(tx: Executor): Promise<Map<number, Municipality>> {
  return new Map((await listMunicipalities(tx)).map((m) => [m.id, m]));
}

async function membersOf(tx: Executor, seasonId: number, municipalities: Map<number, Municipality>): Promise<SeasonMember[]> {
  const ids = await seasonMemberIds(tx, seasonId);
  const leaders = await seasonLeaders(tx, seasonId);
  const people = await peopleByIds(tx, leaders.map((l) => l.userId));
  return ids
    .map((id) => {
      const m = municipalities.get(id);
      return {
        municipalityId: id,
        name: m?.name ?? String(id),
        slug: m?.slug ?? '',
        leaders: leaders
          .filter((l) => l.municipalityId === id)
          .flatMap((l) => {
            const p = people.get(l.userId);
            return p ? [{ userId: l.userId, displayName: p.displayName, roleText: l.roleText, showInDirectory: p.showInDirectory }] : [];
          }),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

export interface MeetingSummary {
  meeting: Meeting;
  hostName: string | null;
  /** The viewer's own registration, if any. */
  mine: Registration | null;
}

function summaries(meetings: Meeting[], municipalities: Map<number, Municipality>, mine: Map<number, Registration>): MeetingSummary[] {
  return meetings.map((meeting) => ({
    meeting,
    hostName: meeting.hostMunicipalityId === null ? null : (municipalities.get(meeting.hostMunicipalityId)?.name ?? null),
    mine: mine.get(meeting.id) ?? null,
  }));
}

export interface SeasonListItem {
  season: Season;
  memberCount: number;
  meetingCount: number;
  current: boolean;
}

export async function loadSeasons(deps: Db, actor: Actor | null, now: Date): Promise<SeasonListItem[]> {
  return deps.db.transaction(scope(actor), async (tx) => {
    const seasons = await listSeasons(tx);
    const current = await currentSeason(tx, todayIn(now, NETWORK_TIME_ZONE));
    const publicOnly = !can(actor, 'view_meeting', { isPublic: false });
    const out: SeasonListItem[] = [];
    for (const season of seasons) {
      out.push({
        season,
        memberCount: (await seasonMemberIds(tx, season.id)).length,
        meetingCount: (await listMeetings(tx, { seasonId: season.id, publicOnly, order: 'asc' })).length,
        current: current?.id === season.id,
      });
    }
    return out;
  });
}

export interface SeasonPageData {
  season: Season;
  members: DirectoryMember[];
  meetings: MeetingSummary[];
}

/** Leaders are named on the season page only with their consent, like in the directory. */
export async function loadSeasonPage(deps: Db, actor: Actor | null, seasonId: number): Promise<SeasonPageData | null> {
  return deps.db.transaction(scope(actor), async (tx) => {
    const season = await findSeason(tx, seasonId);
    if (!season) return null;
    const municipalities = await municipalityMap(tx);
    const members = await membersOf(tx, seasonId, municipalities);
    const meetings = await listMeetings(tx, { seasonId, publicOnly: !can(actor, 'view_meeting', { isPublic: false }), order: 'asc' });
    const mine = actor ? await registrationsOf(tx, actor.id, meetings.map((m) => m.id)) : new Map();
    return { season, members: directoryMembers(actor, members), meetings: summaries(meetings, municipalities, mine) };
  });
}

/** The directory rule: people only for network members, and only those who consented. */
function directoryMembers(actor: Actor | null, members: SeasonMember[]): DirectoryMember[] {
  const showsPeople = can(actor, 'view_directory_people');
  return members.map((m) => {
    const shown = showsPeople ? m.leaders.filter((l) => l.showInDirectory) : [];
    return { municipalityId: m.municipalityId, name: m.name, slug: m.slug, people: shown.map((l) => ({ displayName: l.displayName, roleText: l.roleText })), notListed: m.leaders.length - shown.length };
  });
}

export interface MeetingsPageData {
  upcoming: MeetingSummary[];
  past: MeetingSummary[];
}

export async function loadMeetings(deps: Db, actor: Actor | null, now: Date): Promise<MeetingsPageData> {
  return deps.db.transaction(scope(actor), async (tx) => {
    const publicOnly = !can(actor, 'view_meeting', { isPublic: false });
    const municipalities = await municipalityMap(tx);
    const upcoming = await listMeetings(tx, { from: now, publicOnly, order: 'asc' });
    const past = await listMeetings(tx, { before: now, publicOnly, order: 'desc', limit: 50 });
    const mine = actor ? await registrationsOf(tx, actor.id, upcoming.map((m) => m.id)) : new Map();
    return { upcoming: summaries(upcoming, municipalities, mine), past: summaries(past, municipalities, new Map()) };
  });
}

/** Every meeting the viewer may see, for the calendar feed (the last year and everything ahead). */
export async function loadFeedMeetings(deps: Db, actor: Actor | null, now: Date): Promise<MeetingSummary[]> {
  return deps.db.transaction(scope(actor), async (tx) => {
    const publicOnly = !can(actor, 'view_meeting', { isPublic: false });
    const from = new Date(now.getTime() - 366 * 86_400_000);
    return summaries(await listMeetings(tx, { from, publicOnly, order: 'asc' }), await municipalityMap(tx), new Map());
  });
}

export interface Registrant {
  registrationId: number;
  name: string;
  email: string;
  status: 'confirmed' | 'waitlisted';
}

export interface MeetingPageData {
  meeting: Meeting;
  season: Season;
  hostName: string | null;
  mine: Registration | null;
  /** 1 for the first in line; null when the viewer is not waiting. */
  myWaitlistPlace: number | null;
  waiting: number;
  cases: LinkedCase[];
  /** Only for those who may see registrants (network admins); otherwise null. */
  registrants: Registrant[] | null;
}

export async function loadMeetingPage(deps: Db, actor: Actor | null, meetingId: number): Promise<MeetingPageData | 'forbidden' | null> {
  return deps.db.transaction(scope(actor), async (tx) => {
    const meeting = await findMeeting(tx, meetingId);
    if (!meeting) return null;
    if (!can(actor, 'view_meeting', { isPublic: meeting.isPublic })) return 'forbidden';
    const season = (await findSeason(tx, meeting.seasonId))!;
    const municipalities = await municipalityMap(tx);
    const mine = actor ? await findRegistration(tx, meetingId, actor.id) : null;
    const active = mine && mine.status !== 'cancelled' ? mine : null;
    let registrants: Registrant[] | null = null;
    if (can(actor, 'view_registrants')) {
      const rows = await listRegistrations(tx, meetingId);
      const people = await peopleByIds(tx, rows.map((r) => r.userId));
      registrants = rows.map((r) => ({ registrationId: r.id, name: people.get(r.userId)?.displayName ?? '', email: people.get(r.userId)?.email ?? '', status: r.status as 'confirmed' | 'waitlisted' }));
    }
    return {
      meeting,
      season,
      hostName: meeting.hostMunicipalityId === null ? null : (municipalities.get(meeting.hostMunicipalityId)?.name ?? null),
      mine: active,
      myWaitlistPlace: active?.status === 'waitlisted' ? await waitlistPlace(tx, meetingId, active.position) : null,
      waiting: await waitlistCount(tx, meetingId),
      cases: await linkedCases(tx, meetingId),
      registrants,
    };
  });
}

export interface DirectoryMember {
  municipalityId: number;
  name: string;
  slug: string;
  /** People shown: empty for visitors; for members those who consented. */
  people: { displayName: string; roleText: string }[];
  /** Leaders not listed (no consent, or the viewer may not see people). */
  notListed: number;
}

export interface DirectoryData {
  season: Season | null;
  members: DirectoryMember[];
  showsPeople: boolean;
}

export async function loadDirectory(deps: Db, actor: Actor | null, now: Date): Promise<DirectoryData> {
  return deps.db.transaction(scope(actor), async (tx) => {
    const season = await currentSeason(tx, todayIn(now, NETWORK_TIME_ZONE));
    const showsPeople = can(actor, 'view_directory_people');
    if (!season) return { season: null, members: [], showsPeople };
    return { season, showsPeople, members: directoryMembers(actor, await membersOf(tx, season.id, await municipalityMap(tx))) };
  });
}

// ---- admin screens ----

export interface SeasonAdminData {
  season: Season;
  members: SeasonMember[];
  municipalities: { id: number; name: string }[];
  networkPeople: { userId: number; displayName: string; email: string }[];
}

export async function loadSeasonAdmin(deps: Db, actor: Actor, seasonId: number): Promise<SeasonAdminData | null> {
  return deps.db.transaction(scope(actor), async (tx) => {
    const season = await findSeason(tx, seasonId);
    if (!season) return null;
    const municipalities = await municipalityMap(tx);
    return {
      season,
      members: await membersOf(tx, seasonId, municipalities),
      municipalities: [...municipalities.values()].map((m) => ({ id: m.id, name: m.name })).sort((a, b) => a.name.localeCompare(b.name, 'da')),
      networkPeople: (await listNetworkMembers(tx)).map((p) => ({ userId: p.userId, displayName: p.displayName, email: p.email })),
    };
  });
}

export interface MeetingFormChoices {
  seasons: Season[];
  /** Member municipalities per season id, for the host select. */
  hosts: { seasonId: number; seasonName: string; municipalities: { id: number; name: string }[] }[];
}

export async function loadMeetingFormChoices(deps: Db, actor: Actor): Promise<MeetingFormChoices> {
  return deps.db.transaction(scope(actor), async (tx) => {
    const seasons = await listSeasons(tx);
    const municipalities = await municipalityMap(tx);
    const hosts = [];
    for (const s of seasons) {
      const ids = await seasonMemberIds(tx, s.id);
      hosts.push({ seasonId: s.id, seasonName: s.name, municipalities: ids.map((id) => ({ id, name: municipalities.get(id)?.name ?? String(id) })).sort((a, b) => a.name.localeCompare(b.name, 'da')) });
    }
    return { seasons, hosts };
  });
}
