// Leaving a group, or withdrawing a request. The last coordinator must hand over first; the group
// row is locked so two coordinators leaving at once cannot both pass that check.
import { err, ok, type Result } from '../../../core/errors/result.js';
import { mayLeave } from '../groups.policy.js';
import { countActiveCoordinators, deleteMembership, lockGroup } from '../groups.repository.js';
import { factsOf, isErr, loadForActor, type CommandContext } from './context.js';

export type LeaveError = 'not_found' | 'not_member' | 'last_coordinator';

export async function leaveGroup(ctx: CommandContext, groupId: number): Promise<Result<undefined, LeaveError>> {
  if (!(await lockGroup(ctx.tx, ctx.municipalityId, groupId))) return err('not_found');
  const loaded = await loadForActor(ctx, groupId);
  if (isErr(loaded)) return loaded;
  if (!loaded.membership) return err('not_member');
  const coordinators = await countActiveCoordinators(ctx.tx, ctx.municipalityId, groupId);
  if (!mayLeave(loaded.viewer, factsOf(loaded.membership), coordinators)) return err('last_coordinator');
  await deleteMembership(ctx.tx, ctx.municipalityId, groupId, ctx.actor.id);
  return ok();
}
