import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { checkCsrfToken, csrfToken, CSRF_MAX_AGE_MS, newCsrfCookieValue } from './csrf.js';

const secret = crypto.randomBytes(32);

test('a fresh token for the same cookie is accepted', () => {
  const cookie = newCsrfCookieValue();
  assert.equal(checkCsrfToken(secret, cookie, csrfToken(secret, cookie)), 'ok');
});

test('tokens are refused when forged, for another cookie, missing or expired', () => {
  const cookie = newCsrfCookieValue();
  const now = Date.now();
  const token = csrfToken(secret, cookie, now);
  const table: [string | undefined, string | undefined, number, string][] = [
    [cookie, undefined, now, 'missing'],
    [undefined, token, now, 'missing'],
    [newCsrfCookieValue(), token, now, 'forged'],
    [cookie, token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'), now, 'forged'],
    [cookie, 'garbage', now, 'forged'],
    [cookie, csrfToken(crypto.randomBytes(32), cookie, now), now, 'forged'],
    [cookie, token, now + CSRF_MAX_AGE_MS + 1, 'expired'],
  ];
  for (const [c, t, at, expected] of table) assert.equal(checkCsrfToken(secret, c, t, at), expected);
});
