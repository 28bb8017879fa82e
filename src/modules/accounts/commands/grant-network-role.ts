// A network admin gives an existing account a role in the network (or changes it).
import { err, ok, type Result } from '../../../core/errors/result.js';
import type { Actor, NetworkRole } from '../../../core/auth/actor.js';
import type { AccountsDeps } from '../accounts.deps.js';
import { canManageNetwork, decideNetworkRoleChange } from '../accounts.policy.js';
import { findUserByEmail, lockNetworkAdmins, setNetworkRole } from '../accounts.repository.js';

export async function grantNetworkRole(
  deps: Pick<AccountsDeps, 'db'>,
  actor: Actor,
  input: { email: string; role: NetworkRole },
): Promise<Result<{ userId: number }, 'forbidden' | 'no_such_account' | 'last_admin'>> {
  if (!canManageNetwork(actor)) return err('forbidden');
  return deps.db.transaction({ municipalityId: null, userId: actor.id }, async (tx) => {
    const user = await findUserByEmail(tx, input.email);
    if (!user) return err('no_such_account');
    // Turning the last admin into a member would leave the network without one.
    const adminIds = await lockNetworkAdmins(tx);
    if (decideNetworkRoleChange({ targetUserId: user.id, newRole: input.role, adminIds }) === 'last_admin') return err('last_admin');
    await setNetworkRole(tx, user.id, input.role);
    return ok({ userId: user.id });
  });
}
