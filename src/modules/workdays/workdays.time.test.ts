import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, fromLocal, isoWeekday, parseDate, toLocal } from './workdays.time.js';

const CPH = 'Europe/Copenhagen';

test('local times in Copenhagen become the right instants, across both daylight-saving changes', () => {
  const cases: [date: string, time: string, iso: string][] = [
    ['2026-01-10', '10:00', '2026-01-10T09:00:00.000Z'],
    ['2026-07-11', '10:00', '2026-07-11T08:00:00.000Z'],
    // Spring forward on 29 March 2026: 01:59 is still winter time, 03:00 already summer time.
    ['2026-03-29', '01:59', '2026-03-29T00:59:00.000Z'],
    ['2026-03-29', '03:00', '2026-03-29T01:00:00.000Z'],
    // Fall back on 25 October 2026: 02:30 happens twice; the first (summer time) is meant.
    ['2026-10-25', '02:30', '2026-10-25T00:30:00.000Z'],
    ['2026-10-25', '03:00', '2026-10-25T02:00:00.000Z'],
    ['2026-12-31', '23:59', '2026-12-31T22:59:00.000Z'],
  ];
  for (const [date, time, iso] of cases) {
    const r = fromLocal(date, time, CPH);
    assert.ok(r.ok, `${date} ${time}`);
    assert.equal(r.value.toISOString(), iso, `${date} ${time}`);
    assert.deepEqual(toLocal(r.value, CPH), { date, time });
  }
});

test('a time in the spring gap does not exist and is refused', () => {
  assert.deepEqual(fromLocal('2026-03-29', '02:30', CPH), { ok: false, error: 'nonexistent_time' });
  assert.deepEqual(fromLocal('2026-03-29', '02:00', CPH), { ok: false, error: 'nonexistent_time' });
});

test('bad dates and times are refused', () => {
  const bad: [string, string, string][] = [
    ['2026-02-30', '10:00', 'invalid_date'],
    ['2026-13-01', '10:00', 'invalid_date'],
    ['26-01-01', '10:00', 'invalid_date'],
    ['2026-01-01', '24:00', 'invalid_time'],
    ['2026-01-01', '9:00', 'invalid_time'],
    ['2026-01-01', '', 'invalid_time'],
  ];
  for (const [d, t, e] of bad) assert.deepEqual(fromLocal(d, t, CPH), { ok: false, error: e }, `${d} ${t}`);
  assert.deepEqual(fromLocal('1899-12-31', '10:00', CPH), { ok: false, error: 'invalid_date' }, 'before 1900 is a typing error');
  const dot = fromLocal('2026-01-01', '09.30', CPH);
  assert.ok(dot.ok, 'a Danish dot separator is accepted');
  assert.equal(dot.value.toISOString(), '2026-01-01T08:30:00.000Z');
});

test('other zones and UTC', () => {
  assert.equal((fromLocal('2026-03-08', '02:30', 'America/New_York') as { ok: false }).ok, false);
  const r = fromLocal('2026-06-01', '12:00', 'UTC');
  assert.ok(r.ok && r.value.toISOString() === '2026-06-01T12:00:00.000Z');
});

test('calendar helpers', () => {
  assert.equal(addDays('2026-02-27', 2), '2026-03-01');
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(isoWeekday('2026-03-28'), 6);
  assert.equal(isoWeekday('2026-03-29'), 7);
  assert.equal(parseDate('2026-02-29'), null);
});
