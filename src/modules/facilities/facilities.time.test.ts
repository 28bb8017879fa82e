import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, candidateInstants, daysBetween, fromWallClock, isAmbiguous, isDate, mondayOf, startOfDay, toWallClock, weekdayOf } from './facilities.time.js';

const CPH = 'Europe/Copenhagen';
const iso = (r: ReturnType<typeof fromWallClock>) => (r.ok ? r.value.toISOString() : r.error);

test('ordinary winter and summer times', () => {
  assert.equal(iso(fromWallClock('2026-01-15', '10:00', CPH)), '2026-01-15T09:00:00.000Z');
  assert.equal(iso(fromWallClock('2026-07-15', '10:00', CPH)), '2026-07-15T08:00:00.000Z');
  assert.equal(iso(fromWallClock('2026-12-31', '23:59', CPH)), '2026-12-31T22:59:00.000Z');
  assert.equal(iso(fromWallClock('2026-01-01', '00:00', CPH)), '2025-12-31T23:00:00.000Z');
});

test('spring forward: 02:00–02:59 does not exist, the minutes around it do', () => {
  // 2026-03-29: 02:00 CET → 03:00 CEST
  assert.equal(iso(fromWallClock('2026-03-29', '01:59', CPH)), '2026-03-29T00:59:00.000Z');
  assert.equal(iso(fromWallClock('2026-03-29', '02:00', CPH)), 'nonexistent_time');
  assert.equal(iso(fromWallClock('2026-03-29', '02:30', CPH)), 'nonexistent_time');
  assert.equal(iso(fromWallClock('2026-03-29', '02:59', CPH)), 'nonexistent_time');
  assert.equal(iso(fromWallClock('2026-03-29', '03:00', CPH)), '2026-03-29T01:00:00.000Z');
});

test('fall back: 02:00–02:59 happens twice; the first (summer time) is taken', () => {
  // 2026-10-25: 03:00 CEST → 02:00 CET
  assert.equal(isAmbiguous('2026-10-25', '02:30', CPH), true);
  assert.deepEqual(candidateInstants('2026-10-25', '02:30', CPH).map((d) => d.toISOString()), ['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']);
  assert.equal(iso(fromWallClock('2026-10-25', '02:30', CPH)), '2026-10-25T00:30:00.000Z');
  assert.equal(iso(fromWallClock('2026-10-25', '01:59', CPH)), '2026-10-24T23:59:00.000Z');
  assert.equal(iso(fromWallClock('2026-10-25', '03:00', CPH)), '2026-10-25T02:00:00.000Z');
  assert.equal(isAmbiguous('2026-10-25', '03:00', CPH), false);
  // A day-long booking on the long day lasts 25 hours, on the short day 23.
  const hours = (d: string) => (startOfDay(addDays(d, 1), CPH).getTime() - startOfDay(d, CPH).getTime()) / 3_600_000;
  assert.equal(hours('2026-10-25'), 25);
  assert.equal(hours('2026-03-29'), 23);
  assert.equal(hours('2026-06-01'), 24);
});

test('bad dates and times are refused', () => {
  for (const [d, t, e] of [
    ['2026-02-30', '10:00', 'invalid_date'],
    ['2026-13-01', '10:00', 'invalid_date'],
    ['26-01-01', '10:00', 'invalid_date'],
    ['2026-01-01', '24:00', 'invalid_time'],
    ['2026-01-01', '9:00', 'invalid_time'],
    ['2026-01-01', '10:60', 'invalid_time'],
    ['2026-01-01', '', 'invalid_time'],
  ] as const) assert.equal(iso(fromWallClock(d, t, CPH)), e, `${d} ${t}`);
  assert.equal(isDate('2028-02-29'), true);
  assert.equal(isDate('2027-02-29'), false);
});

test('round trip through the wall clock, every 20 minutes over both DST days', () => {
  for (const day of ['2026-03-29', '2026-10-25']) {
    const start = startOfDay(day, CPH).getTime();
    for (let t = start; t < start + 26 * 3_600_000; t += 20 * 60_000) {
      const w = toWallClock(new Date(t), CPH);
      const all = candidateInstants(w.date, w.time, CPH).map((d) => d.getTime());
      assert.ok(all.includes(t), `${new Date(t).toISOString()} → ${w.date} ${w.time}`);
    }
  }
});

test('other zones work too', () => {
  assert.equal(iso(fromWallClock('2026-03-08', '02:30', 'America/New_York')), 'nonexistent_time');
  assert.equal(iso(fromWallClock('2026-07-01', '12:00', 'UTC')), '2026-07-01T12:00:00.000Z');
});

test('calendar arithmetic on dates', () => {
  assert.equal(weekdayOf('2026-11-23'), 1);
  assert.equal(weekdayOf('2026-11-29'), 7);
  assert.equal(mondayOf('2026-11-29'), '2026-11-23');
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2026-03-28', 2), '2026-03-30');
  assert.equal(daysBetween('2026-03-28', '2026-03-30'), 2);
});
