// A finance officer pays out an approved grant: one 'grant_payout' transaction from the pool's
// account to the municipality's "grants paid" account, linked to the application. The application
// row is locked first, so a second payout of the same grant waits and then finds it paid; the pool
// account is locked by postTransaction, so parallel payouts of different grants never overdraw it.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { todayIn } from '../../../core/time/zoned-time.js';
import { formatOre } from '../ledger.money.js';
import { ensureAccount, ledgerDbError, postTransaction } from '../ledger.posting.js';
import { applicationFacts, type GrantMunicipality } from '../ledger.grants.facts.js';
import { can } from '../ledger.grants.policy.js';
import { findApplication, findPool, lockApplication, recordPayout } from '../ledger.grants.repository.js';
import { addDays } from '../ledger.grants.rules.js';
import { payable } from '../ledger.grants.types.js';

export type PayoutError = 'forbidden' | 'not_found' | 'ledger.overdrawn' | 'ledger.grants.error.alreadyPaid' | 'ledger.grants.error.notApproved';

/** Name of the account every payout goes to (one per municipality). */
export const GRANTS_PAID_ACCOUNT = 'Udbetalte tilskud';

export async function payOutGrant(db: Database, actor: Actor | null, m: GrantMunicipality, applicationId: number, now = new Date()): Promise<Result<{ transactionId: number }, PayoutError>> {
  if (!actor) return err('forbidden');
  try {
    return await db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => {
      const locked = await lockApplication(tx, m.id, applicationId);
      if (!locked) return err('not_found');
      const a = (await findApplication(tx, m.id, applicationId))!;
      if (!can(actor, 'pay', m.id, await applicationFacts(tx, m.id, actor, a))) return err('forbidden');
      if (!payable.includes(locked.status)) return err(a.payoutTransactionId !== null ? 'ledger.grants.error.alreadyPaid' : 'ledger.grants.error.notApproved');
      const pool = (await findPool(tx, m.id, a.poolId))!;
      const amount = a.amountGrantedOre!;
      const paidAccount = await ensureAccount(tx, { municipalityId: m.id, kind: 'grants_paid', name: GRANTS_PAID_ACCOUNT, createdBy: actor.id });
      const r = await postTransaction(tx, {
        municipalityId: m.id,
        postedBy: actor.id,
        memo: `${pool.name}: ${a.title} (${a.groupName ?? a.applicantName}), ${formatOre(amount, 'da')}`.slice(0, 1000),
        kind: 'grant_payout',
        entries: [
          { accountId: pool.accountId, amountOre: -amount },
          { accountId: paidAccount, amountOre: amount },
        ],
        links: { grantApplicationId: applicationId },
      });
      if (!r.ok) {
        if (r.error === 'ledger.overdrawn') return err('ledger.overdrawn');
        throw new Error(`payout posting failed: ${r.error}`);
      }
      await recordPayout(tx, m.id, applicationId, r.value.transactionId, addDays(todayIn(now, m.timeZone), pool.reportDueDays));
      return ok(r.value);
    });
  } catch (e) {
    if (ledgerDbError(e) === 'ledger.overdrawn') return err('ledger.overdrawn');
    throw e;
  }
}
