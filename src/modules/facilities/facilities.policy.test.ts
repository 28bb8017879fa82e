import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, MunicipalRole } from '../../core/auth/actor.js';
import { can, canCancel, type FacilitiesAction } from './facilities.policy.js';

const actor = (roles: [number, MunicipalRole][]): Actor => ({
  id: 1,
  sessionId: 's',
  displayName: 'X',
  email: 'x@example.dk',
  emailVerified: true,
  lang: null,
  networkRole: null,
  roles: new Map(roles.map(([m, r]) => [m, new Set([r])])),
});

test('can, table', () => {
  const cases: [Actor | null, FacilitiesAction, boolean][] = [
    [null, 'book', false],
    [actor([]), 'book', true],
    [actor([[1, 'resident']]), 'manage_bookings', false],
    [actor([[1, 'finance_officer']]), 'manage_bookings', false],
    [actor([[1, 'facilitator']]), 'manage_bookings', true],
    [actor([[1, 'admin']]), 'manage_bookings', true],
    [actor([[2, 'admin']]), 'manage_bookings', false],
    [actor([[1, 'facilitator']]), 'manage_facilities', true],
    [actor([[1, 'resident']]), 'manage_facilities', false],
  ];
  for (const [a, action, expected] of cases) assert.equal(can(a, action, 1), expected, `${JSON.stringify(a ? [...a.roles] : null)} ${action}`);
});

test('canCancel, table', () => {
  assert.equal(canCancel({ isStaff: true, isBooker: false, beforeDeadline: false }), 'yes');
  assert.equal(canCancel({ isStaff: false, isBooker: true, beforeDeadline: true }), 'yes');
  assert.equal(canCancel({ isStaff: false, isBooker: true, beforeDeadline: false }), 'past_deadline');
  assert.equal(canCancel({ isStaff: false, isBooker: false, beforeDeadline: true }), 'no');
});
