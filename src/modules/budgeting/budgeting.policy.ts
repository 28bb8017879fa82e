// Who may do what in participatory budgeting. Pure: decided from the actor alone, no I/O.
import { hasRole, type Actor } from '../../core/auth/actor.js';

export type BudgetingAction =
  /** Create a process, edit it, move it between phases. */
  | 'manage'
  /** Review proposals: feasible with a cost estimate, or rejected with a reason. */
  | 'review'
  /** Enter paper ballots and check another person's entries. */
  | 'enter_paper'
  /** Propose a project. */
  | 'propose'
  /** Cast or change a ballot (eligibility is checked per process by the command). */
  | 'vote';

export function can(actor: Actor | null, action: BudgetingAction, municipalityId: number): boolean {
  if (!actor) return false;
  switch (action) {
    case 'manage':
      return hasRole(actor, municipalityId, 'admin');
    case 'review':
    case 'enter_paper':
      return hasRole(actor, municipalityId, 'admin', 'facilitator');
    case 'propose':
    case 'vote':
      // Residence is self-declared per process, so any signed-in person may try.
      return true;
  }
}
