// Corrections are reversing transactions: the same accounts, every amount negated, kind 'reversal',
// reverses_id pointing at the original, the memo saying why. A transaction is reversed at most once
// (unique index), a reversal is not itself reversed, and a reversal may not overdraw a pot.
import { sql } from 'kysely';
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { reversalLines } from '../ledger.balancing.js';
import { ledgerDbError, postTransaction } from '../ledger.posting.js';
import { can } from '../ledger.policy.js';
import { findTransaction } from '../ledger.repository.js';

export type ReverseError =
  | 'forbidden'
  | 'ledger.notFound'
  | 'ledger.reversal.reasonRequired'
  | 'ledger.reversal.reasonTooLong'
  | 'ledger.reversal.already'
  | 'ledger.reversal.ofReversal'
  | 'ledger.overdrawn';

export async function reverseTransaction(
  db: Database,
  actor: Actor | null,
  municipalityId: number,
  transactionId: number,
  reason: string,
): Promise<Result<{ transactionId: number }, ReverseError>> {
  if (!actor || !can(actor, 'post', municipalityId)) return err('forbidden');
  const memo = reason.trim();
  if (memo === '') return err('ledger.reversal.reasonRequired');
  if (memo.length > 1000) return err('ledger.reversal.reasonTooLong');
  try {
    return await db.transaction({ municipalityId, userId: actor.id }, async (trx): Promise<Result<{ transactionId: number }, ReverseError>> => {
      // One reversal of a transaction at a time; the read below then sees a reversal committed meanwhile.
      await sql`select pg_advisory_xact_lock(hashtextextended(${`ledger_reverse:${municipalityId}:${transactionId}`}, 0))`.execute(trx);
      const found = await findTransaction(trx, municipalityId, transactionId);
      if (!found) return err('ledger.notFound');
      if (found.transaction.kind === 'reversal') return err('ledger.reversal.ofReversal');
      if (found.transaction.reversedById !== null) return err('ledger.reversal.already');
      const t = found.transaction;
      const links = {
        ...(t.initiativeId !== null ? { initiativeId: t.initiativeId } : {}),
        ...(t.agreementId !== null ? { agreementId: t.agreementId } : {}),
        ...(t.grantApplicationId !== null ? { grantApplicationId: t.grantApplicationId } : {}),
        ...(t.budgetingProcessId !== null ? { budgetingProcessId: t.budgetingProcessId } : {}),
      };
      const r = await postTransaction(trx, {
        municipalityId,
        postedBy: actor.id,
        memo,
        kind: 'reversal',
        reversesId: t.id,
        entries: reversalLines(found.entries),
        links,
      });
      if (!r.ok) {
        // The original balanced and its accounts exist, so only an overdrawn pot can refuse it.
        if (r.error === 'ledger.overdrawn') return err('ledger.overdrawn');
        throw new Error(`reversal of ${t.id} refused: ${r.error}`);
      }
      return r;
    });
  } catch (error) {
    // Two reversals of the same transaction at once: the unique index lets one through.
    const e = error as { code?: string };
    if (e?.code === '23505') return err('ledger.reversal.already');
    if (ledgerDbError(error) === 'ledger.overdrawn') return err('ledger.overdrawn');
    throw error;
  }
}
