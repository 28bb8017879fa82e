// The meeting feed's times across daylight saving: the form's Danish wall clock → instant → UTC in the feed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serializeCalendar } from '../../core/ical/ical.js';
import { meetingEvent } from './network.meetings.ical.js';
import { meetingTimes } from './network.meetings.schemas.js';
import type { Meeting } from './network.meetings.types.js';

function meeting(date: string, start: string, end: string): Meeting {
  const t = meetingTimes({ date, startTime: start, endTime: end, deadlineDate: '', deadlineTime: '' });
  assert.ok(t.ok);
  return {
    id: 7, seasonId: 1, hostMunicipalityId: null, title: 'Netværksmøde; sæson 2026, del 1', lang: 'da', startsAt: t.value.startsAt, endsAt: t.value.endsAt,
    place: 'Rådhuset', address: 'Torvet 1, 8300 Odder', agenda: 'Velkomst\nCases', isPublic: true, capacity: 10, confirmedCount: 0,
    registrationDeadline: null, minutes: null, minutesUpdatedAt: null,
  };
}

test('10:00 Danish time is 09:00Z in winter and 08:00Z in summer', () => {
  const winter = meetingEvent('http://x', meeting('2026-03-28', '10:00', '15:00'), null);
  const summer = meetingEvent('http://x', meeting('2026-03-30', '10:00', '15:00'), null);
  assert.equal(winter.start.toISOString(), '2026-03-28T09:00:00.000Z');
  assert.equal(summer.start.toISOString(), '2026-03-30T08:00:00.000Z');
  const autumn = meetingEvent('http://x', meeting('2026-10-26', '10:00', '12:00'), 'Odder Kommune');
  assert.equal(autumn.start.toISOString(), '2026-10-26T09:00:00.000Z');
  const text = serializeCalendar({ prodId: '-//t//t//DA', stamp: new Date('2026-01-01T00:00:00Z'), events: [winter, summer] });
  assert.match(text, /DTSTART:20260328T090000Z\r\n/);
  assert.match(text, /DTSTART:20260330T080000Z\r\n/);
  assert.match(text, /SUMMARY:Netværksmøde\\; sæson 2026\\, del 1/);
  assert.match(text, /UID:network-meeting-7@samskab/);
});

test('a time that does not exist in Denmark (spring gap) is refused; an end before the start too', () => {
  const gap = meetingTimes({ date: '2026-03-29', startTime: '02:30', endTime: '04:00', deadlineDate: '', deadlineTime: '' });
  assert.ok(!gap.ok && gap.errors.startTime === 'network.meetings.error.nonexistentTime');
  const backwards = meetingTimes({ date: '2026-05-01', startTime: '12:00', endTime: '11:00', deadlineDate: '', deadlineTime: '' });
  assert.ok(!backwards.ok && backwards.errors.endTime === 'network.meetings.error.endsBeforeStart');
  const late = meetingTimes({ date: '2026-05-01', startTime: '12:00', endTime: '13:00', deadlineDate: '2026-05-02', deadlineTime: '' });
  assert.ok(!late.ok && late.errors.deadlineDate === 'network.meetings.error.deadlineAfterStart');
  const deadline = meetingTimes({ date: '2026-05-01', startTime: '12:00', endTime: '13:00', deadlineDate: '2026-04-24', deadlineTime: '' });
  assert.ok(deadline.ok && deadline.value.registrationDeadline?.toISOString() === '2026-04-24T21:59:00.000Z');
});
