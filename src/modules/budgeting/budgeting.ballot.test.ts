import { test } from 'node:test';
import assert from 'node:assert/strict';
import { approvalSet, checkBallot } from './budgeting.ballot.js';
import type { BallotRules } from './budgeting.types.js';

const projects = new Map<number, bigint>([[1, 400n], [2, 500n], [3, 700n]]);
const rules = (over: Partial<BallotRules>): BallotRules => ({ kind: 'approval', budgetOre: 1000n, maxChoices: null, minSpendOre: null, points: null, ...over });

const cases: [string, Partial<BallotRules>, Record<string, string | string[]>, string[], bigint][] = [
  ['approval within k', { maxChoices: 2 }, { project: ['1', '2'] }, [], 900n],
  ['approval over k', { maxChoices: 2 }, { project: ['1', '2', '3'] }, ['too_many'], 1600n],
  ['unknown project', {}, { project: ['1', '9'] }, ['unknown_project'], 400n],
  ['not a number', {}, { project: 'x' }, ['unknown_project'], 0n],
  ['empty', {}, {}, ['empty'], 0n],
  ['knapsack within budget', { kind: 'knapsack' }, { project: ['1', '2'] }, [], 900n],
  ['knapsack over budget', { kind: 'knapsack' }, { project: ['2', '3'] }, ['over_budget'], 1200n],
  ['knapsack under minimum spend', { kind: 'knapsack', minSpendOre: 600n }, { project: ['2'] }, ['under_min_spend'], 500n],
  ['cumulative within points', { kind: 'cumulative', points: 5 }, { points_1: '3', points_2: '2', points_3: '' }, [], 900n],
  ['cumulative over points', { kind: 'cumulative', points: 5 }, { points_1: '3', points_3: '3' }, ['points_over'], 1100n],
  ['cumulative bad number', { kind: 'cumulative', points: 5 }, { points_1: '-1' }, ['points_invalid', 'empty'].slice(0, 1), 0n],
  ['ranked 1..n', { kind: 'ranked', maxChoices: 3 }, { rank_3: '1', rank_1: '2' }, [], 1100n],
  ['ranked with a gap', { kind: 'ranked', maxChoices: 3 }, { rank_3: '1', rank_1: '3' }, ['rank_invalid'], 1100n],
  ['ranked twice first', { kind: 'ranked', maxChoices: 3 }, { rank_3: '1', rank_1: '1' }, ['rank_invalid'], 1100n],
];

for (const [name, over, fields, problems, total] of cases) {
  test(name, () => {
    const r = checkBallot(rules(over), projects, fields);
    assert.deepEqual(r.problems, problems);
    assert.equal(r.totalCostOre, total);
  });
}

test('ranked ballots list choices best first and count as approval of every ranked project', () => {
  const r = checkBallot(rules({ kind: 'ranked', maxChoices: 3 }), projects, { rank_3: '1', rank_1: '2' });
  assert.deepEqual(r.choices.map((c) => c.projectId), [3, 1]);
  assert.deepEqual(approvalSet(r.choices), [3, 1]);
});
