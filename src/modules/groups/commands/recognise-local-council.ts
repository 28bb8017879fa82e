// The municipality (a facilitator or admin) recognises a group as the local council of its area, or
// withdraws that. One council per area: the database's partial unique index has the last word.
import { err, ok, type Result } from '../../../core/errors/result.js';
import { mayRecognise } from '../groups.policy.js';
import { findGroupById, findLocalCouncil, lockGroup, setRecognition, tryConstraint } from '../groups.repository.js';
import { viewerOf, type CommandContext } from './context.js';

export type RecogniseError = 'not_found' | 'forbidden' | 'needs_area' | 'council_exists';

export async function recogniseLocalCouncil(ctx: CommandContext, groupId: number): Promise<Result<undefined, RecogniseError>> {
  const { tx, municipalityId: mid } = ctx;
  if (!mayRecognise(viewerOf(ctx.actor, mid))) return err('forbidden');
  if (!(await lockGroup(tx, mid, groupId))) return err('not_found');
  const group = (await findGroupById(tx, mid, groupId))!;
  if (group.kind === 'local_council') return ok();
  if (group.areaId === null) return err('needs_area');
  if (await findLocalCouncil(tx, mid, group.areaId)) return err('council_exists');
  const done = await tryConstraint(tx, () => setRecognition(tx, mid, groupId, 'local_council', ctx.actor.id));
  if (!done.ok) {
    if (done.state === '23505') return err('council_exists');
    throw new Error(`recognising a local council violated constraint ${done.state}`);
  }
  return ok();
}

/** The group stays, as an association if it has a CVR number or statutes, otherwise as an informal group. */
export async function withdrawRecognition(ctx: CommandContext, groupId: number): Promise<Result<undefined, RecogniseError>> {
  const { tx, municipalityId: mid } = ctx;
  if (!mayRecognise(viewerOf(ctx.actor, mid))) return err('forbidden');
  if (!(await lockGroup(tx, mid, groupId))) return err('not_found');
  const group = (await findGroupById(tx, mid, groupId))!;
  if (group.kind !== 'local_council') return ok();
  await setRecognition(tx, mid, groupId, group.cvr || group.statutes ? 'association' : 'informal', null);
  return ok();
}
