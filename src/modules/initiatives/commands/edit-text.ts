// The people behind an initiative (or its facilitator) correct its title, problem, proposal, language,
// area or theme. Allowed while the initiative is not finished (the same rule as partners and asks);
// the edit is stamped on the public timeline with the previous title, so supporters can tell.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { listAreas, listThemes } from '../../municipalities/index.js';
import { mayEditDetails } from '../initiatives.policy.js';
import { insertEvent, lockInitiative, updateDetails, type DetailChanges } from '../initiatives.repository.js';
import { standingFor, type Tenant } from '../initiatives.standing.js';

export type EditTextError = 'not_found' | 'forbidden' | 'unknown_area' | 'unknown_theme';

export async function editText(db: Database, m: Tenant, actor: Actor | null, initiativeId: number, changes: DetailChanges): Promise<Result<{ changed: boolean }, EditTextError>> {
  if (!actor) return err('forbidden');
  return db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => {
    const current = await lockInitiative(tx, m.id, initiativeId);
    if (!current) return err('not_found');
    if (!mayEditDetails(await standingFor(tx, current, actor), current.state)) return err('forbidden');
    if (changes.areaId !== null && !(await listAreas(tx, m.id)).some((a) => a.id === changes.areaId)) return err('unknown_area');
    if (changes.themeId !== null && !(await listThemes(tx, m.id)).some((t) => t.id === changes.themeId)) return err('unknown_theme');
    const changed =
      current.title !== changes.title || current.problem !== changes.problem || current.proposal !== changes.proposal ||
      current.lang !== changes.lang || current.areaId !== changes.areaId || current.themeId !== changes.themeId;
    // Saving the form unchanged is not an edit: no timeline entry for nothing.
    if (!changed) return ok({ changed: false });
    await updateDetails(tx, m.id, initiativeId, changes);
    await insertEvent(tx, { municipalityId: m.id, initiativeId, kind: 'edited', body: current.title, lang: current.lang, actorId: actor.id });
    return ok({ changed: true });
  });
}
