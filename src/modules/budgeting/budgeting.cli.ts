// `pb tally`: tally Pabulib files with one of the rules, as aligned tables or as JSON lines.
// No database: it only reads the files it is given, so many files share one process start.
// `pb import`: load one Pabulib file into a municipality as a finished process; this one opens the
// database, and only then (getDeps is lazy).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppDeps } from '../../core/http/context.js';
import { loadMunicipality } from '../municipalities/index.js';
import { importElection } from './commands/import-election.js';
import { formatAmount, parsePb, toTallyElection } from './pabulib/pabulib.parser.js';
import { compareIds } from './tally/election.js';
import type { EqualSharesVerdict, GreedyStep, ProjectReport, TallyOutcome } from './tally/outcome.js';
import { formatRational, rational, type Rational } from './tally/rational.js';
import { isRuleName, RULE_NAMES, tallyRules, type RuleName } from './tally/rules.js';

export const pbUsage = `Usage: pb tally FILE.pb... --rule RULE [--json]
       pb import FILE.pb --municipality SLUG

tally: tallies each Pabulib (.pb) file with RULE and prints which projects are funded.

  --rule RULE  ${RULE_NAMES.join(', ')}
  --json       one JSON object per file per line:
               {"file", "rule", "selected": [ids, sorted], "cost": "<total>"}
               or {"file", "rule", "error": "<file>:<line>: <problem>"}

import: loads FILE.pb into the municipality SLUG as a finished process (phase "result"):
  the file's projects (their ids kept, so an export writes them back), its ballots as
  imported voters without accounts, and its META rows. The rule is the file's "rule" if it
  names one of the rules above, otherwise mes-cost. Amounts become whole øre, so a file
  with more than 2 decimals in an amount is refused. Prints the new process's id and path.

Exit status: 0 when every file was tallied or imported, 1 when a file could not be read,
parsed or imported (tally: the other files are still tallied), 2 for a usage error.`;

export interface PbCliIo {
  /** Each call gets one or more whole lines, without the final line break. */
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

interface TallyRequest {
  readonly files: readonly string[];
  readonly rule: RuleName;
  readonly json: boolean;
}

function parseTallyArgs(args: readonly string[]): TallyRequest | string {
  const files: string[] = [];
  let rule: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (arg === '--json') json = true;
    else if (arg === '--rule' || arg.startsWith('--rule=')) {
      if (rule !== undefined) return '--rule given twice';
      rule = arg === '--rule' ? args[++i] : arg.slice('--rule='.length);
      if (rule === undefined) return '--rule needs a value';
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else files.push(arg);
  }
  if (rule === undefined) return 'missing --rule';
  if (!isRuleName(rule)) return `unknown rule "${rule}"`;
  if (files.length === 0) return 'no .pb files given';
  return { files, rule, json };
}

type FileResult =
  | { readonly ok: true; readonly outcome: TallyOutcome; readonly decimals: number; readonly budget: bigint; readonly voters: number }
  | { readonly ok: false; readonly error: string };

async function tallyFile(file: string, rule: RuleName): Promise<FileResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, error: `${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  const parsed = parsePb(text, file);
  if (!parsed.ok) return { ok: false, error: `${file}:${parsed.error.line}: ${parsed.error.message}` };
  const election = parsed.value;
  const tallied = tallyRules[rule](toTallyElection(election));
  if (!tallied.ok) return { ok: false, error: `${file}: ${tallied.detail.message}` };
  return { ok: true, outcome: tallied.value, decimals: election.decimals, budget: election.meta.budget, voters: election.votes.length };
}

/** Money held as a rational in minor units, shown in currency units with two decimals. */
function money(amount: Rational, decimals: number): string {
  return formatRational(rational(amount.num, amount.den * 10n ** BigInt(decimals)), 2);
}

function describeEqualShares(verdict: EqualSharesVerdict, decimals: number): string {
  switch (verdict.kind) {
    case 'bought':
      return `equal shares, round ${verdict.round}: each supporter paid up to ${money(verdict.maxPayment, decimals)}`;
    case 'free':
      return 'costs nothing: funded outright';
    case 'unaffordable':
      return `equal shares, round ${verdict.round}: its supporters had only ${money(verdict.supportersMoney, decimals)} left`;
    case 'unsupported':
      return 'no votes';
  }
}

function describeGreedy(step: GreedyStep, decimals: number, completing: boolean): string {
  const left = formatAmount(step.remainingBefore, decimals);
  const pass = completing ? 'completion' : 'greedy';
  return step.funded ? `${pass} #${step.position}: fit in the ${left} left` : `${pass} #${step.position}: more than the ${left} left`;
}

function why(project: ProjectReport, decimals: number): string {
  const parts: string[] = [];
  if (project.equalShares) parts.push(describeEqualShares(project.equalShares, decimals));
  if (project.greedy) parts.push(describeGreedy(project.greedy, decimals, project.equalShares !== undefined));
  return parts.join('; ');
}

function table(file: string, rule: RuleName, result: Extract<FileResult, { ok: true }>): string {
  const { outcome, decimals } = result;
  const position = new Map(outcome.selected.map((id, at) => [id, at]));
  // Funded projects in the order the rule chose them, then the rest by votes.
  const rows = [...outcome.projects].sort((a, b) => {
    const pa = position.get(a.id) ?? Infinity;
    const pb = position.get(b.id) ?? Infinity;
    return pa !== pb ? pa - pb : b.votes - a.votes || compareIds(a.id, b.id);
  });
  const cells = [
    ['project', 'cost', 'votes', 'funded', 'why'],
    ...rows.map((p) => [p.id, formatAmount(p.cost, decimals), String(p.votes), p.selected ? 'yes' : 'no', why(p, decimals)]),
  ];
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((line) => line[column]!.length)));
  const numeric = [false, true, true, false, false];
  const lines = cells.map((line) =>
    line
      .map((cell, column) => (column === line.length - 1 ? cell : numeric[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );
  const perVoter = outcome.equalShares ? ` · each voter started with ${money(outcome.equalShares.perVoterBudget, decimals)}` : '';
  return [
    `${file} — ${rule}`,
    `budget ${formatAmount(result.budget, decimals)} · ${result.voters} voters · ${outcome.projects.length} projects${perVoter}`,
    `funded ${outcome.selected.length} projects for ${formatAmount(outcome.totalCost, decimals)}`,
    '',
    ...lines,
  ].join('\n');
}

async function runTally(request: TallyRequest, io: PbCliIo): Promise<number> {
  let failed = false;
  for (const [index, file] of request.files.entries()) {
    const result = await tallyFile(file, request.rule);
    if (!result.ok) failed = true;
    if (request.json) {
      const body = result.ok
        ? { selected: [...result.outcome.selected].sort(compareIds), cost: formatAmount(result.outcome.totalCost, result.decimals) }
        : { error: result.error };
      io.out(JSON.stringify({ file, rule: request.rule, ...body }));
    } else if (result.ok) {
      io.out(`${index > 0 ? '\n' : ''}${table(file, request.rule, result)}`);
    } else {
      io.err(result.error);
    }
  }
  return failed ? 1 : 0;
}

interface ImportRequest {
  readonly file: string;
  readonly municipality: string;
}

function parseImportArgs(args: readonly string[]): ImportRequest | string {
  const files: string[] = [];
  let municipality: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--municipality' || arg.startsWith('--municipality=')) {
      if (municipality !== undefined) return '--municipality given twice';
      municipality = arg === '--municipality' ? args[++i] : arg.slice('--municipality='.length);
      if (municipality === undefined || municipality === '') return '--municipality needs a value';
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else files.push(arg);
  }
  if (municipality === undefined) return 'missing --municipality';
  if (files.length !== 1) return files.length === 0 ? 'no .pb file given' : 'give exactly one .pb file';
  return { file: files[0]!, municipality };
}

async function runImport(request: ImportRequest, io: PbCliIo, getDeps: () => Promise<Pick<AppDeps, 'db'>>): Promise<number> {
  const { file } = request;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    io.err(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return 1;
  }
  const parsed = parsePb(text, file);
  if (!parsed.ok) {
    io.err(`${file}:${parsed.error.line}: ${parsed.error.message}`);
    return 1;
  }
  const deps = await getDeps();
  const m = await loadMunicipality(deps, request.municipality);
  if (!m) {
    io.err(`pb import: no municipality "${request.municipality}"`);
    return 1;
  }
  const r = await importElection(deps.db, m.id, parsed.value, path.basename(file));
  if (!r.ok) {
    io.err(`${file}: ${r.detail}`);
    return 1;
  }
  const { process, projects, ballots } = r.value;
  io.out(`${file}: imported as process ${process.id} in ${m.slug} (${projects} projects, ${ballots} ballots, rule ${process.rule}): /m/${m.slug}/budgets/${process.id}/results`);
  return 0;
}

/** `pb SUBCOMMAND ...`; returns the exit status. `getDeps` opens the database, for `import` only. */
export async function runPbCli(args: string[], io: PbCliIo, getDeps?: () => Promise<Pick<AppDeps, 'db'>>): Promise<number> {
  const [subcommand, ...rest] = args;
  if (args.includes('--help') || args.includes('-h')) {
    io.out(pbUsage);
    return 0;
  }
  if (subcommand === 'import') {
    const request = parseImportArgs(rest);
    if (typeof request === 'string' || !getDeps) {
      io.err(`pb import: ${typeof request === 'string' ? request : 'no database available'}\n\n${pbUsage}`);
      return 2;
    }
    return runImport(request, io, getDeps);
  }
  if (subcommand !== 'tally') {
    io.err(`pb: ${subcommand === undefined ? 'missing subcommand' : `unknown subcommand "${subcommand}"`}\n\n${pbUsage}`);
    return 2;
  }
  const request = parseTallyArgs(rest);
  if (typeof request === 'string') {
    io.err(`pb tally: ${request}\n\n${pbUsage}`);
    return 2;
  }
  return runTally(request, io);
}
