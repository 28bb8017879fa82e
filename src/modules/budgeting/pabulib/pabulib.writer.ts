// Writes an election as a Pabulib .pb file that parsePb reads back to the same PbElection.
// Anonymising (for publishing a municipality's ballots as open data) renumbers the voters in a
// shuffled order and drops every per-voter column other than the vote and its points: ids,
// row order and demographics could each tie a ballot to a person.
import { randomInt } from 'node:crypto';
import { formatAmount, type PbElection, type PbVote } from './pabulib.parser.js';

export interface PbWriteOptions {
  readonly anonymise?: boolean;
  /** Seed for the anonymising shuffle, so tests are repeatable; random when absent. */
  readonly seed?: number;
}

/** CSV quoting for `;`-separated fields: only where a field could otherwise be misread. */
function field(value: string): string {
  return /[;"\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const row = (values: readonly string[]) => values.map(field).join(';');

/** Mulberry32: a small, well-mixed 32-bit PRNG; the shuffle need not be cryptographic once seeded. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Fisher–Yates, renumbering voters 1..n in the shuffled order and dropping per-voter columns. */
function anonymised(votes: readonly PbVote[], seed: number): PbVote[] {
  const random = prng(seed);
  const order = votes.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.map((i, position) => {
    const { projects, points } = votes[i]!;
    return { voterId: String(position + 1), projects, ...(points === undefined ? {} : { points }), extra: [] };
  });
}

export function writePb(election: PbElection, options: PbWriteOptions = {}): string {
  for (const project of election.projects) {
    // A vote lists ids separated by commas, so such an id could not be written back faithfully.
    if (project.id.includes(',')) throw new RangeError(`project id ${project.id} contains a comma`);
  }
  const anonymise = options.anonymise === true;
  const votes = anonymise ? anonymised(election.votes, options.seed ?? randomInt(2 ** 32)) : election.votes;
  const voteColumns = anonymise ? [] : election.voteColumns;
  const withPoints = votes.some((vote) => vote.points !== undefined);
  const amount = (units: bigint) => formatAmount(units, election.decimals);

  const lines = [
    'META',
    'key;value',
    row(['budget', amount(election.meta.budget)]),
    row(['vote_type', election.meta.voteType]),
    ...election.meta.other.map(([key, value]) => row([key, value])),
    'PROJECTS',
    row(['project_id', 'cost', ...election.projectColumns]),
    ...election.projects.map((project) => row([project.id, amount(project.cost), ...project.extra])),
    'VOTES',
    row(['voter_id', 'vote', ...(withPoints ? ['points'] : []), ...voteColumns]),
    ...votes.map((vote) =>
      row([vote.voterId, vote.projects.join(','), ...(withPoints ? [(vote.points ?? []).join(',')] : []), ...(anonymise ? [] : vote.extra)]),
    ),
  ];
  return `${lines.join('\n')}\n`;
}
