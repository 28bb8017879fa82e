// Coordinators invite a person by e-mail. Whether that address has an account is not revealed: the
// answer is the same either way, and only an existing account gets the invitation (and an e-mail).
import { err, ok, type Result } from '../../../core/errors/result.js';
import { hitRateLimit } from '../../../core/http/rate-limit.js';
import { mayInvite } from '../groups.policy.js';
import { findPersonByEmail, type Person } from '../groups.people.js';
import { insertMembership } from '../groups.repository.js';
import type { InviteInput } from '../groups.schemas.js';
import type { Group } from '../groups.types.js';
import { factsOf, isErr, loadForActor, type CommandContext } from './context.js';

export type InviteError = 'not_found' | 'forbidden' | 'rate_limited';

export const INVITE_LIMIT = { limit: 50, windowSeconds: 3600 };

/** `notify` is the person to e-mail after the transaction commits, if any. */
export async function inviteMember(ctx: CommandContext, groupId: number, input: InviteInput): Promise<Result<{ group: Group; notify: Person | null }, InviteError>> {
  const loaded = await loadForActor(ctx, groupId);
  if (isErr(loaded)) return loaded;
  if (!mayInvite(loaded.viewer, factsOf(loaded.membership))) return err('forbidden');
  if (!(await hitRateLimit(ctx.tx, `groups:invite:${ctx.actor.id}`, INVITE_LIMIT))) return err('rate_limited');
  const person = await findPersonByEmail(ctx.tx, input.email);
  if (!person) return ok({ group: loaded.group, notify: null });
  const inserted = await insertMembership(ctx.tx, {
    municipalityId: ctx.municipalityId,
    groupId,
    userId: person.id,
    role: 'member',
    status: 'invited',
    showPublicly: false,
    invitedBy: ctx.actor.id,
  });
  // Someone who is already a member, has asked, or was invited before is not e-mailed again.
  return ok({ group: loaded.group, notify: inserted ? person : null });
}
