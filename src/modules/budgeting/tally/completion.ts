// Add1 completions of the Method of Equal Shares with cost utility. Plain MES often leaves much of
// the budget unspent, so these rerun it with a larger per-voter budget, one currency unit at a
// time, and keep the last outcome that still fits in the real budget B.
//
// Rerunning MES for every unit can mean thousands of runs. Each probe here also reports up to
// which per-voter budget it would select exactly the same projects (see "Probing" in
// equal-shares.ts); every budget below that has the same outcome, the same cost and the same
// exhaustiveness, so the loops jump straight past them. The budget finally kept is run once more
// so the explanation shows the payments at that very budget.
import type { IndexedElection } from './election.js';
import { equalShare, probeEqualShares, runEqualShares, type EqualSharesProbe } from './equal-shares.js';
import { fundInOrder } from './greedy.js';
import { assembleOutcome, type TallyOutcome } from './outcome.js';
import { rational, type Rational } from './rational.js';

// Inside Add1, equal ρ goes to the lower cost, then more votes, then the smaller id (README).
const probe = (election: IndexedElection, perVoter: bigint) => probeEqualShares(election, perVoter, 'cost', 'cost-votes-id');
const explain = (election: IndexedElection, perVoter: Rational) => runEqualShares(election, perVoter, 'cost', 'cost-votes-id');

/** floor(B/n) in whole currency units, expressed in minor units. */
function wholeUnitShare(election: IndexedElection): bigint {
  const unit = election.currencyUnit;
  return (election.budget / (BigInt(election.voterCount) * unit)) * unit;
}

/** The first budget on the one-unit grid above the probe's where MES might select differently; undefined if none. */
function nextDifferentBudget(election: IndexedElection, at: EqualSharesProbe): bigint | undefined {
  if (at.stableFor === undefined) return undefined;
  const step = at.stableFor.den * election.currencyUnit;
  const steps = (at.stableFor.num + step - 1n) / step;
  return at.perVoter + (steps > 0n ? steps : 1n) * election.currencyUnit;
}

function supportedCost(election: IndexedElection): bigint {
  return election.costs.reduce((sum, cost, p) => (election.votes[p]! > 0 ? sum + cost : sum), 0n);
}

/**
 * When all supported projects together fit in B, no raise can ever overspend, so the literal loop
 * never stops; its outcome settles on every supported project (once each voter alone holds their
 * total, every project's supporters can pay for it), which MES at that budget buys. This also
 * covers an election without voters, where nothing is supported.
 */
const everythingSupported = (election: IndexedElection): Rational => rational(supportedCost(election));

/**
 * Per-voter budget kept by `mes-cost-add1`: B/n, then floor(B/n)+1, +2, ... currency units while
 * the outcome at that budget costs at most B; the last such.
 */
function add1Budget(election: IndexedElection): Rational {
  if (supportedCost(election) <= election.budget) return everythingSupported(election);
  let kept = equalShare(election);
  // Ends: once a voter's budget reaches the supported projects' total, all are bought, costing more than B.
  for (let at = probe(election, wholeUnitShare(election) + election.currencyUnit); ; ) {
    if (at.cost > election.budget) return kept;
    const differentAt = nextDifferentBudget(election, at);
    // An outcome that never changes again is the one the loop settles on.
    if (differentAt === undefined) return rational(at.perVoter);
    kept = rational(differentAt - election.currencyUnit);
    at = at.at(differentAt);
  }
}

/**
 * `mes-cost-add1` (Add1 as officially used: Wieliczka 2023, Świecie 2023, Assen 2024): the MES
 * outcome at the kept budget, without completion.
 */
export function equalSharesAdd1(election: IndexedElection): TallyOutcome {
  const perVoterBudget = add1Budget(election);
  const run = explain(election, perVoterBudget);
  return assembleOutcome(election, run.winners, { equalShares: run.verdicts, summary: { perVoterBudget } });
}

function isExhaustive(election: IndexedElection, outcome: EqualSharesProbe): boolean {
  const left = election.budget - outcome.cost;
  const chosen = new Set(outcome.winners);
  return election.costs.every((cost, p) => chosen.has(p) || cost > left);
}

/**
 * Per-voter budget kept by `mes-cost-add1u`: from floor(B/n), raised one unit at a time until the
 * outcome is exhaustive (no unselected project, supported or not, fits in what is left) or the
 * next raise would overspend.
 */
function add1uBudget(election: IndexedElection): Rational {
  // The tool skips Add1 when everything fits; its completion then funds everything anyway.
  if (election.costs.reduce((sum, cost) => sum + cost, 0n) <= election.budget) return equalShare(election);
  if (supportedCost(election) <= election.budget) return everythingSupported(election);
  // Ends for the same reason as add1Budget, or earlier once nothing more fits.
  for (let at = probe(election, wholeUnitShare(election)); ; ) {
    const differentAt = isExhaustive(election, at) ? undefined : nextDifferentBudget(election, at);
    if (differentAt === undefined) return rational(at.perVoter);
    const next = at.at(differentAt);
    if (next.cost > election.budget) return rational(differentAt - election.currencyUnit);
    at = next;
  }
}

/**
 * Project order of the equalshares.net tool's completion before its stable sort by votes: the
 * order of a JavaScript object's keys, i.e. ids that are array indices (canonical integers up to
 * 2^32 - 2) numerically ascending, then all other ids in the election's order.
 */
export function javascriptKeyOrder(ids: readonly string[]): number[] {
  const isArrayIndex = (id: string) => /^(0|[1-9]\d{0,9})$/.test(id) && Number(id) <= 2 ** 32 - 2;
  const indices = ids.map((_, p) => p);
  const numeric = indices.filter((p) => isArrayIndex(ids[p]!)).sort((p, q) => Number(ids[p]!) - Number(ids[q]!));
  return [...numeric, ...indices.filter((p) => !isArrayIndex(ids[p]!))];
}

/**
 * `mes-cost-add1u`, the equalshares.net compute tool's default: MES at the kept budget, then fund,
 * by votes descending, every project that still fits. If everything fits in B, all is funded.
 */
export function equalSharesAdd1Utilitarian(election: IndexedElection): TallyOutcome {
  const perVoterBudget = add1uBudget(election);
  const run = explain(election, perVoterBudget);
  const { votes } = election;
  const order = javascriptKeyOrder(election.ids).sort((p, q) => votes[q]! - votes[p]!);
  const completion = fundInOrder(election, order, new Set(run.winners), election.budget - run.cost);
  return assembleOutcome(election, [...run.winners, ...completion.funded], {
    greedy: completion.steps,
    equalShares: run.verdicts,
    summary: { perVoterBudget },
  });
}
