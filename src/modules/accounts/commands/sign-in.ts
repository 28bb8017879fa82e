// Signs a person in with e-mail and password and starts a new session (never reusing the one the
// browser came with, so a planted session id is worthless).
import { err, ok, type Result } from '../../../core/errors/result.js';
import type { AccountsDeps } from '../accounts.deps.js';
import { decideSignIn } from '../accounts.policy.js';
import { deleteExpiredSessionsOfUser, findUserByEmail } from '../accounts.repository.js';
import { verifyAgainstDummy, verifyPassword } from '../passwords.js';
import { endSession, startSession } from '../sessions.js';

export interface SignInInput {
  email: string;
  password: string;
  /** The session the browser had, if any: ended, so only the new one lives on. */
  previousSessionId: string | null;
}

export async function signIn(
  deps: Pick<AccountsDeps, 'db'>,
  input: SignInInput,
): Promise<Result<{ userId: number; token: string }, 'invalid_credentials' | 'email_not_verified'>> {
  const user = await deps.db.transaction({ municipalityId: null }, (tx) => findUserByEmail(tx, input.email));
  // The hash check runs outside the transaction: it takes tens of milliseconds and needs no database.
  const passwordMatches = user?.passwordHash ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  const decision = decideSignIn({ accountFound: user !== null, passwordMatches, emailVerified: user?.emailVerified ?? false });
  if (decision !== 'ok') return err(decision);
  if (!user) return err('invalid_credentials'); // unreachable: 'ok' needs an account; narrows the type
  const { token } = await deps.db.transaction({ municipalityId: null, userId: user.id }, async (tx) => {
    if (input.previousSessionId) await endSession(tx, input.previousSessionId);
    await deleteExpiredSessionsOfUser(tx, user.id);
    return startSession(tx, user.id);
  });
  return ok({ userId: user.id, token });
}
