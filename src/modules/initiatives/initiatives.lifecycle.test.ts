// The lifecycle as a table: every (from, to) pair is either a listed step or refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkTransition, isTransition, nextStates, pausable, states, type LifecycleSnapshot, type State } from './initiatives.lifecycle.js';

/** Every step there is, written out by hand so the test does not restate the implementation. */
const steps: [State, State][] = [
  ['idea', 'open_for_support'],
  ['idea', 'declined'],
  ['open_for_support', 'in_dialogue'],
  ['open_for_support', 'declined'],
  ['open_for_support', 'paused'],
  ['in_dialogue', 'agreed'],
  ['in_dialogue', 'declined'],
  ['in_dialogue', 'paused'],
  ['agreed', 'active'],
  ['agreed', 'paused'],
  ['active', 'completed'],
  ['active', 'paused'],
  ['completed', 'evaluated'],
];

const ready: Omit<LifecycleSnapshot, 'state'> = { pausedFrom: null, hasFacilitator: true, hasAgreement: true };
const fullInput = { reason: 'Ikke muligt i år', outcomes: 'Bussen kører' };

test('every (from, to) pair outside paused: a step exactly when listed', () => {
  for (const from of states) {
    if (from === 'paused') continue;
    for (const to of states) {
      const listed = steps.some(([f, t]) => f === from && t === to);
      assert.equal(isTransition(from, to), listed, `${from} → ${to}`);
      assert.equal(checkTransition({ ...ready, state: from }, to, fullInput) === null, listed, `${from} → ${to} with everything in place`);
      if (!listed) assert.equal(checkTransition({ ...ready, state: from }, to, fullInput), 'transition_not_allowed');
    }
  }
});

test('a paused initiative resumes only to where it was paused from', () => {
  for (const pausedFrom of states) {
    for (const to of states) {
      const expected = pausable.includes(pausedFrom) && to === pausedFrom;
      assert.equal(isTransition('paused', to, pausedFrom), expected, `paused (from ${pausedFrom}) → ${to}`);
    }
  }
  assert.deepEqual(nextStates({ state: 'paused', pausedFrom: null }), []);
});

test('evaluated and declined are the end', () => {
  assert.deepEqual(nextStates({ state: 'evaluated', pausedFrom: null }), []);
  assert.deepEqual(nextStates({ state: 'declined', pausedFrom: null }), []);
});

test('what each step needs', () => {
  const table: [Partial<LifecycleSnapshot> & { state: State }, State, { reason?: string; outcomes?: string }, string | null][] = [
    [{ state: 'idea' }, 'declined', {}, 'reason_required'],
    [{ state: 'idea' }, 'declined', { reason: '   ' }, 'reason_required'],
    [{ state: 'idea' }, 'declined', { reason: 'Kommunen har ikke budget' }, null],
    [{ state: 'open_for_support', hasFacilitator: false }, 'in_dialogue', {}, 'facilitator_required'],
    [{ state: 'open_for_support', hasFacilitator: true }, 'in_dialogue', {}, null],
    [{ state: 'in_dialogue', hasAgreement: false }, 'agreed', {}, 'agreement_required'],
    [{ state: 'in_dialogue', hasAgreement: true }, 'agreed', {}, null],
    [{ state: 'completed' }, 'evaluated', {}, 'outcomes_required'],
    [{ state: 'completed' }, 'evaluated', { outcomes: '40 % færre tomme busser' }, null],
    [{ state: 'evaluated' }, 'declined', { reason: 'x' }, 'transition_not_allowed'],
  ];
  for (const [snap, to, input, expected] of table) {
    assert.equal(checkTransition({ ...ready, ...snap }, to, input), expected, `${snap.state} → ${to}`);
  }
});
