// Sets a new password with a one-time reset token, and signs the person out everywhere: whoever
// knew the old password (the reason for many resets) loses their sessions with it.
import { err, ok, type Result } from '../../../core/errors/result.js';
import type { AccountsDeps } from '../accounts.deps.js';
import { consumeToken, deleteSessionsOfUser, peekToken, retireTokens, setPasswordAndVerify } from '../accounts.repository.js';
import { hashPassword, passwordProblem, type PasswordProblem } from '../passwords.js';
import { hashToken } from '../tokens.js';

export async function resetPassword(
  deps: Pick<AccountsDeps, 'db'>,
  input: { token: string; password: string },
): Promise<Result<{ userId: number; sessionsEnded: number }, 'invalid_token' | PasswordProblem>> {
  const tokenHash = hashToken(input.token);
  // A rejected password must leave the link usable, so the token is only looked at here...
  const holder = await deps.db.transaction({ municipalityId: null }, (tx) => peekToken(tx, tokenHash, 'reset_password'));
  if (!holder) return err('invalid_token');
  const problem = passwordProblem(input.password, holder.email);
  if (problem) return err(problem);
  const passwordHash = await hashPassword(input.password);
  // ...and used up here, by a conditional update that only one request can win.
  return deps.db.transaction({ municipalityId: null, userId: holder.userId }, async (tx) => {
    const userId = await consumeToken(tx, tokenHash, 'reset_password');
    if (userId === null) return err('invalid_token');
    await setPasswordAndVerify(tx, userId, passwordHash);
    await retireTokens(tx, userId, 'reset_password');
    const sessionsEnded = await deleteSessionsOfUser(tx, userId);
    return ok({ userId, sessionsEnded });
  });
}
