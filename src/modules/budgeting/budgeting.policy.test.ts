import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, MunicipalRole, NetworkRole } from '../../core/auth/actor.js';
import { can, type BudgetingAction } from './budgeting.policy.js';

const HERE = 1;
const ELSEWHERE = 2;

function actor(roles: [number, MunicipalRole][] = [], networkRole: NetworkRole | null = null): Actor {
  const map = new Map<number, Set<MunicipalRole>>();
  for (const [m, r] of roles) map.set(m, (map.get(m) ?? new Set()).add(r));
  return { id: 1, sessionId: 's', displayName: 'A', email: 'a@example.dk', emailVerified: true, lang: null, networkRole, roles: map };
}

const actions: BudgetingAction[] = ['manage', 'review', 'enter_paper', 'propose', 'vote'];
// person → [manage, review, enter_paper, propose, vote] in municipality HERE
const table: [string, Actor | null, boolean[]][] = [
  ['anonymous', null, [false, false, false, false, false]],
  ['signed in, no role', actor(), [false, false, false, true, true]],
  ['resident', actor([[HERE, 'resident']]), [false, false, false, true, true]],
  ['facilitator', actor([[HERE, 'facilitator']]), [false, true, true, true, true]],
  ['finance officer', actor([[HERE, 'finance_officer']]), [false, false, false, true, true]],
  ['admin', actor([[HERE, 'admin']]), [true, true, true, true, true]],
  ['admin elsewhere', actor([[ELSEWHERE, 'admin']]), [false, false, false, true, true]],
  ['facilitator elsewhere', actor([[ELSEWHERE, 'facilitator']]), [false, false, false, true, true]],
  ['network admin', actor([], 'admin'), [false, false, false, true, true]],
];

for (const [who, person, expected] of table) {
  for (const [i, action] of actions.entries()) {
    test(`${who} ${expected[i] ? 'may' : 'may not'} ${action}`, () => {
      assert.equal(can(person, action, HERE), expected[i]);
    });
  }
}
