// A small RFC 5545 (iCalendar) writer: CRLF line ends, lines folded at 75 octets (never inside a
// UTF-8 sequence), TEXT values escaped (\ ; , and newlines), times in UTC. Pure.
// Written so it can move to core later: workdays needs the same (told the lead).

export interface IcalEvent {
  /** Globally unique and stable across feeds, e.g. "booking-42@hedensted.samskab.dk". */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  /** Last change; DTSTAMP uses `stamp` given to the calendar. */
  url?: string;
}

export interface IcalCalendar {
  /** PRODID, e.g. "-//Samskab//Facilities//DA". */
  prodId: string;
  name?: string;
  /** DTSTAMP of every event: when the feed was generated. */
  stamp: Date;
  events: IcalEvent[];
}

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** 20261127T080000Z */
export function formatUtc(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Folds one content line into chunks of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

export function serializeCalendar(cal: IcalCalendar): string {
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${cal.prodId}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (cal.name) lines.push(`X-WR-CALNAME:${escapeText(cal.name)}`);
  for (const e of cal.events) {
    lines.push('BEGIN:VEVENT');
    lines.push(`UID:${e.uid}`);
    lines.push(`DTSTAMP:${formatUtc(cal.stamp)}`);
    lines.push(`DTSTART:${formatUtc(e.start)}`);
    lines.push(`DTEND:${formatUtc(e.end)}`);
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.status) lines.push(`STATUS:${e.status}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
