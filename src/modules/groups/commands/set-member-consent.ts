// A member decides whether their name is shown to people outside the group's coordinators.
import { err, ok, type Result } from '../../../core/errors/result.js';
import { setMemberConsent } from '../groups.repository.js';
import { type CommandContext } from './context.js';

export async function setConsent(ctx: CommandContext, groupId: number, showPublicly: boolean): Promise<Result<undefined, 'not_member'>> {
  const changed = await setMemberConsent(ctx.tx, ctx.municipalityId, groupId, ctx.actor.id, showPublicly);
  return changed ? ok() : err('not_member');
}
