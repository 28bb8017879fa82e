// Changes a local area's name, kind, inhabitants or boundary.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../municipalities.policy.js';
import { constraints, updateArea as updateAreaRow, violatedConstraint, type AreaFields } from '../municipalities.repository.js';
import type { Area } from '../municipalities.types.js';

export type UpdateAreaError = 'forbidden' | 'area_not_found' | 'area_name_taken';

export async function updateArea(db: Database, actor: Actor | null, municipalityId: number, areaId: number, fields: AreaFields): Promise<Result<Area, UpdateAreaError>> {
  if (!actor || !can(actor, 'manage', municipalityId)) return err('forbidden');
  try {
    const area = await db.transaction({ municipalityId, userId: actor.id }, (tx) => updateAreaRow(tx, municipalityId, areaId, fields));
    return area ? ok(area) : err('area_not_found');
  } catch (error) {
    if (violatedConstraint(error, 'unique') === constraints.areaName) return err('area_name_taken');
    throw error;
  }
}
