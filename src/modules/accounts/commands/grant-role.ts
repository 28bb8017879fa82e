// A municipal admin gives a role in their municipality to an existing account, found by e-mail.
import { err, ok, type Result } from '../../../core/errors/result.js';
import type { Actor, MunicipalRole } from '../../../core/auth/actor.js';
import type { AccountsDeps } from '../accounts.deps.js';
import { canManageStaff } from '../accounts.policy.js';
import { findUserByEmail, insertRole } from '../accounts.repository.js';

export async function grantRole(
  deps: Pick<AccountsDeps, 'db'>,
  actor: Actor,
  input: { municipalityId: number; email: string; role: MunicipalRole },
): Promise<Result<{ userId: number; added: boolean }, 'forbidden' | 'no_such_account'>> {
  if (!canManageStaff(actor, input.municipalityId)) return err('forbidden');
  return deps.db.transaction({ municipalityId: input.municipalityId, userId: actor.id }, async (tx) => {
    const user = await findUserByEmail(tx, input.email);
    if (!user) return err('no_such_account');
    const added = await insertRole(tx, input.municipalityId, user.id, input.role, actor.id);
    return ok({ userId: user.id, added });
  });
}
