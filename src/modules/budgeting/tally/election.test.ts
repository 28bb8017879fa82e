import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareIds, indexElection, type TallyElection } from './election.js';

const base: TallyElection = {
  budget: 10n,
  projects: [
    { id: 'a', cost: 4n },
    { id: 'b', cost: 6n },
  ],
  ballots: [['a', 'b'], ['b', 'a', 'a'], ['b'], []],
};

test('voters with the same set of projects share a bloc; votes count each voter once', () => {
  const result = indexElection(base);
  assert.ok(result.ok);
  const election = result.value;
  assert.deepEqual(election.votes, [2, 3]);
  assert.equal(election.voterCount, 4);
  assert.deepEqual(election.blocs, [
    { projects: [0, 1], voters: [0, 1], weight: 2n },
    { projects: [1], voters: [2], weight: 1n },
    { projects: [], voters: [3], weight: 1n },
  ]);
  assert.deepEqual(election.supportingBlocs, [[0], [0, 1]]);
  assert.equal(election.currencyUnit, 1n);
});

test('input a rule cannot tally is an error result, not an exception', () => {
  const cases: [Partial<TallyElection>, string][] = [
    [{ projects: [{ id: 'a', cost: 1n }, { id: 'a', cost: 2n }] }, 'duplicate_project'],
    [{ ballots: [['a', 'c']] }, 'unknown_project'],
    [{ projects: [{ id: 'a', cost: -1n }] }, 'negative_amount'],
    [{ budget: -1n }, 'negative_amount'],
    [{ currencyUnit: 0n }, 'bad_currency_unit'],
  ];
  for (const [change, error] of cases) {
    const result = indexElection({ ...base, ballots: [], ...change });
    assert.ok(!result.ok);
    assert.equal(result.error, error);
    assert.ok(result.detail.message.length > 0);
  }
});

test('ids compare as strings, never as numbers', () => {
  assert.deepEqual(['9', '10', 'b', 'B', 'a'].sort(compareIds), ['10', '9', 'B', 'a', 'b']);
});
