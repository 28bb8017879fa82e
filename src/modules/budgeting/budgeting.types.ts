// The shapes of participatory budgeting that commands, queries and views share.
import type { RuleName } from './tally/rules.js';

export const PHASES = ['proposals', 'review', 'voting', 'result', 'implementation'] as const;
export type Phase = (typeof PHASES)[number];
export const BALLOT_KINDS = ['approval', 'knapsack', 'cumulative', 'ranked'] as const;
export type BallotKind = (typeof BALLOT_KINDS)[number];
export const PROJECT_STATUSES = ['proposed', 'feasible', 'rejected'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** What a ballot is checked against; frozen once a ballot exists. */
export interface BallotRules {
  kind: BallotKind;
  budgetOre: bigint;
  /** approval: choose up to k; ranked: rank up to k. */
  maxChoices: number | null;
  /** knapsack: the least a ballot must spend. */
  minSpendOre: bigint | null;
  /** cumulative: points to distribute. */
  points: number | null;
}

export interface PhaseDates {
  proposalsFrom: string;
  reviewFrom: string;
  votingFrom: string;
  resultFrom: string;
  implementationFrom: string;
}

export interface Process extends BallotRules {
  municipalityId: number;
  id: number;
  areaId: number | null;
  title: string;
  description: string;
  phase: Phase;
  dates: PhaseDates;
  rule: RuleName;
  minAge: number;
  imported: boolean;
}

export interface Project {
  municipalityId: number;
  id: number;
  processId: number;
  title: string;
  description: string;
  areaId: number | null;
  proposedBy: number | null;
  status: ProjectStatus;
  costOre: bigint | null;
  rejectReason: string | null;
  externalId: string | null;
}

export interface Choice {
  projectId: number;
  /** 1 for approval and knapsack; the points given for cumulative; 1 for ranked. */
  points: number;
  /** 1 = first choice (ranked ballots only). */
  rank: number | null;
}

export interface StoredBallot {
  id: number;
  voterId: number | null;
  source: 'digital' | 'paper' | 'import';
  choices: Choice[];
  enteredBy: number | null;
  checkedBy: number | null;
}
