// A small RFC 5545 (iCalendar) writer shared by every feed: CRLF line ends, content lines folded at
// 75 octets (never inside a UTF-8 sequence), TEXT values escaped (\ ; , and newlines), times in UTC,
// so no VTIMEZONE is needed and each calendar app shows them in its own zone. Pure: no I/O, no clock.

export type IcalStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

export interface IcalEvent {
  /** Globally unique and stable across fetches of the feed, e.g. "booking-42@hedensted.samskab.dk". */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  /** Left out when empty. */
  description?: string;
  /** Left out when empty. */
  location?: string;
  /** A URI, written as is (not TEXT, so not escaped). */
  url?: string;
  /** A cancelled event stays in a feed so that subscribed calendars remove it. */
  status?: IcalStatus;
}

export interface IcalCalendar {
  /** PRODID, e.g. "-//Samskab//Facilities//DA". */
  prodId: string;
  /** X-WR-CALNAME, the name calendar apps show for the subscription. */
  name?: string;
  /** DTSTAMP of every event: when the feed was generated. */
  stamp: Date;
  events: readonly IcalEvent[];
}

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma, and any newline as \n. */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** A UTC DATE-TIME (RFC 5545 §3.3.5, form 2), to the second: 20261127T080000Z. */
export function formatUtc(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * Folds one content line (RFC 5545 §3.1): at most 75 octets per line, each continuation line
 * starting with one space (which counts towards its 75), never splitting a UTF-8 character.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

export function serializeCalendar(cal: IcalCalendar): string {
  const stamp = formatUtc(cal.stamp);
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${cal.prodId}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (cal.name) lines.push(`X-WR-CALNAME:${escapeText(cal.name)}`);
  for (const e of cal.events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${stamp}`, `DTSTART:${formatUtc(e.start)}`, `DTEND:${formatUtc(e.end)}`, `SUMMARY:${escapeText(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    if (e.status) lines.push(`STATUS:${e.status}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
