// A finance officer moves money into a pool's account from a pot, an area pool or the municipal
// budget: one balanced 'grant_pool_funding' transaction. A pot cannot give more than it holds.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { ledgerDbError, postTransaction } from '../ledger.posting.js';
import { can } from '../ledger.grants.policy.js';
import { findPool, fundingSources } from '../ledger.grants.repository.js';

export interface FundInput {
  sourceAccountId: number;
  amountOre: bigint;
  memo: string;
}

export type FundError = 'forbidden' | 'not_found' | 'invalid';

export async function fundGrantPool(db: Database, actor: Actor | null, mid: number, poolId: number, input: FundInput): Promise<Result<{ transactionId: number }, FundError, Record<string, string> | undefined>> {
  if (!actor || !can(actor, 'fund_pool', mid)) return err('forbidden');
  if (input.amountOre <= 0n) return err('invalid', { amount: 'ledger.grants.error.amount' });
  try {
    return await db.transaction({ municipalityId: mid, userId: actor.id }, async (tx) => {
      const pool = await findPool(tx, mid, poolId);
      if (!pool) return err('not_found');
      if (!(await fundingSources(tx, mid)).some((a) => a.id === input.sourceAccountId)) return err('invalid', { sourceAccountId: 'ledger.grants.error.source' });
      const r = await postTransaction(tx, {
        municipalityId: mid,
        postedBy: actor.id,
        memo: input.memo,
        kind: 'grant_pool_funding',
        entries: [
          { accountId: input.sourceAccountId, amountOre: -input.amountOre },
          { accountId: pool.accountId, amountOre: input.amountOre },
        ],
      });
      if (!r.ok) return err('invalid', { amount: r.error });
      return ok(r.value);
    });
  } catch (e) {
    if (ledgerDbError(e) === 'ledger.overdrawn') return err('invalid', { amount: 'ledger.overdrawn' });
    throw e;
  }
}
