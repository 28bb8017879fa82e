// Results of a process: the process's own rule and greedy-by-votes beside it, with per-project
// explanations a resident can read, and the CSV and Pabulib exports. Pure: no I/O.
import { approvalSet } from './budgeting.ballot.js';
import type { StationTotal } from './budgeting.repository.js';
import type { Process, Project, StoredBallot } from './budgeting.types.js';
import { writePb } from './pabulib/pabulib.writer.js';
import type { PbElection, PbVote } from './pabulib/pabulib.parser.js';
import type { TallyElection } from './tally/election.js';
import type { ProjectReport, TallyOutcome } from './tally/outcome.js';
import type { Rational } from './tally/rational.js';
import { tallyRules, type RuleName } from './tally/rules.js';

export interface ProjectResult {
  project: Project;
  votes: number;
  /** Sum of points (cumulative ballots); equals votes for other kinds. */
  points: number;
  funded: boolean;
  /** Funded by greedy-by-votes, for comparison. */
  fundedByGreedy: boolean;
  report: ProjectReport;
  greedyReport: ProjectReport;
  /** For a project bought by Equal Shares: how many supporters paid and the most any one paid (øre). */
  paid?: { supporters: number; maxEachOre: number };
  /** For an Equal Shares loser: what its supporters had left (øre), against its cost. */
  supportersLeftOre?: number;
  /** Votes counted at voting stations (totals only, no individual ballots). */
  stationVotes: number;
}

export interface Results {
  rule: RuleName;
  voters: number;
  spentOre: bigint;
  leftOre: bigint;
  greedySpentOre: bigint;
  /** Each voter's starting share of the budget under Equal Shares (øre), when the rule is MES. */
  perVoterOre: number | null;
  projects: ProjectResult[];
  /** Votes from voting-station totals; they count in greedy rules only, which need no individual ballots. */
  stationVotes: number;
  /** Paper ballots no second person has checked yet; they are counted. */
  uncheckedPaper: number;
}

const ore = (r: Rational): number => Number(r.num) / Number(r.den);

/**
 * A project's id as the tally sees it: an imported project keeps its Pabulib id, so ties (broken by
 * id) fall exactly as they do on the original file.
 */
const tallyId = (p: Project): string => p.externalId ?? String(p.id);

/** The tally input: feasible projects with their ids as text, every ballot as the set it approves. */
export function tallyElection(process: Process, projects: readonly Project[], ballots: readonly StoredBallot[]): TallyElection {
  const feasible = new Map(projects.filter((p) => p.status === 'feasible').map((p) => [p.id, tallyId(p)]));
  return {
    budget: process.budgetOre,
    projects: projects.filter((p) => feasible.has(p.id)).map((p) => ({ id: tallyId(p), cost: p.costOre ?? 0n })),
    ballots: ballots.map((b) => approvalSet(b.choices).flatMap((id) => (feasible.has(id) ? [feasible.get(id)!] : []))),
    currencyUnit: 100n,
  };
}

/**
 * Greedy rules look only at each project's number of votes, so a station's total of n votes for a
 * project is exactly n one-project ballots to them. Equal Shares divides the budget between voters
 * and needs to know who voted for what together, which totals cannot tell, so it never sees them.
 */
function withStationTotals(election: TallyElection, projects: readonly Project[], stations: readonly StationTotal[]): TallyElection {
  if (stations.length === 0) return election;
  const ids = new Map(projects.filter((p) => p.status === 'feasible').map((p) => [p.id, tallyId(p)]));
  const extra: string[][] = [];
  for (const s of stations) {
    const id = ids.get(s.projectId);
    if (id !== undefined) for (let n = 0; n < s.votes; n++) extra.push([id]);
  }
  return { ...election, ballots: [...election.ballots, ...extra] };
}

export function computeResults(process: Process, projects: readonly Project[], ballots: readonly StoredBallot[], stations: readonly StationTotal[] = []): Results {
  const individual = tallyElection(process, projects, ballots);
  const counted = withStationTotals(individual, projects, stations);
  const election = process.rule.startsWith('greedy') ? counted : individual;
  const run = (rule: RuleName, on: TallyElection): TallyOutcome => {
    const r = tallyRules[rule](on);
    // The election is built from rows the database already checked, so a refusal is a bug.
    if (!r.ok) throw new Error(`tally refused stored ballots: ${r.detail.message}`);
    return r.value;
  };
  const outcome = run(process.rule, election);
  const greedy = process.rule === 'greedy-votes' ? outcome : run('greedy-votes', counted);
  const points = new Map<number, number>();
  for (const b of ballots) for (const c of b.choices) points.set(c.projectId, (points.get(c.projectId) ?? 0) + c.points);
  const stationVotes = new Map<number, number>();
  for (const s of stations) stationVotes.set(s.projectId, (stationVotes.get(s.projectId) ?? 0) + s.votes);
  const byId = new Map(projects.map((p) => [tallyId(p), p]));
  const greedyById = new Map(greedy.projects.map((r) => [r.id, r]));
  const rows: ProjectResult[] = outcome.projects.map((report) => {
    const project = byId.get(report.id)!;
    const greedyReport = greedyById.get(report.id)!;
    const row: ProjectResult = {
      project,
      votes: report.votes,
      points: points.get(project.id) ?? 0,
      funded: report.selected,
      fundedByGreedy: greedyReport.selected,
      report,
      greedyReport,
      stationVotes: stationVotes.get(project.id) ?? 0,
    };
    const v = report.equalShares;
    if (v?.kind === 'bought') row.paid = { supporters: v.payments.reduce((n, p) => n + p.voters.length, 0), maxEachOre: ore(v.maxPayment) };
    if (v?.kind === 'unaffordable') row.supportersLeftOre = ore(v.supportersMoney);
    return row;
  });
  const order = new Map(outcome.selected.map((id, i) => [id, i]));
  rows.sort((a, b) => (order.get(a.report.id) ?? Infinity) - (order.get(b.report.id) ?? Infinity) || b.votes - a.votes || a.project.id - b.project.id);
  return {
    rule: process.rule,
    voters: ballots.length,
    spentOre: outcome.totalCost,
    leftOre: process.budgetOre - outcome.totalCost,
    greedySpentOre: greedy.totalCost,
    perVoterOre: outcome.equalShares ? ore(outcome.equalShares.perVoterBudget) : null,
    projects: rows,
    stationVotes: stations.reduce((n, s) => n + s.votes, 0),
    uncheckedPaper: ballots.filter((b) => b.source === 'paper' && b.checkedBy === null).length,
  };
}

const csvField = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const kroner = (o: bigint) => `${o / 100n}.${(o % 100n).toString().padStart(2, '0')}`;

export function resultsCsv(results: Results): string {
  const lines = [['project_id', 'title', 'cost_dkk', 'votes', 'points', 'funded', 'funded_by_greedy_votes'].join(',')];
  for (const r of results.projects) {
    lines.push(
      [String(r.project.id), r.project.title, kroner(r.project.costOre ?? 0n), String(r.votes), String(r.points), r.funded ? 'yes' : 'no', r.fundedByGreedy ? 'yes' : 'no'].map(csvField).join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

const PB_VOTE_TYPE = { approval: 'approval', knapsack: 'approval', cumulative: 'cumulative', ranked: 'ordinal' } as const;

/**
 * The process as a Pabulib election in øre (two decimals), voters anonymised and shuffled by the
 * writer. Imported processes keep their original project ids and META rows.
 */
export function toPbElection(process: Process, projects: readonly Project[], ballots: readonly StoredBallot[], meta: readonly (readonly [string, string])[] | null): PbElection {
  const feasible = projects.filter((p) => p.status === 'feasible');
  const pbId = new Map(feasible.map((p) => [p.id, p.externalId ?? String(p.id)]));
  // An imported "choose-1" election is stored as approval of at most one; it goes back out as it came.
  const chooseOne = process.kind === 'approval' && process.maxChoices === 1 && meta?.some(([k, v]) => k === 'vote_type' && v === 'choose-1');
  const voteType = chooseOne ? 'choose-1' : PB_VOTE_TYPE[process.kind];
  const votes: PbVote[] = ballots.map((b, i) => {
    const choices = b.choices.filter((c) => pbId.has(c.projectId));
    return {
      voterId: String(i + 1),
      projects: choices.map((c) => pbId.get(c.projectId)!),
      ...(voteType === 'cumulative' ? { points: choices.map((c) => c.points) } : {}),
      extra: [],
    };
  });
  const other: [string, string][] = meta
    ? meta.filter(([k]) => k !== 'budget' && k !== 'vote_type').map(([k, v]) => [k, v])
    : [
        ['description', process.title],
        ['currency', 'DKK'],
        ['num_projects', String(feasible.length)],
        ['num_votes', String(ballots.length)],
        ['rule', process.rule],
      ];
  return {
    meta: { budget: process.budgetOre, voteType, other },
    decimals: 2,
    projectColumns: ['name'],
    projects: feasible.map((p) => ({ id: pbId.get(p.id)!, cost: p.costOre ?? 0n, extra: [p.title] })),
    voteColumns: [],
    votes,
  };
}

export function exportPb(election: PbElection, seed?: number): string {
  return writePb(election, { anonymise: true, ...(seed === undefined ? {} : { seed }) });
}
