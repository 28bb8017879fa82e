// Local wall-clock times in a municipality's time zone ↔ instants, with Intl alone (no dependency).
// Europe/Copenhagen skips 02:00–03:00 on the last Sunday of March and repeats 02:00–03:00 on the last
// Sunday of October; a time that does not exist is refused, a repeated one means its first occurrence.

export interface LocalDateTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, 24-hour */
  time: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function partsAt(instant: number, timeZone: string): Parts {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour! % 24, minute: p.minute!, second: p.second! };
}

/** Milliseconds to add to UTC to get local wall-clock time at `instant`. */
export function offsetAt(instant: number, timeZone: string): number {
  const p = partsAt(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The wall-clock date and time of an instant in a time zone. */
export function toLocal(instant: Date, timeZone: string): LocalDateTime {
  const p = partsAt(instant.getTime(), timeZone);
  return { date: `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3])[:.]([0-5]\d)$/;

/** A real calendar date in YYYY-MM-DD, or null. */
export function parseDate(s: string): { year: number; month: number; day: number } | null {
  const m = DATE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function parseTime(s: string): { hour: number; minute: number } | null {
  const m = TIME.exec(s);
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : null;
}

export type FromLocalError = 'invalid_date' | 'invalid_time' | 'nonexistent_time';

/**
 * The instant at which clocks in `timeZone` show `date` `time`. In the autumn hour that happens twice
 * the earlier instant is chosen (people mean the first 02:30); in the spring gap there is none.
 */
export function fromLocal(date: string, time: string, timeZone: string): { ok: true; value: Date } | { ok: false; error: FromLocalError } {
  const d = parseDate(date);
  if (!d) return { ok: false, error: 'invalid_date' };
  const t = parseTime(time);
  if (!t) return { ok: false, error: 'invalid_time' };
  const wall = Date.UTC(d.year, d.month - 1, d.day, t.hour, t.minute);
  // The offset can only be one of those in force a few hours either side of the wall time.
  const candidates = [...new Set([offsetAt(wall - 12 * 3600_000, timeZone), offsetAt(wall, timeZone), offsetAt(wall + 12 * 3600_000, timeZone)])]
    .map((offset) => wall - offset)
    .filter((instant) => offsetAt(instant, timeZone) === wall - instant)
    .sort((a, b) => a - b);
  const first = candidates[0];
  if (first === undefined) return { ok: false, error: 'nonexistent_time' };
  return { ok: true, value: new Date(first) };
}

/** Calendar arithmetic on YYYY-MM-DD strings, free of time zones. */
export function addDays(date: string, days: number): string {
  const d = parseDate(date);
  if (!d) throw new Error(`not a date: ${date}`);
  const u = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return `${pad(u.getUTCFullYear(), 4)}-${pad(u.getUTCMonth() + 1)}-${pad(u.getUTCDate())}`;
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = parseDate(date);
  if (!d) throw new Error(`not a date: ${date}`);
  const w = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return w === 0 ? 7 : w;
}
