import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, MunicipalRole } from '../../core/auth/actor.js';
import { can, type DayFacts, type WorkdaysAction } from './workdays.policy.js';

const M = 1;
function actor(...roles: MunicipalRole[]): Actor {
  return { id: 7, sessionId: 's', displayName: 'A', email: 'a@example.dk', emailVerified: true, lang: null, networkRole: null, roles: new Map([[M, new Set(roles)]]) };
}
const coord: DayFacts = { coordinatesGroup: true, createdDay: false };
const creator: DayFacts = { coordinatesGroup: false, createdDay: true };
const initiativeMember: DayFacts = { coordinatesGroup: false, createdDay: false, organisesInitiative: true };

test('policy table', () => {
  const table: [string, Actor | null, WorkdaysAction, DayFacts | undefined, boolean][] = [
    ['anonymous cannot create', null, 'create_day', undefined, false],
    ['resident cannot create', actor('resident'), 'create_day', undefined, false],
    ['group coordinator creates', actor('resident'), 'create_day', coord, true],
    ['initiative member creates', actor('resident'), 'create_day', initiativeMember, true],
    ['initiative member manages', actor('resident'), 'manage_day', initiativeMember, true],
    ['initiative member cannot verify hours', actor('resident'), 'verify_hours', initiativeMember, false],
    ['facilitator creates', actor('facilitator'), 'create_day', undefined, true],
    ['admin creates', actor('admin'), 'create_day', undefined, true],
    ['finance officer cannot create', actor('finance_officer'), 'create_day', undefined, false],
    ['creator manages own day', actor('resident'), 'manage_day', creator, true],
    ['coordinator manages', actor('resident'), 'manage_day', coord, true],
    ['resident does not manage', actor('resident'), 'manage_day', undefined, false],
    ['coordinator cannot assign staff', actor('resident'), 'assign_staff', coord, false],
    ['facilitator assigns staff', actor('facilitator'), 'assign_staff', undefined, true],
    ['coordinator cannot verify hours', actor('resident'), 'verify_hours', coord, false],
    ['facilitator verifies hours', actor('facilitator'), 'verify_hours', undefined, true],
    ['resident cannot see arrangements', actor('resident'), 'manage_arrangements', undefined, false],
    ['facilitator handles reports', actor('facilitator'), 'handle_reports', undefined, true],
    ['resident does not handle reports', actor('resident'), 'handle_reports', undefined, false],
    ['admin manages settings', actor('admin'), 'manage_settings', undefined, true],
  ];
  for (const [name, a, action, facts, expected] of table) assert.equal(can(a, action, M, facts), expected, name);
});

test('roles in another municipality do not count', () => {
  assert.equal(can(actor('facilitator'), 'create_day', 2), false);
});
