// Table-driven tests of the accounts policies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, MunicipalRole, NetworkRole } from '../../core/auth/actor.js';
import {
  canManageNetwork, canManageStaff, decideNetworkRoleChange, decideRoleRevocation, decideSignIn, mailLanguage,
} from './accounts.policy.js';

function actor(roles: [number, MunicipalRole[]][] = [], networkRole: NetworkRole | null = null): Actor {
  return {
    id: 1, sessionId: 's', displayName: 'A', email: 'a@example.dk', emailVerified: true, lang: null, networkRole,
    roles: new Map(roles.map(([m, r]) => [m, new Set(r)])),
  };
}

test('canManageStaff: admins of that municipality, and network admins (who appoint a new municipality\'s first admin)', () => {
  const cases: [string, Actor | null, number, boolean][] = [
    ['signed out', null, 1, false],
    ['resident', actor([[1, ['resident']]]), 1, false],
    ['facilitator', actor([[1, ['facilitator']]]), 1, false],
    ['finance officer', actor([[1, ['finance_officer']]]), 1, false],
    ['admin here', actor([[1, ['admin']]]), 1, true],
    ['admin among other roles', actor([[1, ['resident', 'admin']]]), 1, true],
    ['admin elsewhere', actor([[2, ['admin']]]), 1, false],
    ['network admin', actor([], 'admin'), 1, true],
    ['network member', actor([], 'member'), 1, false],
  ];
  for (const [name, a, m, expected] of cases) assert.equal(canManageStaff(a, m), expected, name);
});

test('canManageNetwork: only network admins', () => {
  const cases: [string, Actor | null, boolean][] = [
    ['signed out', null, false],
    ['no network role', actor(), false],
    ['network member', actor([], 'member'), false],
    ['network admin', actor([], 'admin'), true],
    ['municipal admin', actor([[1, ['admin']]]), false],
  ];
  for (const [name, a, expected] of cases) assert.equal(canManageNetwork(a), expected, name);
});

test('decideRoleRevocation: a municipality keeps at least one admin', () => {
  const cases: [string, MunicipalRole, number, number[], 'ok' | 'last_admin'][] = [
    ['last admin removes own admin role', 'admin', 7, [7], 'last_admin'],
    ['one of two admins removes own admin role', 'admin', 7, [7, 8], 'ok'],
    ['admin removes another admin', 'admin', 8, [7, 8], 'ok'],
    ['last admin removes own facilitator role', 'facilitator', 7, [7], 'ok'],
    ['removing a resident role', 'resident', 9, [7], 'ok'],
    ['removing admin from someone who is not one', 'admin', 9, [7], 'ok'],
  ];
  for (const [name, role, target, admins, expected] of cases) {
    assert.equal(decideRoleRevocation({ role, targetUserId: target, adminIds: admins }), expected, name);
  }
});

test('decideNetworkRoleChange: the network keeps at least one admin', () => {
  const cases: [string, number, NetworkRole | null, number[], 'ok' | 'last_admin'][] = [
    ['last admin leaves', 1, null, [1], 'last_admin'],
    ['last admin becomes member', 1, 'member', [1], 'last_admin'],
    ['last admin stays admin', 1, 'admin', [1], 'ok'],
    ['one of two admins leaves', 1, null, [1, 2], 'ok'],
    ['member leaves', 3, null, [1], 'ok'],
    ['new admin', 3, 'admin', [1], 'ok'],
  ];
  for (const [name, target, role, admins, expected] of cases) {
    assert.equal(decideNetworkRoleChange({ targetUserId: target, newRole: role, adminIds: admins }), expected, name);
  }
});

test('decideSignIn: "not confirmed" only after a correct password', () => {
  const cases: [string, boolean, boolean, boolean, string][] = [
    ['unknown e-mail', false, false, false, 'invalid_credentials'],
    ['wrong password, confirmed', true, false, true, 'invalid_credentials'],
    ['wrong password, unconfirmed', true, false, false, 'invalid_credentials'],
    ['right password, unconfirmed', true, true, false, 'email_not_verified'],
    ['right password, confirmed', true, true, true, 'ok'],
  ];
  for (const [name, accountFound, passwordMatches, emailVerified, expected] of cases) {
    assert.equal(decideSignIn({ accountFound, passwordMatches, emailVerified }), expected, name);
  }
});

test('mailLanguage: the recipient’s choice, else the page’s language', () => {
  const cases: [string, 'da' | 'en' | null, 'da' | 'en', 'da' | 'en'][] = [
    ['no choice, Danish page', null, 'da', 'da'],
    ['no choice, English page', null, 'en', 'en'],
    ['chose English, Danish page', 'en', 'da', 'en'],
    ['chose Danish, English page', 'da', 'en', 'da'],
  ];
  for (const [name, recipient, request, expected] of cases) assert.equal(mailLanguage(recipient, request), expected, name);
});
