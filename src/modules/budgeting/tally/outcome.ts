// What a tally returns: the funded projects and, per project, enough of the rule's reasoning for a
// results page to say why it was or was not funded.
import type { Rational } from './rational.js';

export interface TallyOutcome {
  /** Funded project ids in the order the rule chose them. */
  readonly selected: readonly string[];
  readonly totalCost: bigint;
  /** One entry per project, in the order of the election's projects. */
  readonly projects: readonly ProjectReport[];
  /** Present for the Method of Equal Shares rules. */
  readonly equalShares?: EqualSharesSummary;
}

export interface ProjectReport {
  readonly id: string;
  readonly cost: bigint;
  readonly votes: number;
  readonly selected: boolean;
  /** The project's turn in a greedy pass (the greedy rules, and the completion after Add1). */
  readonly greedy?: GreedyStep;
  readonly equalShares?: EqualSharesVerdict;
}

export interface GreedyStep {
  /** 1-based place in the greedy order. */
  readonly position: number;
  /** Budget left when its turn came; it was funded iff its cost fit in this. */
  readonly remainingBefore: bigint;
  readonly funded: boolean;
}

/** What some supporters of a bought project paid, each the same amount. */
export interface Payment {
  /** Indices of those supporters' ballots in the election's ballots. */
  readonly voters: readonly number[];
  readonly each: Rational;
}

export type EqualSharesVerdict =
  /** Bought in `round` at price ρ per unit of utility: each supporter paid min(own money, maxPayment). */
  | { readonly kind: 'bought'; readonly round: number; readonly rho: Rational; readonly maxPayment: Rational; readonly payments: readonly Payment[] }
  /** Supported and free, so selected outright. */
  | { readonly kind: 'free' }
  /** In `round` its supporters had only `supportersMoney` left, less than the cost: never fundable again. */
  | { readonly kind: 'unaffordable'; readonly round: number; readonly supportersMoney: Rational }
  | { readonly kind: 'unsupported' };

export interface EqualSharesSummary {
  /** Each voter's starting money in the run whose result was kept (raised by Add1 rules). */
  readonly perVoterBudget: Rational;
}

/** The outcome of funding `selected` (project indices, in choice order), with each project's report. */
export function assembleOutcome(
  election: { readonly ids: readonly string[]; readonly costs: readonly bigint[]; readonly votes: readonly number[] },
  selected: readonly number[],
  details: {
    readonly greedy?: readonly (GreedyStep | undefined)[];
    readonly equalShares?: readonly EqualSharesVerdict[];
    readonly summary?: EqualSharesSummary;
  } = {},
): TallyOutcome {
  const isSelected = new Set(selected);
  return {
    selected: selected.map((p) => election.ids[p]!),
    totalCost: selected.reduce((sum, p) => sum + election.costs[p]!, 0n),
    projects: election.ids.map((id, p) => {
      const greedy = details.greedy?.[p];
      const equalShares = details.equalShares?.[p];
      return {
        id,
        cost: election.costs[p]!,
        votes: election.votes[p]!,
        selected: isSelected.has(p),
        ...(greedy === undefined ? {} : { greedy }),
        ...(equalShares === undefined ? {} : { equalShares }),
      };
    }),
    ...(details.summary === undefined ? {} : { equalShares: details.summary }),
  };
}
