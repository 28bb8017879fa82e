// Who may do what with work days. Pure: decided from the actor and facts the caller looked up.
import { hasRole, type Actor } from '../../core/auth/actor.js';

export type WorkdaysAction =
  /** Create a work day or round for a group (its coordinators), an initiative (its owners and members), or any of them (facilitators). */
  | 'create_day'
  /** Edit a day, see its participants with e-mail, take attendance, set hours. */
  | 'manage_day'
  /** Put municipal staff on a shift. */
  | 'assign_staff'
  /** Confirm the hours people worked; only verified hours count in totals. */
  | 'verify_hours'
  /** Volunteer arrangements (role type, manager approval, child-protection check status). */
  | 'manage_arrangements'
  /** The operations queue of field reports, and changing their status. */
  | 'handle_reports'
  /** Module settings, e.g. whether guests may sign up without an account. */
  | 'manage_settings';

export interface DayFacts {
  /** The actor coordinates the day's group. */
  coordinatesGroup: boolean;
  /** The actor created the day. */
  createdDay: boolean;
  /** The actor is an owner or member of the day's initiative. */
  organisesInitiative?: boolean;
}

const none: DayFacts = { coordinatesGroup: false, createdDay: false };

export function can(actor: Actor | null, action: WorkdaysAction, municipalityId: number, facts: DayFacts = none): boolean {
  if (!actor) return false;
  const facilitator = hasRole(actor, municipalityId, 'facilitator', 'admin');
  switch (action) {
    case 'create_day':
      return facilitator || facts.coordinatesGroup || facts.organisesInitiative === true;
    case 'manage_day':
      return facilitator || facts.coordinatesGroup || facts.organisesInitiative === true || facts.createdDay;
    case 'assign_staff':
    case 'verify_hours':
    case 'manage_arrangements':
    case 'handle_reports':
      return facilitator;
    case 'manage_settings':
      return hasRole(actor, municipalityId, 'admin', 'facilitator');
  }
}
