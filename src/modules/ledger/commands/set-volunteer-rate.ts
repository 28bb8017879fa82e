// The value of one volunteer hour in this municipality, used to show volunteer time beside cash.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../ledger.savings.policy.js';
import { setVolunteerHourRate } from '../ledger.savings.repository.js';

export async function setVolunteerRate(db: Database, actor: Actor | null, municipalityId: number, rateOre: bigint): Promise<Result<undefined, 'forbidden' | 'invalid'>> {
  if (!can(actor, 'manage_settings', municipalityId)) return err('forbidden');
  if (rateOre < 0n || rateOre > 100_000_00n) return err('invalid');
  await db.transaction({ municipalityId, userId: actor!.id }, (tx) => setVolunteerHourRate(tx, municipalityId, rateOre, actor!.id));
  return ok();
}
