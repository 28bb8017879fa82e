// Who may do what with seasons and meetings. Pure: decided from the actor and the facts at hand.
// The network's rows belong to no municipality, so only network roles count here, never municipal ones.
import type { Actor } from '../../core/auth/actor.js';

export type MeetingsAction =
  /** Create and edit seasons, member municipalities, leaders, meetings, minutes and linked cases. */
  | 'manage'
  /** Read a meeting's agenda and minutes (public meetings: everyone; others: network members). */
  | 'view_meeting'
  /** Register for a meeting, join its waitlist, cancel. */
  | 'register'
  /** See who registered and who waits. */
  | 'view_registrants'
  /** See the people in the member directory (those who consented); visitors see municipalities only. */
  | 'view_directory_people';

export interface MeetingFacts {
  isPublic: boolean;
}

const isMember = (actor: Actor | null): boolean => actor?.networkRole === 'member' || actor?.networkRole === 'admin';

export function can(actor: Actor | null, action: MeetingsAction, facts: MeetingFacts = { isPublic: true }): boolean {
  switch (action) {
    case 'manage':
    case 'view_registrants':
      return actor?.networkRole === 'admin';
    case 'view_meeting':
      return facts.isPublic || isMember(actor);
    case 'register':
    case 'view_directory_people':
      return isMember(actor);
  }
}
