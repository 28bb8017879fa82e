import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, MunicipalRole, NetworkRole } from '../../core/auth/actor.js';
import { can, type MunicipalitiesAction } from './municipalities.policy.js';

const HERE = 1;
const ELSEWHERE = 2;

function actor(roles: [number, MunicipalRole][] = [], networkRole: NetworkRole | null = null): Actor {
  const map = new Map<number, Set<MunicipalRole>>();
  for (const [m, r] of roles) map.set(m, (map.get(m) ?? new Set()).add(r));
  return { id: 1, sessionId: 's', displayName: 'A', email: 'a@example.dk', emailVerified: true, lang: null, networkRole, roles: map };
}

const people: Record<string, Actor | null> = {
  anonymous: null,
  'signed in, no role': actor(),
  resident: actor([[HERE, 'resident']]),
  facilitator: actor([[HERE, 'facilitator']]),
  'finance officer': actor([[HERE, 'finance_officer']]),
  admin: actor([[HERE, 'admin']]),
  'admin elsewhere': actor([[ELSEWHERE, 'admin']]),
  'resident + admin': actor([[HERE, 'resident'], [HERE, 'admin']]),
  'network member': actor([], 'member'),
  'network admin': actor([], 'admin'),
};

// person → [view_admin, manage, create_municipality] for municipality HERE
const table: Record<string, [boolean, boolean, boolean]> = {
  anonymous: [false, false, false],
  'signed in, no role': [false, false, false],
  resident: [false, false, false],
  facilitator: [true, false, false],
  'finance officer': [false, false, false],
  admin: [true, true, false],
  'admin elsewhere': [false, false, false],
  'resident + admin': [true, true, false],
  'network member': [false, false, false],
  'network admin': [false, false, true],
};

const actions: MunicipalitiesAction[] = ['view_admin', 'manage', 'create_municipality'];

for (const [who, expected] of Object.entries(table)) {
  for (const [i, action] of actions.entries()) {
    test(`${who} ${expected[i] ? 'may' : 'may not'} ${action}`, () => {
      assert.equal(can(people[who]!, action, HERE), expected[i]);
    });
  }
}

test('a municipal action without a municipality is refused', () => {
  assert.equal(can(people.admin!, 'manage'), false);
  assert.equal(can(people.admin!, 'view_admin'), false);
});
