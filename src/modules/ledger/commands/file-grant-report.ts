// The grantee's final report: what the money was spent on (lines), a short account in their own
// words, and the receipts. Every receipt is checked by its bytes before anything is stored; one bad
// file stores nothing. A report filed after it was flagged for repayment is still taken: staff then
// decide whether to close the grant or record a repayment.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { applicationFacts } from '../ledger.grants.facts.js';
import { can } from '../ledger.grants.policy.js';
import { findApplication, insertReceipt, lockApplication, recordReport } from '../ledger.grants.repository.js';
import { checkReceipt, MAX_RECEIPTS_PER_REPORT, type CleanReceipt } from '../ledger.grants.rules.js';
import { reportable, type TextLang } from '../ledger.grants.types.js';

export interface ReportInput {
  narrative: string;
  lang: TextLang;
  spending: { description: string; amountOre: bigint }[];
  files: { name: string; bytes: Uint8Array }[];
}

export type ReportError = 'forbidden' | 'not_found' | 'invalid' | 'ledger.grants.error.notReportable';

export async function fileGrantReport(db: Database, actor: Actor | null, mid: number, applicationId: number, input: ReportInput): Promise<Result<undefined, ReportError, Record<string, string> | undefined>> {
  if (!actor) return err('forbidden');
  const errors: Record<string, string> = {};
  if (input.spending.length === 0) errors.spendingDesc1 = 'ledger.grants.error.spendingMissing';
  const receipts: CleanReceipt[] = [];
  if (input.files.length === 0) errors.receipts = 'ledger.grants.error.receiptMissing';
  else if (input.files.length > MAX_RECEIPTS_PER_REPORT) errors.receipts = 'ledger.grants.error.receipt_count';
  else {
    for (const f of input.files) {
      const r = checkReceipt(f.name, f.bytes);
      if (!r.ok) {
        errors.receipts = `ledger.grants.error.${r.error}`;
        break;
      }
      receipts.push(r.value);
    }
  }
  return db.transaction({ municipalityId: mid, userId: actor.id }, async (tx) => {
    const a = await findApplication(tx, mid, applicationId);
    if (!a) return err('not_found');
    if (!can(actor, 'report', mid, await applicationFacts(tx, mid, actor, a))) return err('forbidden');
    const locked = await lockApplication(tx, mid, applicationId);
    if (!locked || !reportable.includes(locked.status)) return err('ledger.grants.error.notReportable');
    if (Object.keys(errors).length > 0) return err('invalid', errors);
    await recordReport(tx, mid, applicationId, { narrative: input.narrative, lang: input.lang, reportedBy: actor.id, spending: input.spending });
    for (const r of receipts) await insertReceipt(tx, mid, applicationId, { ...r, uploadedBy: actor.id });
    return ok();
  });
}
