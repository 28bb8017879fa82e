// Joining: an open group at once, a by-request group as a request the coordinators decide on.
// One row per person and group, so a double click or parallel requests count once.
import { err, ok, type Result } from '../../../core/errors/result.js';
import { mayJoin, mayRequest } from '../groups.policy.js';
import { insertMembership } from '../groups.repository.js';
import type { JoinInput } from '../groups.schemas.js';
import type { MemberStatus } from '../groups.types.js';
import { factsOf, isErr, loadForActor, type CommandContext } from './context.js';

export type JoinError = 'not_found' | 'forbidden' | 'already_member';

export async function joinGroup(ctx: CommandContext, groupId: number, input: JoinInput): Promise<Result<{ status: MemberStatus }, JoinError>> {
  const loaded = await loadForActor(ctx, groupId);
  if (isErr(loaded)) return loaded;
  const { group, membership, viewer } = loaded;
  if (membership) return membership.status === 'active' || membership.status === 'requested' ? ok({ status: membership.status }) : err('already_member');
  const status: MemberStatus | null = mayJoin(viewer, group, factsOf(membership)) ? 'active' : mayRequest(viewer, group, factsOf(membership)) ? 'requested' : null;
  if (!status) return err('forbidden');
  const inserted = await insertMembership(ctx.tx, { municipalityId: ctx.municipalityId, groupId, userId: ctx.actor.id, role: 'member', status, showPublicly: input.showPublicly });
  if (!inserted) {
    // A parallel request got there first; report what it made.
    const loadedAgain = await loadForActor(ctx, groupId);
    if (isErr(loadedAgain) || !loadedAgain.membership) return err('already_member');
    return ok({ status: loadedAgain.membership.status });
  }
  return ok({ status });
}
