// A progress update on the public timeline, by the people behind the initiative or its facilitator.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { notify } from '../../notifications/index.js';
import { mayPostUpdate } from '../initiatives.policy.js';
import { insertEvent, lockInitiative, touchActivity } from '../initiatives.repository.js';
import { milestoneAudience } from '../initiatives.groups.js';
import { initiativePath, standingFor, type Tenant } from '../initiatives.standing.js';
import type { TextLang } from '../initiatives.types.js';

export async function postUpdate(
  db: Database,
  m: Tenant,
  actor: Actor | null,
  input: { initiativeId: number; body: string; lang: TextLang; eventKey: string | null },
): Promise<Result<{ id: number | null; created: boolean }, 'not_found' | 'forbidden'>> {
  if (!actor) return err('forbidden');
  return db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => {
    const initiative = await lockInitiative(tx, m.id, input.initiativeId);
    if (!initiative) return err('not_found');
    if (!mayPostUpdate(await standingFor(tx, initiative, actor), initiative.state)) return err('forbidden');
    const id = await insertEvent(tx, { municipalityId: m.id, initiativeId: initiative.id, kind: 'update', body: input.body, lang: input.lang, actorId: actor.id, eventKey: input.eventKey });
    if (id === null) return ok({ id: null, created: false });
    await touchActivity(tx, m.id, initiative.id);
    await notify(tx, {
      municipalityId: m.id,
      userIds: await milestoneAudience(tx, m.id, initiative),
      actorId: actor.id,
      messageKey: 'initiatives.notify.update',
      params: { title: initiative.title, author: actor.displayName },
      link: initiativePath(m, initiative.id, `event-${id}`),
    });
    return ok({ id, created: true });
  });
}
