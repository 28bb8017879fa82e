import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { compareIds, indexElection, type IndexedElection, type TallyElection } from './election.js';
import { probeEqualShares, runEqualShares, type TieBreak, type Utility } from './equal-shares.js';
import type { EqualSharesVerdict, TallyOutcome } from './outcome.js';
import { compareRationals, lowestTerms, rational, type Rational } from './rational.js';
import { tallyRules } from './rules.js';

function tally(rule: 'mes-cost' | 'mes-approval', election: TallyElection): TallyOutcome {
  const result = tallyRules[rule](election);
  assert.ok(result.ok);
  return result.value;
}

function indexed(election: TallyElection): IndexedElection {
  const result = indexElection(election);
  assert.ok(result.ok);
  return result.value;
}

const verdictOf = (outcome: TallyOutcome, id: string): EqualSharesVerdict | undefined =>
  outcome.projects.find((p) => p.id === id)?.equalShares;

const reduced = (r: Rational | undefined) => (r === undefined ? undefined : lowestTerms(r));

// Four voters with 10 each. A (20) is liked by v0-v2, B (12) by v2-v3, C (10) by v3.
const fourVoters: TallyElection = {
  budget: 40n,
  projects: [
    { id: 'A', cost: 20n },
    { id: 'B', cost: 12n },
    { id: 'C', cost: 10n },
  ],
  ballots: [['A'], ['A'], ['A', 'B'], ['B', 'C']],
};

test('mes-cost: equal shares where all can pay, the poor pay what they have, prices and payments exact', () => {
  const outcome = tally('mes-cost', fourVoters);
  assert.deepEqual(outcome.selected, ['A', 'B']);
  assert.equal(outcome.totalCost, 32n);
  assert.deepEqual(reduced(outcome.equalShares?.perVoterBudget), rational(10n));

  // Round 1: A splits 20/3 each, ρ = 1/3 (B: 1/2, C: 1).
  const a = verdictOf(outcome, 'A');
  assert.ok(a?.kind === 'bought');
  assert.equal(a.round, 1);
  assert.deepEqual(lowestTerms(a.rho), rational(1n, 3n));
  assert.deepEqual(a.payments.map((p) => [p.voters, lowestTerms(p.each)]), [[[0, 1], rational(20n, 3n)], [[2], rational(20n, 3n)]]);

  // Round 2: v2 has only 10/3 left and pays all of it; v3 pays the rest, 26/3: ρ = 26/36.
  const b = verdictOf(outcome, 'B');
  assert.ok(b?.kind === 'bought');
  assert.equal(b.round, 2);
  assert.deepEqual(lowestTerms(b.rho), rational(13n, 18n));
  assert.deepEqual(lowestTerms(b.maxPayment), rational(26n, 3n));
  assert.deepEqual(b.payments.map((p) => [p.voters, lowestTerms(p.each)]), [[[2], rational(10n, 3n)], [[3], rational(26n, 3n)]]);

  // Round 3: v3 has 4/3 left for C, which costs 10.
  const c = verdictOf(outcome, 'C');
  assert.ok(c?.kind === 'unaffordable');
  assert.equal(c.round, 3);
  assert.deepEqual(lowestTerms(c.supportersMoney), rational(4n, 3n));
});

test('utility decides: cost utility buys the shared expensive project, approval the two cheap ones', () => {
  const election: TallyElection = {
    budget: 10n,
    projects: [
      { id: 'X', cost: 10n },
      { id: 'Y', cost: 2n },
      { id: 'Z', cost: 2n },
    ],
    ballots: [['X', 'Y'], ['X', 'Z']],
  };
  // Cost utility: ρ(X) = 5/10 beats ρ(Y) = ρ(Z) = 1.
  assert.deepEqual(tally('mes-cost', election).selected, ['X']);
  // Approval: ρ is the payment per supporter: 2 for Y and Z (Y first by id), 5 for X; after Y,
  // X's supporters hold 3 + 5 < 10.
  const approval = tally('mes-approval', election);
  assert.deepEqual(approval.selected, ['Y', 'Z']);
  assert.equal(verdictOf(approval, 'X')?.kind, 'unaffordable');
});

test('mes ties go by id as a string: "10" before "9"', () => {
  const election: TallyElection = {
    budget: 5n,
    projects: [
      { id: '9', cost: 5n },
      { id: '10', cost: 5n },
    ],
    ballots: [['9', '10']],
  };
  assert.deepEqual(tally('mes-cost', election).selected, ['10']);
  assert.deepEqual(tally('mes-approval', election).selected, ['10']);
});

test('a supported free project is selected outright; an unsupported one is not', () => {
  const election: TallyElection = {
    budget: 4n,
    projects: [
      { id: 'free', cost: 0n },
      { id: 'free-unvoted', cost: 0n },
      { id: 'a', cost: 4n },
    ],
    ballots: [['a', 'free'], ['a']],
  };
  const outcome = tally('mes-cost', election);
  assert.deepEqual(outcome.selected, ['free', 'a']);
  assert.deepEqual(verdictOf(outcome, 'free'), { kind: 'free' });
  assert.deepEqual(verdictOf(outcome, 'free-unvoted'), { kind: 'unsupported' });
});

test('an election without voters funds nothing under MES', () => {
  const outcome = tally('mes-cost', { budget: 10n, projects: [{ id: 'a', cost: 1n }], ballots: [] });
  assert.deepEqual(outcome.selected, []);
  assert.equal(outcome.totalCost, 0n);
});

// ---- A plain, slow, obviously exact MES to check the optimised one against ----

const sub = (a: Rational, b: Rational) => rational(a.num * b.den - b.num * a.den, a.den * b.den);
const add = (a: Rational, b: Rational) => rational(a.num * b.den + b.num * a.den, a.den * b.den);
const min = (a: Rational, b: Rational) => (compareRationals(a, b) <= 0 ? a : b);

function naiveEqualShares(election: TallyElection, perVoter: Rational, utility: Utility, tieBreak: TieBreak): string[] {
  const ballots = election.ballots.map((ballot) => new Set(ballot));
  const money = ballots.map(() => perVoter);
  const supporters = (id: string) => ballots.flatMap((ballot, i) => (ballot.has(id) ? [i] : []));
  const votes = (id: string) => supporters(id).length;
  const winners = election.projects.filter((p) => p.cost === 0n && votes(p.id) > 0).map((p) => p.id);
  let candidates = election.projects.filter((p) => p.cost > 0n && votes(p.id) > 0);
  for (;;) {
    let best: { id: string; cost: bigint; rho: Rational; cap: Rational } | undefined;
    for (const project of [...candidates]) {
      const group = supporters(project.id).sort((i, j) => compareRationals(money[i]!, money[j]!));
      const total = group.reduce((sum, i) => add(sum, money[i]!), rational(0n));
      if (compareRationals(total, rational(project.cost)) < 0) {
        candidates = candidates.filter((c) => c !== project);
        continue;
      }
      let paid = rational(0n);
      let payers = BigInt(group.length);
      for (const i of group) {
        const share = rational(sub(rational(project.cost), paid).num, sub(rational(project.cost), paid).den * payers);
        if (compareRationals(money[i]!, share) >= 0) break;
        paid = add(paid, money[i]!);
        payers -= 1n;
      }
      const left = sub(rational(project.cost), paid);
      const cap = rational(left.num, left.den * payers);
      const rho = utility === 'cost' ? rational(cap.num, cap.den * project.cost) : cap;
      const wins = (): boolean => {
        if (best === undefined) return true;
        const byRho = compareRationals(rho, best.rho);
        if (byRho !== 0) return byRho < 0;
        if (tieBreak === 'cost-votes-id') {
          if (project.cost !== best.cost) return project.cost < best.cost;
          if (votes(project.id) !== votes(best.id)) return votes(project.id) > votes(best.id);
        }
        return compareIds(project.id, best.id) < 0;
      };
      if (wins()) best = { id: project.id, cost: project.cost, rho, cap };
    }
    if (best === undefined) return winners;
    for (const i of supporters(best.id)) money[i] = sub(money[i]!, min(money[i]!, best.cap));
    winners.push(best.id);
    candidates = candidates.filter((c) => c.id !== best!.id);
  }
}

const smallElection = fc
  .record({
    costs: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 6 }),
    voters: fc.array(fc.array(fc.nat(5), { maxLength: 6 }), { maxLength: 9 }),
    budget: fc.integer({ min: 0, max: 90 }),
  })
  .map(({ costs, voters, budget }): TallyElection => ({
    budget: BigInt(budget),
    projects: costs.map((cost, p) => ({ id: `p${p}`, cost: BigInt(cost) })),
    ballots: voters.map((picks) => picks.filter((p) => p < costs.length).map((p) => `p${p}`)),
  }));

test('property: the optimised run selects exactly what the plain textbook run selects', () => {
  fc.assert(
    fc.property(
      smallElection,
      fc.constantFrom<Utility>('cost', 'approval'),
      fc.constantFrom<TieBreak>('id', 'cost-votes-id'),
      fc.integer({ min: 1, max: 7 }),
      (election, utility, tieBreak, den) => {
        const perVoter = rational(election.budget, BigInt(den));
        const run = runEqualShares(indexed(election), perVoter, utility, tieBreak);
        const ids = indexed(election).ids;
        assert.deepEqual(
          run.winners.map((p) => ids[p]),
          naiveEqualShares(election, perVoter, utility, tieBreak),
        );
      },
    ),
    { numRuns: 400 },
  );
});

test('property: payments cover each bought project exactly and no voter spends more than they had', () => {
  fc.assert(
    fc.property(smallElection, fc.constantFrom<'mes-cost' | 'mes-approval'>('mes-cost', 'mes-approval'), (election, rule) => {
      const outcome = tally(rule, election);
      assert.ok(outcome.totalCost <= election.budget);
      const spent = election.ballots.map(() => rational(0n));
      for (const project of outcome.projects) {
        if (project.equalShares?.kind !== 'bought') continue;
        let covered = rational(0n);
        for (const payment of project.equalShares.payments) {
          for (const voter of payment.voters) {
            covered = add(covered, payment.each);
            spent[voter] = add(spent[voter]!, payment.each);
          }
        }
        assert.equal(compareRationals(covered, rational(project.cost)), 0);
      }
      for (const total of spent) assert.ok(compareRationals(total, outcome.equalShares!.perVoterBudget) <= 0);
    }),
    { numRuns: 300 },
  );
});

test('property: a probe selects the same for every budget it declares stable', () => {
  fc.assert(
    fc.property(smallElection, fc.integer({ min: 0, max: 40 }), fc.constantFrom<Utility>('cost', 'approval'), (election, start, utility) => {
      const ix = indexed(election);
      const probe = probeEqualShares(ix, BigInt(start), utility, 'cost-votes-id');
      // Every whole budget inside [start, start + stableFor), up to 60 of them.
      const span = probe.stableFor === undefined ? 60n : (probe.stableFor.num + probe.stableFor.den - 1n) / probe.stableFor.den;
      for (let step = 1n; step < span && step <= 60n; step++) {
        const other = runEqualShares(ix, rational(BigInt(start) + step), utility, 'cost-votes-id');
        assert.deepEqual(other.winners, probe.winners, `budget ${BigInt(start) + step} within stable span ${span}`);
      }
    }),
    { numRuns: 300 },
  );
});

test('property: a probe moved up to a higher budget equals a probe started there', () => {
  fc.assert(
    fc.property(smallElection, fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 5 }), (election, steps) => {
      const ix = indexed(election);
      let budget = 0n;
      let moved = probeEqualShares(ix, budget, 'cost', 'cost-votes-id');
      for (const step of steps) {
        budget += BigInt(step);
        moved = moved.at(budget);
        const started = probeEqualShares(ix, budget, 'cost', 'cost-votes-id');
        assert.deepEqual(moved.winners, started.winners);
        assert.equal(moved.cost, started.cost);
        assert.deepEqual(reduced(moved.stableFor), reduced(started.stableFor));
      }
    }),
    { numRuns: 400 },
  );
});
