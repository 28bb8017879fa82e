// Turns what the organiser typed (local dates and times, shifts, an optional repeat rule) into the
// instants of each day and shift, in the municipality's time zone. Pure; errors are i18n keys per field.
import { occurrences } from './workdays.recurrence.js';
import { fromLocal, isoWeekday, type FromLocalError } from './workdays.time.js';

export interface ShiftInput {
  label: string;
  startTime: string;
  endTime: string;
  capacity: number;
}

export interface ScheduleInput {
  date: string;
  startTime: string;
  endTime: string;
  shifts: ShiftInput[];
  /** Repeat every N weeks on the date's weekday, a number of times or until a date. */
  repeat: { everyWeeks: number; count: number | null; until: string | null } | null;
}

export interface PlannedDay {
  date: string;
  startsAt: Date;
  endsAt: Date;
  shifts: { label: string; startsAt: Date; endsAt: Date; capacity: number }[];
}

export type PlanErrors = Record<string, string>;

const timeError: Record<FromLocalError, string> = {
  invalid_date: 'workdays.error.date',
  invalid_time: 'workdays.error.time',
  nonexistent_time: 'workdays.error.nonexistentTime',
};

export function planSchedule(input: ScheduleInput, timeZone: string, now: Date): { ok: true; days: PlannedDay[] } | { ok: false; errors: PlanErrors } {
  const errors: PlanErrors = {};
  let dates = [input.date];
  if (input.repeat) {
    const r = occurrences({ firstDate: input.date, everyWeeks: input.repeat.everyWeeks, weekday: isoWeekday(input.date), count: input.repeat.count, until: input.repeat.until });
    if (!r.ok) {
      const field = r.error === 'invalid_interval' ? 'everyWeeks' : r.error === 'too_many' || r.error === 'no_end' ? 'count' : 'until';
      errors[field] = `workdays.error.repeat.${r.error}`;
      return { ok: false, errors };
    }
    dates = r.value;
  }
  if (input.shifts.length === 0) errors.shift1Label = 'workdays.error.noShifts';
  const days: PlannedDay[] = [];
  for (const date of dates) {
    const start = fromLocal(date, input.startTime, timeZone);
    const end = fromLocal(date, input.endTime, timeZone);
    if (!start.ok) errors.startTime ??= timeError[start.error];
    if (!end.ok) errors.endTime ??= timeError[end.error];
    if (!start.ok || !end.ok) continue;
    if (end.value.getTime() <= start.value.getTime()) errors.endTime ??= 'workdays.error.endBeforeStart';
    if (start.value.getTime() <= now.getTime()) errors.date ??= 'workdays.error.inPast';
    const shifts: PlannedDay['shifts'] = [];
    input.shifts.forEach((s, i) => {
      const n = i + 1;
      const ss = fromLocal(date, s.startTime, timeZone);
      const se = fromLocal(date, s.endTime, timeZone);
      if (!ss.ok) errors[`shift${n}Start`] ??= timeError[ss.error];
      if (!se.ok) errors[`shift${n}End`] ??= timeError[se.error];
      if (!ss.ok || !se.ok) return;
      if (se.value.getTime() <= ss.value.getTime()) errors[`shift${n}End`] ??= 'workdays.error.endBeforeStart';
      else if (ss.value.getTime() < start.value.getTime() || se.value.getTime() > end.value.getTime()) errors[`shift${n}Start`] ??= 'workdays.error.shiftOutsideDay';
      shifts.push({ label: s.label, startsAt: ss.value, endsAt: se.value, capacity: s.capacity });
    });
    days.push({ date, startsAt: start.value, endsAt: end.value, shifts });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, days };
}
