// A signed-in resident applies to a pool, alone or for a group or association they coordinate.
// Every rule of the pool is checked first (closed, past the deadline, who may apply, over the
// maximum, too little co-financing, a budget that does not add up): any failure stores nothing.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { todayIn } from '../../../core/time/zoned-time.js';
import { findGroup, isCoordinator } from '../../groups/index.js';
import type { GrantMunicipality } from '../ledger.grants.facts.js';
import { can } from '../ledger.grants.policy.js';
import { findPool, insertApplication } from '../ledger.grants.repository.js';
import { applicantKindOfGroup, checkApplication } from '../ledger.grants.rules.js';
import type { TextLang } from '../ledger.grants.types.js';

export interface ApplyInput {
  /** null: the resident applies for themself. */
  groupId: number | null;
  title: string;
  purpose: string;
  lang: TextLang;
  amountRequestedOre: bigint;
  cofinancingOre: bigint;
  budget: { description: string; amountOre: bigint }[];
}

export type ApplyError = 'forbidden' | 'not_found' | 'invalid';

export async function applyForGrant(db: Database, actor: Actor | null, m: GrantMunicipality, poolId: number, input: ApplyInput, now = new Date()): Promise<Result<{ applicationId: number }, ApplyError, Record<string, string> | undefined>> {
  if (!actor) return err('forbidden');
  return db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => {
    const pool = await findPool(tx, m.id, poolId);
    if (!pool) return err('not_found');
    let kind: 'resident' | 'group' | 'association' = 'resident';
    if (input.groupId !== null) {
      const group = await findGroup(tx, m.id, input.groupId);
      if (!group) return err('invalid', { applicant: 'ledger.grants.error.applicant' });
      kind = applicantKindOfGroup(group.kind);
      const coordinates = await isCoordinator(tx, m.id, input.groupId, actor.id);
      if (!can(actor, 'apply', m.id, { applicant: true, coordinatesGroup: coordinates, asResident: false })) return err('forbidden');
    }
    const budgetTotal = input.budget.length === 0 ? null : input.budget.reduce((s, l) => s + l.amountOre, 0n);
    const errors = checkApplication(pool, { applicantKind: kind, amountRequestedOre: input.amountRequestedOre, cofinancingOre: input.cofinancingOre, budgetTotalOre: budgetTotal }, todayIn(now, m.timeZone));
    if (Object.keys(errors).length > 0) return err('invalid', errors);
    const applicationId = await insertApplication(tx, m.id, { poolId, applicantId: actor.id, applicantKind: kind, ...input });
    return ok({ applicationId });
  });
}
