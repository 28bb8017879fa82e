// Wall-clock times in a municipality's time zone ↔ instants, with Intl only (no dependency).
// Pure: no I/O, no current time. Dates are 'YYYY-MM-DD', times 'HH:MM' (24 h), weekdays ISO 1 = Monday.
//
// Daylight saving (Europe/Copenhagen):
// - spring forward (last Sunday of March, 02:00 → 03:00): 02:00–02:59 does not exist → 'nonexistent_time';
// - fall back (last Sunday of October, 03:00 → 02:00): 02:00–02:59 happens twice. Rule: the FIRST
//   occurrence (still summer time, +02:00) is taken, so a booking "02:30–03:30" is one continuous hour
//   plus the repeated hour — i.e. 2 real hours, which is what the room is actually occupied for.
import { err, ok, type Result } from '../../core/errors/result.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

export function isTime(s: string): boolean {
  return TIME.test(s);
}

/** Minutes since midnight of an 'HH:MM' string (assumed valid). '24:00' is accepted as 1440 for closing times. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** The Monday of the week `date` is in. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

export function daysBetween(from: string, to: string): number {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  date: string;
  time: string;
}

/** The local date and time (to the minute) of an instant in `timeZone`. */
export function toWallClock(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (Copenhagen: 60 or 120). */
function offsetAt(instant: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) parts[p.type] = p.value;
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

export type WallClockError = 'invalid_date' | 'invalid_time' | 'nonexistent_time';

/** Every instant whose wall clock in `timeZone` is `date time`: none (spring gap), one, or two (autumn overlap), earliest first. */
export function candidateInstants(date: string, time: string, timeZone: string): Date[] {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // A zone changes offset at most once in a day, so the offsets a day before and after cover every case.
  const offsets = new Set([offsetAt(wall - 86_400_000, timeZone), offsetAt(wall, timeZone), offsetAt(wall + 86_400_000, timeZone)]);
  const found = new Set<number>();
  for (const o of offsets) {
    const instant = wall - o * 60_000;
    const back = toWallClock(new Date(instant), timeZone);
    if (back.date === date && back.time === time) found.add(instant);
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

/** The first instant of a local day (midnight exists every day in Denmark; elsewhere the first valid minute). */
export function startOfDay(date: string, timeZone: string): Date {
  for (let m = 0; m < 24 * 60; m += 30) {
    const r = fromWallClock(date, timeOf(m), timeZone);
    if (r.ok) return r.value;
  }
  throw new Error(`no valid time on ${date} in ${timeZone}`);
}

/** Local date of `now` in the zone: "today" for the municipality. */
export function todayIn(now: Date, timeZone: string): string {
  return toWallClock(now, timeZone).date;
}
