// The fast track for small grants: an application asking for no more than the pool's fast-track
// threshold may be approved by one facilitator directly, for the amount asked, with a recorded reason.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { todayIn } from '../../../core/time/zoned-time.js';
import { applicationFacts, type GrantMunicipality } from '../ledger.grants.facts.js';
import { can } from '../ledger.grants.policy.js';
import { findApplication, findPool, lockApplication, recordDecision } from '../ledger.grants.repository.js';
import { undecided } from '../ledger.grants.types.js';

export type FastTrackError = 'forbidden' | 'not_found' | 'ledger.grants.error.alreadyDecided' | 'ledger.grants.error.notFastTrack';

export async function fastTrackGrant(db: Database, actor: Actor | null, m: GrantMunicipality, applicationId: number, reason: string, now = new Date()): Promise<Result<undefined, FastTrackError>> {
  if (!actor) return err('forbidden');
  return db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => {
    const a = await findApplication(tx, m.id, applicationId);
    if (!a) return err('not_found');
    if (!can(actor, 'fast_track', m.id, await applicationFacts(tx, m.id, actor, a))) return err('forbidden');
    const locked = await lockApplication(tx, m.id, applicationId);
    if (!locked || !undecided.includes(locked.status)) return err('ledger.grants.error.alreadyDecided');
    const pool = (await findPool(tx, m.id, a.poolId))!;
    if (!eligibleForFastTrack(pool.fastTrackOre, a.amountRequestedOre)) return err('ledger.grants.error.notFastTrack');
    await recordDecision(tx, m.id, applicationId, {
      status: 'fast_track_approved',
      decidingBody: null,
      decisionDate: todayIn(now, m.timeZone),
      note: reason,
      amountGrantedOre: a.amountRequestedOre,
      fastTrack: true,
      decidedBy: actor.id,
    });
    return ok();
  });
}

/** At or under the threshold; a threshold of 0 means the pool has no fast track. */
export function eligibleForFastTrack(thresholdOre: bigint, requestedOre: bigint): boolean {
  return thresholdOre > 0n && requestedOre <= thresholdOre;
}
