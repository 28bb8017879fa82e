// Workdays' parsing of dates and times as people type them (a Danish '09.30' too) and calendar
// arithmetic on YYYY-MM-DD. Wall clock ↔ instant in the municipality's zone, with the daylight-saving
// rules (a time in the spring gap is refused, a repeated autumn time means its first occurrence), is core's.
import { fromWallClock, toWallClock, type WallClock } from '../../core/time/zoned-time.js';

export type LocalDateTime = WallClock;

/** The wall-clock date and time of an instant in a time zone. */
export const toLocal: (instant: Date, timeZone: string) => LocalDateTime = toWallClock;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

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
  const r = fromWallClock(date, `${pad(t.hour)}:${pad(t.minute)}`, timeZone);
  return r.ok ? { ok: true, value: r.value } : { ok: false, error: r.error };
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
