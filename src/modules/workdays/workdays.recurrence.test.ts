import { test } from 'node:test';
import assert from 'node:assert/strict';
import { occurrences } from './workdays.recurrence.js';
import { fromLocal } from './workdays.time.js';

test('every second Saturday, seven times, starting from a Wednesday', () => {
  const r = occurrences({ firstDate: '2026-03-11', everyWeeks: 2, weekday: 6, count: 7 });
  assert.ok(r.ok);
  assert.deepEqual(r.value, ['2026-03-14', '2026-03-28', '2026-04-11', '2026-04-25', '2026-05-09', '2026-05-23', '2026-06-06']);
});

test('until a date, inclusive; start on the weekday itself', () => {
  const r = occurrences({ firstDate: '2026-10-03', everyWeeks: 1, weekday: 6, until: '2026-10-31' });
  assert.ok(r.ok);
  assert.deepEqual(r.value, ['2026-10-03', '2026-10-10', '2026-10-17', '2026-10-24', '2026-10-31']);
});

test('count and until together: whichever ends first', () => {
  const r = occurrences({ firstDate: '2026-01-05', everyWeeks: 1, weekday: 1, count: 10, until: '2026-01-19' });
  assert.ok(r.ok);
  assert.equal(r.value.length, 3);
});

test('a round across the October change keeps 10:00 local time', () => {
  const r = occurrences({ firstDate: '2026-10-17', everyWeeks: 1, weekday: 6, count: 3 });
  assert.ok(r.ok);
  const utcHours = r.value.map((d) => {
    const t = fromLocal(d, '10:00', 'Europe/Copenhagen');
    assert.ok(t.ok);
    return t.value.getUTCHours();
  });
  assert.deepEqual(utcHours, [8, 8, 9]);
});

test('bad rules are refused', () => {
  const table: [Parameters<typeof occurrences>[0], string][] = [
    [{ firstDate: '2026-02-30', everyWeeks: 1, weekday: 1, count: 2 }, 'invalid_date'],
    [{ firstDate: '2026-01-01', everyWeeks: 0, weekday: 1, count: 2 }, 'invalid_interval'],
    [{ firstDate: '2026-01-01', everyWeeks: 9, weekday: 1, count: 2 }, 'invalid_interval'],
    [{ firstDate: '2026-01-01', everyWeeks: 1, weekday: 8, count: 2 }, 'invalid_weekday'],
    [{ firstDate: '2026-01-01', everyWeeks: 1, weekday: 1 }, 'no_end'],
    [{ firstDate: '2026-01-01', everyWeeks: 1, weekday: 1, count: 61 }, 'too_many'],
    [{ firstDate: '2026-01-01', everyWeeks: 1, weekday: 1, count: 0 }, 'too_many'],
    [{ firstDate: '2026-01-01', everyWeeks: 1, weekday: 1, until: '2030-01-01' }, 'too_many'],
    [{ firstDate: '2026-01-10', everyWeeks: 1, weekday: 1, until: '2026-01-11' }, 'until_before_start'],
  ];
  for (const [rule, error] of table) assert.deepEqual(occurrences(rule), { ok: false, error }, JSON.stringify(rule));
});
