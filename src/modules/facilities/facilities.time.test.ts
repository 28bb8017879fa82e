import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, daysBetween, minutesOf, mondayOf, timeOf, weekdayOf } from './facilities.time.js';

// Wall clock ↔ instant and daylight saving are tested with core/time/zoned-time.ts.

test('calendar arithmetic on dates', () => {
  assert.equal(weekdayOf('2026-11-23'), 1);
  assert.equal(weekdayOf('2026-11-29'), 7);
  assert.equal(mondayOf('2026-11-29'), '2026-11-23');
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2026-03-28', 2), '2026-03-30');
  assert.equal(daysBetween('2026-03-28', '2026-03-30'), 2);
  assert.equal(minutesOf('24:00'), 1440);
  assert.equal(timeOf(minutesOf('07:05')), '07:05');
});
