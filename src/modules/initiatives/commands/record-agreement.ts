// The co-production agreement: what each side delivers, the named municipal contact, the term and
// the review date. Each save is a new version; the initiative shows the newest and keeps the rest.
// Saving it may also mark the initiative as agreed, in the same transaction.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { notify } from '../../notifications/index.js';
import { agreementEditable } from '../initiatives.lifecycle.js';
import { decideTransition, mayRecordAgreement } from '../initiatives.policy.js';
import { insertAgreementVersion, insertEvent, lockInitiative, updateState, type NewAgreement } from '../initiatives.repository.js';
import { milestoneAudience } from '../initiatives.groups.js';
import { initiativePath, standingFor, type Tenant } from '../initiatives.standing.js';

export type AgreementError = 'not_found' | 'forbidden' | 'transition_not_allowed' | 'invalid_dates';

export async function recordAgreement(
  db: Database,
  m: Tenant,
  actor: Actor | null,
  input: { initiativeId: number; agreement: NewAgreement; markAgreed: boolean },
): Promise<Result<{ version: number; agreed: boolean }, AgreementError>> {
  if (!actor) return err('forbidden');
  const a = input.agreement;
  if (a.termEnd < a.termStart || a.reviewDate < a.termStart) return err('invalid_dates');
  return db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => {
    const initiative = await lockInitiative(tx, m.id, input.initiativeId);
    if (!initiative) return err('not_found');
    const standing = await standingFor(tx, initiative, actor);
    if (!mayRecordAgreement(standing)) return err('forbidden');
    if (!agreementEditable.includes(initiative.state)) return err('transition_not_allowed');
    const version = await insertAgreementVersion(tx, m.id, initiative.id, a, actor.id);
    await insertEvent(tx, { municipalityId: m.id, initiativeId: initiative.id, kind: 'agreement', ref: version, body: a.changeNote, lang: a.changeNote ? a.lang : null, actorId: actor.id });
    let agreed = false;
    if (input.markAgreed && initiative.state === 'in_dialogue') {
      const decision = decideTransition(standing, { state: initiative.state, pausedFrom: null, hasFacilitator: initiative.facilitator !== null, hasAgreement: true }, 'agreed');
      if (decision === null) {
        await updateState(tx, m.id, initiative.id, { state: 'agreed', pausedFrom: null });
        await insertEvent(tx, { municipalityId: m.id, initiativeId: initiative.id, kind: 'state_changed', fromState: 'in_dialogue', toState: 'agreed', actorId: actor.id });
        agreed = true;
      }
    }
    await notify(tx, {
      municipalityId: m.id,
      userIds: await milestoneAudience(tx, m.id, initiative),
      actorId: actor.id,
      messageKey: agreed ? 'initiatives.notify.stateChanged' : 'initiatives.notify.agreement',
      params: agreed ? { title: initiative.title, state: 'agreed' } : { title: initiative.title, version },
      link: initiativePath(m, initiative.id, 'agreement'),
    });
    return ok({ version, agreed });
  });
}
