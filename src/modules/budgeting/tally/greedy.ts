// Greedy rules: walk the projects once in priority order and fund each one that still fits.
// A project that does not fit is skipped, not a reason to stop: a cheaper one further down may fit.
import { compareIds, type IndexedElection } from './election.js';
import { assembleOutcome, type GreedyStep, type TallyOutcome } from './outcome.js';

export interface GreedyPass {
  /** Project indices funded by this pass, in order. */
  readonly funded: readonly number[];
  /** The step for every project the pass looked at; undefined for those already selected. */
  readonly steps: readonly (GreedyStep | undefined)[];
}

/** Funds, in `order`, every project not in `alreadySelected` whose cost fits in `remaining`. */
export function fundInOrder(
  election: IndexedElection,
  order: readonly number[],
  alreadySelected: ReadonlySet<number>,
  remaining: bigint,
): GreedyPass {
  const funded: number[] = [];
  const steps: (GreedyStep | undefined)[] = election.ids.map(() => undefined);
  let left = remaining;
  let position = 0;
  for (const p of order) {
    if (alreadySelected.has(p)) continue;
    position += 1;
    const cost = election.costs[p]!;
    const fits = cost <= left;
    steps[p] = { position, remainingBefore: left, funded: fits };
    if (fits) {
      funded.push(p);
      left -= cost;
    }
  }
  return { funded, steps };
}

function greedyOutcome(election: IndexedElection, compare: (p: number, q: number) => number): TallyOutcome {
  const order = election.ids.map((_, p) => p).sort(compare);
  const pass = fundInOrder(election, order, new Set(), election.budget);
  return assembleOutcome(election, pass.funded, { greedy: pass.steps });
}

/** `greedy-votes`: most votes first, ties by id; unvoted projects come last but may still be funded. */
export function greedyByVotes(election: IndexedElection): TallyOutcome {
  const { votes, ids } = election;
  return greedyOutcome(election, (p, q) => votes[q]! - votes[p]! || compareIds(ids[p]!, ids[q]!));
}

/**
 * `greedy-votes-per-cost`: highest a(p)/c(p) first, compared by cross-multiplying so equal ratios
 * really tie (and then go by id). A supported free project has an infinite ratio and comes first;
 * an unsupported one, free or not, has ratio 0 and comes last.
 */
export function greedyByVotesPerCost(election: IndexedElection): TallyOutcome {
  const { votes, costs, ids } = election;
  const tier = (p: number) => (votes[p]! === 0 ? 2 : costs[p]! === 0n ? 0 : 1);
  return greedyOutcome(election, (p, q) => {
    const tiers = tier(p) - tier(q);
    if (tiers !== 0) return tiers;
    if (tier(p) === 1) {
      const left = BigInt(votes[q]!) * costs[p]!;
      const right = BigInt(votes[p]!) * costs[q]!;
      if (left !== right) return left < right ? -1 : 1;
    }
    return compareIds(ids[p]!, ids[q]!);
  });
}
