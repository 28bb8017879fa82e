// Adds a local area. A second area with the same name (in any letter case) is refused by the unique
// index, which also makes a double-submitted form safe: the second insert becomes area_name_taken.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../municipalities.policy.js';
import { constraints, insertArea, violatedConstraint, type AreaFields } from '../municipalities.repository.js';
import type { Area } from '../municipalities.types.js';

export type CreateAreaError = 'forbidden' | 'area_name_taken';

export async function createArea(db: Database, actor: Actor | null, municipalityId: number, fields: AreaFields): Promise<Result<Area, CreateAreaError>> {
  if (!actor || !can(actor, 'manage', municipalityId)) return err('forbidden');
  try {
    return ok(await db.transaction({ municipalityId, userId: actor.id }, (tx) => insertArea(tx, municipalityId, fields)));
  } catch (error) {
    if (violatedConstraint(error, 'unique') === constraints.areaName) return err('area_name_taken');
    throw error;
  }
}
