// The invited person accepts (and becomes a member) or declines (and the invitation is gone).
import { err, ok, type Result } from '../../../core/errors/result.js';
import { mayAnswerInvitation } from '../groups.policy.js';
import { activateMembership, deleteMembership } from '../groups.repository.js';
import { factsOf, isErr, loadForActor, type CommandContext } from './context.js';

export type AnswerError = 'not_found' | 'no_invitation';

export async function acceptInvitation(ctx: CommandContext, groupId: number, input: { showPublicly: boolean }): Promise<Result<undefined, AnswerError>> {
  const loaded = await loadForActor(ctx, groupId);
  if (isErr(loaded)) return loaded;
  if (loaded.membership?.status === 'active') return ok();
  if (!mayAnswerInvitation(loaded.viewer, factsOf(loaded.membership))) return err('no_invitation');
  if (!(await activateMembership(ctx.tx, ctx.municipalityId, groupId, ctx.actor.id, 'invited', input.showPublicly))) return err('no_invitation');
  return ok();
}

export async function declineInvitation(ctx: CommandContext, groupId: number): Promise<Result<undefined, AnswerError>> {
  const loaded = await loadForActor(ctx, groupId);
  if (isErr(loaded)) return loaded;
  if (!mayAnswerInvitation(loaded.viewer, factsOf(loaded.membership))) return err('no_invitation');
  await deleteMembership(ctx.tx, ctx.municipalityId, groupId, ctx.actor.id, 'invited');
  return ok();
}
