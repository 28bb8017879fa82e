// A network admin removes a person from the network. The network always keeps at least one admin.
import { err, ok, type Result } from '../../../core/errors/result.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { AccountsDeps } from '../accounts.deps.js';
import { canManageNetwork, decideNetworkRoleChange } from '../accounts.policy.js';
import { lockNetworkAdmins, setNetworkRole } from '../accounts.repository.js';

export async function revokeNetworkRole(
  deps: Pick<AccountsDeps, 'db'>,
  actor: Actor,
  input: { userId: number },
): Promise<Result<undefined, 'forbidden' | 'last_admin'>> {
  if (!canManageNetwork(actor)) return err('forbidden');
  return deps.db.transaction({ municipalityId: null, userId: actor.id }, async (tx) => {
    const adminIds = await lockNetworkAdmins(tx);
    if (decideNetworkRoleChange({ targetUserId: input.userId, newRole: null, adminIds }) === 'last_admin') return err('last_admin');
    await setNetworkRole(tx, input.userId, null);
    return ok();
  });
}
