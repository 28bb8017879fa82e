// Who may do what with accounts and roles: small pure functions, tested by table (accounts.policy.test.ts).
import { hasRole, type Actor, type MunicipalRole, type NetworkRole } from '../../core/auth/actor.js';
import type { Lang } from '../../core/i18n/i18n.js';

/** The municipality's own admins hand out and take back its roles. */
export function canManageStaff(actor: Actor | null, municipalityId: number): boolean {
  // A network admin may too: a municipality the network just created has no admin to appoint the first.
  return hasRole(actor, municipalityId, 'admin') || actor?.networkRole === 'admin';
}

/** Only network admins hand out and take back network roles. */
export function canManageNetwork(actor: Actor | null): boolean {
  return actor?.networkRole === 'admin';
}

export type RevocationDecision = 'ok' | 'last_admin';

/**
 * A municipality must keep at least one admin, or nobody could ever manage its staff again. In
 * practice this stops the last admin from revoking their own admin role.
 */
export function decideRoleRevocation(input: { role: MunicipalRole; targetUserId: number; adminIds: readonly number[] }): RevocationDecision {
  if (input.role !== 'admin') return 'ok';
  const remaining = input.adminIds.filter((id) => id !== input.targetUserId);
  return remaining.length === 0 ? 'last_admin' : 'ok';
}

/** The same rule for the network: a change that leaves no network admin is refused. */
export function decideNetworkRoleChange(input: { targetUserId: number; newRole: NetworkRole | null; adminIds: readonly number[] }): RevocationDecision {
  if (input.newRole === 'admin') return 'ok';
  if (!input.adminIds.includes(input.targetUserId)) return 'ok';
  return input.adminIds.length <= 1 ? 'last_admin' : 'ok';
}

export type SignInDecision = 'ok' | 'invalid_credentials' | 'email_not_verified';

/**
 * "Not verified" is told only after a correct password, so an attacker learns nothing about an
 * address they cannot sign in to; any other failure is the same "wrong e-mail or password".
 */
export function decideSignIn(input: { accountFound: boolean; passwordMatches: boolean; emailVerified: boolean }): SignInDecision {
  if (!input.accountFound || !input.passwordMatches) return 'invalid_credentials';
  if (!input.emailVerified) return 'email_not_verified';
  return 'ok';
}

/** Mail goes out in the recipient's chosen language, else the language of the page they used. */
export function mailLanguage(recipientLang: Lang | null | undefined, requestLang: Lang): Lang {
  return recipientLang ?? requestLang;
}
