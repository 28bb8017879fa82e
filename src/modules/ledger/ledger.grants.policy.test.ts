import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, MunicipalRole } from '../../core/auth/actor.js';
import { can, type GrantAction, type GrantFacts } from './ledger.grants.policy.js';

const M = 1;
function actor(...roles: MunicipalRole[]): Actor {
  return { id: 7, sessionId: 's', displayName: 'A', email: 'a@example.dk', emailVerified: true, lang: null, networkRole: null, roles: new Map([[M, new Set(roles)]]) };
}
const none: GrantFacts = { applicant: false, coordinatesGroup: false, asResident: false };
const applicant: GrantFacts = { applicant: true, coordinatesGroup: false, asResident: true };
const coord: GrantFacts = { applicant: false, coordinatesGroup: true, asResident: false };
const ownAsStaff: GrantFacts = { applicant: true, coordinatesGroup: true, asResident: false };

test('policy table', () => {
  const table: [string, Actor | null, GrantAction, GrantFacts, boolean][] = [
    ['anonymous cannot apply', null, 'apply', applicant, false],
    ['resident applies alone', actor('resident'), 'apply', applicant, true],
    ['coordinator applies for the group', actor('resident'), 'apply', coord, true],
    ['member cannot apply for a group they do not coordinate', actor('resident'), 'apply', none, false],
    ['anonymous sees no application', null, 'view_application', applicant, false],
    ['applicant sees own', actor('resident'), 'view_application', applicant, true],
    ['coordinator sees the group one', actor('resident'), 'view_application', coord, true],
    ['other resident does not see it', actor('resident'), 'view_application', none, false],
    ['facilitator sees it', actor('facilitator'), 'view_application', none, true],
    ['finance officer sees it', actor('finance_officer'), 'view_application', none, true],
    ['resident cannot list applications', actor('resident'), 'list_applications', none, false],
    ['facilitator lists', actor('facilitator'), 'list_applications', none, true],
    ['finance officer creates pools', actor('finance_officer'), 'manage_pool', none, true],
    ['admin creates pools', actor('admin'), 'manage_pool', none, true],
    ['facilitator does not create pools', actor('facilitator'), 'manage_pool', none, false],
    ['finance officer funds', actor('finance_officer'), 'fund_pool', none, true],
    ['admin does not fund', actor('admin'), 'fund_pool', none, false],
    ['facilitator does not fund', actor('facilitator'), 'fund_pool', none, false],
    ['facilitator triages', actor('facilitator'), 'triage', none, true],
    ['finance officer does not triage', actor('finance_officer'), 'triage', none, false],
    ['resident does not triage', actor('resident'), 'triage', none, false],
    ['facilitator does not triage own', actor('facilitator'), 'triage', ownAsStaff, false],
    ['facilitator decides', actor('facilitator'), 'decide', none, true],
    ['finance officer decides', actor('finance_officer'), 'decide', none, true],
    ['staff do not decide own', actor('finance_officer'), 'decide', applicant, false],
    ['coordinator does not decide', actor('resident'), 'decide', coord, false],
    ['facilitator fast-tracks', actor('facilitator'), 'fast_track', none, true],
    ['finance officer does not fast-track', actor('finance_officer'), 'fast_track', none, false],
    ['finance officer pays', actor('finance_officer'), 'pay', none, true],
    ['finance officer does not pay own', actor('finance_officer'), 'pay', coord, false],
    ['facilitator does not pay', actor('facilitator'), 'pay', none, false],
    ['admin does not pay', actor('admin'), 'pay', none, false],
    ['applicant reports', actor('resident'), 'report', applicant, true],
    ['coordinator reports', actor('resident'), 'report', coord, true],
    ['staff do not report for others', actor('facilitator'), 'report', none, false],
    ['finance officer records repayment', actor('finance_officer'), 'record_repayment', none, true],
    ['facilitator does not record repayment', actor('facilitator'), 'record_repayment', none, false],
    ['facilitator closes', actor('facilitator'), 'close', none, true],
    ['applicant does not close', actor('resident'), 'close', applicant, false],
  ];
  for (const [name, a, action, facts, expected] of table) assert.equal(can(a, action, M, facts), expected, name);
});

test('roles in another municipality do not count', () => {
  assert.equal(can(actor('finance_officer'), 'pay', 2), false);
  assert.equal(can(actor('facilitator'), 'triage', 2), false);
});
