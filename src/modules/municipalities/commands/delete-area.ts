// Removes a local area. Other modules' rows that point at it (groups, initiatives) block the delete
// through their foreign keys; that becomes area_in_use rather than a crash.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../municipalities.policy.js';
import { deleteArea as deleteAreaRow, violatedConstraint } from '../municipalities.repository.js';

export type DeleteAreaError = 'forbidden' | 'area_not_found' | 'area_in_use';

export async function deleteArea(db: Database, actor: Actor | null, municipalityId: number, areaId: number): Promise<Result<undefined, DeleteAreaError>> {
  if (!actor || !can(actor, 'manage', municipalityId)) return err('forbidden');
  try {
    const deleted = await db.transaction({ municipalityId, userId: actor.id }, (tx) => deleteAreaRow(tx, municipalityId, areaId));
    return deleted ? ok() : err('area_not_found');
  } catch (error) {
    if (violatedConstraint(error, 'foreign_key') !== null) return err('area_in_use');
    throw error;
  }
}
