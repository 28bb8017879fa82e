// Support (one per person, undoable) and follow. Supporting locks the initiative's row before it
// counts, so parallel supports by the same person count once (the primary key refuses the second row)
// and the kept count always equals the rows.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { maySupport, mayWithdrawSupport, mayFollow, standingOf } from '../initiatives.policy.js';
import { addToSupportCount, deleteFollow, deleteSupport, findInitiative, insertFollow, insertSupport, lockInitiative } from '../initiatives.repository.js';
import type { Tenant } from '../initiatives.standing.js';

export type SupportError = 'not_found' | 'forbidden' | 'not_supportable';

export async function supportInitiative(db: Database, m: Tenant, actor: Actor | null, initiativeId: number): Promise<Result<{ changed: boolean; count: number }, SupportError>> {
  if (!actor) return err('forbidden');
  return db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => {
    const initiative = await lockInitiative(tx, m.id, initiativeId);
    if (!initiative) return err('not_found');
    if (!maySupport(standingOf(actor, m.id, false), initiative.state)) return err('not_supportable');
    if (!(await insertSupport(tx, m.id, initiativeId, actor.id))) return ok({ changed: false, count: initiative.supportCount });
    // Supporters hear how it goes; they can stop following without withdrawing their support.
    await insertFollow(tx, m.id, initiativeId, actor.id);
    return ok({ changed: true, count: await addToSupportCount(tx, m.id, initiativeId, 1) });
  });
}

export async function withdrawSupport(db: Database, m: Tenant, actor: Actor | null, initiativeId: number): Promise<Result<{ changed: boolean; count: number }, SupportError>> {
  if (!actor || !mayWithdrawSupport(standingOf(actor, m.id, false))) return err('forbidden');
  return db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => {
    const initiative = await lockInitiative(tx, m.id, initiativeId);
    if (!initiative) return err('not_found');
    if (!(await deleteSupport(tx, m.id, initiativeId, actor.id))) return ok({ changed: false, count: initiative.supportCount });
    return ok({ changed: true, count: await addToSupportCount(tx, m.id, initiativeId, -1) });
  });
}

export async function setFollowing(db: Database, m: Tenant, actor: Actor | null, initiativeId: number, follow: boolean): Promise<Result<{ changed: boolean }, 'not_found' | 'forbidden'>> {
  if (!actor || !mayFollow(standingOf(actor, m.id, false))) return err('forbidden');
  return db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => {
    const exists = await findInitiative(tx, m.id, initiativeId);
    if (!exists) return err('not_found');
    const changed = follow ? await insertFollow(tx, m.id, initiativeId, actor.id) : await deleteFollow(tx, m.id, initiativeId, actor.id);
    return ok({ changed });
  });
}
