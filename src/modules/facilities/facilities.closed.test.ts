// Editing a facility and closing days, against a real database: who may, what is refused, that an
// edit never drops bookings, that closing days with bookings needs the explicit list, and that a
// closed day blocks booking — also when closing and booking race (on PostgreSQL: truly in parallel).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Actor, MunicipalRole } from '../../core/auth/actor.js';
import { testDatabase, type TestDatabase } from '../../testing/test-db.js';
import { createMunicipality, createPerson } from '../../testing/actors.js';
import { createFacility } from './commands/create-facility.js';
import { updateFacility } from './commands/update-facility.js';
import { closeDates, type CloseDatesInput } from './commands/close-dates.js';
import { reopenDate } from './commands/reopen-date.js';
import { requestBooking } from './commands/request-booking.js';
import { findFacility, type FacilityFields } from './facilities.repository.js';
import type { Facility } from './facilities.types.js';

const CPH = 'Europe/Copenhagen';
// "Now": Monday 2026-03-02 12:00 in Copenhagen.
const NOW = new Date('2026-03-02T11:00:00Z');
let db: TestDatabase;
let m: number;
let place: { id: number; slug: string; timeZone: string };
let staff: Actor;
let resident: Actor;
let room: Facility;

async function person(roles: [number, MunicipalRole][]): Promise<Actor> {
  const p = await createPerson(db, { roles });
  const map = new Map<number, Set<MunicipalRole>>();
  for (const [mid, r] of roles) map.set(mid, (map.get(mid) ?? new Set()).add(r));
  return { id: p.id, sessionId: 's', displayName: 'P', email: p.email, emailVerified: true, lang: null, networkRole: null, roles: map };
}

const fields = (over: Partial<FacilityFields> = {}): FacilityFields => ({
  slug: 'room',
  kind: 'room',
  name: 'Mødelokalet',
  institution: 'Tørring Bibliotek',
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
  horizonDays: 60,
  priorityHorizonDays: 180,
  cancelDeadlineHours: 24,
  ...over,
});
const { slug: _slug, ...withoutSlug } = fields();
const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensMin: 480, closesMin: 1320 }));
const book = (date: string, start: string, end: string, facilityId = room.id) =>
  requestBooking(db, resident, m, CPH, { facilityId, date, start, end, purpose: 'Strikkeklub', attendees: 5, groupId: null }, NOW);
const close = (over: Partial<CloseDatesInput>) => closeDates(db, staff, place, { facilityId: room.id, from: '2026-03-20', to: '', reason: 'Valg', cancelBookings: null, ...over }, NOW);

before(async () => {
  db = await testDatabase();
  m = await createMunicipality(db, 'fac-closed', 'Lukkekommune');
  place = { id: m, slug: 'fac-closed', timeZone: CPH };
  staff = await person([[m, 'admin']]);
  resident = await person([[m, 'resident']]);
  const r = await createFacility(db, staff, m, fields(), everyDay);
  assert.ok(r.ok);
  room = r.value;
});
after(() => db.destroy());

test('edit: staff only; every field and the week’s hours change; the slug stays', async () => {
  assert.equal((await updateFacility(db, resident, place, room.id, withoutSlug, everyDay, NOW)).ok, false);
  assert.deepEqual(await updateFacility(db, staff, place, 999999, withoutSlug, everyDay, NOW).then((r) => (r.ok ? 'ok' : r.error)), 'facility_not_found');
  const changed = { ...withoutSlug, name: 'Store mødelokale', capacity: 35, needsApproval: true, allowResidents: false, horizonDays: 14, priorityHorizonDays: 90, cancelDeadlineHours: 48, houseRules: 'Ryd op.' };
  const r = await updateFacility(db, staff, place, room.id, changed, [{ weekday: 2, opensMin: 600, closesMin: 1200 }], NOW);
  assert.ok(r.ok);
  assert.equal(r.value.bookingsOutsideHours, 0);
  const stored = await db.transaction({ municipalityId: m }, (tx) => findFacility(tx, m, room.id));
  assert.equal(stored?.slug, 'room');
  assert.equal(stored?.name, 'Store mødelokale');
  assert.equal(stored?.capacity, 35);
  assert.equal(stored?.needsApproval, true);
  assert.equal(stored?.allowResidents, false);
  assert.deepEqual([stored?.horizonDays, stored?.priorityHorizonDays, stored?.cancelDeadlineHours], [14, 90, 48]);
  assert.deepEqual(stored?.hours, [{ weekday: 2, opens: '10:00', closes: '20:00' }]);
  // The database backs up the form: a priority horizon shorter than the ordinary one is refused.
  const bad = await updateFacility(db, staff, place, room.id, { ...withoutSlug, horizonDays: 100, priorityHorizonDays: 30 }, everyDay, NOW);
  assert.deepEqual(bad.ok ? 'ok' : bad.error, 'invalid');
  assert.ok((await updateFacility(db, staff, place, room.id, withoutSlug, everyDay, NOW)).ok, 'back as it was');
});

test('edit: bookings outside new hours are kept and counted, never dropped', async () => {
  const b = await book('2026-03-05', '19:00', '21:00');
  assert.ok(b.ok);
  const r = await updateFacility(db, staff, place, room.id, withoutSlug, everyDay.map((h) => ({ ...h, closesMin: 1080 })), NOW);
  assert.ok(r.ok);
  assert.equal(r.value.bookingsOutsideHours, 1);
  const status = await db.transaction({ municipalityId: m }, (tx) => sql<{ status: string }>`select status from facilities_bookings where id = ${b.value.id}`.execute(tx));
  assert.equal(status.rows[0]?.status, 'confirmed');
  assert.ok((await updateFacility(db, staff, place, room.id, withoutSlug, everyDay, NOW)).ok);
});

test('close: staff only; bad dates, a past day, too long a range and too long a reason are refused', async () => {
  assert.equal((await closeDates(db, resident, place, { facilityId: room.id, from: '2026-03-20', to: '', reason: '', cancelBookings: null }, NOW)).ok, false);
  const cases: [Partial<CloseDatesInput>, string][] = [
    [{ from: '2026-02-30' }, 'invalid_from'],
    [{ from: 'i morgen' }, 'invalid_from'],
    [{ to: '2026-13-01' }, 'invalid_to'],
    [{ to: '2026-03-19' }, 'to_before_from'],
    [{ to: '2026-05-19' }, 'too_long'],
    [{ from: '2026-03-01' }, 'in_past'],
    [{ reason: 'x'.repeat(201) }, 'reason_too_long'],
    [{ facilityId: 999999 }, 'facility_not_found'],
  ];
  for (const [over, code] of cases) {
    const r = await close(over);
    assert.equal(r.ok ? 'ok' : r.error, code, JSON.stringify(over));
  }
  const stored = await db.transaction({ municipalityId: m }, (tx) => findFacility(tx, m, room.id));
  assert.deepEqual(stored?.closed, [], 'nothing stored');
  // 60 days is the most one form closes.
  const sixty = await close({ from: '2026-06-01', to: '2026-07-30' });
  assert.ok(sixty.ok);
  assert.equal(sixty.value.added.length, 60);
  for (let d = 1; d <= 30; d++) assert.ok((await reopenDate(db, staff, m, room.id, `2026-06-${String(d).padStart(2, '0')}`)).ok);
  for (let d = 1; d <= 30; d++) assert.ok((await reopenDate(db, staff, m, room.id, `2026-07-${String(d).padStart(2, '0')}`)).ok);
});

test('a newly closed date blocks booking; reopening it frees the day again', async () => {
  assert.ok((await book('2026-03-23', '10:00', '11:00')).ok, 'bookable before');
  const r = await close({ from: '2026-03-24', reason: 'Vandskade' });
  assert.ok(r.ok);
  assert.deepEqual(r.value.added, ['2026-03-24']);
  const refused = await book('2026-03-24', '10:00', '11:00');
  assert.equal(refused.ok ? 'ok' : refused.error, 'closed_date');
  const again = await close({ from: '2026-03-24' });
  assert.equal(again.ok ? 'ok' : again.error, 'already_closed');
  assert.equal((await reopenDate(db, resident, m, room.id, '2026-03-24')).ok, false, 'residents may not reopen');
  assert.ok((await reopenDate(db, staff, m, room.id, '2026-03-24')).ok);
  const twice = await reopenDate(db, staff, m, room.id, '2026-03-24');
  assert.equal(twice.ok ? 'ok' : twice.error, 'not_closed');
  assert.ok((await book('2026-03-24', '10:00', '11:00')).ok, 'bookable again');
});

test('closing days with bookings: refused with the list; closing anyway with that list cancels them and tells the bookers', async () => {
  const a = await book('2026-03-26', '10:00', '12:00');
  const b = await book('2026-03-27', '18:00', '20:00');
  assert.ok(a.ok && b.ok);
  const first = await close({ from: '2026-03-26', to: '2026-03-28', reason: 'Påskeferie' });
  assert.equal(first.ok ? 'ok' : first.error, 'has_bookings');
  assert.deepEqual(first.ok ? [] : first.detail.bookings?.map((x) => x.id), [a.value.id, b.value.id]);
  let closed = await db.transaction({ municipalityId: m }, (tx) => findFacility(tx, m, room.id));
  assert.equal(closed?.closed.some((c) => c.date === '2026-03-26'), false, 'nothing closed yet');

  // Confirming with only part of the list (a booking arrived after the list was shown) is refused again.
  const partial = await close({ from: '2026-03-26', to: '2026-03-28', reason: 'Påskeferie', cancelBookings: [a.value.id] });
  assert.equal(partial.ok ? 'ok' : partial.error, 'has_bookings');

  const done = await close({ from: '2026-03-26', to: '2026-03-28', reason: 'Påskeferie', cancelBookings: [a.value.id, b.value.id] });
  assert.ok(done.ok);
  assert.deepEqual(done.value.added, ['2026-03-26', '2026-03-27', '2026-03-28']);
  assert.deepEqual(done.value.cancelled.map((x) => [x.id, x.status, x.decisionNote]), [
    [a.value.id, 'cancelled', 'Påskeferie'],
    [b.value.id, 'cancelled', 'Påskeferie'],
  ]);
  closed = await db.transaction({ municipalityId: m }, (tx) => findFacility(tx, m, room.id));
  assert.deepEqual(closed?.closed.filter((c) => c.date >= '2026-03-26' && c.date <= '2026-03-28'), [
    { date: '2026-03-26', reason: 'Påskeferie' },
    { date: '2026-03-27', reason: 'Påskeferie' },
    { date: '2026-03-28', reason: 'Påskeferie' },
  ]);
  const told = await db.transaction({ municipalityId: m }, (tx) =>
    sql<{ n: number }>`select count(*)::int as n from notifications where user_id = ${resident.id} and message_key = 'facilities.notify.closedWithReason'`.execute(tx),
  );
  assert.equal(told.rows[0]?.n, 2);
});

test('concurrency: closing a day while 30 people book it never leaves an active booking on a closed day', async () => {
  const day = '2026-04-08';
  const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
  const [closing, ...bookings] = await Promise.all([
    close({ from: day, reason: 'Rengøring' }),
    ...Array.from({ length: 30 }, (_, i) => book(day, hhmm(480 + i * 20), hhmm(500 + i * 20))),
  ]);
  const rows = await db.transaction({ municipalityId: m }, async (tx) => ({
    closed: (await sql<{ n: number }>`select count(*)::int as n from facilities_closed_dates where facility_id = ${room.id} and day = ${day}`.execute(tx)).rows[0]!.n,
    active: (await sql<{ n: number }>`select count(*)::int as n from facilities_bookings where facility_id = ${room.id} and status in ('pending', 'confirmed') and (starts_at at time zone 'Europe/Copenhagen')::date = ${day}`.execute(tx)).rows[0]!.n,
  }));
  const booked = bookings.filter((r) => r.ok).length;
  const refused = bookings.filter((r) => !r.ok && r.error === 'closed_date').length;
  assert.equal(booked + refused, 30, 'each booking either got in or was told the day is closed');
  if (closing.ok) {
    assert.equal(rows.closed, 1);
    assert.equal(rows.active, 0, 'no booking on the closed day');
    assert.equal(booked, 0);
  } else {
    assert.equal(closing.error, 'has_bookings');
    assert.equal(rows.closed, 0);
    assert.equal(rows.active, booked);
    assert.equal(closing.detail.bookings?.length, booked, 'the list shows every booking that got in first');
  }
});
