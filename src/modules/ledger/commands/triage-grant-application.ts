// A facilitator writes a triage note on an undecided application; the first note moves it from
// "submitted" to "in triage".
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { applicationFacts } from '../ledger.grants.facts.js';
import { can } from '../ledger.grants.policy.js';
import { findApplication, insertTriageNote, lockApplication } from '../ledger.grants.repository.js';
import { undecided, type TextLang } from '../ledger.grants.types.js';

export async function triageGrantApplication(db: Database, actor: Actor | null, mid: number, applicationId: number, note: string, lang: TextLang): Promise<Result<undefined, 'forbidden' | 'not_found' | 'ledger.grants.error.alreadyDecided'>> {
  if (!actor) return err('forbidden');
  return db.transaction({ municipalityId: mid, userId: actor.id }, async (tx) => {
    const a = await findApplication(tx, mid, applicationId);
    if (!a) return err('not_found');
    if (!can(actor, 'triage', mid, await applicationFacts(tx, mid, actor, a))) return err('forbidden');
    const locked = await lockApplication(tx, mid, applicationId);
    if (!locked || !undecided.includes(locked.status)) return err('ledger.grants.error.alreadyDecided');
    await insertTriageNote(tx, mid, applicationId, actor.id, note, lang);
    return ok();
  });
}
