// Signs off the saving of one period: the pro-rated baseline minus the actual cost becomes money.
// Four eyes: the finance officer who entered the costs cannot sign (checked here with its own
// message, and by a check constraint). The period row is locked `for update`, so of two concurrent
// sign-offs one posts and the other sees it signed. Posts ONE transaction (kind 'saving'): the
// service budget line gives the saving, each pot of the split receives its share, exactly.
import { hasRole, type Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { postTransaction } from '../ledger.posting.js';
import { findAgreement, lockPeriod, markSignedOff } from '../ledger.savings.repository.js';
import { proratedBaseline, realisedSaving, splitByBasisPoints } from '../ledger.savings.js';
import type { PostingError } from '../ledger.types.js';
import { Refusal, refusing } from './savings-rollback.js';

export type SignOffError = 'forbidden' | 'not_found' | 'own_entry' | 'already_signed_off' | 'no_saving' | PostingError;

export interface SignedOff {
  transactionId: number;
  savingOre: bigint;
  parts: { accountId: number; amountOre: bigint }[];
}

export async function signOffPeriod(
  db: Database,
  actor: Actor | null,
  municipalityId: number,
  agreementId: number,
  periodId: number,
  /** Why the money moved, in the signer's language (e.g. "Besparelse: Bus route 312, 1. halvår 2025"). */
  memo: (agreementTitle: string, periodLabel: string) => string,
): Promise<Result<SignedOff, SignOffError>> {
  if (!actor || !hasRole(actor, municipalityId, 'finance_officer')) return err('forbidden');
  return refusing(() =>
    db.transaction({ municipalityId, userId: actor.id }, async (tx): Promise<Result<SignedOff, SignOffError>> => {
      const period = await lockPeriod(tx, municipalityId, agreementId, periodId);
      if (!period) return err('not_found');
      if (period.signedOffAt) return err('already_signed_off');
      if (period.enteredBy === actor.id) return err('own_entry');
      const a = await findAgreement(tx, municipalityId, agreementId);
      if (!a || a.status !== 'agreed') return err('not_found');
      const baselineOre = proratedBaseline(a.baselineAnnualOre, period.startsOn, period.endsOn);
      const savingOre = realisedSaving(baselineOre, period.actualOre);
      if (savingOre <= 0n) return err('no_saving');
      const parts = splitByBasisPoints(savingOre, a.splits.map((s) => ({ key: s.accountId, bp: s.shareBp }))).map((p) => ({ accountId: p.key, amountOre: p.amountOre }));
      const posted = await postTransaction(tx, {
        municipalityId,
        postedBy: actor.id,
        memo: memo(a.title, period.label),
        kind: 'saving',
        entries: [{ accountId: a.serviceAccountId, amountOre: -savingOre }, ...parts.filter((p) => p.amountOre > 0n)],
        links: { initiativeId: a.initiativeId, agreementId: a.id },
      });
      if (!posted.ok) throw new Refusal(err(posted.error));
      await markSignedOff(tx, municipalityId, periodId, { baselineOre, savingOre, by: actor.id, transactionId: posted.value.transactionId });
      return ok({ transactionId: posted.value.transactionId, savingOre, parts });
    }),
  );
}
