// Parser for Pabulib .pb files (pabulib.org): META, PROJECTS and VOTES sections of `;`-separated,
// CSV-quoted rows. Rules and tolerances follow shared/data/pabulib/README.md; bad input is a typed
// error naming the line, never an exception and never a silently different election.
import type { Ok } from '../../../core/errors/result.js';
import type { TallyElection } from '../tally/election.js';

export const PB_VOTE_TYPES = ['approval', 'choose-1', 'cumulative', 'ordinal', 'scoring'] as const;
export type PbVoteType = (typeof PB_VOTE_TYPES)[number];

export interface PbMeta {
  /** In units of 10^-decimals of the currency (see PbElection.decimals). */
  readonly budget: bigint;
  readonly voteType: PbVoteType;
  /** Every other key;value row, in file order, values as written. */
  readonly other: readonly (readonly [key: string, value: string])[];
}

export interface PbProject {
  readonly id: string;
  /** In units of 10^-decimals of the currency. */
  readonly cost: bigint;
  /** Values of PbElection.projectColumns, aligned, as written. */
  readonly extra: readonly string[];
}

export interface PbVote {
  readonly voterId: string;
  /** Project ids as listed (ordinal: best first), each once. */
  readonly projects: readonly string[];
  /** Aligned with projects, when the file has a points column. */
  readonly points?: readonly number[];
  /** Values of PbElection.voteColumns, aligned, as written. */
  readonly extra: readonly string[];
}

export interface PbElection {
  readonly meta: PbMeta;
  /**
   * Amounts are integers in units of 10^-decimals: the most decimals any amount in the file uses
   * (trailing zeros aside), so 114339.91 and 400000.0 both stay exact without floating point.
   */
  readonly decimals: number;
  /** PROJECTS columns other than project_id and cost, in file order. */
  readonly projectColumns: readonly string[];
  readonly projects: readonly PbProject[];
  /** VOTES columns other than voter_id, vote and points, in file order. */
  readonly voteColumns: readonly string[];
  readonly votes: readonly PbVote[];
}

export interface PbParseError {
  readonly file: string;
  /** 1-based line where the problem is (where the row starts, for a row spanning lines). */
  readonly line: number;
  readonly message: string;
}

export type PbParseResult = Ok<PbElection> | { readonly ok: false; readonly error: PbParseError };

/** A problem found at a line; turned into a PbParseError at the top. */
class Malformed {
  constructor(
    readonly line: number,
    readonly message: string,
  ) {}
}

interface Row {
  readonly line: number;
  readonly fields: readonly string[];
}

/**
 * Splits text into rows of trimmed fields with CSV quoting ("..." with "" for a quote), which may
 * hold `;` and line breaks. LF and CRLF both end a row; whitespace-only lines are skipped.
 */
function readRows(text: string): Row[] | Malformed {
  const rows: Row[] = [];
  let at = 0;
  let line = 1;
  while (at < text.length) {
    const newline = text.indexOf('\n', at);
    if (text.slice(at, newline === -1 ? text.length : newline).trim() === '') {
      at = newline === -1 ? text.length : newline + 1;
      line += 1;
      continue;
    }
    const rowLine = line;
    const fields: string[] = [];
    for (;;) {
      let value = '';
      while (text[at] === ' ' || text[at] === '\t') at += 1;
      if (text[at] === '"') {
        at += 1;
        for (;;) {
          const quote = text.indexOf('"', at);
          if (quote === -1) return new Malformed(rowLine, 'a quoted field is never closed');
          const chunk = text.slice(at, quote);
          for (const c of chunk) if (c === '\n') line += 1;
          value += chunk;
          at = quote + 1;
          if (text[at] !== '"') break;
          value += '"';
          at += 1;
        }
        while (text[at] === ' ' || text[at] === '\t' || text[at] === '\r') at += 1;
        if (at < text.length && text[at] !== ';' && text[at] !== '\n') {
          return new Malformed(line, 'unexpected text after a closing quote');
        }
      } else {
        let end = at;
        while (end < text.length && text[end] !== ';' && text[end] !== '\n') end += 1;
        value = text.slice(at, end);
        at = end;
      }
      fields.push(value.trim());
      if (text[at] === ';') {
        at += 1;
        continue;
      }
      at += 1;
      line += 1;
      break;
    }
    rows.push({ line: rowLine, fields });
  }
  return rows;
}

/** The README: "`None` means missing". */
const isMissing = (value: string) => value === '' || value === 'None';

const MAX_INTEGER_DIGITS = 18;
const MAX_DECIMALS = 9;

interface Decimal {
  readonly digits: bigint;
  readonly decimals: number;
}

/**
 * A non-negative amount with a decimal dot or, as the README allows, a decimal comma. Bounded so
 * a stray exponent, thousands separator or runaway number is an error rather than a guess.
 */
function parseAmount(value: string, what: string, line: number): Decimal | Malformed {
  if (isMissing(value)) return new Malformed(line, `${what} is missing`);
  const match = /^(\d+)(?:[.,](\d+))?$/.exec(value);
  if (!match) return new Malformed(line, `${what} "${value}" is not a non-negative decimal amount`);
  const whole = match[1]!.replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (whole.length > MAX_INTEGER_DIGITS) return new Malformed(line, `${what} "${value}" is too large`);
  if (fraction.length > MAX_DECIMALS) return new Malformed(line, `${what} "${value}" has more than ${MAX_DECIMALS} decimals`);
  return { digits: BigInt(whole + fraction), decimals: fraction.length };
}

const scaleTo = (amount: Decimal, decimals: number) => amount.digits * 10n ** BigInt(decimals - amount.decimals);

/** Points are whole numbers; a decimal comma here cannot be told from the list separator anyway. */
function parsePoints(value: string, count: number, line: number): number[] | Malformed {
  const parts = isMissing(value) ? [] : value.split(',').map((part) => part.trim());
  if (parts.length !== count) return new Malformed(line, `${parts.length} points for ${count} projects in the vote`);
  const points: number[] = [];
  for (const part of parts) {
    if (!/^-?\d+$/.test(part)) return new Malformed(line, `points value "${part}" is not a whole number`);
    const number = Number(part);
    if (!Number.isSafeInteger(number)) return new Malformed(line, `points value "${part}" is too large`);
    points.push(number);
  }
  return points;
}

/** Column positions by header name; the required ones must be there, and no name twice. */
function indexHeader(header: Row, section: string, required: readonly string[]): Map<string, number> | Malformed {
  const columns = new Map<string, number>();
  for (const [position, name] of header.fields.entries()) {
    if (columns.has(name)) return new Malformed(header.line, `${section} has two columns named "${name}"`);
    columns.set(name, position);
  }
  const absent = required.filter((name) => !columns.has(name));
  if (absent.length > 0) return new Malformed(header.line, `${section} header lacks required column ${absent.join(', ')}`);
  return columns;
}

function checkWidth(row: Row, header: Row, section: string): Malformed | undefined {
  if (row.fields.length === header.fields.length) return undefined;
  return new Malformed(row.line, `${section} row has ${row.fields.length} fields, the header has ${header.fields.length}`);
}

interface Section {
  readonly title: Row;
  readonly header: Row | undefined;
  readonly rows: Row[];
}

const SECTION_TITLES = ['META', 'PROJECTS', 'VOTES'] as const;

/** Splits rows into the three sections, which must come once each and in order. */
function splitSections(rows: readonly Row[]): Section[] | Malformed {
  const sections: Section[] = [];
  for (const row of rows) {
    const title = row.fields.length === 1 ? row.fields[0]!.toUpperCase() : undefined;
    if (title !== undefined && (SECTION_TITLES as readonly string[]).includes(title)) {
      const expected = SECTION_TITLES[sections.length];
      if (title !== expected) {
        const where = expected === undefined ? 'after VOTES' : `where ${expected} was expected`;
        return new Malformed(row.line, `section ${title} found ${where}; sections are META, PROJECTS, VOTES in that order`);
      }
      sections.push({ title: row, header: undefined, rows: [] });
      continue;
    }
    const current = sections.at(-1);
    if (current === undefined) return new Malformed(row.line, 'expected the META section title before any data');
    if (current.header === undefined) sections[sections.length - 1] = { ...current, header: row };
    else current.rows.push(row);
  }
  if (sections.length < SECTION_TITLES.length) {
    return new Malformed(rows.at(-1)?.line ?? 1, `missing section ${SECTION_TITLES.slice(sections.length).join(', ')}`);
  }
  return sections;
}

interface MetaRows {
  readonly budget: Decimal;
  readonly voteType: PbVoteType;
  readonly other: PbMeta['other'];
}

function parseMeta(section: Section): MetaRows | Malformed {
  const header = section.header;
  if (header === undefined) return new Malformed(section.title.line, 'META has no header line');
  if (header.fields.length !== 2 || header.fields[0] !== 'key' || header.fields[1] !== 'value') {
    return new Malformed(header.line, 'META header must be key;value');
  }
  const seen = new Set<string>();
  const other: (readonly [string, string])[] = [];
  let budget: Decimal | undefined;
  let voteType: PbVoteType | undefined;
  for (const row of section.rows) {
    const width = checkWidth(row, header, 'META');
    if (width) return width;
    const [key, value] = row.fields as [string, string];
    if (key === '') return new Malformed(row.line, 'META row without a key');
    if (seen.has(key)) return new Malformed(row.line, `META key "${key}" appears twice`);
    seen.add(key);
    if (key === 'budget') {
      const amount = parseAmount(value, 'budget', row.line);
      if (amount instanceof Malformed) return amount;
      budget = amount;
    } else if (key === 'vote_type') {
      if (!(PB_VOTE_TYPES as readonly string[]).includes(value)) {
        return new Malformed(row.line, `vote_type "${value}" is not one of ${PB_VOTE_TYPES.join(', ')}`);
      }
      voteType = value as PbVoteType;
    } else {
      other.push([key, value]);
    }
  }
  if (budget === undefined) return new Malformed(section.title.line, 'META has no budget');
  if (voteType === undefined) return new Malformed(section.title.line, 'META has no vote_type');
  return { budget, voteType, other };
}

interface ProjectRows {
  readonly projects: readonly (Omit<PbProject, 'cost'> & { readonly cost: Decimal })[];
  readonly columns: readonly string[];
}

function parseProjects(section: Section): ProjectRows | Malformed {
  const header = section.header;
  if (header === undefined) return new Malformed(section.title.line, 'PROJECTS has no header line');
  const columns = indexHeader(header, 'PROJECTS', ['project_id', 'cost']);
  if (columns instanceof Malformed) return columns;
  const idAt = columns.get('project_id')!;
  const costAt = columns.get('cost')!;
  const extraAt = header.fields.map((_, position) => position).filter((position) => position !== idAt && position !== costAt);
  const projects: ProjectRows['projects'][number][] = [];
  const seen = new Set<string>();
  for (const row of section.rows) {
    const width = checkWidth(row, header, 'PROJECTS');
    if (width) return width;
    const id = row.fields[idAt]!;
    if (isMissing(id)) return new Malformed(row.line, 'project_id is missing');
    // A vote lists projects separated by commas, so an id with a comma could never be voted for.
    if (id.includes(',')) return new Malformed(row.line, `project_id "${id}" contains a comma`);
    if (seen.has(id)) return new Malformed(row.line, `project_id "${id}" appears twice`);
    seen.add(id);
    const cost = parseAmount(row.fields[costAt]!, `cost of project ${id}`, row.line);
    if (cost instanceof Malformed) return cost;
    projects.push({ id, cost, extra: extraAt.map((position) => row.fields[position]!) });
  }
  return { projects, columns: extraAt.map((position) => header.fields[position]!) };
}

function parseVotes(section: Section, voteType: PbVoteType, projectIds: ReadonlySet<string>): { votes: PbVote[]; columns: string[] } | Malformed {
  const header = section.header;
  if (header === undefined) return new Malformed(section.title.line, 'VOTES has no header line');
  const needsPoints = voteType === 'cumulative' || voteType === 'scoring';
  const columns = indexHeader(header, 'VOTES', needsPoints ? ['voter_id', 'vote', 'points'] : ['voter_id', 'vote']);
  if (columns instanceof Malformed) return columns;
  const voterAt = columns.get('voter_id')!;
  const voteAt = columns.get('vote')!;
  const pointsAt = columns.get('points');
  const extraAt = header.fields.map((_, position) => position).filter((position) => position !== voterAt && position !== voteAt && position !== pointsAt);
  const votes: PbVote[] = [];
  const seen = new Set<string>();
  for (const row of section.rows) {
    const width = checkWidth(row, header, 'VOTES');
    if (width) return width;
    const voterId = row.fields[voterAt]!;
    if (isMissing(voterId)) return new Malformed(row.line, 'voter_id is missing');
    if (seen.has(voterId)) return new Malformed(row.line, `voter_id "${voterId}" appears twice`);
    seen.add(voterId);
    // An empty (or None) vote is a voter who listed nothing: still a voter (README).
    const vote = row.fields[voteAt]!;
    const listed = isMissing(vote) ? [] : vote.split(',').map((id) => id.trim());
    for (const id of listed) {
      if (id === '') return new Malformed(row.line, `vote "${vote}" has an empty project id`);
      if (!projectIds.has(id)) return new Malformed(row.line, `vote lists project "${id}", which is not in PROJECTS`);
    }
    const points = pointsAt === undefined ? undefined : parsePoints(row.fields[pointsAt]!, listed.length, row.line);
    if (points instanceof Malformed) return points;
    // README: "A project listed twice in one vote counts once". The first listing is kept, with
    // its points, as it is the better rank in an ordinal vote.
    const keep = listed.map((id, position) => listed.indexOf(id) === position);
    votes.push({
      voterId,
      projects: listed.filter((_, position) => keep[position]),
      ...(points === undefined ? {} : { points: points.filter((_, position) => keep[position]) }),
      extra: extraAt.map((position) => row.fields[position]!),
    });
  }
  return { votes, columns: extraAt.map((position) => header.fields[position]!) };
}

function parseSections(text: string): PbElection | Malformed {
  // A UTF-8 byte-order mark may lead (README).
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows = readRows(body);
  if (rows instanceof Malformed) return rows;
  const sections = splitSections(rows);
  if (sections instanceof Malformed) return sections;
  const [metaSection, projectSection, voteSection] = sections as [Section, Section, Section];

  const meta = parseMeta(metaSection);
  if (meta instanceof Malformed) return meta;
  const projects = parseProjects(projectSection);
  if (projects instanceof Malformed) return projects;
  const votes = parseVotes(voteSection, meta.voteType, new Set(projects.projects.map((project) => project.id)));
  if (votes instanceof Malformed) return votes;

  const decimals = Math.max(meta.budget.decimals, ...projects.projects.map((project) => project.cost.decimals));
  return {
    meta: { budget: scaleTo(meta.budget, decimals), voteType: meta.voteType, other: meta.other },
    decimals,
    projectColumns: projects.columns,
    projects: projects.projects.map((project) => ({ ...project, cost: scaleTo(project.cost, decimals) })),
    voteColumns: votes.columns,
    votes: votes.votes,
  };
}

/** Parses the text of a .pb file; `file` is only used to name it in an error. */
export function parsePb(text: string, file: string): PbParseResult {
  const parsed = parseSections(text);
  if (parsed instanceof Malformed) return { ok: false, error: { file, line: parsed.line, message: parsed.message } };
  return { ok: true, value: parsed };
}

/** An amount in units of 10^-decimals as decimal text, without trailing zeros ("400000", "114339.91"). */
export function formatAmount(units: bigint, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const sign = units < 0n ? '-' : '';
  const magnitude = units < 0n ? -units : units;
  const fraction = (magnitude % scale).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${sign}${magnitude / scale}${fraction === '' ? '' : `.${fraction}`}`;
}

/** The election as the tally rules see it: ballots as the sets of projects they list. */
export function toTallyElection(election: PbElection): TallyElection {
  return {
    budget: election.meta.budget,
    projects: election.projects.map(({ id, cost }) => ({ id, cost })),
    ballots: election.votes.map((vote) => vote.projects),
    currencyUnit: 10n ** BigInt(election.decimals),
  };
}
