// A finance officer records money a grantee paid back (unspent, or because the report never came):
// a 'grant_repayment' transaction from "grants paid" back into the pool, linked to the application,
// which is then closed. At most the granted amount.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { ensureAccount, postTransaction } from '../ledger.posting.js';
import { applicationFacts } from '../ledger.grants.facts.js';
import { can } from '../ledger.grants.policy.js';
import { findApplication, findPool, lockApplication, recordRepayment } from '../ledger.grants.repository.js';
import { repayable } from '../ledger.grants.types.js';
import { GRANTS_PAID_ACCOUNT } from './pay-out-grant.js';

export type RepaymentError = 'forbidden' | 'not_found' | 'invalid' | 'ledger.grants.error.notRepayable';

export async function recordGrantRepayment(db: Database, actor: Actor | null, mid: number, applicationId: number, input: { amountOre: bigint; memo: string }): Promise<Result<{ transactionId: number }, RepaymentError, Record<string, string> | undefined>> {
  if (!actor) return err('forbidden');
  return db.transaction({ municipalityId: mid, userId: actor.id }, async (tx) => {
    const locked = await lockApplication(tx, mid, applicationId);
    if (!locked) return err('not_found');
    const a = (await findApplication(tx, mid, applicationId))!;
    if (!can(actor, 'record_repayment', mid, await applicationFacts(tx, mid, actor, a))) return err('forbidden');
    if (!repayable.includes(locked.status)) return err('ledger.grants.error.notRepayable');
    if (input.amountOre <= 0n) return err('invalid', { amount: 'ledger.grants.error.amount' });
    if (input.amountOre > a.amountGrantedOre!) return err('invalid', { amount: 'ledger.grants.error.overGranted' });
    const pool = (await findPool(tx, mid, a.poolId))!;
    const paidAccount = await ensureAccount(tx, { municipalityId: mid, kind: 'grants_paid', name: GRANTS_PAID_ACCOUNT, createdBy: actor.id });
    const r = await postTransaction(tx, {
      municipalityId: mid,
      postedBy: actor.id,
      memo: input.memo,
      kind: 'grant_repayment',
      entries: [
        { accountId: paidAccount, amountOre: -input.amountOre },
        { accountId: pool.accountId, amountOre: input.amountOre },
      ],
      links: { grantApplicationId: applicationId },
    });
    if (!r.ok) return err('invalid', { amount: r.error });
    await recordRepayment(tx, mid, applicationId, r.value.transactionId, actor.id);
    return ok(r.value);
  });
}
