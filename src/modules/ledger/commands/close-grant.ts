// Staff accept a filed final report, which closes the grant.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { applicationFacts } from '../ledger.grants.facts.js';
import { can } from '../ledger.grants.policy.js';
import { closeApplication, findApplication, lockApplication } from '../ledger.grants.repository.js';

export async function closeGrant(db: Database, actor: Actor | null, mid: number, applicationId: number): Promise<Result<undefined, 'forbidden' | 'not_found' | 'ledger.grants.error.notReported'>> {
  if (!actor) return err('forbidden');
  return db.transaction({ municipalityId: mid, userId: actor.id }, async (tx) => {
    const locked = await lockApplication(tx, mid, applicationId);
    if (!locked) return err('not_found');
    const a = (await findApplication(tx, mid, applicationId))!;
    if (!can(actor, 'close', mid, await applicationFacts(tx, mid, actor, a))) return err('forbidden');
    if (locked.status !== 'reported') return err('ledger.grants.error.notReported');
    await closeApplication(tx, mid, applicationId, actor.id);
    return ok();
  });
}
