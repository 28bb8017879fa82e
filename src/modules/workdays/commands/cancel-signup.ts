// "I can't come": gives a place back. If it was a confirmed place, the first person on the waitlist
// gets it in the same transaction; the caller e-mails them after the commit.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../workdays.policy.js';
import { findDay, findSignup, findToken, lockShift, markTokenUsed } from '../workdays.repository.js';
import { dayFacts } from '../workdays.facts.js';
import { hashToken, releasePlace } from './places.js';

export type CancelError = 'not_found' | 'forbidden' | 'already_cancelled' | 'token_used' | 'token_expired' | 'shift_past';
export interface Cancelled {
  signupId: number;
  dayId: number;
  /** The signup that moved up from the waitlist, if any. */
  promotedSignupId: number | null;
}

/** By the person themselves, or by someone who manages the day. */
export async function cancelSignup(db: Database, actor: Actor | null, municipalityId: number, signupId: number, now = new Date()): Promise<Result<Cancelled, CancelError>> {
  if (!actor) return err('forbidden');
  return db.transaction({ municipalityId, userId: actor.id }, async (tx) => {
    const before = await findSignup(tx, municipalityId, signupId);
    if (!before) return err('not_found');
    if (before.userId !== actor.id) {
      const day = await findDay(tx, municipalityId, before.dayId);
      if (!day || !can(actor, 'manage_day', municipalityId, await dayFacts(tx, actor, day))) return err('forbidden');
    }
    const shift = await lockShift(tx, municipalityId, before.shiftId);
    if (!shift) return err('not_found');
    if (shift.endsAt.getTime() <= now.getTime()) return err('shift_past');
    // Read again under the lock: a concurrent cancellation may have got here first.
    const current = await findSignup(tx, municipalityId, signupId);
    if (!current || current.status === 'cancelled') return err('already_cancelled');
    const promotedSignupId = await releasePlace(tx, municipalityId, shift, signupId, current.status);
    return ok({ signupId, dayId: shift.dayId, promotedSignupId });
  });
}

/** From the link in an e-mail, without signing in. The token works once. */
export async function cancelWithToken(db: Database, municipalityId: number, token: string, now = new Date()): Promise<Result<Cancelled, CancelError>> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return err('not_found');
  const hash = hashToken(token);
  return db.transaction({ municipalityId }, async (tx) => {
    const t = await findToken(tx, municipalityId, hash, true);
    if (!t) return err('not_found');
    if (t.usedAt) return err('token_used');
    if (t.expiresAt.getTime() <= now.getTime()) return err('token_expired');
    const before = await findSignup(tx, municipalityId, t.signupId);
    if (!before) return err('not_found');
    const shift = await lockShift(tx, municipalityId, before.shiftId);
    if (!shift) return err('not_found');
    const current = await findSignup(tx, municipalityId, t.signupId);
    await markTokenUsed(tx, municipalityId, hash);
    if (!current || current.status === 'cancelled') return err('already_cancelled');
    if (shift.endsAt.getTime() <= now.getTime()) return err('shift_past');
    const promotedSignupId = await releasePlace(tx, municipalityId, shift, t.signupId, current.status);
    return ok({ signupId: t.signupId, dayId: shift.dayId, promotedSignupId });
  });
}

/** What a token would cancel, for the confirm page; changes nothing. */
export async function peekToken(db: Database, municipalityId: number, token: string, now = new Date()): Promise<Result<{ signupId: number; dayId: number; shiftId: number }, CancelError>> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return err('not_found');
  return db.transaction({ municipalityId }, async (tx) => {
    const t = await findToken(tx, municipalityId, hashToken(token), false);
    if (!t) return err('not_found');
    if (t.usedAt) return err('token_used');
    if (t.expiresAt.getTime() <= now.getTime()) return err('token_expired');
    const s = await findSignup(tx, municipalityId, t.signupId);
    if (!s) return err('not_found');
    if (s.status === 'cancelled') return err('already_cancelled');
    return ok({ signupId: s.id, dayId: s.dayId, shiftId: s.shiftId });
  });
}
