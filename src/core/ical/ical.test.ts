import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeText, foldLine, formatUtc, serializeCalendar } from './ical.js';

test('TEXT escaping of backslash, semicolon, comma and newlines (LF, CRLF and lone CR)', () => {
  assert.equal(escapeText('a\\b;c,d\ne\r\nf\rg'), 'a\\\\b\\;c\\,d\\ne\\nf\\ng');
  assert.equal(escapeText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
  assert.equal(escapeText('Skolekøkken: kl. 10 <b>'), 'Skolekøkken: kl. 10 <b>', 'colons and HTML are left alone');
  assert.equal(escapeText('\\,'), '\\\\\\,', 'a backslash is escaped once, before the comma');
});

test('UTC date-time form, milliseconds dropped', () => {
  assert.equal(formatUtc(new Date('2026-11-27T08:05:09.123Z')), '20261127T080509Z');
  assert.equal(formatUtc(new Date('2026-03-29T01:00:00+02:00')), '20260328T230000Z');
});

test('folding: at most 75 octets per line, never inside a UTF-8 character, unfolds to the original', () => {
  for (const line of [`SUMMARY:${'æøå'.repeat(40)}`, `SUMMARY:${'æ'.repeat(60)}`, `SUMMARY:a${'€'.repeat(50)}`, `X:${'😀'.repeat(40)}`]) {
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    assert.ok(parts.length > 1);
    for (const p of parts) assert.ok(Buffer.byteLength(p, 'utf8') <= 75, `${Buffer.byteLength(p)} octets`);
    for (const p of parts) assert.ok(!p.includes('\uFFFD') && Buffer.from(p, 'utf8').toString('utf8') === p, 'whole characters only');
    for (const p of parts.slice(1)) assert.equal(p[0], ' ');
    assert.equal(folded.replace(/\r\n /g, ''), line);
  }
  assert.equal(foldLine('SHORT:x'), 'SHORT:x');
  assert.equal(foldLine(''), '');
  const exact = `X:${'a'.repeat(73)}`;
  assert.equal(foldLine(exact), exact, 'exactly 75 octets stays on one line');
  assert.equal(foldLine(`${exact}b`), `${exact}\r\n b`);
  const long = 'a'.repeat(75 + 74 + 1);
  assert.deepEqual(foldLine(long).split('\r\n').map((p) => p.length), [75, 75, 2], 'continuations carry 74 octets after the space');
});

test('a calendar with CRLF everywhere, UID, DTSTAMP and UTC times', () => {
  const text = serializeCalendar({
    prodId: '-//Samskab//Facilities//DA',
    name: 'Skolekøkkenet, Tørring',
    stamp: new Date('2026-11-27T10:00:00Z'),
    events: [
      { uid: 'booking-1@x.dk', start: new Date('2026-12-01T16:00:00Z'), end: new Date('2026-12-01T18:00:00Z'), summary: 'Fællesspisning; alle, velkomne', status: 'CONFIRMED', description: 'Linje 1\nLinje 2', location: 'Torvet 1, Tørring' },
    ],
  });
  assert.match(text, /^BEGIN:VCALENDAR\r\n/);
  assert.match(text, /END:VCALENDAR\r\n$/);
  assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
  assert.equal(text.replace(/\r\n/g, '').includes('\r'), false, 'no bare CR');
  const lines = text.replace(/\r\n /g, '').split('\r\n');
  assert.deepEqual(lines.slice(0, 5), ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Samskab//Facilities//DA', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']);
  assert.ok(lines.includes('X-WR-CALNAME:Skolekøkkenet\\, Tørring'));
  assert.ok(lines.includes('UID:booking-1@x.dk'));
  assert.ok(lines.includes('DTSTAMP:20261127T100000Z'));
  assert.ok(lines.includes('DTSTART:20261201T160000Z'));
  assert.ok(lines.includes('DTEND:20261201T180000Z'));
  assert.ok(lines.includes('SUMMARY:Fællesspisning\\; alle\\, velkomne'));
  assert.ok(lines.includes('DESCRIPTION:Linje 1\\nLinje 2'));
  assert.ok(lines.includes('LOCATION:Torvet 1\\, Tørring'));
  assert.ok(lines.includes('STATUS:CONFIRMED'));
  assert.equal(lines.at(-2), 'END:VCALENDAR');
  assert.equal(lines.at(-1), '');
  assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 1);
});

test('the exact text of a feed: property order, optional properties left out, long lines folded', () => {
  const text = serializeCalendar({
    prodId: '-//Samskab//Workdays//DA',
    name: 'Rengøring',
    stamp: new Date('2030-01-01T00:00:00Z'),
    events: [
      { uid: 'day-1@samskab', start: new Date('2030-10-05T08:00:00Z'), end: new Date('2030-10-05T11:00:00Z'), summary: 'Fælles rengøring, Torvet', description: '', location: 'Torvet 1', url: 'https://x.dk/d/1', status: 'CONFIRMED' },
      { uid: 'day-2@samskab', start: new Date('2030-10-06T08:00:00Z'), end: new Date('2030-10-06T11:00:00Z'), summary: 'æ'.repeat(40), status: 'CANCELLED' },
    ],
  });
  assert.equal(
    text,
    [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Samskab//Workdays//DA', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:Rengøring',
      'BEGIN:VEVENT', 'UID:day-1@samskab', 'DTSTAMP:20300101T000000Z', 'DTSTART:20301005T080000Z', 'DTEND:20301005T110000Z',
      'SUMMARY:Fælles rengøring\\, Torvet', 'LOCATION:Torvet 1', 'URL:https://x.dk/d/1', 'STATUS:CONFIRMED', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:day-2@samskab', 'DTSTAMP:20300101T000000Z', 'DTSTART:20301006T080000Z', 'DTEND:20301006T110000Z',
      `SUMMARY:${'æ'.repeat(33)}`, ` ${'æ'.repeat(7)}`, 'STATUS:CANCELLED', 'END:VEVENT',
      'END:VCALENDAR', '',
    ].join('\r\n'),
  );
});

test('a calendar without a name or events is still a valid VCALENDAR', () => {
  const text = serializeCalendar({ prodId: '-//X//Y//EN', stamp: new Date(0), events: [] });
  assert.equal(text, 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//X//Y//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n');
});
