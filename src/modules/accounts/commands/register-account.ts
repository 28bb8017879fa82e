// Registers a person. The outcome looks the same whether or not the address already had an account:
// a new account gets a confirmation link, an existing one a notice that someone tried; either way
// exactly one mail goes out and the page says "check your e-mail".
import { err, ok, type Result } from '../../../core/errors/result.js';
import type { Lang } from '../../../core/i18n/i18n.js';
import type { AccountsDeps } from '../accounts.deps.js';
import { deliverInBackground } from '../accounts.mail.js';
import { mailLanguage } from '../accounts.policy.js';
import { findUserByEmail, insertToken, insertUser } from '../accounts.repository.js';
import { hashPassword, passwordProblem, type PasswordProblem } from '../passwords.js';
import { hashToken, newToken, VERIFY_EMAIL_TTL_MS } from '../tokens.js';

export interface RegisterInput {
  name: string;
  /** Already trimmed and lower-cased. */
  email: string;
  password: string;
  homeMunicipalityId: number | null;
  /** The language of the page, for the mail. */
  lang: Lang;
}

export async function registerAccount(deps: AccountsDeps, input: RegisterInput): Promise<Result<undefined, PasswordProblem>> {
  const problem = passwordProblem(input.password, input.email);
  if (problem) return err(problem);
  // Hashed before we know whether the address is taken, so both paths take the same time.
  const passwordHash = await hashPassword(input.password);
  const token = newToken();
  const outcome = await deps.db.transaction({ municipalityId: null }, async (tx) => {
    const id = await insertUser(tx, {
      email: input.email,
      passwordHash,
      displayName: input.name,
      homeMunicipalityId: input.homeMunicipalityId,
      preferredLang: null,
    });
    if (id !== null) {
      await insertToken(tx, hashToken(token), id, 'verify_email', new Date(Date.now() + VERIFY_EMAIL_TTL_MS));
      return { created: true as const };
    }
    const existing = await findUserByEmail(tx, input.email);
    return { created: false as const, name: existing?.displayName ?? input.name, lang: existing?.preferredLang ?? null };
  });
  if (outcome.created) deliverInBackground(deps, input.lang, input.email, { kind: 'verify', name: input.name, token });
  else deliverInBackground(deps, mailLanguage(outcome.lang, input.lang), input.email, { kind: 'exists', name: outcome.name });
  return ok();
}
