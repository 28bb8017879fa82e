// The decision on an application, as the deciding body made it (e.g. "Udvalget for Landdistrikter"
// on a date): approved with an amount, or declined. Recorded by a facilitator or finance officer.
// The fast track (fastTrackGrant) lets one facilitator approve a small application directly.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { todayIn } from '../../../core/time/zoned-time.js';
import { applicationFacts, type GrantMunicipality } from '../ledger.grants.facts.js';
import { can } from '../ledger.grants.policy.js';
import { findApplication, findPool, lockApplication, recordDecision } from '../ledger.grants.repository.js';
import { undecided } from '../ledger.grants.types.js';

export interface DecisionInput {
  outcome: 'approve' | 'decline';
  decidingBody: string;
  decisionDate: string;
  amountGrantedOre: bigint | null;
  note: string;
}

export type DecideError = 'forbidden' | 'not_found' | 'invalid' | 'ledger.grants.error.alreadyDecided';

export async function decideGrantApplication(db: Database, actor: Actor | null, m: GrantMunicipality, applicationId: number, input: DecisionInput, now = new Date()): Promise<Result<undefined, DecideError, Record<string, string> | undefined>> {
  if (!actor) return err('forbidden');
  return db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => {
    const a = await findApplication(tx, m.id, applicationId);
    if (!a) return err('not_found');
    if (!can(actor, 'decide', m.id, await applicationFacts(tx, m.id, actor, a))) return err('forbidden');
    const locked = await lockApplication(tx, m.id, applicationId);
    if (!locked || !undecided.includes(locked.status)) return err('ledger.grants.error.alreadyDecided');
    const pool = (await findPool(tx, m.id, a.poolId))!;
    const errors: Record<string, string> = {};
    if (input.decisionDate > todayIn(now, m.timeZone)) errors.decisionDate = 'ledger.grants.error.decisionDateFuture';
    if (input.outcome === 'approve') {
      if (input.amountGrantedOre === null || input.amountGrantedOre <= 0n) errors.amountGranted = 'ledger.grants.error.amount';
      else if (input.amountGrantedOre > a.amountRequestedOre) errors.amountGranted = 'ledger.grants.error.overRequested';
      else if (input.amountGrantedOre > pool.maxGrantOre) errors.amountGranted = 'ledger.grants.error.overMaximum';
    }
    if (Object.keys(errors).length > 0) return err('invalid', errors);
    await recordDecision(tx, m.id, applicationId, {
      status: input.outcome === 'approve' ? 'approved' : 'declined',
      decidingBody: input.decidingBody,
      decisionDate: input.decisionDate,
      note: input.note,
      amountGrantedOre: input.outcome === 'approve' ? input.amountGrantedOre : null,
      fastTrack: false,
      decidedBy: actor.id,
    });
    return ok();
  });
}
