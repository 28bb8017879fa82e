import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, MunicipalRole } from '../../core/auth/actor.js';
import { can, type PeriodFacts, type SavingsAction } from './ledger.savings.policy.js';

const M = 1;
function actor(id: number, ...roles: MunicipalRole[]): Actor {
  return { id, sessionId: 's', displayName: 'A', email: 'a@example.dk', emailVerified: true, lang: null, networkRole: null, roles: new Map([[M, new Set(roles)]]) };
}
const enteredBy7: PeriodFacts = { enteredBy: 7 };

test('policy table', () => {
  const table: [string, Actor | null, SavingsAction, PeriodFacts | undefined, boolean][] = [
    ['visitor cannot edit', null, 'edit_agreement', undefined, false],
    ['resident cannot edit', actor(1, 'resident'), 'edit_agreement', undefined, false],
    ['facilitator edits drafts', actor(1, 'facilitator'), 'edit_agreement', undefined, true],
    ['finance officer edits drafts', actor(1, 'finance_officer'), 'edit_agreement', undefined, true],
    ['admin edits drafts', actor(1, 'admin'), 'edit_agreement', undefined, true],
    ['facilitator sees drafts', actor(1, 'facilitator'), 'see_drafts', undefined, true],
    ['resident does not see drafts', actor(1, 'resident'), 'see_drafts', undefined, false],
    ['facilitator cannot agree', actor(1, 'facilitator'), 'agree', undefined, false],
    ['finance officer agrees', actor(1, 'finance_officer'), 'agree', undefined, true],
    ['admin agrees', actor(1, 'admin'), 'agree', undefined, true],
    ['finance officer enters costs', actor(1, 'finance_officer'), 'enter_costs', undefined, true],
    ['admin does not enter costs', actor(1, 'admin'), 'enter_costs', undefined, false],
    ['facilitator does not enter costs', actor(1, 'facilitator'), 'enter_costs', undefined, false],
    ['another finance officer signs off', actor(8, 'finance_officer'), 'sign_off', enteredBy7, true],
    ['the one who entered the costs cannot sign off', actor(7, 'finance_officer'), 'sign_off', enteredBy7, false],
    ['admin cannot sign off', actor(8, 'admin'), 'sign_off', enteredBy7, false],
    ['facilitator cannot sign off', actor(8, 'facilitator'), 'sign_off', enteredBy7, false],
    ['finance officer reinvests', actor(1, 'finance_officer'), 'reinvest', undefined, true],
    ['facilitator cannot reinvest', actor(1, 'facilitator'), 'reinvest', undefined, false],
    ['resident cannot reinvest', actor(1, 'resident'), 'reinvest', undefined, false],
    ['admin sets the hour rate', actor(1, 'admin'), 'manage_settings', undefined, true],
    ['facilitator does not set the hour rate', actor(1, 'facilitator'), 'manage_settings', undefined, false],
    ['finance officer exports', actor(1, 'finance_officer'), 'export', undefined, true],
    ['resident does not export', actor(1, 'resident'), 'export', undefined, false],
  ];
  for (const [name, a, action, facts, expected] of table) assert.equal(can(a, action, M, facts), expected, name);
});

test('roles in another municipality do not count', () => {
  assert.equal(can(actor(1, 'finance_officer'), 'agree', 2), false);
  assert.equal(can(actor(8, 'finance_officer'), 'sign_off', 2, enteredBy7), false);
});
