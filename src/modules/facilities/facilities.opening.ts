// Opening hours and closed dates, and whether a wanted slot fits them. Pure, local wall-clock times.
import { err, ok, type Result } from '../../core/errors/result.js';
import { minutesOf, timeOf, weekdayOf } from './facilities.time.js';

/** One opening interval per weekday (ISO 1–7); a weekday without one is closed. 'closes' may be '24:00'. */
export interface OpeningHours {
  weekday: number;
  opens: string;
  closes: string;
}

export interface ClosedDate {
  date: string;
  reason: string;
}

export type SlotError = 'end_before_start' | 'closed_weekday' | 'closed_date' | 'outside_hours';

export function openingOn(hours: readonly OpeningHours[], closed: readonly ClosedDate[], date: string): { opens: number; closes: number } | null {
  if (closed.some((c) => c.date === date)) return null;
  const h = hours.find((x) => x.weekday === weekdayOf(date));
  return h ? { opens: minutesOf(h.opens), closes: minutesOf(h.closes) } : null;
}

/** Checks that [start, end) on `date` lies inside that day's opening hours. */
export function checkSlot(hours: readonly OpeningHours[], closed: readonly ClosedDate[], date: string, start: string, end: string): Result<undefined, SlotError> {
  const s = minutesOf(start);
  const e = minutesOf(end);
  if (e <= s) return err('end_before_start');
  if (closed.some((c) => c.date === date)) return err('closed_date');
  const open = openingOn(hours, [], date);
  if (!open) return err('closed_weekday');
  if (s < open.opens || e > open.closes) return err('outside_hours');
  return ok();
}

export interface Interval {
  start: number;
  end: number;
}

/** The free parts of a day's opening interval, given busy intervals (minutes since midnight). */
export function freeIntervals(open: Interval | null, busy: readonly Interval[]): Interval[] {
  if (!open) return [];
  const sorted = [...busy].sort((a, b) => a.start - b.start);
  const free: Interval[] = [];
  let cursor = open.start;
  for (const b of sorted) {
    if (b.end <= cursor || b.start >= open.end) continue;
    if (b.start > cursor) free.push({ start: cursor, end: Math.min(b.start, open.end) });
    cursor = Math.max(cursor, b.end);
    if (cursor >= open.end) break;
  }
  if (cursor < open.end) free.push({ start: cursor, end: open.end });
  return free;
}

export const formatInterval = (i: Interval) => `${timeOf(i.start)}–${timeOf(i.end)}`;
