// A finance officer (or admin) creates a grant pool with its rules. The pool's money gets its own
// ledger account (kind 'grant_pool', never negative); the pool starts empty until it is funded.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { todayIn } from '../../../core/time/zoned-time.js';
import { ensureAccount } from '../ledger.posting.js';
import type { GrantMunicipality } from '../ledger.grants.facts.js';
import { can } from '../ledger.grants.policy.js';
import { insertPool, poolNameTaken } from '../ledger.grants.repository.js';
import type { PoolRules, TextLang } from '../ledger.grants.types.js';

export interface PoolInput extends PoolRules {
  name: string;
  description: string;
  lang: TextLang;
}

export async function createGrantPool(db: Database, actor: Actor | null, m: GrantMunicipality, input: PoolInput, now = new Date()): Promise<Result<{ poolId: number }, 'forbidden' | 'invalid', Record<string, string> | undefined>> {
  if (!actor || !can(actor, 'manage_pool', m.id)) return err('forbidden');
  const errors: Record<string, string> = {};
  if (input.deadline < todayIn(now, m.timeZone)) errors.deadline = 'ledger.grants.error.deadlinePast';
  if (input.fastTrackOre > input.maxGrantOre) errors.fastTrack = 'ledger.grants.error.fastTrackOverMax';
  if (Object.keys(errors).length > 0) return err('invalid', errors);
  return db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => {
    if (await poolNameTaken(tx, m.id, input.name)) return err('invalid', { name: 'ledger.grants.error.nameTaken' });
    const accountId = await ensureAccount(tx, { municipalityId: m.id, kind: 'grant_pool', name: input.name, description: input.description.slice(0, 2000), createdBy: actor.id });
    const poolId = await insertPool(tx, m.id, { ...input, accountId, createdBy: actor.id });
    return ok({ poolId });
  });
}
