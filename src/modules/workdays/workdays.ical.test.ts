import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calendar, escapeText, foldLine } from './workdays.ical.js';

test('escapes text and folds long lines at 75 octets without splitting characters', () => {
  assert.equal(escapeText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
  const long = `SUMMARY:${'æ'.repeat(60)}`;
  const folded = foldLine(long);
  for (const l of folded.split('\r\n')) assert.ok(Buffer.byteLength(l) <= 75);
  assert.equal(folded.split('\r\n').map((l, i) => (i === 0 ? l : l.slice(1))).join(''), long);
});

test('a calendar with one event, times in UTC, CRLF line ends', () => {
  const ics = calendar('Rengøring', [{ uid: 'day-1@samskab', start: new Date('2030-10-05T08:00:00Z'), end: new Date('2030-10-05T11:00:00Z'), summary: 'Fælles rengøring, Torvet', location: 'Torvet 1' }], new Date('2030-01-01T00:00:00Z'));
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /\r\nDTSTART:20301005T080000Z\r\n/);
  assert.match(ics, /\r\nSUMMARY:Fælles rengøring\\, Torvet\r\n/);
  assert.match(ics, /END:VCALENDAR\r\n$/);
  assert.ok(!/[^\r]\n/.test(ics));
});
