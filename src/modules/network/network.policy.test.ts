import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, MunicipalRole, NetworkRole } from '../../core/auth/actor.js';
import { can, isNetworkParticipant, municipalitiesActedFor, type NetworkCaseAction } from './network.policy.js';

const M = 1;
const OTHER = 2;
function actor(roles: MunicipalRole[], networkRole: NetworkRole | null = null, where = M): Actor {
  return { id: 7, sessionId: 's', displayName: 'A', email: 'a@example.dk', emailVerified: true, lang: null, networkRole, roles: new Map([[where, new Set(roles)]]) };
}

test('policy table', () => {
  const table: [string, Actor | null, NetworkCaseAction, number, boolean][] = [
    ['visitor cannot write', null, 'write_case', M, false],
    ['resident cannot write', actor(['resident']), 'write_case', M, false],
    ['finance officer cannot write', actor(['finance_officer']), 'write_case', M, false],
    ['facilitator writes', actor(['facilitator']), 'write_case', M, true],
    ['admin writes', actor(['admin']), 'write_case', M, true],
    ['facilitator elsewhere cannot write here', actor(['facilitator'], null, OTHER), 'write_case', M, false],
    ['network member cannot write without a role', actor([], 'member'), 'write_case', M, false],
    ['network admin cannot write for a municipality', actor([], 'admin'), 'write_case', M, false],
    ['facilitator sees drafts', actor(['facilitator']), 'see_drafts', M, true],
    ['resident does not see drafts', actor(['resident']), 'see_drafts', M, false],
    ['facilitator adopts into own municipality', actor(['facilitator']), 'adopt_into', M, true],
    ['facilitator cannot adopt into another municipality', actor(['facilitator'], null, OTHER), 'adopt_into', M, false],
    ['resident cannot adopt', actor(['resident']), 'adopt_into', M, false],
    ['network member cannot adopt without a role', actor([], 'member'), 'adopt_into', M, false],
    ['visitor cannot discuss', null, 'discuss', M, false],
    ['resident cannot discuss', actor(['resident']), 'discuss', M, false],
    ['network member discusses', actor([], 'member'), 'discuss', M, true],
    ['facilitator of any municipality discusses', actor(['facilitator'], null, OTHER), 'discuss', M, true],
    ['network admin moderates', actor([], 'admin'), 'moderate', M, true],
    ['network member does not moderate', actor([], 'member'), 'moderate', M, false],
    ['owning facilitator moderates', actor(['facilitator']), 'moderate', M, true],
    ['other facilitator does not moderate', actor(['facilitator'], null, OTHER), 'moderate', M, false],
  ];
  for (const [name, a, action, mid, expected] of table) assert.equal(can(a, action, mid), expected, name);
});

test('participants and the municipalities someone acts for', () => {
  assert.equal(isNetworkParticipant(null), false);
  assert.equal(isNetworkParticipant(actor(['resident'])), false);
  assert.equal(isNetworkParticipant(actor([], 'member')), true);
  const both: Actor = { ...actor(['facilitator']), roles: new Map([[3, new Set<MunicipalRole>(['admin'])], [1, new Set<MunicipalRole>(['facilitator'])], [2, new Set<MunicipalRole>(['resident'])]]) };
  assert.deepEqual(municipalitiesActedFor(both), [1, 3]);
});
