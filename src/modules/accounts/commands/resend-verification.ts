// Sends a fresh confirmation link, if the address belongs to an account still waiting for one.
// Always "ok": the answer must not tell whether the address is known.
import { ok, type Result } from '../../../core/errors/result.js';
import type { Lang } from '../../../core/i18n/i18n.js';
import type { AccountsDeps } from '../accounts.deps.js';
import { deliverInBackground } from '../accounts.mail.js';
import { mailLanguage } from '../accounts.policy.js';
import { findUserByEmail, insertToken, retireTokens } from '../accounts.repository.js';
import { hashToken, newToken, VERIFY_EMAIL_TTL_MS } from '../tokens.js';

export async function resendVerification(deps: AccountsDeps, input: { email: string; lang: Lang }): Promise<Result<undefined, never>> {
  const token = newToken();
  const recipient = await deps.db.transaction({ municipalityId: null }, async (tx) => {
    const user = await findUserByEmail(tx, input.email);
    if (!user || user.emailVerified) return null;
    await retireTokens(tx, user.id, 'verify_email');
    await insertToken(tx, hashToken(token), user.id, 'verify_email', new Date(Date.now() + VERIFY_EMAIL_TTL_MS));
    return user;
  });
  if (recipient) deliverInBackground(deps, mailLanguage(recipient.preferredLang, input.lang), recipient.email, { kind: 'verify', name: recipient.displayName, token });
  return ok();
}
