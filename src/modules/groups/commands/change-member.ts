// Coordinators make members coordinators, step them back, or remove them. The group is locked so the
// last coordinator can never be demoted or removed, not even by two coordinators acting at once.
import { err, ok, type Result } from '../../../core/errors/result.js';
import { mayManageMembers } from '../groups.policy.js';
import { countActiveCoordinators, deleteMembership, findMembership, lockGroup, setMemberRole } from '../groups.repository.js';
import type { MemberRole } from '../groups.types.js';
import { factsOf, isErr, loadForActor, type CommandContext } from './context.js';

export type ChangeMemberError = 'not_found' | 'forbidden' | 'no_member' | 'last_coordinator';

export async function changeMember(ctx: CommandContext, groupId: number, userId: number, change: { role: MemberRole } | { remove: true }): Promise<Result<undefined, ChangeMemberError>> {
  const { tx, municipalityId: mid } = ctx;
  if (!(await lockGroup(tx, mid, groupId))) return err('not_found');
  const loaded = await loadForActor(ctx, groupId);
  if (isErr(loaded)) return loaded;
  if (!mayManageMembers(loaded.viewer, factsOf(loaded.membership))) return err('forbidden');
  const target = await findMembership(tx, mid, groupId, userId);
  if (!target) return err('no_member');
  const losesCoordinator = target.status === 'active' && target.role === 'coordinator' && ('remove' in change || change.role !== 'coordinator');
  if (losesCoordinator && (await countActiveCoordinators(tx, mid, groupId)) <= 1) return err('last_coordinator');
  if ('remove' in change) {
    await deleteMembership(tx, mid, groupId, userId);
  } else if (!(await setMemberRole(tx, mid, groupId, userId, change.role))) {
    return err('no_member');
  }
  return ok();
}
