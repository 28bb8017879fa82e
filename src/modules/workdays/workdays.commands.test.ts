// Commands against a real, freshly migrated database (PGlite, or PostgreSQL when DATABASE_URL is set).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testDatabase, type TestDatabase } from '../../testing/test-db.js';
import { createWorkDay } from './commands/create-work-day.js';
import { signUpForShift } from './commands/sign-up-for-shift.js';
import { cancelSignup, cancelWithToken } from './commands/cancel-signup.js';
import { assignStaff } from './commands/assign-staff.js';
import { recordAttendance } from './commands/record-attendance.js';
import { verifyHours } from './commands/verify-hours.js';
import { setGuestsAllowed } from './commands/set-guests-allowed.js';
import { hoursByGroup, hoursForMunicipality } from './workdays.queries.js';
import { futureDate, municipalityWithGroup, person } from './workdays.testkit.js';
import type { DayFields } from './workdays.repository.js';

let db: TestDatabase;
before(async () => {
  db = await testDatabase();
});
after(async () => {
  await db.destroy();
});

const fields = (groupId: number): DayFields => ({
  title: 'Fælles rengøring',
  description: '',
  lang: 'da',
  groupId,
  initiativeId: null,
  areaId: null,
  address: 'Torvet 1, Hedensted',
  meetingPoint: 'Ved springvandet',
  tasks: 'Samle affald',
  equipment: 'Gribetænger',
  bring: 'Handsker',
});

async function oneShift(mid: number, groupId: number, actor: Parameters<typeof createWorkDay>[1], capacity: number) {
  const r = await createWorkDay(db, actor, { id: mid, timeZone: 'Europe/Copenhagen' }, fields(groupId), {
    date: futureDate(),
    startTime: '09:00',
    endTime: '12:00',
    shifts: [{ label: 'Formiddag', startTime: '09:00', endTime: '12:00', capacity }],
    repeat: null,
  });
  assert.ok(r.ok, JSON.stringify(r));
  const s = await db.transaction({ municipalityId: mid }, (tx) => sql<{ id: number }>`select id from workdays_shifts where day_id = ${r.value.dayIds[0]}`.execute(tx));
  return { dayId: r.value.dayIds[0]!, shiftId: s.rows[0]!.id };
}

async function counts(mid: number, shiftId: number) {
  return db.transaction({ municipalityId: mid }, async (tx) => {
    const r = await sql<{ status: string; user_id: number; position: string }>`select status, user_id, position from workdays_signups where shift_id = ${shiftId} order by position`.execute(tx);
    const c = await sql<{ confirmed_count: number }>`select confirmed_count from workdays_shifts where id = ${shiftId}`.execute(tx);
    return { rows: r.rows, confirmedCount: c.rows[0]!.confirmed_count };
  });
}

test('a recurring round: every second Saturday, 7 times, same local time across the October change', async () => {
  const { mid, groupId, coordinator } = await municipalityWithGroup(db, 'round-kommune');
  const r = await createWorkDay(db, coordinator.actor, { id: mid, timeZone: 'Europe/Copenhagen' }, fields(groupId), {
    date: '2030-10-05',
    startTime: '10:00',
    endTime: '13:00',
    shifts: [
      { label: 'Første hold', startTime: '10:00', endTime: '11:30', capacity: 5 },
      { label: 'Andet hold', startTime: '11:30', endTime: '13:00', capacity: 5 },
    ],
    repeat: { everyWeeks: 2, count: 7, until: null },
  });
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.value.dayIds.length, 7);
  const days = await db.transaction({ municipalityId: mid }, (tx) => sql<{ starts_at: Date }>`select starts_at from workdays_days where round_id = ${r.value.roundId} order by starts_at`.execute(tx));
  assert.deepEqual(days.rows.map((d) => d.starts_at.toISOString()), [
    '2030-10-05T08:00:00.000Z',
    '2030-10-19T08:00:00.000Z',
    '2030-11-02T09:00:00.000Z',
    '2030-11-16T09:00:00.000Z',
    '2030-11-30T09:00:00.000Z',
    '2030-12-14T09:00:00.000Z',
    '2030-12-28T09:00:00.000Z',
  ]);
});

test('bad input: end before start, past, spring gap, shift outside the day; nothing stored', async () => {
  const { mid, groupId, coordinator } = await municipalityWithGroup(db, 'bad-kommune');
  const base = { date: futureDate(), startTime: '09:00', endTime: '12:00', shifts: [{ label: 'A', startTime: '09:00', endTime: '12:00', capacity: 3 }], repeat: null };
  const m = { id: mid, timeZone: 'Europe/Copenhagen' };
  const cases: [Partial<typeof base> & Record<string, unknown>, string, string][] = [
    [{ endTime: '08:00' }, 'endTime', 'workdays.error.endBeforeStart'],
    [{ date: '2020-01-04' }, 'date', 'workdays.error.inPast'],
    [{ date: '2031-03-30', startTime: '02:30', shifts: [{ label: 'A', startTime: '03:00', endTime: '04:00', capacity: 1 }] }, 'startTime', 'workdays.error.nonexistentTime'],
    [{ shifts: [{ label: 'A', startTime: '08:00', endTime: '10:00', capacity: 3 }] }, 'shift1Start', 'workdays.error.shiftOutsideDay'],
    [{ shifts: [{ label: 'A', startTime: '11:00', endTime: '10:00', capacity: 3 }] }, 'shift1End', 'workdays.error.endBeforeStart'],
    [{ shifts: [] }, 'shift1Label', 'workdays.error.noShifts'],
  ];
  for (const [change, field, key] of cases) {
    const r = await createWorkDay(db, coordinator.actor, m, fields(groupId), { ...base, ...change } as never);
    assert.ok(!r.ok && r.error === 'invalid', JSON.stringify(change));
    assert.equal(r.detail[field], key, JSON.stringify(change));
  }
  // Capacity 0 or below is refused by the database as well as by the form.
  await assert.rejects(createWorkDay(db, coordinator.actor, m, fields(groupId), { ...base, shifts: [{ label: 'A', startTime: '09:00', endTime: '12:00', capacity: 0 }] }));
  const stored = await db.transaction({ municipalityId: mid }, (tx) => sql<{ n: string }>`select count(*) as n from workdays_days`.execute(tx));
  assert.equal(Number(stored.rows[0]!.n), 0);
});

test('residents cannot create work days; a group from another municipality is refused', async () => {
  const { mid, groupId } = await municipalityWithGroup(db, 'perm-kommune');
  const resident = await person(db, mid, ['resident']);
  const schedule = { date: futureDate(), startTime: '09:00', endTime: '12:00', shifts: [{ label: 'A', startTime: '09:00', endTime: '12:00', capacity: 3 }], repeat: null };
  const r = await createWorkDay(db, resident.actor, { id: mid, timeZone: 'Europe/Copenhagen' }, fields(groupId), schedule);
  assert.deepEqual(r.ok ? null : r.error, 'forbidden');
  const other = await municipalityWithGroup(db, 'other-kommune');
  const facilitator = await person(db, mid, ['facilitator']);
  const x = await createWorkDay(db, facilitator.actor, { id: mid, timeZone: 'Europe/Copenhagen' }, fields(other.groupId + 1000), schedule);
  assert.ok(!x.ok && x.error === 'invalid');
});

test('sign-up, waitlist, cancellation promotes the first waitlisted; one place per person', async () => {
  const { mid, groupId, coordinator } = await municipalityWithGroup(db, 'wait-kommune');
  const { dayId, shiftId } = await oneShift(mid, groupId, coordinator.actor, 2);
  const people = await Promise.all([0, 1, 2, 3].map(() => person(db, mid, ['resident'])));
  const results = [];
  for (const p of people) results.push(await signUpForShift(db, p.actor, mid, shiftId, { kind: 'user', userId: p.id }, { lang: 'da' }));
  assert.deepEqual(results.map((r) => (r.ok ? r.value.status : r.error)), ['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
  const again = await signUpForShift(db, people[0]!.actor, mid, shiftId, { kind: 'user', userId: people[0]!.id }, { lang: 'da' });
  assert.deepEqual(again.ok ? null : again.error, 'already_signed_up');
  const someoneElse = await signUpForShift(db, people[1]!.actor, mid, shiftId, { kind: 'user', userId: people[0]!.id }, { lang: 'da' });
  assert.deepEqual(someoneElse.ok ? null : someoneElse.error, 'forbidden');

  const first = results[0]!;
  assert.ok(first.ok);
  const c = await cancelSignup(db, people[0]!.actor, mid, first.value.signupId);
  assert.ok(c.ok);
  const third = results[2]!;
  assert.ok(third.ok);
  assert.equal(c.value.promotedSignupId, third.value.signupId);
  const after1 = await counts(mid, shiftId);
  assert.equal(after1.confirmedCount, 2);
  assert.deepEqual(after1.rows.map((r) => r.status), ['cancelled', 'confirmed', 'confirmed', 'waitlisted']);
  // Others cannot cancel someone's place; cancelling twice is refused.
  const r2 = results[1]!;
  assert.ok(r2.ok);
  assert.deepEqual(((await cancelSignup(db, people[3]!.actor, mid, r2.value.signupId)) as { error: string }).error, 'forbidden');
  assert.deepEqual(((await cancelSignup(db, people[0]!.actor, mid, first.value.signupId)) as { error: string }).error, 'already_cancelled');
  // Signing up again after cancelling goes to the back of the queue.
  const back = await signUpForShift(db, people[0]!.actor, mid, shiftId, { kind: 'user', userId: people[0]!.id }, { lang: 'da' });
  assert.ok(back.ok && back.value.status === 'waitlisted');
  void dayId;
});

test('guests only when the municipality allows it; their token cancels once', async () => {
  const { mid, groupId, coordinator } = await municipalityWithGroup(db, 'guest-kommune');
  const { shiftId } = await oneShift(mid, groupId, coordinator.actor, 1);
  const guest = { kind: 'guest' as const, name: 'Gæst', email: 'Gaest@Example.dk' };
  const no = await signUpForShift(db, null, mid, shiftId, guest, { lang: 'da' });
  assert.deepEqual(no.ok ? null : no.error, 'guests_not_allowed');
  const admin = await person(db, mid, ['admin']);
  assert.ok((await setGuestsAllowed(db, admin.actor, mid, true)).ok);
  const yes = await signUpForShift(db, null, mid, shiftId, guest, { lang: 'da' });
  assert.ok(yes.ok && yes.value.status === 'confirmed' && yes.value.cantComeToken);
  const dup = await signUpForShift(db, null, mid, shiftId, { ...guest, email: 'gaest@example.dk' }, { lang: 'da' });
  assert.deepEqual(dup.ok ? null : dup.error, 'already_signed_up');
  const waiting = await person(db, mid, ['resident']);
  const w = await signUpForShift(db, waiting.actor, mid, shiftId, { kind: 'user', userId: waiting.id }, { lang: 'da' });
  assert.ok(w.ok && w.value.status === 'waitlisted');
  const c = await cancelWithToken(db, mid, yes.value.cantComeToken);
  assert.ok(c.ok && c.value.promotedSignupId === w.value.signupId);
  const c2 = await cancelWithToken(db, mid, yes.value.cantComeToken);
  assert.deepEqual(c2.ok ? null : c2.error, 'token_used');
  assert.deepEqual(((await cancelWithToken(db, mid, 'x'.repeat(43))) as { error: string }).error, 'not_found');
});

test('staff are assigned by a facilitator, never waitlisted; attendance, verification and totals', async () => {
  const { mid, groupId, coordinator } = await municipalityWithGroup(db, 'hours-kommune');
  const facilitator = await person(db, mid, ['facilitator']);
  const staff = await person(db, mid, ['resident'], 'Medarbejder');
  const { dayId, shiftId } = await oneShift(mid, groupId, coordinator.actor, 2);
  assert.deepEqual(((await assignStaff(db, coordinator.actor, mid, shiftId, staff.email)) as { error: string }).error, 'forbidden');
  assert.deepEqual(((await assignStaff(db, facilitator.actor, mid, shiftId, 'nobody@example.dk')) as { error: string }).error, 'unknown_person');
  assert.ok((await assignStaff(db, facilitator.actor, mid, shiftId, staff.email)).ok);
  const resident = await person(db, mid, ['resident']);
  const s = await signUpForShift(db, resident.actor, mid, shiftId, { kind: 'user', userId: resident.id }, { lang: 'da' });
  assert.ok(s.ok && s.value.status === 'confirmed');
  const staff2 = await person(db, mid, ['resident']);
  assert.deepEqual(((await assignStaff(db, facilitator.actor, mid, shiftId, staff2.email)) as { error: string }).error, 'shift_full');

  // Move the day into the past so attendance can be taken.
  await db.transaction({ municipalityId: mid }, (tx) =>
    sql`update workdays_days set starts_at = starts_at - interval '30 days', ends_at = ends_at - interval '30 days' where id = ${dayId}`.execute(tx),
  );
  const signups = await counts(mid, shiftId);
  const staffRow = await db.transaction({ municipalityId: mid }, (tx) => sql<{ id: number; user_id: number }>`select id, user_id from workdays_signups where shift_id = ${shiftId}`.execute(tx));
  const entries = staffRow.rows.map((r) => ({ signupId: r.id, attended: true, minutes: Number(r.user_id) === resident.id ? 150 : null }));
  const rec = await recordAttendance(db, coordinator.actor, mid, dayId, entries);
  assert.ok(rec.ok && rec.value.updated === 2, JSON.stringify(rec));
  const tooLong = await recordAttendance(db, coordinator.actor, mid, dayId, [{ signupId: entries[0]!.signupId, attended: true, minutes: 1000 }]);
  assert.deepEqual(tooLong.ok ? null : tooLong.error, 'too_long');
  const outsider = await person(db, mid, ['resident']);
  assert.deepEqual(((await recordAttendance(db, outsider.actor, mid, dayId, entries)) as { error: string }).error, 'forbidden');

  const before = await db.transaction({ municipalityId: mid }, (tx) => hoursForMunicipality(tx, mid));
  assert.equal(before.minutes, 0, 'unverified hours do not count');
  assert.deepEqual(((await verifyHours(db, coordinator.actor, mid, dayId)) as { error: string }).error, 'forbidden');
  const v = await verifyHours(db, facilitator.actor, mid, dayId);
  assert.ok(v.ok && v.value.verified === 2);
  const total = await db.transaction({ municipalityId: mid }, (tx) => hoursForMunicipality(tx, mid));
  assert.deepEqual(total, { minutes: 150, people: 1 }, 'staff hours are work, not volunteering');
  const byGroup = await db.transaction({ municipalityId: mid }, (tx) => hoursByGroup(tx, mid));
  assert.deepEqual(byGroup, [{ key: groupId, minutes: 150, people: 1 }]);
  void signups;
});

test('concurrency: 120 parallel sign-ups for the last 3 places → never over capacity, none lost, waitlist in order', async () => {
  const { mid, groupId, coordinator } = await municipalityWithGroup(db, 'rush-kommune');
  const capacity = 10;
  const { shiftId } = await oneShift(mid, groupId, coordinator.actor, capacity);
  const early = await Promise.all(Array.from({ length: capacity - 3 }, () => person(db, mid, ['resident'])));
  for (const p of early) assert.ok((await signUpForShift(db, p.actor, mid, shiftId, { kind: 'user', userId: p.id }, { lang: 'da' })).ok);
  const crowd = await Promise.all(Array.from({ length: 120 }, () => person(db, mid, ['resident'])));
  const results = await Promise.all(crowd.map((p) => signUpForShift(db, p.actor, mid, shiftId, { kind: 'user', userId: p.id }, { lang: 'da' })));
  assert.ok(results.every((r) => r.ok), 'every request got an answer, none failed');
  const statuses = results.map((r) => (r.ok ? r.value.status : 'error'));
  assert.equal(statuses.filter((s) => s === 'confirmed').length, 3);
  assert.equal(statuses.filter((s) => s === 'waitlisted').length, 117);
  const state = await counts(mid, shiftId);
  assert.equal(state.rows.length, capacity - 3 + 120, 'no sign-up lost');
  assert.equal(state.rows.filter((r) => r.status === 'confirmed').length, capacity);
  assert.equal(state.confirmedCount, capacity);
  const positions = state.rows.map((r) => Number(r.position));
  assert.deepEqual(positions, Array.from({ length: positions.length }, (_, i) => i + 1), 'positions are 1..n without gaps or repeats');
  // Everyone confirmed asked before everyone waiting.
  const lastConfirmed = Math.max(...state.rows.filter((r) => r.status === 'confirmed').map((r) => Number(r.position)));
  const firstWaiting = Math.min(...state.rows.filter((r) => r.status === 'waitlisted').map((r) => Number(r.position)));
  assert.ok(lastConfirmed < firstWaiting);

  // 5 confirmed people cancel at once: the 5 first on the waitlist move up, in order.
  const confirmedIds = results.flatMap((r) => (r.ok && r.value.status === 'confirmed' ? [r.value.signupId] : []));
  const cancellers = early.slice(0, 2).map((p) => p);
  const earlySignups = await db.transaction({ municipalityId: mid }, (tx) =>
    sql<{ id: number; user_id: number }>`select id, user_id from workdays_signups where shift_id = ${shiftId} and user_id = any(${cancellers.map((p) => p.id)}::bigint[])`.execute(tx),
  );
  const byUser = new Map(crowd.map((p) => [p.id, p]));
  const cancels = [
    ...earlySignups.rows.map((r) => cancelSignup(db, cancellers.find((p) => p.id === Number(r.user_id))!.actor, mid, r.id)),
    ...confirmedIds.map((id) => {
      const i = results.findIndex((r) => r.ok && r.value.signupId === id);
      return cancelSignup(db, byUser.get(crowd[i]!.id)!.actor, mid, id);
    }),
  ];
  const done = await Promise.all(cancels);
  assert.ok(done.every((d) => d.ok));
  const afterCancel = await counts(mid, shiftId);
  assert.equal(afterCancel.confirmedCount, capacity);
  const waitingBefore = state.rows.filter((r) => r.status === 'waitlisted').map((r) => Number(r.user_id));
  const nowConfirmed = new Set(afterCancel.rows.filter((r) => r.status === 'confirmed').map((r) => Number(r.user_id)));
  assert.deepEqual(waitingBefore.slice(0, 5).map((u) => nowConfirmed.has(u)), [true, true, true, true, true]);
  assert.equal(waitingBefore.slice(5).filter((u) => nowConfirmed.has(u)).length, 0);
});

test('concurrency: 100 parallel sign-ups by the same person hold one place', async () => {
  const { mid, groupId, coordinator } = await municipalityWithGroup(db, 'same-kommune');
  const { shiftId } = await oneShift(mid, groupId, coordinator.actor, 5);
  const p = await person(db, mid, ['resident']);
  const results = await Promise.all(Array.from({ length: 100 }, () => signUpForShift(db, p.actor, mid, shiftId, { kind: 'user', userId: p.id }, { lang: 'da' })));
  assert.equal(results.filter((r) => r.ok).length, 1);
  assert.ok(results.every((r) => r.ok || r.error === 'already_signed_up'));
  const state = await counts(mid, shiftId);
  assert.equal(state.rows.length, 1);
  assert.equal(state.confirmedCount, 1);
});

test('the database refuses over-capacity writes even without the command', async () => {
  const { mid, groupId, coordinator } = await municipalityWithGroup(db, 'db-kommune');
  const { shiftId } = await oneShift(mid, groupId, coordinator.actor, 1);
  const a = await person(db, mid, ['resident']);
  const b = await person(db, mid, ['resident']);
  await db.transaction({ municipalityId: mid }, (tx) => sql`insert into workdays_signups (municipality_id, shift_id, user_id, status, position) values (${mid}, ${shiftId}, ${a.id}, 'confirmed', 1)`.execute(tx));
  await assert.rejects(
    db.transaction({ municipalityId: mid }, (tx) => sql`insert into workdays_signups (municipality_id, shift_id, user_id, status, position) values (${mid}, ${shiftId}, ${b.id}, 'confirmed', 2)`.execute(tx)),
    /workdays_shifts_check|confirmed_count|check/,
  );
  await assert.rejects(
    db.transaction({ municipalityId: mid }, (tx) => sql`insert into workdays_signups (municipality_id, shift_id, user_id, status, position) values (${mid}, ${shiftId}, ${a.id}, 'waitlisted', 3)`.execute(tx)),
    /unique|duplicate/,
  );
});
