// A facilitator takes an initiative on: their name shows on it, and the people behind it are told.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { notify } from '../../notifications/index.js';
import { mayAssignSelf } from '../initiatives.policy.js';
import { insertEvent, listAudience, lockInitiative, setFacilitator } from '../initiatives.repository.js';
import { initiativePath, standingFor, type Tenant } from '../initiatives.standing.js';

export async function assignSelf(db: Database, m: Tenant, actor: Actor | null, initiativeId: number): Promise<Result<{ changed: boolean }, 'not_found' | 'forbidden'>> {
  if (!actor) return err('forbidden');
  return db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => {
    const initiative = await lockInitiative(tx, m.id, initiativeId);
    if (!initiative) return err('not_found');
    if (!mayAssignSelf(await standingFor(tx, initiative, actor), initiative.state)) return err('forbidden');
    if (initiative.facilitator?.id === actor.id) return ok({ changed: false });
    await setFacilitator(tx, m.id, initiative.id, actor.id);
    await insertEvent(tx, { municipalityId: m.id, initiativeId: initiative.id, kind: 'facilitator_assigned', actorId: actor.id });
    await notify(tx, {
      municipalityId: m.id,
      userIds: await listAudience(tx, m.id, initiative.id),
      actorId: actor.id,
      messageKey: 'initiatives.notify.facilitator',
      params: { title: initiative.title, name: actor.displayName },
      link: initiativePath(m, initiative.id),
    });
    return ok({ changed: true });
  });
}
