// Sends a link to choose a new password, if the address has an account. Always "ok", so the answer
// never tells whether it has. Older open reset links stop working when a new one is sent.
import { ok, type Result } from '../../../core/errors/result.js';
import type { Lang } from '../../../core/i18n/i18n.js';
import type { AccountsDeps } from '../accounts.deps.js';
import { deliverInBackground } from '../accounts.mail.js';
import { mailLanguage } from '../accounts.policy.js';
import { findUserByEmail, insertToken, retireTokens } from '../accounts.repository.js';
import { hashToken, newToken, RESET_PASSWORD_TTL_MS } from '../tokens.js';

export async function requestPasswordReset(deps: AccountsDeps, input: { email: string; lang: Lang }): Promise<Result<undefined, never>> {
  const token = newToken();
  const recipient = await deps.db.transaction({ municipalityId: null }, async (tx) => {
    const user = await findUserByEmail(tx, input.email);
    if (!user) return null;
    await retireTokens(tx, user.id, 'reset_password');
    await insertToken(tx, hashToken(token), user.id, 'reset_password', new Date(Date.now() + RESET_PASSWORD_TTL_MS));
    return user;
  });
  if (recipient) deliverInBackground(deps, mailLanguage(recipient.preferredLang, input.lang), recipient.email, { kind: 'reset', name: recipient.displayName, token });
  return ok();
}
