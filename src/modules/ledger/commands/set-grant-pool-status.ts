// Opening or closing a pool for applications. Closing stops new applications; applications already
// made are still handled, decided and paid.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../ledger.grants.policy.js';
import { setPoolStatus } from '../ledger.grants.repository.js';
import type { PoolStatus } from '../ledger.grants.types.js';

export async function setGrantPoolStatus(db: Database, actor: Actor | null, mid: number, poolId: number, status: PoolStatus): Promise<Result<undefined, 'forbidden' | 'not_found'>> {
  if (!actor || !can(actor, 'manage_pool', mid)) return err('forbidden');
  return db.transaction({ municipalityId: mid, userId: actor.id }, async (tx) => ((await setPoolStatus(tx, mid, poolId, status)) ? ok() : err('not_found')));
}
