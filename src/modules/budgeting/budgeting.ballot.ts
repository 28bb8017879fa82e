// Reading and checking a ballot against the process's rules. Pure: the form route, the command (inside
// its transaction, against the projects it has locked) and the tests all use the same function.
import type { BallotRules, Choice } from './budgeting.types.js';

export type BallotProblem =
  | 'empty'
  | 'unknown_project'
  | 'too_many'
  | 'over_budget'
  | 'under_min_spend'
  | 'points_over'
  | 'points_invalid'
  | 'rank_invalid';

export interface BallotCheck {
  choices: Choice[];
  /** The running total a voter sees: the cost of every project the ballot lists. */
  totalCostOre: bigint;
  pointsUsed: number;
  problems: BallotProblem[];
}

export type BallotFields = Record<string, string | string[]>;

const values = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * Approval and knapsack ballots send `project=<id>` per ticked box; cumulative ballots
 * `points_<id>=<n>`; ranked ballots `rank_<id>=<place>`. Blank numbers mean "none".
 */
export function checkBallot(rules: BallotRules, projects: ReadonlyMap<number, bigint>, fields: BallotFields): BallotCheck {
  const problems = new Set<BallotProblem>();
  const chosen = new Map<number, Choice>();
  const projectId = (raw: string): number | null => {
    const id = /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (!projects.has(id)) {
      problems.add('unknown_project');
      return null;
    }
    return id;
  };
  if (rules.kind === 'approval' || rules.kind === 'knapsack') {
    for (const raw of values(fields.project)) {
      const id = projectId(raw);
      if (id !== null) chosen.set(id, { projectId: id, points: 1, rank: null });
    }
  } else {
    const prefix = rules.kind === 'cumulative' ? 'points_' : 'rank_';
    for (const [name, v] of Object.entries(fields)) {
      if (!name.startsWith(prefix)) continue;
      const text = (values(v)[0] ?? '').trim();
      if (text === '' || text === '0') continue;
      const id = projectId(name.slice(prefix.length));
      if (id === null) continue;
      const n = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
      if (!Number.isInteger(n) || n < 1) {
        problems.add(rules.kind === 'cumulative' ? 'points_invalid' : 'rank_invalid');
        continue;
      }
      chosen.set(id, rules.kind === 'cumulative' ? { projectId: id, points: n, rank: null } : { projectId: id, points: 1, rank: n });
    }
  }
  const choices = [...chosen.values()].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.projectId - b.projectId);
  const totalCostOre = choices.reduce((sum, c) => sum + (projects.get(c.projectId) ?? 0n), 0n);
  const pointsUsed = choices.reduce((sum, c) => sum + c.points, 0);

  if (choices.length === 0 && problems.size === 0) problems.add('empty');
  if ((rules.kind === 'approval' || rules.kind === 'ranked') && rules.maxChoices !== null && choices.length > rules.maxChoices) problems.add('too_many');
  if (rules.kind === 'knapsack') {
    if (totalCostOre > rules.budgetOre) problems.add('over_budget');
    else if (rules.minSpendOre !== null && choices.length > 0 && totalCostOre < rules.minSpendOre) problems.add('under_min_spend');
  }
  if (rules.kind === 'cumulative' && rules.points !== null && pointsUsed > rules.points) problems.add('points_over');
  if (rules.kind === 'ranked') {
    // Places must be 1..n without gaps or repeats, so "first choice" always means the same thing.
    const ranks = choices.map((c) => c.rank ?? 0).sort((a, b) => a - b);
    if (ranks.some((r, i) => r !== i + 1)) problems.add('rank_invalid');
  }
  return { choices, totalCostOre, pointsUsed, problems: [...problems] };
}

/**
 * The tally rules read every ballot as a set of approved projects (as the Pabulib reference outcomes
 * do): a cumulative ballot approves each project it gave at least one point, a ranked ballot each
 * project it ranked, whatever the place. Points and places are shown on the results page only.
 */
export function approvalSet(choices: readonly Choice[]): number[] {
  return choices.filter((c) => c.points > 0).map((c) => c.projectId);
}
