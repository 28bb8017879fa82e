// Reads the accounts pages need, each in its own short transaction.
import type { AppDeps } from '../../core/http/context.js';
import { findUserByEmail, findUserById, listNetworkMembers, listStaff, peekToken } from './accounts.repository.js';
import type { NetworkMember, StaffMember, TokenPurpose, User } from './accounts.types.js';
import { hashToken, isWellFormedToken } from './tokens.js';

type Db = Pick<AppDeps, 'db'>;

/** Whether an e-mail link still works, without using it up (for the page the link opens). */
export async function isLiveLinkToken(deps: Db, token: string | undefined, purpose: TokenPurpose): Promise<boolean> {
  if (!isWellFormedToken(token)) return false;
  const holder = await deps.db.transaction({ municipalityId: null }, (tx) => peekToken(tx, hashToken(token), purpose));
  return holder !== null;
}

export async function loadUser(deps: Db, userId: number): Promise<User | null> {
  return deps.db.transaction({ municipalityId: null, userId }, (tx) => findUserById(tx, userId));
}

/** Whether the person has a password to confirm (accounts made through a link or OpenID Connect may not). */
export async function hasPassword(deps: Db, actor: { id: number; email: string }): Promise<boolean> {
  const user = await deps.db.transaction({ municipalityId: null, userId: actor.id }, (tx) => findUserByEmail(tx, actor.email));
  return !!user && user.id === actor.id && !!user.passwordHash;
}

export async function loadStaff(deps: Db, municipalityId: number, actorId: number): Promise<StaffMember[]> {
  return deps.db.transaction({ municipalityId, userId: actorId }, (tx) => listStaff(tx, municipalityId));
}

export async function loadNetworkMembers(deps: Db, actorId: number): Promise<NetworkMember[]> {
  return deps.db.transaction({ municipalityId: null, userId: actorId }, (tx) => listNetworkMembers(tx));
}
