// Wall-clock times in a municipality's time zone ↔ instants, with Intl only (no dependency).
// Pure: no I/O, no current time. Dates are 'YYYY-MM-DD', times 'HH:MM' (24 h).
//
// Daylight saving (Europe/Copenhagen):
// - spring forward (last Sunday of March, 02:00 → 03:00): 02:00–02:59 does not exist → 'nonexistent_time';
// - fall back (last Sunday of October, 03:00 → 02:00): 02:00–02:59 happens twice. Rule: the FIRST
//   occurrence (still summer time, +02:00) is taken, which is what people mean by "02:30", and makes
//   "02:30–03:30" the two real hours a room or a shift is actually occupied for.
import { err, ok, type Result } from '../errors/result.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A real calendar date written YYYY-MM-DD. */
export function isDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** A time of day written HH:MM, 00:00–23:59. */
export function isTime(s: string): boolean {
  return TIME.test(s);
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

/** True when Intl knows the IANA zone name. */
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
  // Some engines write midnight as 24 even with h23.
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour! % 24, minute: p.minute!, second: p.second! };
}

/** Milliseconds to add to UTC to get the local wall-clock time at `instant` (Copenhagen: 1 or 2 hours). */
export function offsetAt(instant: number, timeZone: string): number {
  const p = partsAt(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, 24-hour */
  time: string;
}

/** The local date and time (to the minute) of an instant in `timeZone`. */
export function toWallClock(instant: Date, timeZone: string): WallClock {
  const p = partsAt(instant.getTime(), timeZone);
  return { date: `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** Local date of `now` in the zone: "today" for the municipality. */
export function todayIn(now: Date, timeZone: string): string {
  return toWallClock(now, timeZone).date;
}

export type WallClockError = 'invalid_date' | 'invalid_time' | 'nonexistent_time';

/**
 * Every instant whose wall clock in `timeZone` is `date time` (assumed valid): none (spring gap), one,
 * or two (autumn overlap), earliest first.
 */
export function candidateInstants(date: string, time: string, timeZone: string): Date[] {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // A zone changes offset at most once in a day, so the offsets a day before and after cover every case.
  const offsets = new Set([offsetAt(wall - 86_400_000, timeZone), offsetAt(wall, timeZone), offsetAt(wall + 86_400_000, timeZone)]);
  const found = new Set<number>();
  for (const o of offsets) {
    const instant = wall - o;
    if (offsetAt(instant, timeZone) === o) found.add(instant);
  }
  return [...found].sort((a, b) => a - b).map((n) => new Date(n));
}

/** The instant of a local date and time; in the autumn overlap the first occurrence (see the file comment). */
export function fromWallClock(date: string, time: string, timeZone: string): Result<Date, WallClockError> {
  if (!isDate(date)) return err('invalid_date');
  if (!isTime(time)) return err('invalid_time');
  const found = candidateInstants(date, time, timeZone);
  if (found.length === 0) return err('nonexistent_time');
  return ok(found[0]!);
}

/** True when the wall-clock time happens twice that day (autumn overlap). */
export function isAmbiguous(date: string, time: string, timeZone: string): boolean {
  return candidateInstants(date, time, timeZone).length > 1;
}

/** The first instant of a local day (midnight exists every day in Denmark; elsewhere the first valid half hour). */
export function startOfDay(date: string, timeZone: string): Date {
  for (let m = 0; m < 24 * 60; m += 30) {
    const r = fromWallClock(date, `${pad(Math.floor(m / 60))}:${pad(m % 60)}`, timeZone);
    if (r.ok) return r.value;
  }
  throw new Error(`no valid time on ${date} in ${timeZone}`);
}
