// Who may do what with facilities. Pure: decided from the actor (and facts handed in), no I/O.
import { hasRole, type Actor } from '../../core/auth/actor.js';

export type FacilitiesAction =
  /** Ask for or make a booking (for oneself). */
  | 'book'
  /** Approve and reject requests, see who booked, print day sheets, cancel any booking. */
  | 'manage_bookings'
  /** Create facilities and seasons, allocate seasonal slots. */
  | 'manage_facilities';

/** Staff are the municipality's facilitators and admins. */
export function can(actor: Actor | null, action: FacilitiesAction, municipalityId: number): boolean {
  if (!actor) return false;
  switch (action) {
    case 'book':
      return true;
    case 'manage_bookings':
    case 'manage_facilities':
      return hasRole(actor, municipalityId, 'facilitator', 'admin');
  }
}

/** A person may cancel their own booking before the deadline; staff may cancel any, any time. */
export function canCancel(facts: { isStaff: boolean; isBooker: boolean; beforeDeadline: boolean }): 'yes' | 'past_deadline' | 'no' {
  if (facts.isStaff) return 'yes';
  if (!facts.isBooker) return 'no';
  return facts.beforeDeadline ? 'yes' : 'past_deadline';
}
