// Sessions kept in the database. The cookie holds a random token; the row's id is its SHA-256, so a
// leaked table cannot be replayed. Expiry slides: each use pushes it 30 days out, written at most
// every few minutes so ordinary page views stay read-only.
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Actor, MunicipalRole, SessionResolver } from '../../core/auth/actor.js';
import type { Executor } from '../../core/db/database.js';
import type { AppContext, AppDeps } from '../../core/http/context.js';
import { SESSION_COOKIE } from '../../core/http/app.js';
import { CSRF_COOKIE, newCsrfCookieValue } from '../../core/http/csrf.js';
import { isLang } from '../../core/i18n/i18n.js';
import { deleteSession, insertSession, listRolesOfUser, loadSessionUser } from './accounts.repository.js';
import { hashToken, isWellFormedToken, newToken } from './tokens.js';

export const SESSION_LIFETIME_SECONDS = 30 * 24 * 3600;
export const SESSION_TOUCH_EVERY_SECONDS = 5 * 60;
/**
 * The cookie outlives the session on purpose: the server's sliding expiry decides, and a cookie whose
 * session has ended is cleared on the next request. 400 days is the most browsers keep a cookie.
 */
const COOKIE_MAX_AGE_SECONDS = 400 * 24 * 3600;

export const sessionIdOf = hashToken;

/** Starts a session for `userId` and returns the token for the cookie. */
export async function startSession(e: Executor, userId: number, now = new Date()): Promise<{ token: string; sessionId: string }> {
  const token = newToken();
  const sessionId = sessionIdOf(token);
  await insertSession(e, sessionId, userId, new Date(now.getTime() + SESSION_LIFETIME_SECONDS * 1000));
  return { token, sessionId };
}

export async function endSession(e: Executor, sessionId: string): Promise<void> {
  await deleteSession(e, sessionId);
}

export function createSessionResolver(deps: Pick<AppDeps, 'db' | 'log'>): SessionResolver {
  return {
    async resolve(token) {
      if (!isWellFormedToken(token)) return null;
      const sessionId = sessionIdOf(token);
      // Two statements in one transaction: the first finds the person and sets app.user_id, which the
      // row-level security policy on accounts_roles needs before the second may read their roles.
      return deps.db.transaction({ municipalityId: null, userId: null }, async (tx) => {
        const user = await loadSessionUser(tx, sessionId, SESSION_LIFETIME_SECONDS, SESSION_TOUCH_EVERY_SECONDS);
        if (!user) return null;
        const roleRows = await listRolesOfUser(tx, user.id);
        const roles = new Map<number, Set<MunicipalRole>>();
        for (const r of roleRows) {
          let set = roles.get(r.municipality_id);
          if (!set) roles.set(r.municipality_id, (set = new Set()));
          set.add(r.role);
        }
        const actor: Actor = {
          id: user.id,
          sessionId: user.session_id,
          displayName: user.display_name,
          email: user.email,
          emailVerified: user.email_verified_at !== null,
          lang: isLang(user.preferred_lang) ? user.preferred_lang : null,
          networkRole: user.network_role,
          roles,
        };
        return actor;
      });
    },
  };
}

// ---- cookies ----

export function setSessionCookie(c: AppContext, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('deps').config.secureCookies,
    maxAge: COOKIE_MAX_AGE_SECONDS,
  });
}

export function clearSessionCookie(c: AppContext): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: c.get('deps').config.secureCookies });
}

/** A new CSRF cookie when the person behind the browser changes, so tokens from before do not carry over. */
export function rotateCsrfCookie(c: AppContext): void {
  setCookie(c, CSRF_COOKIE, newCsrfCookieValue(), { path: '/', httpOnly: true, sameSite: 'Lax', secure: c.get('deps').config.secureCookies });
}
