// CSRF protection by a signed double-submit token: the browser holds a random HttpOnly cookie, each
// form carries `issuedAt.HMAC(secret, cookie + issuedAt)`. Another site can neither read the cookie
// nor compute the MAC, and the timestamp lets old tokens expire.
import crypto from 'node:crypto';

export const CSRF_COOKIE = 'samskab_csrf';
export const CSRF_FIELD = '_csrf';
/** A form may sit open for a working day; after that it must be reloaded. */
export const CSRF_MAX_AGE_MS = 12 * 60 * 60 * 1000;

export function newCsrfCookieValue(): string {
  return crypto.randomBytes(32).toString('base64url');
}

function mac(secret: Buffer, cookieValue: string, issuedAt: number): string {
  return crypto.createHmac('sha256', secret).update(`${cookieValue}.${issuedAt}`).digest('base64url');
}

export function csrfToken(secret: Buffer, cookieValue: string, now = Date.now()): string {
  return `${now}.${mac(secret, cookieValue, now)}`;
}

export type CsrfCheck = 'ok' | 'missing' | 'forged' | 'expired';

export function checkCsrfToken(secret: Buffer, cookieValue: string | undefined, token: string | undefined, now = Date.now()): CsrfCheck {
  if (!cookieValue || !token) return 'missing';
  const m = /^(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return 'forged';
  const issuedAt = Number(m[1]);
  const expected = Buffer.from(mac(secret, cookieValue, issuedAt));
  const given = Buffer.from(m[2] ?? '');
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return 'forged';
  if (now - issuedAt > CSRF_MAX_AGE_MS || issuedAt - now > 60_000) return 'expired';
  return 'ok';
}
