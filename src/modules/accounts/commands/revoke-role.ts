// A municipal admin takes a role back. The municipality always keeps at least one admin.
import { err, ok, type Result } from '../../../core/errors/result.js';
import type { Actor, MunicipalRole } from '../../../core/auth/actor.js';
import type { AccountsDeps } from '../accounts.deps.js';
import { canManageStaff, decideRoleRevocation } from '../accounts.policy.js';
import { deleteRole, lockAdmins } from '../accounts.repository.js';

export async function revokeRole(
  deps: Pick<AccountsDeps, 'db'>,
  actor: Actor,
  input: { municipalityId: number; userId: number; role: MunicipalRole },
): Promise<Result<{ removed: boolean }, 'forbidden' | 'last_admin'>> {
  if (!canManageStaff(actor, input.municipalityId)) return err('forbidden');
  return deps.db.transaction({ municipalityId: input.municipalityId, userId: actor.id }, async (tx) => {
    // The admin rows stay locked until commit, so two admins removing each other cannot both succeed.
    const adminIds = await lockAdmins(tx, input.municipalityId);
    if (decideRoleRevocation({ role: input.role, targetUserId: input.userId, adminIds }) === 'last_admin') return err('last_admin');
    const removed = await deleteRole(tx, input.municipalityId, input.userId, input.role);
    return ok({ removed });
  });
}
