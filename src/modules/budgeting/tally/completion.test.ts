import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { equalSharesAdd1, equalSharesAdd1Utilitarian, javascriptKeyOrder } from './completion.js';
import { indexElection, type IndexedElection, type TallyElection } from './election.js';
import { equalShare, runEqualShares } from './equal-shares.js';
import { lowestTerms, rational, type Rational } from './rational.js';
import { tallyRules } from './rules.js';

function indexed(election: TallyElection): IndexedElection {
  const result = indexElection(election);
  assert.ok(result.ok);
  return result.value;
}

const selected = (rule: 'mes-cost' | 'mes-cost-add1' | 'mes-cost-add1u', election: TallyElection) => {
  const result = tallyRules[rule](election);
  assert.ok(result.ok);
  return result.value.selected;
};

test('inside Add1 equal ρ goes to the lower cost, where plain MES goes by id', () => {
  // One voter with 3: a (3) and b (2) both have ρ = 1.
  const election: TallyElection = {
    budget: 3n,
    projects: [
      { id: 'a', cost: 3n },
      { id: 'b', cost: 2n },
    ],
    ballots: [['a', 'b']],
  };
  assert.deepEqual(selected('mes-cost', election), ['a']);
  // Add1: b at 3 and at 4 per voter (a no longer fits in what is left); at 5 both, over B.
  const add1 = equalSharesAdd1(indexed(election));
  assert.deepEqual(add1.selected, ['b']);
  assert.deepEqual(add1.equalShares?.perVoterBudget, rational(4n));
  // Add1u stops at once: nothing fits in the 1 left.
  assert.deepEqual(selected('mes-cost-add1u', election), ['b']);
});

test('inside Add1 equal ρ and cost go to more votes, then to the smaller id', () => {
  // v1-v3 buy W in round 1 (ρ = 1/3) and are left with nothing at 6 each. Round 2: a (v0 alone)
  // and b (v0, with v1 who pays nothing) both cost 6 with ρ = 1; b has more votes.
  const election: TallyElection = {
    budget: 24n,
    projects: [
      { id: 'W', cost: 18n },
      { id: 'a', cost: 6n },
      { id: 'b', cost: 6n },
    ],
    ballots: [['a', 'b'], ['W', 'b'], ['W'], ['W']],
  };
  assert.deepEqual(selected('mes-cost', election), ['W', 'a']);
  const add1 = equalSharesAdd1(indexed(election));
  assert.deepEqual(add1.selected, ['W', 'b']);
  // At 9 per voter v0 keeps enough for a as well, which would cost 30 > 24: 8 is kept.
  assert.deepEqual(add1.equalShares?.perVoterBudget, rational(8n));
  const b = add1.projects.find((p) => p.id === 'b')?.equalShares;
  assert.ok(b?.kind === 'bought');
  assert.deepEqual(lowestTerms(b.maxPayment), rational(4n));
  assert.deepEqual(selected('mes-cost-add1u', election), ['W', 'b']);

  const sameVotes: TallyElection = { ...election, ballots: [['a', 'b'], ['W'], ['W'], ['W']] };
  assert.deepEqual(equalSharesAdd1(indexed(sameVotes)).selected, ['W', 'a']);
});

test('the Add1u completion orders like a JavaScript object: array-index ids numerically, then file order', () => {
  assert.deepEqual(javascriptKeyOrder(['y', '10', 'x', '9', '007', '4294967295', '0']), [6, 3, 1, 0, 2, 4, 5]);
  // S is funded by MES; the unvoted rest tie at 0 votes and only 3 is left.
  const election: TallyElection = {
    budget: 8n,
    projects: ['S', 'y', '10', 'x', '9', '007'].map((id) => ({ id, cost: id === 'S' ? 5n : 1n })),
    ballots: [['S']],
  };
  assert.deepEqual(selected('mes-cost-add1u', election), ['S', '9', '10', 'y']);
});

test('Add1u funds everything when everything fits; Add1 funds everything supported when that fits', () => {
  const election: TallyElection = {
    budget: 100n,
    projects: [
      { id: 'a', cost: 40n },
      { id: 'b', cost: 50n },
      { id: 'c', cost: 5n },
    ],
    ballots: [['a'], ['a', 'b'], ['a']],
  };
  assert.deepEqual(new Set(selected('mes-cost-add1u', election)), new Set(['a', 'b', 'c']));
  assert.deepEqual(new Set(selected('mes-cost-add1', election)), new Set(['a', 'b']));
});

test('Add1 with no voters funds nothing; Add1u still completes greedily', () => {
  const election: TallyElection = { budget: 5n, projects: [{ id: 'a', cost: 3n }, { id: 'b', cost: 3n }], ballots: [] };
  assert.deepEqual(selected('mes-cost-add1', election), []);
  assert.deepEqual(selected('mes-cost-add1u', election), ['a']);
});

test('the per-voter budget rises by whole currency units: 100 minor units when amounts carry cents', () => {
  // Same election as the lower-cost tie above, in cents: the kept budget is 4.00, not 3.01.
  const election: TallyElection = {
    budget: 300n,
    projects: [
      { id: 'a', cost: 300n },
      { id: 'b', cost: 200n },
    ],
    ballots: [['a', 'b']],
    currencyUnit: 100n,
  };
  assert.deepEqual(equalSharesAdd1(indexed(election)).equalShares?.perVoterBudget, rational(400n));
});

// ---- The Add1 loops as the README words them, one unit at a time, to check the jumps against ----

const plainRun = (election: IndexedElection, perVoter: Rational) => runEqualShares(election, perVoter, 'cost', 'cost-votes-id');

function naiveAdd1(election: IndexedElection): { winners: readonly number[]; perVoter: Rational } {
  const supported = election.costs.reduce((sum, cost, p) => (election.votes[p]! > 0 ? sum + cost : sum), 0n);
  if (supported <= election.budget) return { winners: plainRun(election, rational(supported)).winners, perVoter: rational(supported) };
  let kept = { winners: plainRun(election, equalShare(election)).winners, perVoter: equalShare(election) };
  const unit = election.currencyUnit;
  for (let b = (election.budget / (BigInt(election.voterCount) * unit)) * unit + unit; ; b += unit) {
    const run = plainRun(election, rational(b));
    if (run.cost > election.budget) return kept;
    kept = { winners: run.winners, perVoter: rational(b) };
  }
}

function naiveAdd1uBudget(election: IndexedElection): Rational {
  const all = election.costs.reduce((sum, cost) => sum + cost, 0n);
  const supported = election.costs.reduce((sum, cost, p) => (election.votes[p]! > 0 ? sum + cost : sum), 0n);
  if (all <= election.budget) return equalShare(election);
  if (supported <= election.budget) return rational(supported);
  const unit = election.currencyUnit;
  let b = (election.budget / (BigInt(election.voterCount) * unit)) * unit;
  let run = plainRun(election, rational(b));
  for (;;) {
    const left = election.budget - run.cost;
    if (election.costs.every((cost, p) => run.winners.includes(p) || cost > left)) return rational(b);
    const next = plainRun(election, rational(b + unit));
    if (next.cost > election.budget) return rational(b);
    b += unit;
    run = next;
  }
}

const add1Election = fc
  .record({
    costs: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 6 }),
    voters: fc.array(fc.array(fc.nat(5), { maxLength: 5 }), { minLength: 1, maxLength: 8 }),
    budget: fc.integer({ min: 0, max: 100 }),
    unit: fc.constantFrom(1n, 1n, 3n),
  })
  .map(({ costs, voters, budget, unit }): TallyElection => ({
    budget: BigInt(budget) * unit,
    projects: costs.map((cost, p) => ({ id: `p${p}`, cost: BigInt(cost) * unit })),
    ballots: voters.map((picks) => picks.filter((p) => p < costs.length).map((p) => `p${p}`)),
    currencyUnit: unit,
  }));

test('property: Add1 keeps the same budget and projects as raising one unit at a time', () => {
  fc.assert(
    fc.property(add1Election, (election) => {
      const ix = indexed(election);
      const expected = naiveAdd1(ix);
      const outcome = equalSharesAdd1(ix);
      assert.deepEqual(outcome.selected, expected.winners.map((p) => ix.ids[p]));
      assert.deepEqual(lowestTerms(outcome.equalShares!.perVoterBudget), lowestTerms(expected.perVoter));
    }),
    { numRuns: 300 },
  );
});

test('property: Add1u keeps the same per-voter budget as raising one unit at a time', () => {
  fc.assert(
    fc.property(add1Election, (election) => {
      const ix = indexed(election);
      const outcome = equalSharesAdd1Utilitarian(ix);
      assert.deepEqual(lowestTerms(outcome.equalShares!.perVoterBudget), lowestTerms(naiveAdd1uBudget(ix)));
      assert.ok(outcome.totalCost <= election.budget);
    }),
    { numRuns: 300 },
  );
});
