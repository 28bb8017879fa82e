// Who is acting. Core knows the shape; the accounts module fills it from the session.
import type { Lang } from '../i18n/i18n.js';

export const municipalRoles = ['resident', 'facilitator', 'finance_officer', 'admin'] as const;
export type MunicipalRole = (typeof municipalRoles)[number];
export const networkRoles = ['member', 'admin'] as const;
export type NetworkRole = (typeof networkRoles)[number];

export interface Actor {
  id: number;
  sessionId: string;
  displayName: string;
  email: string;
  emailVerified: boolean;
  lang: Lang | null;
  networkRole: NetworkRole | null;
  /** Roles per municipality id. */
  roles: ReadonlyMap<number, ReadonlySet<MunicipalRole>>;
}

export interface SessionResolver {
  /** The actor behind a session cookie, or null when the cookie is unknown, expired or forged. */
  resolve(token: string): Promise<Actor | null>;
}

export function hasRole(actor: Actor | null, municipalityId: number, ...roles: MunicipalRole[]): boolean {
  const held = actor?.roles.get(municipalityId);
  return !!held && roles.some((r) => held.has(r));
}

/** Staff are those with any municipal role above resident. */
export function isStaff(actor: Actor | null, municipalityId: number): boolean {
  return hasRole(actor, municipalityId, 'facilitator', 'finance_officer', 'admin');
}
