import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeText, foldLine, formatUtc, serializeCalendar } from './facilities.ical.js';

test('TEXT escaping of backslash, semicolon, comma and newlines', () => {
  assert.equal(escapeText('a\\b;c,d\ne\r\nf'), 'a\\\\b\\;c\\,d\\ne\\nf');
  assert.equal(escapeText('Skolekøkken: kl. 10'), 'Skolekøkken: kl. 10');
});

test('UTC date-time form', () => {
  assert.equal(formatUtc(new Date('2026-11-27T08:05:09.123Z')), '20261127T080509Z');
});

test('folding: at most 75 octets per line, never inside a UTF-8 character, unfolds to the original', () => {
  const line = `SUMMARY:${'æøå'.repeat(40)}`;
  const folded = foldLine(line);
  const parts = folded.split('\r\n');
  assert.ok(parts.length > 1);
  for (const p of parts) assert.ok(Buffer.byteLength(p, 'utf8') <= 75, `${Buffer.byteLength(p)} octets`);
  for (const p of parts.slice(1)) assert.equal(p[0], ' ');
  assert.equal(folded.replace(/\r\n /g, ''), line);
  assert.equal(foldLine('SHORT:x'), 'SHORT:x');
  const exact = `X:${'a'.repeat(73)}`;
  assert.equal(foldLine(exact), exact, 'exactly 75 octets stays on one line');
  assert.equal(foldLine(`${exact}b`).split('\r\n').length, 2);
});

test('a calendar with CRLF everywhere, UID, DTSTAMP and UTC times', () => {
  const text = serializeCalendar({
    prodId: '-//Samskab//Facilities//DA',
    name: 'Skolekøkkenet, Tørring',
    stamp: new Date('2026-11-27T10:00:00Z'),
    events: [
      { uid: 'booking-1@x.dk', start: new Date('2026-12-01T16:00:00Z'), end: new Date('2026-12-01T18:00:00Z'), summary: 'Fællesspisning; alle, velkomne', status: 'CONFIRMED', description: 'Linje 1\nLinje 2' },
    ],
  });
  assert.ok(text.endsWith('\r\n'));
  assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
  assert.equal(text.replace(/\r\n/g, '').includes('\r'), false, 'no bare CR');
  const lines = text.replace(/\r\n /g, '').split('\r\n');
  assert.deepEqual(lines.slice(0, 3), ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Samskab//Facilities//DA']);
  assert.ok(lines.includes('X-WR-CALNAME:Skolekøkkenet\\, Tørring'));
  assert.ok(lines.includes('UID:booking-1@x.dk'));
  assert.ok(lines.includes('DTSTAMP:20261127T100000Z'));
  assert.ok(lines.includes('DTSTART:20261201T160000Z'));
  assert.ok(lines.includes('DTEND:20261201T180000Z'));
  assert.ok(lines.includes('SUMMARY:Fællesspisning\\; alle\\, velkomne'));
  assert.ok(lines.includes('DESCRIPTION:Linje 1\\nLinje 2'));
  assert.equal(lines.at(-2), 'END:VCALENDAR');
  assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 1);
});
