import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSlot, freeIntervals, openingOn, type OpeningHours } from './facilities.opening.js';

// Monday–Friday 08:00–22:00, Saturday 10:00–16:00, Sunday closed.
const hours: OpeningHours[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '22:00' }));
hours.push({ weekday: 6, opens: '10:00', closes: '16:00' });
const closed = [{ date: '2026-12-24', reason: 'Juleaften' }];

test('checkSlot, table', () => {
  const cases: [date: string, start: string, end: string, expected: string][] = [
    ['2026-11-23', '08:00', '22:00', 'ok'], // Monday, the whole day
    ['2026-11-23', '10:00', '12:00', 'ok'],
    ['2026-11-23', '07:59', '09:00', 'outside_hours'],
    ['2026-11-23', '21:00', '22:01', 'outside_hours'],
    ['2026-11-23', '12:00', '10:00', 'end_before_start'],
    ['2026-11-23', '10:00', '10:00', 'end_before_start'],
    ['2026-11-28', '10:00', '16:00', 'ok'], // Saturday
    ['2026-11-28', '09:00', '11:00', 'outside_hours'],
    ['2026-11-29', '10:00', '11:00', 'closed_weekday'], // Sunday
    ['2026-12-24', '10:00', '11:00', 'closed_date'], // a Thursday, but closed
    ['2026-12-24', '11:00', '10:00', 'end_before_start'],
  ];
  for (const [date, start, end, expected] of cases) {
    const r = checkSlot(hours, closed, date, start, end);
    assert.equal(r.ok ? 'ok' : r.error, expected, `${date} ${start}–${end}`);
  }
});

test('closing at 24:00 allows a slot to midnight', () => {
  const late: OpeningHours[] = [{ weekday: 5, opens: '18:00', closes: '24:00' }];
  assert.equal(checkSlot(late, [], '2026-11-27', '20:00', '24:00').ok, true);
  assert.deepEqual(openingOn(late, [], '2026-11-27'), { opens: 1080, closes: 1440 });
});

test('freeIntervals subtracts busy time, clipped to opening hours', () => {
  assert.deepEqual(freeIntervals({ start: 480, end: 1320 }, []), [{ start: 480, end: 1320 }]);
  assert.deepEqual(
    freeIntervals({ start: 480, end: 1320 }, [
      { start: 600, end: 720 },
      { start: 700, end: 780 },
      { start: 1300, end: 1400 },
      { start: 100, end: 200 },
    ]),
    [
      { start: 480, end: 600 },
      { start: 780, end: 1300 },
    ],
  );
  assert.deepEqual(freeIntervals({ start: 480, end: 600 }, [{ start: 400, end: 700 }]), []);
  assert.deepEqual(freeIntervals(null, []), []);
});
