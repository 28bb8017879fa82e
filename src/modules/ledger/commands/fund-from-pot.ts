// Reinvestment: a pot funds an initiative (its 'initiative_budget' account, kind 'reinvestment') or a
// participatory-budget envelope (an account linked to the budgeting process, kind 'pb_envelope').
// Spending more than the pot holds is refused and nothing is stored, not even the target account.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { listProcessesForSelect } from '../../budgeting/index.js';
import { findInitiativeRef } from '../../initiatives/index.js';
import { ensureAccount, postTransaction } from '../ledger.posting.js';
import { can } from '../ledger.savings.policy.js';
import { findAccount } from '../ledger.savings.repository.js';
import { Refusal, refusing } from './savings-rollback.js';

export type FundTarget = { kind: 'initiative'; initiativeId: number } | { kind: 'pb'; processId: number };
export type FundError = 'forbidden' | 'not_found' | 'invalid' | 'ledger.overdrawn';

export async function fundFromPot(
  db: Database,
  actor: Actor | null,
  municipalityId: number,
  input: { potId: number; target: FundTarget; amountOre: bigint; memo: string },
): Promise<Result<{ transactionId: number; accountId: number }, FundError, Record<string, string>>> {
  if (!can(actor, 'reinvest', municipalityId)) return err('forbidden', {});
  const memo = input.memo.trim();
  if (input.amountOre <= 0n) return err('invalid', { amount: 'ledger.savings.error.zero' });
  if (memo.length < 3 || memo.length > 1000) return err('invalid', { memo: 'ledger.reinvest.error.memo' });
  const mid = municipalityId;
  return refusing(() =>
    db.transaction({ municipalityId: mid, userId: actor!.id }, async (tx): Promise<Result<{ transactionId: number; accountId: number }, FundError, Record<string, string>>> => {
      const pot = await findAccount(tx, mid, input.potId);
      if (!pot || !(pot.kind === 'pot' || pot.kind === 'area_pool') || pot.budgetingProcessId !== null) return err('not_found', {});
      let accountId: number;
      if (input.target.kind === 'initiative') {
        const initiative = await findInitiativeRef(tx, mid, input.target.initiativeId);
        if (!initiative) return err('invalid', { initiativeId: 'ledger.reinvest.error.initiative' });
        accountId = await ensureAccount(tx, { municipalityId: mid, kind: 'initiative_budget', name: initiative.title, initiativeId: initiative.id, createdBy: actor!.id });
      } else {
        const processId = input.target.processId;
        const process = (await listProcessesForSelect(tx, mid)).find((p) => p.id === processId);
        if (!process) return err('invalid', { processId: 'ledger.reinvest.error.process' });
        accountId = await ensureAccount(tx, { municipalityId: mid, kind: 'pot', name: process.title, budgetingProcessId: process.id, createdBy: actor!.id });
      }
      const posted = await postTransaction(tx, {
        municipalityId: mid,
        postedBy: actor!.id,
        memo,
        kind: input.target.kind === 'initiative' ? 'reinvestment' : 'pb_envelope',
        entries: [
          { accountId: pot.id, amountOre: -input.amountOre },
          { accountId, amountOre: input.amountOre },
        ],
        links: input.target.kind === 'initiative' ? { initiativeId: input.target.initiativeId } : { budgetingProcessId: input.target.processId },
      });
      if (!posted.ok) throw new Refusal(err(posted.error === 'ledger.overdrawn' ? 'ledger.overdrawn' : 'invalid', posted.error === 'ledger.overdrawn' ? { amount: 'ledger.overdrawn' } : {}));
      return ok({ transactionId: posted.value.transactionId, accountId });
    }),
  );
}
