import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as p from './groups.policy.js';
import type { GroupFacts, MembershipFacts, Viewer } from './groups.policy.js';

const visitor: Viewer = p.anonymous;
const resident: Viewer = { userId: 1, facilitator: false };
const facilitator: Viewer = { userId: 2, facilitator: true };

const none: MembershipFacts = null;
const member: MembershipFacts = { role: 'member', status: 'active' };
const coordinator: MembershipFacts = { role: 'coordinator', status: 'active' };
const requested: MembershipFacts = { role: 'member', status: 'requested' };
const invited: MembershipFacts = { role: 'member', status: 'invited' };

const open: GroupFacts = { kind: 'informal', membershipPolicy: 'open' };
const byRequest: GroupFacts = { kind: 'informal', membershipPolicy: 'request' };
const inviteOnly: GroupFacts = { kind: 'informal', membershipPolicy: 'invite' };
const association: GroupFacts = { kind: 'association', membershipPolicy: 'open' };
const council: GroupFacts = { kind: 'local_council', membershipPolicy: 'open' };

type Row = [name: string, actual: boolean, expected: boolean];

const table: Row[] = [
  ['visitor may not create', p.mayCreateGroup(visitor), false],
  ['resident may create', p.mayCreateGroup(resident), true],
  ['resident may choose informal', p.mayChooseKind(resident, 'informal'), true],
  ['resident may choose association', p.mayChooseKind(resident, 'association'), true],
  ['resident may not choose local council', p.mayChooseKind(resident, 'local_council'), false],
  ['facilitator may choose local council', p.mayChooseKind(facilitator, 'local_council'), true],
  ['visitor may not choose any kind', p.mayChooseKind(visitor, 'informal'), false],

  ['visitor may not join an open group', p.mayJoin(visitor, open, none), false],
  ['resident may join an open group', p.mayJoin(resident, open, none), true],
  ['member may not join again', p.mayJoin(resident, open, member), false],
  ['resident may not join a by-request group directly', p.mayJoin(resident, byRequest, none), false],
  ['resident may not join an invite-only group', p.mayJoin(resident, inviteOnly, none), false],
  ['resident may request a by-request group', p.mayRequest(resident, byRequest, none), true],
  ['resident may not request twice', p.mayRequest(resident, byRequest, requested), false],
  ['resident may not request an open group', p.mayRequest(resident, open, none), false],
  ['resident may not request an invite-only group', p.mayRequest(resident, inviteOnly, none), false],
  ['visitor may not request', p.mayRequest(visitor, byRequest, none), false],

  ['invited person may answer', p.mayAnswerInvitation(resident, invited), true],
  ['requester may not answer an invitation', p.mayAnswerInvitation(resident, requested), false],
  ['member may not answer an invitation', p.mayAnswerInvitation(resident, member), false],
  ['non-member may not answer an invitation', p.mayAnswerInvitation(resident, none), false],

  ['member may leave', p.mayLeave(resident, member, 1), true],
  ['requester may withdraw', p.mayLeave(resident, requested, 1), true],
  ['invited may decline by leaving', p.mayLeave(resident, invited, 1), true],
  ['last coordinator may not leave', p.mayLeave(resident, coordinator, 1), false],
  ['one of two coordinators may leave', p.mayLeave(resident, coordinator, 2), true],
  ['non-member may not leave', p.mayLeave(resident, none, 1), false],

  ['coordinator may approve', p.mayApproveRequests(resident, coordinator), true],
  ['member may not approve', p.mayApproveRequests(resident, member), false],
  ['facilitator who is not coordinator may not approve', p.mayApproveRequests(facilitator, none), false],
  ['coordinator may invite', p.mayInvite(resident, coordinator), true],
  ['member may not invite', p.mayInvite(resident, member), false],
  ['requested coordinator-to-be may not invite', p.mayInvite(resident, requested), false],
  ['coordinator may manage members', p.mayManageMembers(resident, coordinator), true],
  ['member may not manage members', p.mayManageMembers(resident, member), false],
  ['coordinator sees every member', p.maySeeAllMembers(resident, coordinator), true],
  ['member sees only consenting members', p.maySeeAllMembers(resident, member), false],
  ['facilitator sees only consenting members', p.maySeeAllMembers(facilitator, none), false],

  ['coordinator may edit', p.mayEdit(resident, coordinator), true],
  ['member may not edit', p.mayEdit(resident, member), false],
  ['facilitator may not edit a group they do not run', p.mayEdit(facilitator, none), false],

  ['coordinator may keep the board of an association', p.mayManageBoard(resident, association, coordinator), true],
  ['coordinator may keep the board of a local council', p.mayManageBoard(resident, council, coordinator), true],
  ['an informal group has no board', p.mayManageBoard(resident, open, coordinator), false],
  ['member may not keep the board', p.mayManageBoard(resident, association, member), false],

  ['coordinator may keep activities', p.mayManageActivities(resident, coordinator), true],
  ['member may not keep activities', p.mayManageActivities(resident, member), false],

  ['member may post', p.mayPost(resident, member), true],
  ['coordinator may post', p.mayPost(resident, coordinator), true],
  ['requester may not post', p.mayPost(resident, requested), false],
  ['invited may not post', p.mayPost(resident, invited), false],
  ['non-member may not post', p.mayPost(resident, none), false],
  ['visitor may not post', p.mayPost(visitor, none), false],

  ['author may edit own post', p.mayEditPost(resident, member, { authorId: 1, hidden: false }), true],
  ['author may not edit a hidden post', p.mayEditPost(resident, member, { authorId: 1, hidden: true }), false],
  ["member may not edit another's post", p.mayEditPost(resident, member, { authorId: 9, hidden: false }), false],
  ['former member may not edit own post', p.mayEditPost(resident, none, { authorId: 1, hidden: false }), false],

  ['coordinator may moderate', p.mayModerate(resident, coordinator), true],
  ['facilitator may moderate', p.mayModerate(facilitator, none), true],
  ['member may not moderate', p.mayModerate(resident, member), false],
  ['visitor may not moderate', p.mayModerate(visitor, none), false],

  ['facilitator may recognise', p.mayRecognise(facilitator), true],
  ['resident may not recognise', p.mayRecognise(resident), false],
  ['visitor may not recognise', p.mayRecognise(visitor), false],
  ['a signed-out facilitator flag is not enough', p.mayRecognise({ userId: null, facilitator: true }), false],
];

for (const [name, actual, expected] of table) {
  test(name, () => assert.equal(actual, expected));
}

test('only associations and local councils have boards', () => {
  assert.deepEqual(
    (['informal', 'association', 'local_council'] as const).map(p.hasBoard),
    [false, true, true],
  );
});
