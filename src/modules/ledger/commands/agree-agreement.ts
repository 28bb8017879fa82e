// A finance officer (or admin) marks a draft agreement as agreed: from then on its baseline, period
// and split are frozen, and actual costs can be entered. The split must sum to exactly 100 %
// (checked here and, at commit, by the database).
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../ledger.savings.policy.js';
import { findAgreement, markAgreed } from '../ledger.savings.repository.js';
import { checkSplit } from '../ledger.savings.js';

export type AgreeError = 'forbidden' | 'not_found' | 'already_agreed' | 'ledger.split.sum';

export async function agreeAgreement(db: Database, actor: Actor | null, municipalityId: number, agreementId: number): Promise<Result<{ agreementId: number }, AgreeError>> {
  if (!can(actor, 'agree', municipalityId)) return err('forbidden');
  return db.transaction({ municipalityId, userId: actor!.id }, async (tx) => {
    const a = await findAgreement(tx, municipalityId, agreementId, true);
    if (!a) return err('not_found');
    if (a.status === 'agreed') return err('already_agreed');
    if (checkSplit(a.splits.map((s) => ({ key: s.accountId, bp: s.shareBp }))) !== null) return err('ledger.split.sum');
    await markAgreed(tx, municipalityId, agreementId, actor!.id);
    return ok({ agreementId });
  });
}
