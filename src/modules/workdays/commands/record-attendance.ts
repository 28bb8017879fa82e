// Attendance, taken on a phone at the end of a shift: who came and how long each worked. Changing the
// hours of someone whose hours were verified takes the verification away again.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../workdays.policy.js';
import { dayFacts } from '../workdays.facts.js';
import { findDay, listShifts, listSignups, setAttendance } from '../workdays.repository.js';

export interface AttendanceEntry {
  signupId: number;
  attended: boolean;
  /** Minutes worked; null means "the length of the shift". */
  minutes: number | null;
}

export type AttendanceError = 'forbidden' | 'not_found' | 'not_started' | 'unknown_signup' | 'too_long';

export async function recordAttendance(db: Database, actor: Actor | null, municipalityId: number, dayId: number, entries: AttendanceEntry[], now = new Date()): Promise<Result<{ updated: number }, AttendanceError, { signupId?: number }>> {
  if (!actor) return err('forbidden', {});
  return db.transaction({ municipalityId, userId: actor.id }, async (tx) => {
    const day = await findDay(tx, municipalityId, dayId);
    if (!day) return err('not_found', {});
    if (!can(actor, 'manage_day', municipalityId, await dayFacts(tx, actor, day))) return err('forbidden', {});
    if (day.startsAt.getTime() > now.getTime()) return err('not_started', {});
    const shifts = new Map((await listShifts(tx, municipalityId, [dayId])).map((s) => [s.id, s]));
    const signups = new Map((await listSignups(tx, municipalityId, [...shifts.keys()])).filter((s) => s.status === 'confirmed').map((s) => [s.id, s]));
    let updated = 0;
    for (const e of entries) {
      const s = signups.get(e.signupId);
      if (!s) return err('unknown_signup', { signupId: e.signupId });
      const shift = shifts.get(s.shiftId)!;
      const shiftMinutes = Math.round((shift.endsAt.getTime() - shift.startsAt.getTime()) / 60_000);
      const minutes = e.attended ? (e.minutes ?? shiftMinutes) : null;
      if (minutes !== null && minutes > Math.min(1440, shiftMinutes + 240)) return err('too_long', { signupId: e.signupId });
      if (await setAttendance(tx, municipalityId, e.signupId, e.attended, minutes)) updated += 1;
    }
    return ok({ updated });
  });
}
