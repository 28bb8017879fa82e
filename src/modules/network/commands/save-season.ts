// A network admin creates a season or changes its name, dates, theme and description.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../network.meetings.policy.js';
import { findSeason, insertSeason, seasonNameTaken, updateSeason, type SeasonFields } from '../network.meetings.repository.js';

export type SaveSeasonError = 'forbidden' | 'not_found' | 'name_taken';

export async function createSeason(db: Database, actor: Actor | null, fields: SeasonFields): Promise<Result<{ seasonId: number }, SaveSeasonError>> {
  if (!can(actor, 'manage')) return err('forbidden');
  return db.transaction({ municipalityId: null, userId: actor!.id }, async (tx) => {
    if (await seasonNameTaken(tx, fields.name, null)) return err('name_taken');
    return ok({ seasonId: await insertSeason(tx, fields, actor!.id) });
  });
}

export async function editSeason(db: Database, actor: Actor | null, seasonId: number, fields: SeasonFields): Promise<Result<{ seasonId: number }, SaveSeasonError>> {
  if (!can(actor, 'manage')) return err('forbidden');
  return db.transaction({ municipalityId: null, userId: actor!.id }, async (tx) => {
    if (!(await findSeason(tx, seasonId))) return err('not_found');
    if (await seasonNameTaken(tx, fields.name, seasonId)) return err('name_taken');
    await updateSeason(tx, seasonId, fields);
    return ok({ seasonId });
  });
}
