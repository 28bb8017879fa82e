// Taking and giving back a place on a shift. Both run inside a transaction that has locked the shift
// row first (lockShift), so counting the confirmed places and writing the signup cannot interleave
// with another request for the same shift: the 101st request waits, then sees 100 and joins the waitlist.
import crypto from 'node:crypto';
import type { Executor } from '../../../core/db/database.js';
import {
  findSignupByPerson,
  firstWaitlisted,
  insertSignup,
  insertToken,
  lockShift,
  nextPosition,
  personKey,
  reviveSignup,
  setSignupStatus,
} from '../workdays.repository.js';
import type { ParticipantKind, SignupStatus } from '../workdays.types.js';

export type LockedShift = NonNullable<Awaited<ReturnType<typeof lockShift>>>;

export type TakePlaceResult =
  | { ok: true; signupId: number; status: Exclude<SignupStatus, 'cancelled'> }
  | { ok: false; error: 'already_signed_up' | 'shift_full' };

export async function takePlace(
  tx: Executor,
  mid: number,
  shift: LockedShift,
  who: { userId: number } | { email: string; name: string },
  options: { kind: ParticipantKind; waitlist: boolean; assignedBy: number | null; lang: 'da' | 'en' },
): Promise<TakePlaceResult> {
  const key = personKey('userId' in who ? { userId: who.userId } : { email: who.email });
  const existing = await findSignupByPerson(tx, mid, shift.id, key);
  if (existing && existing.status !== 'cancelled') return { ok: false, error: 'already_signed_up' };
  const free = shift.confirmedCount < shift.capacity;
  if (!free && !options.waitlist) return { ok: false, error: 'shift_full' };
  const status = free ? 'confirmed' : 'waitlisted';
  const position = await nextPosition(tx, mid, shift.id);
  const guestName = 'userId' in who ? null : who.name;
  let signupId: number;
  if (existing) {
    await reviveSignup(tx, mid, existing.id, { status, position, kind: options.kind, guestName, lang: options.lang });
    signupId = existing.id;
  } else {
    signupId = await insertSignup(tx, mid, {
      shiftId: shift.id,
      userId: 'userId' in who ? who.userId : null,
      guestName,
      guestEmail: 'userId' in who ? null : who.email,
      kind: options.kind,
      status,
      position,
      assignedBy: options.assignedBy,
      lang: options.lang,
    });
  }
  if (free) shift.confirmedCount += 1;
  return { ok: true, signupId, status };
}

/** Cancels a signup; a confirmed place goes to the first on the waitlist. Returns the promoted signup. */
export async function releasePlace(tx: Executor, mid: number, shift: LockedShift, signupId: number, wasStatus: SignupStatus): Promise<number | null> {
  await setSignupStatus(tx, mid, signupId, 'cancelled');
  if (wasStatus !== 'confirmed') return null;
  shift.confirmedCount -= 1;
  const next = await firstWaitlisted(tx, mid, shift.id);
  if (next === null) return null;
  await setSignupStatus(tx, mid, next, 'confirmed');
  shift.confirmedCount += 1;
  return next;
}

export const CANT_COME_TOKEN_DAYS = 60;

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** A new single-use "can't come" link token; only its hash is stored. */
export async function issueCantComeToken(tx: Executor, mid: number, signupId: number, until: Date): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await insertToken(tx, mid, { hash: hashToken(token), signupId, expiresAt: until });
  return token;
}
