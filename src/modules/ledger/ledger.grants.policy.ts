// Who may do what with grant pools and applications. Pure: decided from the actor and facts the
// caller looked up. Nobody handles their own application as staff (triage, decision, payout).
import { hasRole, isStaff, type Actor } from '../../core/auth/actor.js';

export type GrantAction =
  /** Create a pool and set its rules; open or close it. */
  | 'manage_pool'
  /** Move money into a pool's account from a pot or the municipal budget. */
  | 'fund_pool'
  /** Apply to a pool: as a resident, or for a group or association one coordinates. */
  | 'apply'
  /** See an application with its notes, decision, report and receipts. */
  | 'view_application'
  /** See every application of a pool, and run the overdue check. */
  | 'list_applications'
  /** Write triage notes and move an application into triage. */
  | 'triage'
  /** Record a decision of the deciding body (approve with an amount, or decline). */
  | 'decide'
  /** Approve a small application directly, with a recorded reason. */
  | 'fast_track'
  /** Pay out an approved grant from the pool. */
  | 'pay'
  /** File the final report with spending lines and receipts. */
  | 'report'
  /** Record money paid back into the pool. */
  | 'record_repayment'
  /** Accept a final report and close the grant. */
  | 'close';

export interface GrantFacts {
  /** The actor is the person who applied. */
  applicant: boolean;
  /** The actor coordinates the group or association the application is made for (or applies for). */
  coordinatesGroup: boolean;
  /** The application (or the intended one) is a resident's own, with no group. */
  asResident: boolean;
}

const none: GrantFacts = { applicant: false, coordinatesGroup: false, asResident: false };

export function can(actor: Actor | null, action: GrantAction, municipalityId: number, facts: GrantFacts = none): boolean {
  if (!actor) return false;
  const own = facts.applicant || facts.coordinatesGroup;
  const facilitator = hasRole(actor, municipalityId, 'facilitator', 'admin');
  const finance = hasRole(actor, municipalityId, 'finance_officer');
  switch (action) {
    case 'manage_pool':
      return hasRole(actor, municipalityId, 'finance_officer', 'admin');
    case 'fund_pool':
    case 'record_repayment':
      return finance;
    case 'apply':
      return facts.asResident || facts.coordinatesGroup;
    case 'view_application':
      return own || isStaff(actor, municipalityId);
    case 'list_applications':
      return isStaff(actor, municipalityId);
    case 'triage':
    case 'fast_track':
      return facilitator && !own;
    case 'decide':
      return (facilitator || finance) && !own;
    case 'pay':
      return finance && !own;
    case 'report':
      return own;
    case 'close':
      return (facilitator || finance) && !own;
  }
}
