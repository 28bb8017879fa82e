// A manual transaction by a finance officer or admin: two or more lines that balance, a reason.
// Everything is checked by postTransaction (and at commit by the database); on any refusal nothing
// is stored.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, type Result } from '../../../core/errors/result.js';
import { ledgerDbError, postTransaction, type EntryInput } from '../ledger.posting.js';
import { can } from '../ledger.policy.js';
import type { PostingError } from '../ledger.types.js';

export interface ManualPostingInput {
  memo: string;
  kind: 'manual' | 'opening';
  entries: EntryInput[];
}

export async function postManualTransaction(db: Database, actor: Actor | null, municipalityId: number, input: ManualPostingInput): Promise<Result<{ transactionId: number }, 'forbidden' | PostingError>> {
  if (!actor || !can(actor, 'post', municipalityId)) return err('forbidden');
  try {
    return await db.transaction({ municipalityId, userId: actor.id }, (trx) =>
      postTransaction(trx, { municipalityId, postedBy: actor.id, memo: input.memo, kind: input.kind, entries: input.entries }),
    );
  } catch (error) {
    // Refused at commit by the database's own checks (a writer raced us): report it like the code would.
    const code = ledgerDbError(error);
    if (code === 'ledger.overdrawn' || code === 'ledger.unbalanced' || code === 'ledger.tooFewEntries') return err(code);
    throw error;
  }
}
