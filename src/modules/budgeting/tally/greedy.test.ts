import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TallyElection } from './election.js';
import type { TallyOutcome } from './outcome.js';
import { tallyRules } from './rules.js';

function tally(rule: 'greedy-votes' | 'greedy-votes-per-cost', election: TallyElection): TallyOutcome {
  const result = tallyRules[rule](election);
  assert.ok(result.ok);
  return result.value;
}

// a: 3 votes, cost 6 (ratio 1/2); b: 2 votes, cost 2 (ratio 1); c: 2 votes, cost 4 (ratio 1/2).
const threeProjects: TallyElection = {
  budget: 7n,
  projects: [
    { id: 'a', cost: 6n },
    { id: 'b', cost: 2n },
    { id: 'c', cost: 4n },
  ],
  ballots: [['a', 'b'], ['a', 'c'], ['a', 'b', 'c']],
};

test('greedy-votes funds by votes and skips what does not fit instead of stopping', () => {
  const outcome = tally('greedy-votes', threeProjects);
  // a (3 votes) leaves 1; b and c (2 votes each, b first by id) no longer fit.
  assert.deepEqual(outcome.selected, ['a']);
  assert.equal(outcome.totalCost, 6n);
  const steps = Object.fromEntries(outcome.projects.map((p) => [p.id, p.greedy]));
  assert.deepEqual(steps, {
    a: { position: 1, remainingBefore: 7n, funded: true },
    b: { position: 2, remainingBefore: 1n, funded: false },
    c: { position: 3, remainingBefore: 1n, funded: false },
  });
});

test('greedy-votes-per-cost compares ratios exactly; equal ratios go by id', () => {
  const outcome = tally('greedy-votes-per-cost', threeProjects);
  // b (ratio 1) leaves 5; a and c tie at exactly 1/2, a first by id but too dear; c fits.
  assert.deepEqual(outcome.selected, ['b', 'c']);
  assert.equal(outcome.totalCost, 6n);
  assert.deepEqual(
    outcome.projects.map((p) => [p.id, p.greedy?.position]),
    [['a', 2], ['b', 1], ['c', 3]],
  );
});

test('ties go by id as a string, so "10" comes before "9"', () => {
  const election: TallyElection = {
    budget: 5n,
    projects: [
      { id: '9', cost: 5n },
      { id: '10', cost: 5n },
    ],
    ballots: [['9', '10']],
  };
  assert.deepEqual(tally('greedy-votes', election).selected, ['10']);
  assert.deepEqual(tally('greedy-votes-per-cost', election).selected, ['10']);
});

test('projects without votes come last but are funded if they fit', () => {
  const election: TallyElection = {
    budget: 10n,
    projects: [
      { id: 'quiet', cost: 3n },
      { id: 'loud', cost: 6n },
    ],
    ballots: [['loud'], ['loud'], []],
  };
  assert.deepEqual(tally('greedy-votes', election).selected, ['loud', 'quiet']);
  assert.deepEqual(tally('greedy-votes-per-cost', election).selected, ['loud', 'quiet']);
});

test('greedy-votes-per-cost puts a supported free project first and an unsupported one last', () => {
  const election: TallyElection = {
    budget: 4n,
    projects: [
      { id: 'a', cost: 4n },
      { id: 'free-unvoted', cost: 0n },
      { id: 'free', cost: 0n },
    ],
    ballots: [['a', 'free'], ['a']],
  };
  const outcome = tally('greedy-votes-per-cost', election);
  assert.deepEqual(outcome.selected, ['free', 'a', 'free-unvoted']);
  assert.equal(outcome.totalCost, 4n);
});

test('a repeated id on a ballot counts once and an empty ballot changes no count', () => {
  const election: TallyElection = {
    budget: 5n,
    projects: [
      { id: 'a', cost: 5n },
      { id: 'b', cost: 5n },
    ],
    ballots: [['b', 'b', 'b'], ['a'], ['a'], []],
  };
  const outcome = tally('greedy-votes', election);
  assert.deepEqual(outcome.selected, ['a']);
  assert.deepEqual(outcome.projects.map((p) => p.votes), [2, 1]);
});
