// Seasons, meetings and registrations against a real, freshly migrated database (PGlite, or PostgreSQL
// when DATABASE_URL is set). The concurrency tests run only on PostgreSQL, where requests really race.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Actor, NetworkRole } from '../../core/auth/actor.js';
import { loadConfig } from '../../core/config/config.js';
import { createMunicipality, createPerson } from '../../testing/actors.js';
import { testDatabase, type TestDatabase } from '../../testing/test-db.js';
import { cancelRegistration, cancelRegistrationAsAdmin } from './commands/cancel-registration.js';
import { addSeasonMember, removeSeasonMember } from './commands/change-season-members.js';
import { saveSeasonLeader } from './commands/change-season-leaders.js';
import { registerForMeeting } from './commands/register-for-meeting.js';
import { createMeeting, editMeeting } from './commands/save-meeting.js';
import { createSeason } from './commands/save-season.js';
import { writeMinutes } from './commands/write-minutes.js';
import { loadDirectory, loadMeetingPage } from './network.meetings.queries.js';
import type { MeetingFields } from './network.meetings.repository.js';

const onPostgres = Boolean(loadConfig().databaseUrl);

let db: TestDatabase;
before(async () => {
  db = await testDatabase();
});
after(async () => {
  await db.destroy();
});

type Person = { id: number; actor: Actor };
async function person(networkRole: NetworkRole | null, name?: string): Promise<Person> {
  const p = await createPerson(db, { ...(networkRole ? { networkRole } : {}), ...(name ? { name } : {}) });
  return { id: p.id, actor: { id: p.id, sessionId: 's', displayName: name ?? `P${p.id}`, email: p.email, emailVerified: true, lang: null, networkRole, roles: new Map() } };
}

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000);
const ymd = (d: Date) => d.toISOString().slice(0, 10);

let seq = 0;
async function seasonWithMeeting(admin: Person, capacity: number, extra: Partial<MeetingFields> = {}) {
  seq += 1;
  const s = await createSeason(db, admin.actor, { name: `Sæson ${seq}`, startsOn: ymd(day(-200)), endsOn: ymd(day(200)), themeDa: 'Samskabelse', themeEn: null, descriptionDa: null, descriptionEn: null });
  assert.ok(s.ok);
  const mid = await createMunicipality(db, `kommune-${seq}`);
  assert.ok((await addSeasonMember(db, admin.actor, s.value.seasonId, mid)).ok);
  const m = await createMeeting(db, admin.actor, {
    seasonId: s.value.seasonId, hostMunicipalityId: mid, title: 'Netværksmøde', lang: 'da', startsAt: day(10), endsAt: new Date(day(10).getTime() + 5 * 3600_000),
    place: 'Rådhuset', address: null, agenda: 'Velkomst', isPublic: true, capacity, registrationDeadline: null, ...extra,
  });
  assert.ok(m.ok, JSON.stringify(m));
  return { seasonId: s.value.seasonId, mid, meetingId: m.value.meetingId };
}

async function state(meetingId: number) {
  return db.transaction({ municipalityId: null }, async (tx) => {
    const rows = await sql<{ user_id: number; status: string; position: number }>`select user_id, status, position from network_registrations where meeting_id = ${meetingId} order by position`.execute(tx);
    const m = await sql<{ confirmed_count: number; capacity: number }>`select confirmed_count, capacity from network_meetings where id = ${meetingId}`.execute(tx);
    return { rows: rows.rows.map((r) => ({ ...r, user_id: Number(r.user_id), position: Number(r.position) })), confirmedCount: m.rows[0]!.confirmed_count };
  });
}

test('only network admins manage; only network members register; visitors and residents are refused', async () => {
  const admin = await person('admin');
  const member = await person('member');
  const resident = await person(null);
  assert.deepEqual(await createSeason(db, member.actor, { name: 'X', startsOn: '2026-08-01', endsOn: '2027-06-30', themeDa: null, themeEn: null, descriptionDa: null, descriptionEn: null }), { ok: false, error: 'forbidden', detail: undefined });
  const { meetingId } = await seasonWithMeeting(admin, 2);
  assert.equal((await registerForMeeting(db, resident.actor, meetingId, { lang: 'da' })).ok, false);
  assert.equal((await registerForMeeting(db, null, meetingId, { lang: 'da' })).ok, false);
  const r = await registerForMeeting(db, member.actor, meetingId, { lang: 'da' });
  assert.ok(r.ok && r.value.status === 'confirmed');
  const again = await registerForMeeting(db, member.actor, meetingId, { lang: 'da' });
  assert.ok(!again.ok && again.error === 'already_registered');
});

test('registration fills the places, then the waitlist; a cancellation promotes the first waiting; re-registering queues at the back', async () => {
  const admin = await person('admin');
  const { meetingId } = await seasonWithMeeting(admin, 2);
  const people = await Promise.all([1, 2, 3, 4].map(() => person('member')));
  const statuses = [];
  for (const p of people) {
    const r = await registerForMeeting(db, p.actor, meetingId, { lang: 'da' });
    assert.ok(r.ok);
    statuses.push(r.value.status);
  }
  assert.deepEqual(statuses, ['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
  const page = await loadMeetingPage({ db }, people[3]!.actor, meetingId);
  assert.ok(page && page !== 'forbidden' && page.myWaitlistPlace === 2 && page.registrants === null, 'a member sees their place but not the registrants');
  const c = await cancelRegistration(db, people[0]!.actor, meetingId);
  assert.ok(c.ok && c.value.promoted.length === 1);
  let s = await state(meetingId);
  assert.equal(s.confirmedCount, 2);
  assert.deepEqual(s.rows.filter((r) => r.status === 'confirmed').map((r) => r.user_id).sort(), [people[1]!.id, people[2]!.id].sort());
  // The first canceller asks again: they go to the back of the waitlist, behind person 4.
  const back = await registerForMeeting(db, people[0]!.actor, meetingId, { lang: 'da' });
  assert.ok(back.ok && back.value.status === 'waitlisted');
  const cancelWaiting = await cancelRegistration(db, people[3]!.actor, meetingId);
  assert.ok(cancelWaiting.ok && cancelWaiting.value.promoted.length === 0, 'leaving the waitlist promotes nobody');
  // The admin raises the capacity: the waiting person moves up at once.
  const meeting = await db.transaction({ municipalityId: null }, (tx) => sql<{ season_id: number; host_municipality_id: number; starts_at: Date; ends_at: Date }>`select season_id, host_municipality_id, starts_at, ends_at from network_meetings where id = ${meetingId}`.execute(tx));
  const row = meeting.rows[0]!;
  const fields: MeetingFields = { seasonId: row.season_id, hostMunicipalityId: row.host_municipality_id, title: 'Netværksmøde', lang: 'da', startsAt: row.starts_at, endsAt: row.ends_at, place: 'Rådhuset', address: null, agenda: null, isPublic: true, capacity: 3, registrationDeadline: null };
  const raised = await editMeeting(db, admin.actor, meetingId, fields);
  assert.ok(raised.ok && raised.value.promoted.length === 1);
  s = await state(meetingId);
  assert.equal(s.confirmedCount, 3);
  const lowered = await editMeeting(db, admin.actor, meetingId, { ...fields, capacity: 1 });
  assert.ok(!lowered.ok && lowered.error === 'invalid' && lowered.detail.capacity === 'network.meetings.error.capacityBelowRegistered');
  // The admin removes someone: the place is free again (nobody waits).
  const regs = await db.transaction({ municipalityId: null }, (tx) => sql<{ id: number }>`select id from network_registrations where meeting_id = ${meetingId} and status = 'confirmed' order by position limit 1`.execute(tx));
  assert.equal((await cancelRegistrationAsAdmin(db, people[1]!.actor, regs.rows[0]!.id)).ok, false, 'a member cannot remove others');
  assert.ok((await cancelRegistrationAsAdmin(db, admin.actor, regs.rows[0]!.id)).ok);
  assert.equal((await state(meetingId)).confirmedCount, 2);
});

test('deadlines, past meetings, season dates and hosts are checked', async () => {
  const admin = await person('admin');
  const member = await person('member');
  const { meetingId, seasonId, mid } = await seasonWithMeeting(admin, 5, { registrationDeadline: day(1) });
  const late = await registerForMeeting(db, member.actor, meetingId, { lang: 'da', now: day(2) });
  assert.ok(!late.ok && late.error === 'registration_closed');
  const past = await registerForMeeting(db, member.actor, meetingId, { lang: 'da', now: day(11) });
  assert.ok(!past.ok && past.error === 'meeting_past');
  const outside = await createMeeting(db, admin.actor, { seasonId, hostMunicipalityId: mid, title: 'For sent', lang: 'da', startsAt: day(300), endsAt: day(300.1), place: 'X', address: null, agenda: null, isPublic: true, capacity: 5, registrationDeadline: null });
  assert.ok(!outside.ok && outside.detail.date === 'network.meetings.error.outsideSeason');
  const other = await createMunicipality(db, `ikke-medlem-${seq}`);
  const badHost = await createMeeting(db, admin.actor, { seasonId, hostMunicipalityId: other, title: 'Forkert vært', lang: 'da', startsAt: day(5), endsAt: day(5.1), place: 'X', address: null, agenda: null, isPublic: true, capacity: 5, registrationDeadline: null });
  assert.ok(!badHost.ok && badHost.detail.hostMunicipalityId === 'network.meetings.error.hostNotMember');
  const removeHost = await removeSeasonMember(db, admin.actor, seasonId, mid);
  assert.ok(!removeHost.ok && removeHost.error === 'hosts_meetings');
  const early = await writeMinutes(db, admin.actor, meetingId, 'Referat');
  assert.ok(!early.ok && early.error === 'not_held_yet');
  assert.ok((await writeMinutes(db, admin.actor, meetingId, 'Referat', day(11))).ok);
});

test('the directory shows consenting leaders to members, nobody to visitors, and counts the rest', async () => {
  const admin = await person('admin');
  const { seasonId, mid } = await seasonWithMeeting(admin, 5);
  const shown = await person('member', 'Synlig Leder');
  const hidden = await person('member', 'Skjult Leder');
  const resident = await person(null);
  await db.transaction({ municipalityId: null }, (tx) => sql`update accounts_users set show_in_directory = true where id = ${shown.id}`.execute(tx));
  assert.ok((await saveSeasonLeader(db, admin.actor, { seasonId, municipalityId: mid, userId: shown.id, roleText: 'kommunaldirektør' })).ok);
  assert.ok((await saveSeasonLeader(db, admin.actor, { seasonId, municipalityId: mid, userId: hidden.id, roleText: 'direktør' })).ok);
  const notNetwork = await saveSeasonLeader(db, admin.actor, { seasonId, municipalityId: mid, userId: resident.id, roleText: 'x' });
  assert.ok(!notNetwork.ok && notNetwork.error === 'not_a_network_member');
  // The directory is of the current season; this test's season is current only if it is the one picked.
  const now = new Date();
  const forMember = await loadDirectory({ db }, shown.actor, now);
  const entry = forMember.members.find((m) => m.municipalityId === mid);
  if (forMember.season?.id === seasonId) {
    assert.deepEqual(entry?.people, [{ displayName: 'Synlig Leder', roleText: 'kommunaldirektør' }]);
    assert.equal(entry?.notListed, 1);
    const forVisitor = await loadDirectory({ db }, null, now);
    const v = forVisitor.members.find((m) => m.municipalityId === mid);
    assert.deepEqual(v?.people, []);
    assert.equal(forVisitor.showsPeople, false);
  }
});

test('the database refuses over-capacity and duplicate registrations even without the commands', async () => {
  const admin = await person('admin');
  const { meetingId } = await seasonWithMeeting(admin, 1);
  const a = await person('member');
  const b = await person('member');
  await db.transaction({ municipalityId: null }, (tx) => sql`insert into network_registrations (meeting_id, user_id, status, position) values (${meetingId}, ${a.id}, 'confirmed', 1)`.execute(tx));
  await assert.rejects(db.transaction({ municipalityId: null }, (tx) => sql`insert into network_registrations (meeting_id, user_id, status, position) values (${meetingId}, ${b.id}, 'confirmed', 2)`.execute(tx)), /check/);
  await assert.rejects(db.transaction({ municipalityId: null }, (tx) => sql`insert into network_registrations (meeting_id, user_id, status, position) values (${meetingId}, ${a.id}, 'waitlisted', 3)`.execute(tx)), /unique|duplicate/);
});

test('concurrency: 100 parallel registrations for the last 3 places → never over capacity, none lost, waitlist in order; cancellations promote in order', { skip: !onPostgres && 'needs real PostgreSQL (DATABASE_URL)' }, async () => {
  const admin = await person('admin');
  const capacity = 10;
  const { meetingId } = await seasonWithMeeting(admin, capacity);
  const early = await Promise.all(Array.from({ length: capacity - 3 }, () => person('member')));
  for (const p of early) assert.ok((await registerForMeeting(db, p.actor, meetingId, { lang: 'da' })).ok);
  const crowd = await Promise.all(Array.from({ length: 100 }, () => person('member')));
  const results = await Promise.all(crowd.map((p) => registerForMeeting(db, p.actor, meetingId, { lang: 'da' })));
  assert.ok(results.every((r) => r.ok), 'every request got an answer, none failed');
  const statuses = results.map((r) => (r.ok ? r.value.status : 'error'));
  assert.equal(statuses.filter((s) => s === 'confirmed').length, 3);
  assert.equal(statuses.filter((s) => s === 'waitlisted').length, 97);
  const s = await state(meetingId);
  assert.equal(s.rows.length, capacity - 3 + 100, 'no registration lost');
  assert.equal(s.rows.filter((r) => r.status === 'confirmed').length, capacity);
  assert.equal(s.confirmedCount, capacity);
  assert.deepEqual(s.rows.map((r) => r.position), Array.from({ length: s.rows.length }, (_, i) => i + 1), 'positions are 1..n without gaps or repeats');
  const lastConfirmed = Math.max(...s.rows.filter((r) => r.status === 'confirmed').map((r) => r.position));
  const firstWaiting = Math.min(...s.rows.filter((r) => r.status === 'waitlisted').map((r) => r.position));
  assert.ok(lastConfirmed < firstWaiting, 'everyone confirmed asked before everyone waiting');

  // 4 confirmed people cancel at once, and the same person's double click races too: the 4 first waiting move up, in order.
  const waitingBefore = s.rows.filter((r) => r.status === 'waitlisted').map((r) => r.user_id);
  const cancellers = early.slice(0, 4);
  const done = await Promise.all([...cancellers.map((p) => cancelRegistration(db, p.actor, meetingId)), cancelRegistration(db, cancellers[0]!.actor, meetingId)]);
  assert.equal(done.filter((d) => d.ok).length, 4);
  assert.ok(done.every((d) => d.ok || d.error === 'not_registered'));
  const after = await state(meetingId);
  assert.equal(after.confirmedCount, capacity);
  const nowConfirmed = new Set(after.rows.filter((r) => r.status === 'confirmed').map((r) => r.user_id));
  assert.deepEqual(waitingBefore.slice(0, 4).map((u) => nowConfirmed.has(u)), [true, true, true, true]);
  assert.equal(waitingBefore.slice(4).filter((u) => nowConfirmed.has(u)).length, 0);
});

test('concurrency: 50 parallel registrations by the same person hold one place', { skip: !onPostgres && 'needs real PostgreSQL (DATABASE_URL)' }, async () => {
  const admin = await person('admin');
  const { meetingId } = await seasonWithMeeting(admin, 5);
  const p = await person('member');
  const results = await Promise.all(Array.from({ length: 50 }, () => registerForMeeting(db, p.actor, meetingId, { lang: 'da' })));
  assert.equal(results.filter((r) => r.ok).length, 1);
  assert.ok(results.every((r) => r.ok || r.error === 'already_registered'));
  const s = await state(meetingId);
  assert.equal(s.rows.length, 1);
  assert.equal(s.confirmedCount, 1);
});
