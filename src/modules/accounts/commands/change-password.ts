// A signed-in person changes their password. The current one must be given again (a session left
// open on a shared computer must not be enough), and every other session ends: whoever else was
// signed in, perhaps with the old password, is signed out. The session in use lives on.
import { err, ok, type Result } from '../../../core/errors/result.js';
import type { Actor } from '../../../core/auth/actor.js';
import { hitRateLimit, type RateLimitRule } from '../../../core/http/rate-limit.js';
import type { AccountsDeps } from '../accounts.deps.js';
import { deleteOtherSessionsOfUser, findUserByEmail, setPasswordAndVerify } from '../accounts.repository.js';
import { hashPassword, passwordProblem, verifyPassword, type PasswordProblem } from '../passwords.js';

/** Guessing the current password through this form is no easier than through the sign-in form. */
export const changePasswordLimit: RateLimitRule = { limit: 10, windowSeconds: 15 * 60 };

export type ChangePasswordError = 'wrong_password' | 'same_as_current' | 'rate_limited' | PasswordProblem;

export async function changePassword(
  deps: Pick<AccountsDeps, 'db'>,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<Result<{ sessionsEnded: number }, ChangePasswordError>> {
  const user = await deps.db.transaction({ municipalityId: null, userId: actor.id }, async (tx) => {
    if (!(await hitRateLimit(tx, `accounts:change-password:${actor.id}`, changePasswordLimit))) return 'limited' as const;
    return findUserByEmail(tx, actor.email);
  });
  if (user === 'limited') return err('rate_limited');
  // An account made through an e-mail link or OpenID Connect has no password to confirm with.
  if (!user || user.id !== actor.id || !user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return err('wrong_password');
  }
  const problem = passwordProblem(input.newPassword, user.email);
  if (problem) return err(problem);
  if (input.newPassword === input.currentPassword) return err('same_as_current');
  const passwordHash = await hashPassword(input.newPassword);
  return deps.db.transaction({ municipalityId: null, userId: actor.id }, async (tx) => {
    await setPasswordAndVerify(tx, actor.id, passwordHash);
    const sessionsEnded = await deleteOtherSessionsOfUser(tx, actor.id, actor.sessionId);
    return ok({ sessionsEnded });
  });
}
