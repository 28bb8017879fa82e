// Creates or edits a draft savings agreement: the initiative, the service budget line (an existing one
// or a new one by name), baseline with its source, proposed cost, period and the split of any saving.
// Everything is checked before anything is written; an agreed agreement is frozen (also in the database).
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { findInitiativeRef } from '../../initiatives/index.js';
import { ensureAccount } from '../ledger.posting.js';
import { can } from '../ledger.savings.policy.js';
import { accountsOfKinds, findAccount, findAgreement, insertAgreement, replaceSplits, updateAgreement } from '../ledger.savings.repository.js';
import { checkSplit } from '../ledger.savings.js';
import { refusing } from './savings-rollback.js';

export const SPLIT_ACCOUNT_KINDS = ['pot', 'area_pool', 'municipal_budget'] as const;

export interface AgreementInput {
  initiativeId: number;
  title: string;
  /** An existing service budget line, or null to create `newServiceName`. */
  serviceAccountId: number | null;
  newServiceName: string;
  newServiceCode: string;
  baselineAnnualOre: bigint;
  baselineSource: string;
  proposedAnnualOre: bigint;
  startsOn: string;
  endsOn: string;
  splits: { accountId: number; shareBp: number }[];
}

export type SaveAgreementError = 'forbidden' | 'not_found' | 'frozen' | 'invalid';
type Errors = Record<string, string>;

export async function saveAgreement(db: Database, actor: Actor | null, municipalityId: number, agreementId: number | null, input: AgreementInput): Promise<Result<{ agreementId: number }, SaveAgreementError, Errors>> {
  if (!can(actor, 'edit_agreement', municipalityId)) return err('forbidden', {});
  const mid = municipalityId;
  return refusing(() =>
    db.transaction({ municipalityId: mid, userId: actor!.id }, async (tx): Promise<Result<{ agreementId: number }, SaveAgreementError, Errors>> => {
      if (agreementId !== null) {
        const current = await findAgreement(tx, mid, agreementId, true);
        if (!current) return err('not_found', {});
        if (current.status !== 'draft') return err('frozen', {});
      }
      const errors: Errors = {};
      if (!(await findInitiativeRef(tx, mid, input.initiativeId))) errors.initiativeId = 'ledger.savings.error.initiative';
      if (input.serviceAccountId !== null) {
        const service = await findAccount(tx, mid, input.serviceAccountId);
        if (!service || service.kind !== 'service_budget') errors.serviceAccountId = 'ledger.savings.error.service';
      }
      const allowed = new Set((await accountsOfKinds(tx, mid, [...SPLIT_ACCOUNT_KINDS])).filter((a) => a.budgetingProcessId === null).map((a) => a.id));
      input.splits.forEach((s, i) => {
        if (!allowed.has(s.accountId)) errors[`split${i + 1}Account`] = 'ledger.split.account';
      });
      const splitProblem = checkSplit(input.splits.map((s) => ({ key: s.accountId, bp: s.shareBp })));
      if (splitProblem) errors.split1Percent ??= splitProblem;
      if (Object.keys(errors).length > 0) return err('invalid', errors);

      const serviceAccountId =
        input.serviceAccountId ??
        (await ensureAccount(tx, { municipalityId: mid, kind: 'service_budget', name: input.newServiceName, code: input.newServiceCode === '' ? null : input.newServiceCode, createdBy: actor!.id }));
      const fields = {
        initiativeId: input.initiativeId,
        serviceAccountId,
        title: input.title,
        baselineAnnualOre: input.baselineAnnualOre,
        baselineSource: input.baselineSource,
        proposedAnnualOre: input.proposedAnnualOre,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
      };
      let id = agreementId;
      if (id === null) id = await insertAgreement(tx, mid, fields, actor!.id);
      else await updateAgreement(tx, mid, id, fields);
      await replaceSplits(tx, mid, id, input.splits);
      return ok({ agreementId: id });
    }),
  );
}
