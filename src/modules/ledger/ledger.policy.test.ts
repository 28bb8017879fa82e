// Table of who may post and who may read the books.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, MunicipalRole } from '../../core/auth/actor.js';
import { can, type LedgerAction } from './ledger.policy.js';

const actor = (roles: MunicipalRole[], municipalityId = 1): Actor => ({
  id: 1,
  sessionId: 's',
  displayName: 'A',
  email: 'a@example.dk',
  emailVerified: true,
  lang: null,
  networkRole: null,
  roles: new Map([[municipalityId, new Set(roles)]]),
});

const table: [string, Actor | null, LedgerAction, boolean][] = [
  ['visitor', null, 'read_books', false],
  ['visitor', null, 'post', false],
  ['resident', actor(['resident']), 'read_books', false],
  ['resident', actor(['resident']), 'post', false],
  ['facilitator', actor(['facilitator']), 'read_books', true],
  ['facilitator', actor(['facilitator']), 'post', false],
  ['finance officer', actor(['finance_officer']), 'read_books', true],
  ['finance officer', actor(['finance_officer']), 'post', true],
  ['admin', actor(['admin']), 'read_books', true],
  ['admin', actor(['admin']), 'post', true],
  ['finance officer elsewhere', actor(['finance_officer'], 2), 'post', false],
  ['network admin without municipal role', { ...actor([]), networkRole: 'admin' }, 'read_books', false],
];

for (const [who, a, action, expected] of table) {
  test(`${who} ${expected ? 'may' : 'may not'} ${action}`, () => {
    assert.equal(can(a, action, 1), expected);
  });
}
