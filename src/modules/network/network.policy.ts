// Who may do what in the practice library. Pure: decided from the actor and the municipality the
// action is about (the case's owner, or the municipality a case is adopted into).
import { hasRole, type Actor } from '../../core/auth/actor.js';

export type NetworkCaseAction =
  /** Write a case for the municipality, edit it, publish one of its initiatives as a case, refresh its evidence. */
  | 'write_case'
  /** See the municipality's unpublished cases. */
  | 'see_drafts'
  /** Adopt another municipality's case INTO this municipality (creates a draft initiative there). */
  | 'adopt_into'
  /** Comment on and follow cases. */
  | 'discuss'
  /** Hide a comment on one of the municipality's cases. */
  | 'moderate';

/** Facilitators and admins act for their municipality; finance officers and residents do not. */
export function actsFor(actor: Actor | null, municipalityId: number): boolean {
  return hasRole(actor, municipalityId, 'facilitator', 'admin');
}

/** Network members and admins, and anyone who acts for a municipality, take part in the network. */
export function isNetworkParticipant(actor: Actor | null): boolean {
  if (!actor) return false;
  if (actor.networkRole !== null) return true;
  for (const [mid] of actor.roles) if (actsFor(actor, mid)) return true;
  return false;
}

/** Municipalities the person acts for, e.g. where they may adopt a case into. */
export function municipalitiesActedFor(actor: Actor | null): number[] {
  if (!actor) return [];
  return [...actor.roles.keys()].filter((mid) => actsFor(actor, mid)).sort((a, b) => a - b);
}

export function can(actor: Actor | null, action: NetworkCaseAction, municipalityId: number): boolean {
  if (!actor) return false;
  switch (action) {
    case 'write_case':
    case 'see_drafts':
    case 'adopt_into':
      return actsFor(actor, municipalityId);
    case 'discuss':
      return isNetworkParticipant(actor);
    case 'moderate':
      return actsFor(actor, municipalityId) || actor.networkRole === 'admin';
  }
}
