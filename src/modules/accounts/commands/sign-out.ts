// Ends the session the person is signed in with.
import { ok, type Result } from '../../../core/errors/result.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { AccountsDeps } from '../accounts.deps.js';
import { endSession } from '../sessions.js';

export async function signOut(deps: Pick<AccountsDeps, 'db'>, actor: Actor): Promise<Result<undefined, never>> {
  await deps.db.transaction({ municipalityId: null, userId: actor.id }, (tx) => endSession(tx, actor.sessionId));
  return ok();
}
