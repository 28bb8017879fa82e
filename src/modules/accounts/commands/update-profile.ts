// Changes the signed-in person's own profile: name, language, home municipality, directory consent.
import { ok, type Result } from '../../../core/errors/result.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { AccountsDeps } from '../accounts.deps.js';
import { updateProfile as saveProfile, type ProfileChanges } from '../accounts.repository.js';

export async function updateProfile(deps: Pick<AccountsDeps, 'db'>, actor: Actor, input: ProfileChanges): Promise<Result<undefined, never>> {
  await deps.db.transaction({ municipalityId: null, userId: actor.id }, (tx) => saveProfile(tx, actor.id, input));
  return ok();
}
