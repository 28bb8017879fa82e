// Random secrets for session cookies and e-mail links. Only their SHA-256 is stored, so a copy of the
// database hands out neither sessions nor working links.
import crypto from 'node:crypto';

/** 32 random bytes, base64url: 43 characters. */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Cheap shape check before any database work: anything else is forged or mangled. */
export function isWellFormedToken(token: string | undefined | null): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}

export const VERIFY_EMAIL_TTL_MS = 48 * 60 * 60 * 1000;
export const RESET_PASSWORD_TTL_MS = 60 * 60 * 1000;
