import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, MunicipalRole, NetworkRole } from '../../core/auth/actor.js';
import { can, type MeetingFacts, type MeetingsAction } from './network.meetings.policy.js';

function actor(networkRole: NetworkRole | null, ...roles: MunicipalRole[]): Actor {
  return { id: 7, sessionId: 's', displayName: 'A', email: 'a@example.dk', emailVerified: true, lang: null, networkRole, roles: new Map([[1, new Set(roles)]]) };
}
const pub: MeetingFacts = { isPublic: true };
const closed: MeetingFacts = { isPublic: false };

test('policy table', () => {
  const table: [string, Actor | null, MeetingsAction, MeetingFacts | undefined, boolean][] = [
    ['visitor cannot manage', null, 'manage', undefined, false],
    ['member cannot manage', actor('member'), 'manage', undefined, false],
    ['municipal admin without network role cannot manage', actor(null, 'admin'), 'manage', undefined, false],
    ['network admin manages', actor('admin'), 'manage', undefined, true],
    ['visitor reads a public meeting', null, 'view_meeting', pub, true],
    ['visitor cannot read a members-only meeting', null, 'view_meeting', closed, false],
    ['resident cannot read a members-only meeting', actor(null, 'resident'), 'view_meeting', closed, false],
    ['member reads a members-only meeting', actor('member'), 'view_meeting', closed, true],
    ['admin reads a members-only meeting', actor('admin'), 'view_meeting', closed, true],
    ['visitor cannot register', null, 'register', pub, false],
    ['facilitator without network role cannot register', actor(null, 'facilitator'), 'register', pub, false],
    ['member registers', actor('member'), 'register', pub, true],
    ['admin registers', actor('admin'), 'register', pub, true],
    ['visitor never sees registrants', null, 'view_registrants', pub, false],
    ['member does not see registrants', actor('member'), 'view_registrants', pub, false],
    ['admin sees registrants', actor('admin'), 'view_registrants', pub, true],
    ['visitor sees municipalities only', null, 'view_directory_people', undefined, false],
    ['resident sees municipalities only', actor(null, 'resident'), 'view_directory_people', undefined, false],
    ['member sees consenting people', actor('member'), 'view_directory_people', undefined, true],
  ];
  for (const [name, a, action, facts, expected] of table) assert.equal(can(a, action, facts), expected, name);
});
