// SQL for people, sessions, one-time tokens and roles. Knows nothing of permissions; callers pass the
// executor of a transaction whose tenant (and, for roles, actor) is already set.
import { sql, type Generated, type Selectable } from 'kysely';
import { tables, type Executor } from '../../core/db/database.js';
import { isLang, type Lang } from '../../core/i18n/i18n.js';
import type { MunicipalRole, NetworkMember, NetworkRole, StaffMember, TokenPurpose, User, UserWithSecret } from './accounts.types.js';

interface UserRow {
  id: Generated<number>;
  email: string;
  email_verified_at: Date | null;
  password_hash: string | null;
  display_name: string;
  preferred_lang: string | null;
  home_municipality_id: number | null;
  network_role: NetworkRole | null;
  show_in_directory: Generated<boolean>;
  terms_accepted_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
interface SessionRow {
  id: string;
  user_id: number;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
}
interface TokenRow {
  token_hash: string;
  user_id: number;
  purpose: TokenPurpose;
  expires_at: Date;
  used_at: Date | null;
  created_at: Generated<Date>;
}
interface RoleRow {
  municipality_id: number;
  user_id: number;
  role: MunicipalRole;
  granted_at: Generated<Date>;
  granted_by: number | null;
}
export interface AccountsTables {
  accounts_users: UserRow;
  accounts_sessions: SessionRow;
  accounts_tokens: TokenRow;
  accounts_roles: RoleRow;
}

const db = (e: Executor) => tables<AccountsTables>(e);

const userColumns = [
  'id', 'email', 'email_verified_at', 'password_hash', 'display_name', 'preferred_lang',
  'home_municipality_id', 'network_role', 'show_in_directory',
] as const;

type SelectedUserRow = Pick<Selectable<UserRow>, (typeof userColumns)[number]>;

function toUser(r: SelectedUserRow): User {
  return {
    id: r.id,
    email: r.email,
    emailVerified: r.email_verified_at !== null,
    displayName: r.display_name,
    preferredLang: isLang(r.preferred_lang) ? r.preferred_lang : null,
    homeMunicipalityId: r.home_municipality_id,
    networkRole: r.network_role,
    showInDirectory: r.show_in_directory,
  };
}

// ---- people ----

export async function findUserByEmail(e: Executor, email: string): Promise<UserWithSecret | null> {
  const row = await db(e).selectFrom('accounts_users').select(userColumns).where('email', '=', email).executeTakeFirst();
  return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
}

export async function findUserById(e: Executor, id: number): Promise<User | null> {
  const row = await db(e).selectFrom('accounts_users').select(userColumns).where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

export interface NewUser {
  email: string;
  passwordHash: string;
  displayName: string;
  homeMunicipalityId: number | null;
  preferredLang: Lang | null;
  verified?: boolean;
  networkRole?: NetworkRole | null;
  showInDirectory?: boolean;
}

/** The new user's id, or null when the e-mail is taken (also when two registrations race). */
export async function insertUser(e: Executor, u: NewUser): Promise<number | null> {
  const row = await db(e)
    .insertInto('accounts_users')
    .values({
      email: u.email,
      password_hash: u.passwordHash,
      display_name: u.displayName,
      home_municipality_id: u.homeMunicipalityId,
      preferred_lang: u.preferredLang,
      network_role: u.networkRole ?? null,
      show_in_directory: u.showInDirectory ?? false,
      terms_accepted_at: sql<Date>`now()`,
      email_verified_at: u.verified ? sql<Date>`now()` : null,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export interface ProfileChanges {
  displayName: string;
  preferredLang: Lang | null;
  homeMunicipalityId: number | null;
  showInDirectory: boolean;
}

export async function updateProfile(e: Executor, userId: number, p: ProfileChanges): Promise<void> {
  await db(e)
    .updateTable('accounts_users')
    .set({
      display_name: p.displayName,
      preferred_lang: p.preferredLang,
      home_municipality_id: p.homeMunicipalityId,
      show_in_directory: p.showInDirectory,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', userId)
    .execute();
}

export async function setPreferredLang(e: Executor, userId: number, lang: Lang | null): Promise<void> {
  await db(e).updateTable('accounts_users').set({ preferred_lang: lang, updated_at: sql<Date>`now()` }).where('id', '=', userId).execute();
}

/** A new password; the e-mail counts as verified too, since the reset link reached that inbox. */
export async function setPasswordAndVerify(e: Executor, userId: number, passwordHash: string): Promise<void> {
  await db(e)
    .updateTable('accounts_users')
    .set({
      password_hash: passwordHash,
      email_verified_at: sql<Date>`coalesce(email_verified_at, now())`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', userId)
    .execute();
}

export async function markEmailVerified(e: Executor, userId: number): Promise<void> {
  await db(e)
    .updateTable('accounts_users')
    .set({ email_verified_at: sql<Date>`coalesce(email_verified_at, now())`, updated_at: sql<Date>`now()` })
    .where('id', '=', userId)
    .execute();
}

export async function countUsers(e: Executor): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from accounts_users`.execute(e);
  return r.rows[0]?.n ?? 0;
}

// ---- sessions ----

export async function insertSession(e: Executor, id: string, userId: number, expiresAt: Date): Promise<void> {
  await db(e).insertInto('accounts_sessions').values({ id, user_id: userId, expires_at: expiresAt }).execute();
}

export async function deleteSession(e: Executor, id: string): Promise<void> {
  await db(e).deleteFrom('accounts_sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(e: Executor, userId: number): Promise<number> {
  const r = await db(e).deleteFrom('accounts_sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteOtherSessionsOfUser(e: Executor, userId: number, keepSessionId: string): Promise<number> {
  const r = await db(e).deleteFrom('accounts_sessions').where('user_id', '=', userId).where('id', '<>', keepSessionId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteExpiredSessionsOfUser(e: Executor, userId: number): Promise<void> {
  await db(e).deleteFrom('accounts_sessions').where('user_id', '=', userId).where('expires_at', '<=', sql<Date>`now()`).execute();
}

export interface SessionUserRow {
  session_id: string;
  id: number;
  email: string;
  email_verified_at: Date | null;
  display_name: string;
  preferred_lang: string | null;
  network_role: NetworkRole | null;
}

/**
 * The live session's user, in one statement that also slides the expiry (at most once per
 * `touchEverySeconds`, so most requests write nothing) and sets app.user_id for the rest of the
 * transaction, so the next query may read the person's own roles under row-level security.
 */
export async function loadSessionUser(e: Executor, sessionId: string, lifetimeSeconds: number, touchEverySeconds: number): Promise<SessionUserRow | null> {
  const r = await sql<SessionUserRow & { _uid: string }>`
    with live as (
      select id, user_id from accounts_sessions where id = ${sessionId} and expires_at > now()
    ), touched as (
      update accounts_sessions
         set last_seen_at = now(), expires_at = now() + make_interval(secs => ${lifetimeSeconds})
       where id = ${sessionId} and expires_at > now() and last_seen_at < now() - make_interval(secs => ${touchEverySeconds})
      returning id
    )
    select live.id as session_id, u.id, u.email, u.email_verified_at, u.display_name, u.preferred_lang, u.network_role,
           set_config('app.user_id', u.id::text, true) as _uid
      from live join accounts_users u on u.id = live.user_id`.execute(e);
  const row = r.rows[0];
  if (!row) return null;
  const { _uid: _ignored, ...rest } = row;
  return rest;
}

export async function listRolesOfUser(e: Executor, userId: number): Promise<{ municipality_id: number; role: MunicipalRole }[]> {
  return db(e).selectFrom('accounts_roles').select(['municipality_id', 'role']).where('user_id', '=', userId).execute();
}

// ---- one-time tokens ----

export async function insertToken(e: Executor, tokenHash: string, userId: number, purpose: TokenPurpose, expiresAt: Date): Promise<void> {
  await db(e).insertInto('accounts_tokens').values({ token_hash: tokenHash, user_id: userId, purpose, expires_at: expiresAt }).execute();
}

/** The user behind a live (unused, unexpired) token, without using it up. */
export async function peekToken(e: Executor, tokenHash: string, purpose: TokenPurpose): Promise<{ userId: number; email: string } | null> {
  const row = await db(e)
    .selectFrom('accounts_tokens as t')
    .innerJoin('accounts_users as u', 'u.id', 't.user_id')
    .select(['t.user_id', 'u.email'])
    .where('t.token_hash', '=', tokenHash)
    .where('t.purpose', '=', purpose)
    .where('t.used_at', 'is', null)
    .where('t.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row ? { userId: row.user_id, email: row.email } : null;
}

/** Uses up a live token; the conditional update makes a second use (even a concurrent one) find nothing. */
export async function consumeToken(e: Executor, tokenHash: string, purpose: TokenPurpose): Promise<number | null> {
  const row = await db(e)
    .updateTable('accounts_tokens')
    .set({ used_at: sql<Date>`now()` })
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id ?? null;
}

/** Every still-open token of a purpose stops working, e.g. older reset links once one is used. */
export async function retireTokens(e: Executor, userId: number, purpose: TokenPurpose): Promise<void> {
  await db(e)
    .updateTable('accounts_tokens')
    .set({ used_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}

// ---- municipal roles (tenant table: the transaction's tenant must be the municipality) ----

export async function listStaff(e: Executor, municipalityId: number): Promise<StaffMember[]> {
  const rows = await db(e)
    .selectFrom('accounts_roles as r')
    .innerJoin('accounts_users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.display_name', 'u.email', 'r.role'])
    .where('r.municipality_id', '=', municipalityId)
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
  const order: MunicipalRole[] = ['admin', 'facilitator', 'finance_officer', 'resident'];
  const byUser = new Map<number, StaffMember>();
  for (const r of rows) {
    let m = byUser.get(r.id);
    if (!m) byUser.set(r.id, (m = { userId: r.id, displayName: r.display_name, email: r.email, roles: [] }));
    m.roles.push(r.role);
  }
  for (const m of byUser.values()) m.roles.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return [...byUser.values()];
}

/** True when the role was new. */
export async function insertRole(e: Executor, municipalityId: number, userId: number, role: MunicipalRole, grantedBy: number | null): Promise<boolean> {
  const r = await db(e)
    .insertInto('accounts_roles')
    .values({ municipality_id: municipalityId, user_id: userId, role, granted_by: grantedBy })
    .onConflict((oc) => oc.columns(['municipality_id', 'user_id', 'role']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteRole(e: Executor, municipalityId: number, userId: number, role: MunicipalRole): Promise<boolean> {
  const r = await db(e)
    .deleteFrom('accounts_roles')
    .where('municipality_id', '=', municipalityId)
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Locks the municipality's admin rows until the transaction ends, so two revocations cannot both pass the last-admin check. */
export async function lockAdmins(e: Executor, municipalityId: number): Promise<number[]> {
  const rows = await sql<{ user_id: number }>`
    select user_id from accounts_roles where municipality_id = ${municipalityId} and role = 'admin' for update`.execute(e);
  return rows.rows.map((r) => r.user_id);
}

// ---- network roles ----

export async function listNetworkMembers(e: Executor): Promise<NetworkMember[]> {
  const rows = await db(e)
    .selectFrom('accounts_users')
    .select(['id', 'display_name', 'email', 'network_role'])
    .where('network_role', 'is not', null)
    .orderBy('display_name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ userId: r.id, displayName: r.display_name, email: r.email, role: r.network_role as NetworkRole }));
}

export async function setNetworkRole(e: Executor, userId: number, role: NetworkRole | null): Promise<void> {
  await db(e).updateTable('accounts_users').set({ network_role: role, updated_at: sql<Date>`now()` }).where('id', '=', userId).execute();
}

export async function lockNetworkAdmins(e: Executor): Promise<number[]> {
  const rows = await sql<{ id: number }>`select id from accounts_users where network_role = 'admin' for update`.execute(e);
  return rows.rows.map((r) => r.id);
}
