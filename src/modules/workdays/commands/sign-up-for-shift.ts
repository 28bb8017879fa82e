// Signs a person or a guest up for a shift: a confirmed place while there is one, otherwise a place on
// the waitlist. One transaction that locks the shift row, counts, and inserts (see places.ts); the
// unique (shift, person) key and the capacity check in the database back it up.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { guestsAllowed, lockShift } from '../workdays.repository.js';
import type { Participant } from '../workdays.types.js';
import { issueCantComeToken, takePlace } from './places.js';

export type SignUpError = 'not_found' | 'shift_past' | 'already_signed_up' | 'guests_not_allowed' | 'forbidden';
export interface SignedUp {
  signupId: number;
  shiftId: number;
  dayId: number;
  status: 'confirmed' | 'waitlisted';
  /** For guests, who have no account to sign in to: the token of their "can't come" link. */
  cantComeToken: string | null;
}

export async function signUpForShift(
  db: Database,
  actor: Actor | null,
  municipalityId: number,
  shiftId: number,
  participant: Participant,
  options: { lang: 'da' | 'en'; now?: Date },
): Promise<Result<SignedUp, SignUpError>> {
  if (participant.kind === 'user' && (!actor || actor.id !== participant.userId)) return err('forbidden');
  const now = options.now ?? new Date();
  return db.transaction({ municipalityId, userId: actor?.id ?? null }, async (tx) => {
    if (participant.kind === 'guest' && !(await guestsAllowed(tx, municipalityId))) return err('guests_not_allowed');
    const shift = await lockShift(tx, municipalityId, shiftId);
    if (!shift) return err('not_found');
    if (shift.startsAt.getTime() <= now.getTime()) return err('shift_past');
    const who = participant.kind === 'user' ? { userId: participant.userId } : { email: participant.email.trim().toLowerCase(), name: participant.name.trim() };
    const r = await takePlace(tx, municipalityId, shift, who, { kind: 'resident', waitlist: true, assignedBy: null, lang: options.lang });
    if (!r.ok) return err(r.error === 'shift_full' ? 'already_signed_up' : r.error);
    const cantComeToken = participant.kind === 'guest' ? await issueCantComeToken(tx, municipalityId, r.signupId, shift.endsAt) : null;
    return ok({ signupId: r.signupId, shiftId, dayId: shift.dayId, status: r.status, cantComeToken });
  });
}
