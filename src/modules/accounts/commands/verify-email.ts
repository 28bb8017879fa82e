// Confirms an e-mail address with the one-time token from the link. Runs on POST only: mail
// scanners fetch links in e-mails, and a GET must not use the token up.
import { err, ok, type Result } from '../../../core/errors/result.js';
import type { AccountsDeps } from '../accounts.deps.js';
import { consumeToken, markEmailVerified, retireTokens } from '../accounts.repository.js';
import { hashToken } from '../tokens.js';

export async function verifyEmail(deps: Pick<AccountsDeps, 'db'>, input: { token: string }): Promise<Result<{ userId: number }, 'invalid_token'>> {
  return deps.db.transaction({ municipalityId: null }, async (tx) => {
    const userId = await consumeToken(tx, hashToken(input.token), 'verify_email');
    if (userId === null) return err('invalid_token');
    await markEmailVerified(tx, userId);
    await retireTokens(tx, userId, 'verify_email');
    return ok({ userId });
  });
}
