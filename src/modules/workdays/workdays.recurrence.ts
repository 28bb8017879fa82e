// The dates of a recurring round: every N weeks on one weekday, a number of times or until a date.
// Pure calendar dates; each is turned into instants in the municipality's time zone separately, so a
// round that crosses a daylight-saving change keeps its local time.
import { addDays, isoWeekday, parseDate } from './workdays.time.js';

export const MAX_OCCURRENCES = 60;

export interface RecurrenceRule {
  /** The round starts on the first `weekday` on or after this date. */
  firstDate: string;
  everyWeeks: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  count?: number | null;
  /** Inclusive. */
  until?: string | null;
}

export type RecurrenceError = 'invalid_date' | 'invalid_interval' | 'invalid_weekday' | 'no_end' | 'until_before_start' | 'too_many';

export function occurrences(rule: RecurrenceRule): { ok: true; value: string[] } | { ok: false; error: RecurrenceError } {
  if (!parseDate(rule.firstDate) || (rule.until != null && !parseDate(rule.until))) return { ok: false, error: 'invalid_date' };
  if (!Number.isInteger(rule.everyWeeks) || rule.everyWeeks < 1 || rule.everyWeeks > 8) return { ok: false, error: 'invalid_interval' };
  if (!Number.isInteger(rule.weekday) || rule.weekday < 1 || rule.weekday > 7) return { ok: false, error: 'invalid_weekday' };
  const count = rule.count ?? null;
  const until = rule.until ?? null;
  if (count === null && until === null) return { ok: false, error: 'no_end' };
  if (count !== null && (!Number.isInteger(count) || count < 1 || count > MAX_OCCURRENCES)) return { ok: false, error: 'too_many' };
  const first = addDays(rule.firstDate, (rule.weekday - isoWeekday(rule.firstDate) + 7) % 7);
  if (until !== null && until < first) return { ok: false, error: 'until_before_start' };
  const dates: string[] = [];
  for (let d = first; ; d = addDays(d, 7 * rule.everyWeeks)) {
    if (until !== null && d > until) break;
    if (count !== null && dates.length === count) break;
    if (dates.length === MAX_OCCURRENCES) return { ok: false, error: 'too_many' };
    dates.push(d);
  }
  return { ok: true, value: dates };
}
