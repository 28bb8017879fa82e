// A finance officer or admin opens an account (a budget line, a pot, ...). Whether it may go
// negative follows from its kind (ledger.types.ts), and the database holds the same rule.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../ledger.policy.js';
import { accountNameTaken, insertAccount } from '../ledger.repository.js';
import { defaultMayGoNegative, type AccountKind } from '../ledger.types.js';

export interface CreateAccountInput {
  kind: AccountKind;
  name: string;
  code: string | null;
  description: string;
}

export async function createAccount(db: Database, actor: Actor | null, municipalityId: number, input: CreateAccountInput): Promise<Result<{ accountId: number }, 'forbidden' | 'ledger.account.error.duplicateName'>> {
  if (!actor || !can(actor, 'post', municipalityId)) return err('forbidden');
  return db.transaction({ municipalityId, userId: actor.id }, async (trx) => {
    if (await accountNameTaken(trx, municipalityId, input.kind, input.name)) return err('ledger.account.error.duplicateName');
    const accountId = await insertAccount(trx, municipalityId, { ...input, mayGoNegative: defaultMayGoNegative(input.kind), createdBy: actor.id });
    return ok({ accountId });
  });
}
