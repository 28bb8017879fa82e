// Who may do what in the municipalities module. Pure: decided from the actor alone, no I/O.
import { hasRole, type Actor } from '../../core/auth/actor.js';

export type MunicipalitiesAction =
  /** See the admin overview of a municipality (read-only for facilitators). */
  | 'view_admin'
  /** Change areas, themes and settings of a municipality. */
  | 'manage'
  /** Add a municipality to the network. */
  | 'create_municipality';

export function can(actor: Actor | null, action: MunicipalitiesAction, municipalityId?: number): boolean {
  if (!actor) return false;
  switch (action) {
    case 'view_admin':
      return municipalityId !== undefined && hasRole(actor, municipalityId, 'admin', 'facilitator');
    case 'manage':
      return municipalityId !== undefined && hasRole(actor, municipalityId, 'admin');
    case 'create_municipality':
      return actor.networkRole === 'admin';
  }
}
