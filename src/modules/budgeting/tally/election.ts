// The neutral election shape every tally rule takes, and its validated, indexed form.
// Neutral on purpose: the web module builds it from ballots in the database, the CLI from a
// Pabulib file, and neither the rules nor their tests know where it came from.
import { err, ok, type Result } from '../../../core/errors/result.js';

export interface TallyProject {
  readonly id: string;
  /** Integer money in the election's minor units (øre, cents, or the file's smallest decimal). */
  readonly cost: bigint;
}

export interface TallyElection {
  /** Same units as the project costs. */
  readonly budget: bigint;
  readonly projects: readonly TallyProject[];
  /**
   * One entry per voter: the ids of the projects the ballot lists. The rules read every ballot as
   * a set (points, ranks and knapsack shares are ignored, as in the Pabulib reference outcomes), so
   * no weights are carried. A repeated id counts once; an empty ballot still counts as a voter.
   */
  readonly ballots: readonly (readonly string[])[];
  /**
   * Minor units in one currency unit (100 for øre, 1 when amounts are whole crowns). Add1 raises
   * each voter's budget one currency unit at a time and floors B/n to whole units. Default 1.
   */
  readonly currencyUnit?: bigint;
}

export type TallyInputError = 'duplicate_project' | 'unknown_project' | 'negative_amount' | 'bad_currency_unit';
export type TallyInputResult<T> = Result<T, TallyInputError, { readonly message: string }>;

/**
 * Voters whose ballots list the same projects. Equal Shares charges such voters identically in
 * every round, so it can keep one amount of money per bloc instead of one per voter: real
 * elections have several times fewer distinct ballots than voters.
 */
export interface Bloc {
  /** Project indices on the ballot, ascending. */
  readonly projects: readonly number[];
  /** Indices of the ballots in this bloc, ascending. */
  readonly voters: readonly number[];
  /** voters.length, as money arithmetic needs it. */
  readonly weight: bigint;
}

/** Projects and voters by position, with supporters precomputed once for every rule. */
export interface IndexedElection {
  readonly budget: bigint;
  readonly currencyUnit: bigint;
  readonly ids: readonly string[];
  readonly costs: readonly bigint[];
  /** a(p): how many ballots list project p. */
  readonly votes: readonly number[];
  readonly voterCount: number;
  readonly blocs: readonly Bloc[];
  /** Per project, the indices of the blocs supporting it, ascending. */
  readonly supportingBlocs: readonly (readonly number[])[];
}

/**
 * Project ids compared as strings, by UTF-16 code unit ("10" < "9"), which is how the README's
 * tie rule and the reference outcomes order them; ids are never read as numbers here.
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function indexElection(election: TallyElection): TallyInputResult<IndexedElection> {
  const fail = (error: TallyInputError, message: string) => err(error, { message });
  const currencyUnit = election.currencyUnit ?? 1n;
  if (currencyUnit <= 0n) return fail('bad_currency_unit', `currency unit must be positive, got ${currencyUnit}`);
  if (election.budget < 0n) return fail('negative_amount', `budget must not be negative, got ${election.budget}`);

  const position = new Map<string, number>();
  for (const [p, project] of election.projects.entries()) {
    if (position.has(project.id)) return fail('duplicate_project', `project ${project.id} appears twice`);
    if (project.cost < 0n) return fail('negative_amount', `project ${project.id} has negative cost ${project.cost}`);
    position.set(project.id, p);
  }

  const grouped: { projects: number[]; voters: number[] }[] = [];
  const blocByBallot = new Map<string, number>();
  // listedBy[p] === voter + 1 while reading that voter's ballot: drops repeats without a Set.
  const listedBy = new Int32Array(election.projects.length);
  for (let voter = 0; voter < election.ballots.length; voter++) {
    const projects: number[] = [];
    for (const id of election.ballots[voter]!) {
      const p = position.get(id);
      if (p === undefined) return fail('unknown_project', `ballot ${voter} lists unknown project ${id}`);
      if (listedBy[p] === voter + 1) continue;
      listedBy[p] = voter + 1;
      projects.push(p);
    }
    projects.sort((p, q) => p - q);
    const key = projects.join(',');
    const known = blocByBallot.get(key);
    if (known === undefined) {
      blocByBallot.set(key, grouped.length);
      grouped.push({ projects, voters: [voter] });
    } else {
      grouped[known]!.voters.push(voter);
    }
  }
  const blocs: Bloc[] = grouped.map(({ projects, voters }) => ({ projects, voters, weight: BigInt(voters.length) }));

  const votes: number[] = election.projects.map(() => 0);
  const supportingBlocs: number[][] = election.projects.map(() => []);
  for (const [b, bloc] of blocs.entries()) {
    for (const p of bloc.projects) {
      votes[p]! += bloc.voters.length;
      supportingBlocs[p]!.push(b);
    }
  }

  return ok({
    budget: election.budget,
    currencyUnit,
    ids: election.projects.map((project) => project.id),
    costs: election.projects.map((project) => project.cost),
    votes,
    voterCount: election.ballots.length,
    blocs,
    supportingBlocs,
  });
}
