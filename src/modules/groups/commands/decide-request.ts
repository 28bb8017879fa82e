// Coordinators approve or turn down requests to join.
import { err, ok, type Result } from '../../../core/errors/result.js';
import { mayApproveRequests } from '../groups.policy.js';
import { activateMembership, deleteMembership } from '../groups.repository.js';
import { factsOf, isErr, loadForActor, type CommandContext } from './context.js';

export type DecideError = 'not_found' | 'forbidden' | 'no_request';

export async function decideRequest(ctx: CommandContext, groupId: number, userId: number, decision: 'approve' | 'reject'): Promise<Result<undefined, DecideError>> {
  const loaded = await loadForActor(ctx, groupId);
  if (isErr(loaded)) return loaded;
  if (!mayApproveRequests(loaded.viewer, factsOf(loaded.membership))) return err('forbidden');
  const done =
    decision === 'approve'
      ? await activateMembership(ctx.tx, ctx.municipalityId, groupId, userId, 'requested')
      : await deleteMembership(ctx.tx, ctx.municipalityId, groupId, userId, 'requested');
  return done ? ok() : err('no_request');
}
