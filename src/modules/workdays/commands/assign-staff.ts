// A facilitator puts a municipal employee on a shift. Staff take a confirmed place or none: they are
// planned, so a full shift is an error for the facilitator, not a waitlist for the employee.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { findPersonByEmail } from '../../accounts/index.js';
import { can } from '../workdays.policy.js';
import { lockShift } from '../workdays.repository.js';
import { takePlace } from './places.js';

export type AssignStaffError = 'forbidden' | 'not_found' | 'unknown_person' | 'already_signed_up' | 'shift_full' | 'shift_past';

export async function assignStaff(db: Database, actor: Actor | null, municipalityId: number, shiftId: number, email: string, now = new Date()): Promise<Result<{ signupId: number; dayId: number }, AssignStaffError>> {
  if (!actor || !can(actor, 'assign_staff', municipalityId)) return err('forbidden');
  return db.transaction({ municipalityId, userId: actor.id }, async (tx) => {
    const person = await findPersonByEmail(tx, email);
    if (!person) return err('unknown_person');
    const shift = await lockShift(tx, municipalityId, shiftId);
    if (!shift) return err('not_found');
    if (shift.endsAt.getTime() <= now.getTime()) return err('shift_past');
    const r = await takePlace(tx, municipalityId, shift, { userId: person.id }, { kind: 'staff', waitlist: false, assignedBy: actor.id, lang: person.lang ?? 'da' });
    if (!r.ok) return err(r.error);
    return ok({ signupId: r.signupId, dayId: shift.dayId });
  });
}
