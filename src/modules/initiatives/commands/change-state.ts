// Moves an initiative one step along its lifecycle. The row is locked first, so two people acting at
// once take their steps one after the other (the second sees the first's result), and the timeline
// entry and the notifications are written in the same transaction as the change.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { notify } from '../../notifications/index.js';
import type { State } from '../initiatives.lifecycle.js';
import { decideTransition, facilitates, type TransitionDecision } from '../initiatives.policy.js';
import { insertEvent, lockInitiative, setFacilitator, updateState, type StateChange } from '../initiatives.repository.js';
import { milestoneAudience } from '../initiatives.groups.js';
import { initiativePath, standingFor, type Tenant } from '../initiatives.standing.js';
import type { TextLang } from '../initiatives.types.js';

export interface ChangeStateInput {
  initiativeId: number;
  to: State;
  /** The state the person saw when they pressed the button; a different current state means someone was first. */
  expectedFrom?: State | null;
  /** Public reason (declined), outcomes (evaluated) or a note for the timeline (any other step). */
  text?: string;
  lang: TextLang;
}

export type ChangeStateError = 'not_found' | Exclude<TransitionDecision, null>;

export async function changeState(db: Database, m: Tenant, actor: Actor | null, input: ChangeStateInput): Promise<Result<{ from: State; to: State }, ChangeStateError>> {
  if (!actor) return err('forbidden');
  return db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => {
    const initiative = await lockInitiative(tx, m.id, input.initiativeId);
    if (!initiative) return err('not_found');
    const standing = await standingFor(tx, initiative, actor);
    const text = input.text?.trim() ?? '';
    // A facilitator who takes an initiative into dialogue takes it on, unless someone already has.
    const selfAssign = input.to === 'in_dialogue' && initiative.facilitator === null && facilitates(standing);
    const decision = decideTransition(
      standing,
      { state: initiative.state, pausedFrom: initiative.pausedFrom, hasFacilitator: initiative.facilitator !== null || selfAssign, hasAgreement: initiative.agreementVersion !== null },
      input.to,
      { reason: text, outcomes: text },
    );
    if (decision === 'forbidden') return err('forbidden');
    if (input.expectedFrom && input.expectedFrom !== initiative.state) return err('transition_not_allowed');
    if (decision) return err(decision);

    if (selfAssign) {
      await setFacilitator(tx, m.id, initiative.id, actor.id);
      await insertEvent(tx, { municipalityId: m.id, initiativeId: initiative.id, kind: 'facilitator_assigned', actorId: actor.id });
    }
    const change: StateChange = { state: input.to, pausedFrom: input.to === 'paused' ? initiative.state : null };
    if (input.to === 'declined') change.declineReason = { text, lang: input.lang };
    if (input.to === 'evaluated') change.outcomes = { text, lang: input.lang };
    await updateState(tx, m.id, initiative.id, change);
    await insertEvent(tx, {
      municipalityId: m.id,
      initiativeId: initiative.id,
      kind: 'state_changed',
      fromState: initiative.state,
      toState: input.to,
      body: text,
      lang: text ? input.lang : null,
      actorId: actor.id,
    });
    await notify(tx, {
      municipalityId: m.id,
      userIds: await milestoneAudience(tx, m.id, initiative),
      actorId: actor.id,
      messageKey: 'initiatives.notify.stateChanged',
      params: { title: initiative.title, state: input.to },
      link: initiativePath(m, initiative.id, 'timeline'),
    });
    return ok({ from: initiative.state, to: input.to });
  });
}
