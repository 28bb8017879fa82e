// Facilities' calendar arithmetic on 'YYYY-MM-DD' dates and 'HH:MM' times (24 h), weekdays ISO 1 = Monday.
// Pure: no I/O, no current time. Wall clock ↔ instant in the municipality's zone (and the daylight-saving
// rules) is core's, re-exported here so the module has one place to import its time helpers from.
export { candidateInstants, fromWallClock, isAmbiguous, isDate, isTime, startOfDay, todayIn, toWallClock, type WallClock, type WallClockError } from '../../core/time/zoned-time.js';

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
