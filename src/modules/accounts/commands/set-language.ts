// Sets the signed-in person's language; null means "follow the browser".
import { ok, type Result } from '../../../core/errors/result.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Lang } from '../../../core/i18n/i18n.js';
import type { AccountsDeps } from '../accounts.deps.js';
import { setPreferredLang } from '../accounts.repository.js';

export async function setLanguage(deps: Pick<AccountsDeps, 'db'>, actor: Actor, input: { lang: Lang | null }): Promise<Result<undefined, never>> {
  await deps.db.transaction({ municipalityId: null, userId: actor.id }, (tx) => setPreferredLang(tx, actor.id, input.lang));
  return ok();
}
