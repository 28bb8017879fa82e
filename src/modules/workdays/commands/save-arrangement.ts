// Records a volunteer's arrangement. For work with children only the status and date of the
// child-protection certificate check are kept; the certificate itself never enters the system.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../workdays.policy.js';
import { upsertArrangement } from '../workdays.repository.js';
import type { Arrangement } from '../workdays.types.js';

export async function saveArrangement(db: Database, actor: Actor | null, municipalityId: number, a: Arrangement): Promise<Result<undefined, 'forbidden'>> {
  if (!actor || !can(actor, 'manage_arrangements', municipalityId)) return err('forbidden');
  await db.transaction({ municipalityId, userId: actor.id }, (tx) => upsertArrangement(tx, municipalityId, a, actor.id));
  return ok();
}
