// Commands against a real, freshly migrated database (PGlite, or PostgreSQL when DATABASE_URL is set),
// including the invariant under concurrency: of many overlapping attempts exactly one is confirmed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Actor, MunicipalRole } from '../../core/auth/actor.js';
import { testDatabase, type TestDatabase } from '../../testing/test-db.js';
import { createMunicipality, createPerson } from '../../testing/actors.js';
import { createFacility } from './commands/create-facility.js';
import { requestBooking, type BookingInput } from './commands/request-booking.js';
import { decideBooking, type DecidePlace } from './commands/decide-booking.js';
import { cancelBooking } from './commands/cancel-booking.js';
import { allocateSeasonRequest, copyLastSeason, createSeason, requestSeasonSlot } from './commands/seasons.js';
import type { FacilityFields } from './facilities.repository.js';
import type { Facility } from './facilities.types.js';
import { Catalog } from '../../core/i18n/i18n.js';
import { facilitiesTexts } from './facilities.texts.js';

const CPH = 'Europe/Copenhagen';
let db: TestDatabase;
let m: number;
let place: DecidePlace; // m, for deciding (the notification links to its pages)
let other: number;
let staff: Actor;
let resident: Actor;
let resident2: Actor;
let kitchen: Facility; // needs approval
let meetingRoom: Facility; // books straight away
let groupId: number;
let coordinator: Actor;

async function person(roles: [number, MunicipalRole][]): Promise<Actor> {
  const p = await createPerson(db, { roles });
  const map = new Map<number, Set<MunicipalRole>>();
  for (const [mid, r] of roles) map.set(mid, (map.get(mid) ?? new Set()).add(r));
  return { id: p.id, sessionId: 's', displayName: 'P', email: p.email, emailVerified: true, lang: null, networkRole: null, roles: map };
}

export function facilityFields(overrides: Partial<FacilityFields> = {}): FacilityFields {
  return {
    slug: 'x',
    kind: 'room',
    name: 'Skolekøkkenet',
    institution: 'Tørring Skole',
    address: '',
    description: '',
    capacity: 20,
    accessibility: '',
    houseRules: '',
    depositNote: '',
    needsApproval: false,
    allowResidents: true,
    allowGroups: true,
    allowAssociations: true,
    horizonDays: 30,
    priorityHorizonDays: 180,
    cancelDeadlineHours: 24,
    ...overrides,
  };
}
const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensMin: 0, closesMin: 1440 }));
// "Now" for every test: Monday 2026-03-02 12:00 in Copenhagen, so the DST days are within the priority horizon.
const NOW = new Date('2026-03-02T11:00:00Z');

before(async () => {
  db = await testDatabase();
  m = await createMunicipality(db, 'fac-cmd', 'Fac Kommune');
  place = { id: m, slug: 'fac-cmd', timeZone: CPH };
  other = await createMunicipality(db, 'fac-other', 'Anden Kommune');
  staff = await person([[m, 'facilitator']]);
  resident = await person([[m, 'resident']]);
  resident2 = await person([[m, 'resident']]);
  coordinator = await person([[m, 'resident']]);
  const k = await createFacility(db, staff, m, facilityFields({ slug: 'kitchen', needsApproval: true }), everyDay, [{ date: '2026-03-10', reason: 'Lukket' }]);
  const r = await createFacility(db, staff, m, facilityFields({ slug: 'room', name: 'Mødelokale', capacity: 8 }), [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensMin: 480, closesMin: 1320 })));
  assert.ok(k.ok && r.ok);
  kitchen = k.value;
  meetingRoom = r.value;
  groupId = await db.transaction({ municipalityId: m }, async (tx) => {
    const g = await sql<{ id: number }>`insert into groups (municipality_id, slug, kind, name, membership_policy, cvr) values (${m}, 'idraet', 'association', 'Tørring Idrætsforening', 'open', '12345678') returning id`.execute(tx);
    const id = g.rows[0]!.id;
    await sql`insert into groups_members (municipality_id, group_id, user_id, role, status, joined_at) values (${m}, ${id}, ${coordinator.id}, 'coordinator', 'active', now())`.execute(tx);
    return id;
  });
});
after(() => db.destroy());

const input = (over: Partial<BookingInput> = {}): BookingInput => ({ facilityId: meetingRoom.id, date: '2026-03-04', start: '10:00', end: '12:00', purpose: 'Bestyrelsesmøde', attendees: 6, groupId: null, ...over });

test('facility creation: staff only; capacity must be positive (the database says so too)', async () => {
  assert.equal((await createFacility(db, resident, m, facilityFields({ slug: 'nope' }), [])).ok, false);
  const dup = await createFacility(db, staff, m, facilityFields({ slug: 'kitchen' }), []);
  assert.deepEqual(dup.ok ? null : dup.error, 'slug_taken');
  await assert.rejects(createFacility(db, staff, m, facilityFields({ slug: 'zero', capacity: 0 }), []), /check constraint/);
  await assert.rejects(createFacility(db, staff, m, facilityFields({ slug: 'neg', capacity: -3 }), []), /check constraint/);
});

test('bad input: clear error, nothing stored', async () => {
  const cases: [Partial<BookingInput>, string][] = [
    [{ date: '2026-02-30' }, 'invalid_date'],
    [{ start: '25:00' }, 'invalid_start'],
    [{ end: 'noon' }, 'invalid_end'],
    [{ start: '12:00', end: '10:00' }, 'end_before_start'],
    [{ start: '10:00', end: '10:00' }, 'end_before_start'],
    [{ date: '2026-03-02', start: '09:00', end: '10:00' }, 'in_past'],
    [{ date: '2026-03-01', start: '13:00', end: '14:00' }, 'in_past'],
    [{ start: '07:00', end: '09:00' }, 'outside_hours'],
    [{ start: '21:00', end: '22:30' }, 'outside_hours'],
    [{ date: '2026-03-07' }, 'closed_weekday'],
    [{ facilityId: 0 }, 'facility_not_found'],
    [{ date: '2026-04-20' }, 'beyond_horizon'],
    [{ attendees: 9 }, 'over_capacity'],
    [{ groupId: 999999 }, 'not_group_coordinator'],
    [{ groupId: -1 }, 'not_group_coordinator'],
    [{ facilityId: -1 }, 'facility_not_found'],
  ];
  for (const [over, expected] of cases) {
    const r = await requestBooking(db, resident, m, CPH, input(over), NOW);
    assert.equal(r.ok ? 'ok' : r.error, expected, JSON.stringify(over));
  }
  const closedDate = await requestBooking(db, resident, m, CPH, input({ facilityId: kitchen.id, date: '2026-03-10' }), NOW);
  assert.equal(closedDate.ok ? 'ok' : closedDate.error, 'closed_date');
  assert.equal((await requestBooking(db, null, m, CPH, input(), NOW)).ok, false);
  const count = await db.transaction({ municipalityId: m }, (tx) => sql<{ n: number }>`select count(*)::int as n from facilities_bookings`.execute(tx));
  assert.equal(count.rows[0]?.n, 0);
});

test('daylight saving: a nonexistent time is refused; on the long day a booking over the repeated hour is 2 real hours', async () => {
  const spring = await requestBooking(db, coordinator, m, CPH, input({ facilityId: kitchen.id, date: '2026-03-29', start: '02:30', end: '04:00', groupId }), NOW);
  assert.equal(spring.ok ? 'ok' : spring.error, 'start_nonexistent');
  const springEnd = await requestBooking(db, coordinator, m, CPH, input({ facilityId: kitchen.id, date: '2026-03-29', start: '01:00', end: '02:15', groupId }), NOW);
  assert.equal(springEnd.ok ? 'ok' : springEnd.error, 'end_nonexistent');
  const across = await requestBooking(db, coordinator, m, CPH, input({ facilityId: kitchen.id, date: '2026-03-29', start: '01:00', end: '04:00', groupId }), NOW);
  assert.ok(across.ok);
  assert.equal((across.value.endsAt.getTime() - across.value.startsAt.getTime()) / 3_600_000, 2, 'the spring night loses an hour');
  const autumn = await requestBooking(db, coordinator, m, CPH, input({ facilityId: kitchen.id, date: '2026-09-10', start: '10:00', end: '11:00', groupId }), NOW);
  assert.equal(autumn.ok ? 'ok' : autumn.error, 'beyond_horizon', 'even priority has a horizon');
});

test('priority: a group coordinator books further ahead than a resident', async () => {
  const far = input({ facilityId: kitchen.id, date: '2026-05-05', start: '17:00', end: '19:00' });
  const asResident = await requestBooking(db, resident, m, CPH, far, NOW);
  assert.equal(asResident.ok ? 'ok' : asResident.error, 'beyond_horizon');
  assert.equal(asResident.ok ? null : asResident.detail.horizonDays, 30);
  const notCoordinator = await requestBooking(db, resident, m, CPH, { ...far, groupId }, NOW);
  assert.equal(notCoordinator.ok ? 'ok' : notCoordinator.error, 'not_group_coordinator');
  const asGroup = await requestBooking(db, coordinator, m, CPH, { ...far, groupId }, NOW);
  assert.ok(asGroup.ok);
  assert.equal(asGroup.value.status, 'pending');
  assert.equal(asGroup.value.groupId, groupId);
});

test('priority: a person behind an agreed initiative books further ahead than an ordinary resident', async () => {
  const backer = await person([[m, 'resident']]);
  const idea = await person([[m, 'resident']]);
  await db.transaction({ municipalityId: m }, async (tx) => {
    const add = async (state: string, userId: number) => {
      const r = await sql<{ id: number }>`insert into initiatives (municipality_id, title, problem, proposal, lang, state, created_by)
        values (${m}, 'Fællesspisning', 'Vi mangler et sted', 'Lån skolekøkkenet', 'da', ${state}, ${userId}) returning id`.execute(tx);
      await sql`insert into initiatives_members (municipality_id, initiative_id, user_id, role) values (${m}, ${r.rows[0]!.id}, ${userId}, 'owner')`.execute(tx);
    };
    await add('agreed', backer.id);
    await add('idea', idea.id); // not yet approved: no priority
  });
  const far = input({ facilityId: kitchen.id, date: '2026-05-12', start: '17:00', end: '19:00' });
  const asResident = await requestBooking(db, resident, m, CPH, far, NOW);
  assert.equal(asResident.ok ? 'ok' : asResident.error, 'beyond_horizon');
  const catalog = new Catalog().add(facilitiesTexts);
  const days = asResident.ok ? 0 : (asResident.detail.horizonDays ?? 0);
  assert.equal(catalog.format('da', 'facilities.error.beyond_horizon', { days }), 'Du kan højst booke 30 dage frem.');
  assert.equal(catalog.format('en', 'facilities.error.beyond_horizon', { days }), 'You can book at most 30 days ahead.');
  const withIdea = await requestBooking(db, idea, m, CPH, far, NOW);
  assert.equal(withIdea.ok ? 'ok' : withIdea.error, 'beyond_horizon', 'an initiative that is only an idea gives no priority');
  const asBacker = await requestBooking(db, backer, m, CPH, far, NOW);
  assert.ok(asBacker.ok, asBacker.ok ? '' : asBacker.error);
  assert.equal(asBacker.value.bookedBy, backer.id);
  assert.equal(asBacker.value.groupId, null);
  const tooFar = await requestBooking(db, backer, m, CPH, { ...far, date: '2026-09-10' }, NOW);
  assert.equal(tooFar.ok ? 'ok' : tooFar.error, 'beyond_horizon');
  assert.equal(tooFar.ok ? null : tooFar.detail.horizonDays, 180, 'the priority horizon still ends');
});

test('approval: pending does not block; confirming over a confirmed booking is slot_taken and stays pending', async () => {
  const slot = input({ facilityId: kitchen.id, date: '2026-03-05', start: '16:00', end: '18:00' });
  const a = await requestBooking(db, resident, m, CPH, slot, NOW);
  const b = await requestBooking(db, resident2, m, CPH, { ...slot, start: '17:00', end: '19:00' }, NOW);
  assert.ok(a.ok && b.ok);
  assert.equal(a.value.status, 'pending');
  assert.equal((await decideBooking(db, resident, place, a.value.id, 'approve')).ok, false, 'residents cannot approve');
  const approved = await decideBooking(db, staff, place, a.value.id, 'approve');
  assert.ok(approved.ok);
  assert.equal(approved.value.status, 'confirmed');
  const again = await decideBooking(db, staff, place, a.value.id, 'approve');
  assert.equal(again.ok ? 'ok' : again.error, 'not_pending');
  const clash = await decideBooking(db, staff, place, b.value.id, 'approve');
  assert.equal(clash.ok ? 'ok' : clash.error, 'slot_taken');
  const rejected = await decideBooking(db, staff, place, b.value.id, 'reject', 'Optaget');
  assert.ok(rejected.ok);
  assert.equal(rejected.value.status, 'rejected');
  // Each booker is told, once, in the transaction of the decision (the failed attempts told nobody).
  const told = async (userId: number) =>
    (await db.transaction({ municipalityId: m }, (tx) =>
      sql<{ message_key: string; params: Record<string, string>; link: string }>`select message_key, params, link from notifications
        where municipality_id = ${m} and user_id = ${userId} and message_key like 'facilities.%' order by id`.execute(tx))).rows;
  assert.deepEqual(await told(resident.id), [
    { message_key: 'facilities.notify.approved', params: { facility: 'Skolekøkkenet', date: '2026-03-05', time: '16:00' }, link: '/m/fac-cmd/facilities/bookings' },
  ]);
  assert.deepEqual(await told(resident2.id), [
    { message_key: 'facilities.notify.rejectedWithNote', params: { facility: 'Skolekøkkenet', date: '2026-03-05', time: '17:00', note: 'Optaget' }, link: '/m/fac-cmd/facilities/bookings' },
  ]);
  assert.deepEqual(await told(staff.id), [], 'the one who decides is not notified');
  // Asking for a slot that is already confirmed is refused at once.
  const late = await requestBooking(db, resident2, m, CPH, { ...slot, start: '17:30', end: '18:30' }, NOW);
  assert.equal(late.ok ? 'ok' : late.error, 'slot_taken');
  // Back-to-back is fine: ranges are half-open.
  const next = await requestBooking(db, resident2, m, CPH, { ...slot, start: '18:00', end: '19:00' }, NOW);
  assert.ok(next.ok);
  assert.equal((await decideBooking(db, staff, place, next.value.id, 'approve')).ok, true);
});

test('the database refuses overlapping confirmed bookings even without the command', async () => {
  await db.transaction({ municipalityId: m }, (tx) =>
    sql`insert into facilities_bookings (municipality_id, facility_id, purpose, starts_at, ends_at, status) values (${m}, ${meetingRoom.id}, 'Direkte', '2026-03-06T09:00Z', '2026-03-06T10:00Z', 'confirmed')`.execute(tx),
  );
  await assert.rejects(
    db.transaction({ municipalityId: m }, (tx) =>
      sql`insert into facilities_bookings (municipality_id, facility_id, purpose, starts_at, ends_at, status) values (${m}, ${meetingRoom.id}, 'Direkte 2', '2026-03-06T09:30Z', '2026-03-06T10:30Z', 'confirmed')`.execute(tx),
    ),
    /facilities_bookings_no_overlap|exclusion/,
  );
  await assert.rejects(
    db.transaction({ municipalityId: m }, (tx) =>
      sql`insert into facilities_bookings (municipality_id, facility_id, purpose, starts_at, ends_at, status) values (${m}, ${meetingRoom.id}, 'Baglæns', '2026-03-06T12:00Z', '2026-03-06T11:00Z', 'pending')`.execute(tx),
    ),
    /check constraint|range lower bound/,
  );
  // Tenant wall: another municipality cannot point a booking at this facility.
  await assert.rejects(
    db.transaction({ municipalityId: other }, (tx) =>
      sql`insert into facilities_bookings (municipality_id, facility_id, purpose, starts_at, ends_at, status) values (${other}, ${meetingRoom.id}, 'Smuglet', '2026-03-06T12:00Z', '2026-03-06T13:00Z', 'pending')`.execute(tx),
    ),
  );
});

test('cancel: the booker before the deadline, not after; staff any time; others never', async () => {
  const b = await requestBooking(db, resident, m, CPH, input({ date: '2026-03-04', start: '13:00', end: '14:00' }), NOW);
  assert.ok(b.ok);
  assert.equal(b.value.status, 'confirmed');
  const byOther = await cancelBooking(db, resident2, m, b.value.id, NOW);
  assert.equal(byOther.ok ? 'ok' : byOther.error, 'forbidden');
  const tooLate = await cancelBooking(db, resident, m, b.value.id, new Date('2026-03-03T13:00:00Z'));
  assert.equal(tooLate.ok ? 'ok' : tooLate.error, 'past_deadline');
  const inTime = await cancelBooking(db, resident, m, b.value.id, NOW);
  assert.ok(inTime.ok);
  const twice = await cancelBooking(db, resident, m, b.value.id, NOW);
  assert.equal(twice.ok ? 'ok' : twice.error, 'not_active');
  const c = await requestBooking(db, resident, m, CPH, input({ date: '2026-03-04', start: '13:00', end: '14:00' }), NOW);
  assert.ok(c.ok, 'the cancelled slot is free again');
  assert.ok((await cancelBooking(db, staff, m, c.value.id, new Date('2026-03-04T12:30:00Z'))).ok);
});

test('concurrency: 100 parallel bookings of overlapping slots → exactly one confirmed, 99 slot_taken, none lost', async () => {
  const attempts = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      requestBooking(db, i % 2 ? resident : resident2, m, CPH, input({ date: '2026-03-11', start: i % 3 === 0 ? '10:00' : '10:30', end: i % 3 === 0 ? '11:00' : '11:30', purpose: `Forsøg ${i}` }), NOW),
    ),
  );
  const oks = attempts.filter((r) => r.ok);
  const taken = attempts.filter((r) => !r.ok && r.error === 'slot_taken');
  assert.equal(oks.length, 1);
  assert.equal(taken.length, 99);
  const rows = await db.transaction({ municipalityId: m }, (tx) =>
    sql<{ status: string; n: number }>`select status, count(*)::int as n from facilities_bookings where facility_id = ${meetingRoom.id} and starts_at::date = '2026-03-11' group by status`.execute(tx),
  );
  assert.deepEqual(rows.rows, [{ status: 'confirmed', n: 1 }]);
});

test('concurrency: 100 parallel approvals of overlapping requests → exactly one confirmed, the rest pending with a clear slot_taken', async () => {
  const ids: number[] = [];
  for (let i = 0; i < 100; i++) {
    const r = await requestBooking(db, i % 2 ? resident : resident2, m, CPH, input({ facilityId: kitchen.id, date: '2026-03-12', start: i % 2 ? '16:00' : '16:30', end: '18:00', purpose: `Anmodning ${i}` }), NOW);
    assert.ok(r.ok, r.ok ? '' : r.error);
    ids.push(r.value.id);
  }
  const results = await Promise.all(ids.map((id) => decideBooking(db, staff, place, id, 'approve')));
  assert.equal(results.filter((r) => r.ok).length, 1);
  assert.equal(results.filter((r) => !r.ok && r.error === 'slot_taken').length, 99);
  const rows = await db.transaction({ municipalityId: m }, (tx) =>
    sql<{ status: string; n: number }>`select status, count(*)::int as n from facilities_bookings where facility_id = ${kitchen.id} and starts_at::date = '2026-03-12' group by status order by status`.execute(tx),
  );
  assert.deepEqual(rows.rows, [
    { status: 'confirmed', n: 1 },
    { status: 'pending', n: 99 },
  ]);
});

test('seasons: request a weekly slot, allocate (skipping closed dates), refuse conflicts, copy last season', async () => {
  const autumn = await createSeason(db, staff, m, { name: 'Efterår 2026', startsOn: '2026-09-01', endsOn: '2026-09-30' });
  assert.ok(autumn.ok, JSON.stringify(autumn));
  await db.transaction({ municipalityId: m }, (tx) => sql`insert into facilities_closed_dates (municipality_id, facility_id, day, reason) values (${m}, ${meetingRoom.id}, '2026-09-15', 'Valg')`.execute(tx));
  const notCoordinator = await requestSeasonSlot(db, resident, m, { seasonId: autumn.value.id, facilityId: meetingRoom.id, groupId, weekday: 2, start: '18:00', end: '20:00', purpose: 'Træning' });
  assert.equal(notCoordinator.ok ? 'ok' : notCoordinator.error, 'not_group_coordinator');
  const bad = await requestSeasonSlot(db, coordinator, m, { seasonId: autumn.value.id, facilityId: meetingRoom.id, groupId, weekday: 2, start: '20:00', end: '23:00', purpose: 'Træning' });
  assert.equal(bad.ok ? 'ok' : bad.error, 'outside_hours');
  const req = await requestSeasonSlot(db, coordinator, m, { seasonId: autumn.value.id, facilityId: meetingRoom.id, groupId, weekday: 2, start: '18:00', end: '20:00', purpose: 'Træning' });
  assert.ok(req.ok, JSON.stringify(req));
  const clash = await requestSeasonSlot(db, coordinator, m, { seasonId: autumn.value.id, facilityId: meetingRoom.id, groupId, weekday: 2, start: '19:00', end: '21:00', purpose: 'Bestyrelse' });
  assert.ok(clash.ok, JSON.stringify(clash));
  assert.equal((await allocateSeasonRequest(db, resident, m, CPH, req.value.id, NOW)).ok, false);
  const allocated = await allocateSeasonRequest(db, staff, m, CPH, req.value.id, NOW);
  assert.ok(allocated.ok, JSON.stringify(allocated));
  // Tuesdays in September 2026: 1, 8, 15 (closed), 22, 29.
  assert.deepEqual(allocated.value.dates, ['2026-09-01', '2026-09-08', '2026-09-22', '2026-09-29']);
  const conflict = await allocateSeasonRequest(db, staff, m, CPH, clash.value.id, NOW);
  assert.equal(conflict.ok ? 'ok' : conflict.error, 'slot_taken');
  assert.deepEqual(conflict.ok ? null : conflict.detail.dates, ['2026-09-01', '2026-09-08', '2026-09-22', '2026-09-29']);

  const spring = await createSeason(db, staff, m, { name: 'Forår 2027', startsOn: '2027-01-04', endsOn: '2027-01-31' });
  assert.ok(spring.ok, JSON.stringify(spring));
  const copied = await copyLastSeason(db, staff, m, spring.value.id);
  assert.ok(copied.ok, JSON.stringify(copied));
  assert.equal(copied.value.copied, 1, 'only allocated requests are proposed again');
  const twice = await copyLastSeason(db, staff, m, spring.value.id);
  assert.ok(twice.ok, JSON.stringify(twice));
  assert.equal(twice.value.copied, 0, 'copying twice proposes nothing new');
});
