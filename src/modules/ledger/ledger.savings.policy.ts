// Who may do what with savings agreements, sign-offs and reinvestment. Pure: decided from the actor
// and facts the caller looked up. Seeing agreements that are agreed, and the money trail, is public.
import { hasRole, type Actor } from '../../core/auth/actor.js';

export type SavingsAction =
  /** Create or edit a draft agreement. */
  | 'edit_agreement'
  /** See draft agreements (agreed ones are public). */
  | 'see_drafts'
  /** Mark a draft agreement as agreed, which freezes it. */
  | 'agree'
  /** Enter or correct the actual costs of a period. */
  | 'enter_costs'
  /** Sign off a period's saving; never the person who entered its costs (four eyes). */
  | 'sign_off'
  /** Move money from a pot to an initiative's budget or a participatory-budget envelope. */
  | 'reinvest'
  /** The value of a volunteer hour. */
  | 'manage_settings'
  /** The CSV of signed-off savings for the accounting system. */
  | 'export';

export interface PeriodFacts {
  /** Who entered (last corrected) the period's actual costs. */
  enteredBy: number | null;
}

export function can(actor: Actor | null, action: SavingsAction, municipalityId: number, facts: PeriodFacts = { enteredBy: null }): boolean {
  if (!actor) return false;
  switch (action) {
    case 'edit_agreement':
    case 'see_drafts':
      return hasRole(actor, municipalityId, 'facilitator', 'finance_officer', 'admin');
    case 'agree':
    case 'reinvest':
    case 'manage_settings':
    case 'export':
      return hasRole(actor, municipalityId, 'finance_officer', 'admin');
    case 'enter_costs':
      return hasRole(actor, municipalityId, 'finance_officer');
    case 'sign_off':
      return hasRole(actor, municipalityId, 'finance_officer') && facts.enteredBy !== actor.id;
  }
}
