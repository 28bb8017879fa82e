// A finance officer enters the actual cost of one period of an agreed agreement, or corrects it
// before it is signed off (then they are the one who entered it). Periods lie inside the agreement's
// period and never overlap (exclusion constraint); a signed-off period is never changed.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../ledger.savings.policy.js';
import { findAgreement, insertPeriod, lockPeriod, savingsDbError, updatePeriodCosts, type PeriodFields } from '../ledger.savings.repository.js';

export type EnterCostsError = 'forbidden' | 'not_found' | 'not_agreed' | 'signed_off' | 'invalid';

export async function enterActualCosts(
  db: Database,
  actor: Actor | null,
  municipalityId: number,
  agreementId: number,
  fields: PeriodFields,
  periodId: number | null = null,
): Promise<Result<{ periodId: number }, EnterCostsError, Record<string, string>>> {
  if (!can(actor, 'enter_costs', municipalityId)) return err('forbidden', {});
  try {
    return await db.transaction({ municipalityId, userId: actor!.id }, async (tx): Promise<Result<{ periodId: number }, EnterCostsError, Record<string, string>>> => {
      const a = await findAgreement(tx, municipalityId, agreementId);
      if (!a) return err('not_found', {});
      if (a.status !== 'agreed') return err('not_agreed', {});
      if (fields.startsOn < a.startsOn || fields.endsOn > a.endsOn) return err('invalid', { startsOn: 'ledger.period.outside' });
      if (periodId !== null) {
        const p = await lockPeriod(tx, municipalityId, agreementId, periodId);
        if (!p) return err('not_found', {});
        if (p.signedOffAt) return err('signed_off', {});
        await updatePeriodCosts(tx, municipalityId, periodId, fields, actor!.id);
        return ok({ periodId });
      }
      return ok({ periodId: await insertPeriod(tx, municipalityId, agreementId, fields, actor!.id) });
    });
  } catch (error) {
    const code = savingsDbError(error);
    if (code === 'ledger_agreement_periods_no_overlap') return err('invalid', { startsOn: 'ledger.period.overlap' });
    if (code === 'ledger_period_outside') return err('invalid', { startsOn: 'ledger.period.outside' });
    if (code === 'ledger_period_signed_off') return err('signed_off', {});
    throw error;
  }
}
