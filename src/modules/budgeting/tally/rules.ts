// The tally rules by the names used in Pabulib files, the CLI and expected.json.
import { equalSharesAdd1, equalSharesAdd1Utilitarian } from './completion.js';
import { indexElection, type IndexedElection, type TallyElection, type TallyInputResult } from './election.js';
import { methodOfEqualShares } from './equal-shares.js';
import { greedyByVotes, greedyByVotesPerCost } from './greedy.js';
import type { TallyOutcome } from './outcome.js';

export const RULE_NAMES = [
  'greedy-votes',
  'greedy-votes-per-cost',
  'mes-cost',
  'mes-approval',
  'mes-cost-add1u',
  'mes-cost-add1',
] as const;

export type RuleName = (typeof RULE_NAMES)[number];

export type TallyRule = (election: TallyElection) => TallyInputResult<TallyOutcome>;

const onIndexed =
  (rule: (election: IndexedElection) => TallyOutcome): TallyRule =>
  (election) => {
    const indexed = indexElection(election);
    return indexed.ok ? { ok: true, value: rule(indexed.value) } : indexed;
  };

export const tallyRules: Readonly<Record<RuleName, TallyRule>> = {
  'greedy-votes': onIndexed(greedyByVotes),
  'greedy-votes-per-cost': onIndexed(greedyByVotesPerCost),
  'mes-cost': onIndexed((election) => methodOfEqualShares(election, 'cost')),
  'mes-approval': onIndexed((election) => methodOfEqualShares(election, 'approval')),
  'mes-cost-add1u': onIndexed(equalSharesAdd1Utilitarian),
  'mes-cost-add1': onIndexed(equalSharesAdd1),
};

export function isRuleName(name: string): name is RuleName {
  return (RULE_NAMES as readonly string[]).includes(name);
}
