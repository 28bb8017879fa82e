// Who may take which step: every (standing × from × to), against a table written out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { states, type State } from './initiatives.lifecycle.js';
import {
  availableSteps,
  decideTransition,
  mayAssignSelf,
  mayComment,
  mayEditComment,
  mayModerate,
  mayPostUpdate,
  mayRecordAgreement,
  mayReportComment,
  maySupport,
  mayUseWorkspace,
  standingOf,
  standings,
  type Standing,
} from './initiatives.policy.js';
import type { Actor, MunicipalRole } from '../../core/auth/actor.js';

const O = 'owner', F = 'facilitator', A = 'admin';
/** Who may take each step. Anything not listed is refused to everyone. Resuming from a pause: see below. */
const allowed: Record<string, Standing[]> = {
  'idea>open_for_support': [O, F, A],
  'idea>declined': [F, A],
  'open_for_support>in_dialogue': [F, A],
  'open_for_support>declined': [F, A],
  'open_for_support>paused': [O, F, A],
  'in_dialogue>agreed': [F, A],
  'in_dialogue>declined': [F, A],
  'in_dialogue>paused': [O, F, A],
  'agreed>active': [O, F, A],
  'agreed>paused': [O, F, A],
  'active>completed': [O, F, A],
  'active>paused': [O, F, A],
  'completed>evaluated': [O, F, A],
};
const resumers: Standing[] = [O, F, A];

// Inputs that satisfy every requirement, so only lifecycle and policy decide.
const snapshotFor = (state: State, pausedFrom: State | null = null) => ({ state, pausedFrom, hasFacilitator: true, hasAgreement: true });
const input = { reason: 'Begrundelse', outcomes: 'Resultater' };

/** A standing set as the routes build it: signed-in people are residents too. */
function set(role: Standing): Set<Standing> {
  return role === 'visitor' ? new Set(['visitor']) : new Set<Standing>(['resident', role]);
}

test('every standing × from × to', () => {
  let checked = 0;
  for (const role of standings) {
    for (const from of states) {
      if (from === 'paused') continue;
      for (const to of states) {
        const who: Standing[] | undefined = allowed[`${from}>${to}`];
        const decision = decideTransition(set(role), snapshotFor(from), to, input);
        const manages = [O, F, A].includes(role);
        let expected: string | null;
        if (!manages) expected = 'forbidden';
        else if (!who) expected = 'transition_not_allowed';
        else expected = who.includes(role) ? null : 'forbidden';
        assert.equal(decision, expected, `${role}: ${from} → ${to}`);
        checked++;
      }
    }
  }
  assert.equal(checked, standings.length * (states.length - 1) * states.length);
});

test('every standing resuming a paused initiative, from every pausable state to every state', () => {
  for (const role of standings) {
    for (const pausedFrom of ['open_for_support', 'in_dialogue', 'agreed', 'active'] as State[]) {
      for (const to of states) {
        const decision = decideTransition(set(role), snapshotFor('paused', pausedFrom), to, input);
        let expected: string | null;
        if (![O, F, A].includes(role)) expected = 'forbidden';
        else if (to !== pausedFrom) expected = 'transition_not_allowed';
        else expected = resumers.includes(role) ? null : 'forbidden';
        assert.equal(decision, expected, `${role}: paused(${pausedFrom}) → ${to}`);
      }
    }
  }
});

test('an owner who is also a facilitator may do both', () => {
  const both = new Set<Standing>(['resident', 'owner', 'facilitator']);
  assert.deepEqual(availableSteps(both, { state: 'open_for_support', pausedFrom: null }), ['in_dialogue', 'declined', 'paused']);
  assert.deepEqual(availableSteps(set('owner'), { state: 'open_for_support', pausedFrom: null }), ['paused']);
  assert.deepEqual(availableSteps(set('resident'), { state: 'idea', pausedFrom: null }), []);
});

test('participation and moderation rules', () => {
  const visitor = set('visitor');
  const resident = set('resident');
  assert.equal(maySupport(visitor, 'open_for_support'), false);
  assert.equal(maySupport(resident, 'open_for_support'), true);
  for (const s of states) assert.equal(maySupport(resident, s), ['open_for_support', 'in_dialogue', 'agreed', 'active'].includes(s), `support in ${s}`);
  assert.equal(mayComment(resident, 'declined'), false);
  assert.equal(mayComment(visitor, 'idea'), false);
  assert.equal(mayEditComment(resident, true, false), true);
  assert.equal(mayEditComment(resident, false, false), false);
  assert.equal(mayEditComment(resident, true, true), false);
  assert.equal(mayReportComment(resident, false), true);
  assert.equal(mayReportComment(resident, true), false);
  for (const role of standings) {
    const s = set(role);
    assert.equal(mayModerate(s), role === F || role === A, `moderate: ${role}`);
    assert.equal(mayUseWorkspace(s), role === F || role === A, `workspace: ${role}`);
    assert.equal(mayRecordAgreement(s), role === F || role === A, `agreement: ${role}`);
    assert.equal(mayAssignSelf(s, 'idea'), role === F || role === A, `assign: ${role}`);
    assert.equal(mayPostUpdate(s, 'active'), [O, F, A].includes(role), `update: ${role}`);
  }
  assert.equal(mayAssignSelf(set('facilitator'), 'declined'), false);
});

test('standing comes from the roles in the initiative’s own municipality', () => {
  const actor = (roles: [number, MunicipalRole][]): Actor => ({
    id: 1, sessionId: 's', displayName: 'X', email: 'x@example.dk', emailVerified: true, lang: null, networkRole: null,
    roles: new Map(roles.map(([m, r]) => [m, new Set([r])])),
  });
  assert.deepEqual([...standingOf(null, 1, false)], ['visitor']);
  assert.deepEqual([...standingOf(actor([[1, 'facilitator']]), 1, false)].sort(), ['facilitator', 'resident']);
  assert.deepEqual([...standingOf(actor([[2, 'facilitator']]), 1, true)].sort(), ['owner', 'resident'], 'a facilitator elsewhere is only a resident here');
});
