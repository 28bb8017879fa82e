// Loads a Pabulib election as a finished process (phase "result"): its projects keep their Pabulib
// ids as external ids and its ballots are imported voters without accounts. All in one transaction,
// so a refused or failed import leaves nothing behind. Run by an operator from the command line, so it
// takes no actor: whoever can run the CLI already has the database.
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { formatAmount, type PbElection } from '../pabulib/pabulib.parser.js';
import { insertImportedBallots, insertProcess, insertProject, type ProcessFields } from '../budgeting.repository.js';
import type { BallotKind, Choice, Process } from '../budgeting.types.js';
import { isRuleName, type RuleName } from '../tally/rules.js';

export type ImportError = 'too_many_decimals' | 'unsupported_vote_type';

export interface ImportSummary {
  process: Process;
  projects: number;
  ballots: number;
}

/** The amount of the election as øre, or the first amount that has more than two decimals. */
function toOre(election: PbElection): { ok: true; scale: (units: bigint) => bigint } | { ok: false; message: string } {
  if (election.decimals <= 2) {
    const factor = 10n ** BigInt(2 - election.decimals);
    return { ok: true, scale: (units) => units * factor };
  }
  // The parser keeps the most decimals any amount uses, so at least one amount needs them all.
  const whole = 10n ** BigInt(election.decimals - 2);
  const amounts: [string, bigint][] = [['the budget', election.meta.budget], ...election.projects.map((p): [string, bigint] => [`the cost of project ${p.id}`, p.cost])];
  const [what, units] = amounts.find(([, units]) => units % whole !== 0n) ?? amounts[0]!;
  return { ok: false, message: `${what} is ${formatAmount(units, election.decimals)}, with ${election.decimals} decimals; amounts are stored in whole øre, so at most 2 decimals are allowed` };
}

const metaValue = (election: PbElection, key: string): string | undefined => election.meta.other.find(([k]) => k === key)?.[1];
const count = (raw: string | undefined, max: number): number | null => (raw !== undefined && /^\d{1,6}$/.test(raw.trim()) && Number(raw) >= 1 && Number(raw) <= max ? Number(raw) : null);
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export async function importElection(
  db: Database,
  municipalityId: number,
  election: PbElection,
  fileName: string,
  today: string = new Date().toISOString().slice(0, 10),
): Promise<Result<ImportSummary, ImportError, string>> {
  const money = toOre(election);
  if (!money.ok) return err('too_many_decimals', money.message);
  const voteType = election.meta.voteType;
  if (voteType === 'scoring') return err('unsupported_vote_type', 'vote_type "scoring" is not supported: Samskab ballots are approval, cumulative or ranked');
  const kind: BallotKind = voteType === 'cumulative' ? 'cumulative' : voteType === 'ordinal' ? 'ranked' : 'approval';
  const longest = Math.max(1, ...election.votes.map((v) => v.projects.length));
  const maxChoices = kind === 'cumulative' ? null : voteType === 'choose-1' ? 1 : (count(metaValue(election, 'max_length'), 100) ?? Math.min(100, Math.max(longest, 1)));
  const mostPoints = Math.max(1, ...election.votes.map((v) => (v.points ?? []).reduce((a, b) => a + b, 0)));
  const points = kind === 'cumulative' ? (count(metaValue(election, 'max_sum_points'), 1000) ?? Math.min(1000, mostPoints)) : null;
  const named = metaValue(election, 'rule');
  const rule: RuleName = named !== undefined && isRuleName(named) ? named : 'mes-cost';
  const title = clip((metaValue(election, 'description') ?? metaValue(election, 'instance') ?? fileName).trim() || fileName, 200);
  const fields: ProcessFields = {
    title,
    description: clip(`Imported from ${fileName}.`, 5000),
    areaId: null,
    budgetOre: money.scale(election.meta.budget),
    dates: { proposalsFrom: today, reviewFrom: today, votingFrom: today, resultFrom: today, implementationFrom: today },
    kind,
    maxChoices,
    minSpendOre: null,
    points,
    rule,
    minAge: 0,
  };
  // Written back on export, budget and vote type as in the file.
  const meta: [string, string][] = [['budget', formatAmount(election.meta.budget, election.decimals)], ['vote_type', voteType], ...election.meta.other.map(([k, v]): [string, string] => [k, v])];
  const nameColumn = election.projectColumns.indexOf('name');
  return ok(
    await db.transaction({ municipalityId }, async (tx) => {
      const process = await insertProcess(tx, municipalityId, fields, { phase: 'result', pbMeta: meta });
      const ids = new Map<string, number>();
      for (const p of election.projects) {
        const name = nameColumn >= 0 ? (p.extra[nameColumn] ?? '').trim() : '';
        const project = await insertProject(tx, municipalityId, process.id, {
          title: clip(name || `Project ${p.id}`, 200),
          description: '',
          areaId: null,
          proposedBy: null,
          status: 'feasible',
          costOre: money.scale(p.cost),
          externalId: p.id,
        });
        ids.set(p.id, project.id);
      }
      const ballots = election.votes.map((v): Choice[] =>
        v.projects.map((id, at) => ({ projectId: ids.get(id)!, points: kind === 'cumulative' ? (v.points?.[at] ?? 1) : 1, rank: kind === 'ranked' ? at + 1 : null })),
      );
      await insertImportedBallots(tx, municipalityId, process.id, ballots);
      return { process, projects: election.projects.length, ballots: ballots.length };
    }),
  );
}
