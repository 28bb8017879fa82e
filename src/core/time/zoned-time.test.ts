import { test } from 'node:test';
import assert from 'node:assert/strict';
import { candidateInstants, fromWallClock, isAmbiguous, isDate, isTime, isTimeZone, offsetAt, startOfDay, todayIn, toWallClock } from './zoned-time.js';

const CPH = 'Europe/Copenhagen';
const iso = (r: ReturnType<typeof fromWallClock>) => (r.ok ? r.value.toISOString() : r.error);

test('ordinary winter and summer times, both ways', () => {
  const cases: [date: string, time: string, iso: string][] = [
    ['2026-01-15', '10:00', '2026-01-15T09:00:00.000Z'],
    ['2026-07-15', '10:00', '2026-07-15T08:00:00.000Z'],
    ['2026-12-31', '23:59', '2026-12-31T22:59:00.000Z'],
    ['2026-01-01', '00:00', '2025-12-31T23:00:00.000Z'],
    ['2026-03-29', '01:59', '2026-03-29T00:59:00.000Z'],
    ['2026-03-29', '03:00', '2026-03-29T01:00:00.000Z'],
    ['2026-10-25', '01:59', '2026-10-24T23:59:00.000Z'],
    ['2026-10-25', '03:00', '2026-10-25T02:00:00.000Z'],
  ];
  for (const [date, time, expected] of cases) {
    const r = fromWallClock(date, time, CPH);
    assert.equal(iso(r), expected, `${date} ${time}`);
    assert.ok(r.ok);
    assert.deepEqual(toWallClock(r.value, CPH), { date, time });
  }
});

test('spring forward: 02:00–02:59 does not exist, the minutes around it do', () => {
  // 2026-03-29: 02:00 CET → 03:00 CEST
  for (const t of ['02:00', '02:30', '02:59']) assert.equal(iso(fromWallClock('2026-03-29', t, CPH)), 'nonexistent_time', t);
  assert.deepEqual(candidateInstants('2026-03-29', '02:30', CPH), []);
});

test('fall back: 02:00–02:59 happens twice; the first (summer time) is taken', () => {
  // 2026-10-25: 03:00 CEST → 02:00 CET
  assert.equal(isAmbiguous('2026-10-25', '02:30', CPH), true);
  assert.deepEqual(candidateInstants('2026-10-25', '02:30', CPH).map((d) => d.toISOString()), ['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']);
  assert.equal(iso(fromWallClock('2026-10-25', '02:30', CPH)), '2026-10-25T00:30:00.000Z');
  assert.equal(isAmbiguous('2026-10-25', '03:00', CPH), false);
  assert.equal(isAmbiguous('2026-10-25', '01:59', CPH), false);
});

test('a local day lasts 25 hours on the long day, 23 on the short one', () => {
  const hours = (d: string, next: string) => (startOfDay(next, CPH).getTime() - startOfDay(d, CPH).getTime()) / 3_600_000;
  assert.equal(hours('2026-10-25', '2026-10-26'), 25);
  assert.equal(hours('2026-03-29', '2026-03-30'), 23);
  assert.equal(hours('2026-06-01', '2026-06-02'), 24);
  // Havana skipped midnight (00:00 → 01:00) on 2026-03-08: the day starts at 01:00 local.
  assert.equal(toWallClock(startOfDay('2026-03-08', 'America/Havana'), 'America/Havana').time, '01:00');
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
  assert.equal(isTime('23:59'), true);
  assert.equal(isTime('09.30'), false);
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

test('offsets, other zones, UTC and "today"', () => {
  assert.equal(offsetAt(Date.UTC(2026, 6, 1), CPH), 2 * 3600_000);
  assert.equal(offsetAt(Date.UTC(2026, 0, 1), CPH), 3600_000);
  assert.equal(offsetAt(Date.UTC(2026, 0, 1), 'America/New_York'), -5 * 3600_000);
  assert.equal(iso(fromWallClock('2026-03-08', '02:30', 'America/New_York')), 'nonexistent_time');
  assert.equal(iso(fromWallClock('2026-07-01', '12:00', 'UTC')), '2026-07-01T12:00:00.000Z');
  assert.deepEqual(toWallClock(new Date('2026-12-31T23:30:00Z'), CPH), { date: '2027-01-01', time: '00:30' });
  assert.equal(todayIn(new Date('2026-12-31T23:30:00Z'), CPH), '2027-01-01');
  assert.equal(todayIn(new Date('2026-12-31T23:30:00Z'), 'UTC'), '2026-12-31');
  assert.equal(isTimeZone(CPH), true);
  assert.equal(isTimeZone('Mars/Olympus_Mons'), false);
});
