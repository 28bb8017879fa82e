// SQL for processes, projects and ballots. Knows nothing of permissions; callers pass the executor of
// a transaction whose tenant is already set. The tenant filter is repeated although RLS enforces it.
import { sql, type Generated } from 'kysely';
import { tables, type Executor } from '../../core/db/database.js';
import type { RuleName } from './tally/rules.js';
import type { BallotKind, Choice, Phase, PhaseDates, Process, Project, ProjectStatus, StoredBallot } from './budgeting.types.js';

interface ProcessRow {
  municipality_id: number;
  id: Generated<number>;
  area_id: number | null;
  title: string;
  description: string;
  budget_ore: number | string;
  phase: Phase;
  proposals_from: string;
  review_from: string;
  voting_from: string;
  result_from: string;
  implementation_from: string;
  ballot_kind: BallotKind;
  max_choices: number | null;
  min_spend_ore: number | string | null;
  points: number | null;
  rule: RuleName;
  min_age: number;
  pb_meta: unknown;
}
interface ProjectRow {
  municipality_id: number;
  id: Generated<number>;
  process_id: number;
  title: string;
  description: string;
  area_id: number | null;
  proposed_by: number | null;
  status: ProjectStatus;
  cost_ore: number | string | null;
  reject_reason: string | null;
  external_id: string | null;
}
interface BallotRow {
  municipality_id: number;
  id: Generated<number>;
  process_id: number;
  voter_id: number | null;
  source: 'digital' | 'paper' | 'import';
  birth_year: number | null;
  entered_by: number | null;
  checked_by: number | null;
  updated_at: Generated<Date>;
}
interface ChoiceRow {
  municipality_id: number;
  process_id: number;
  ballot_id: number;
  project_id: number;
  points: number;
  rank: number | null;
}
interface StationTotalRow {
  municipality_id: number;
  process_id: number;
  station: string;
  project_id: number;
  votes: number;
  entered_by: number | null;
}
export interface BudgetingTables {
  budgeting_processes: ProcessRow;
  budgeting_projects: ProjectRow;
  budgeting_ballots: BallotRow;
  budgeting_ballot_choices: ChoiceRow;
  budgeting_station_totals: StationTotalRow;
}

const db = (e: Executor) => tables<BudgetingTables>(e);
const big = (v: string | number | null): bigint | null => (v === null ? null : BigInt(v));
const day = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

type ProcessSelected = Omit<ProcessRow, 'id'> & { id: number };
function toProcess(r: ProcessSelected): Process {
  return {
    municipalityId: r.municipality_id,
    id: r.id,
    areaId: r.area_id,
    title: r.title,
    description: r.description,
    budgetOre: BigInt(r.budget_ore),
    phase: r.phase,
    dates: {
      proposalsFrom: day(r.proposals_from),
      reviewFrom: day(r.review_from),
      votingFrom: day(r.voting_from),
      resultFrom: day(r.result_from),
      implementationFrom: day(r.implementation_from),
    },
    kind: r.ballot_kind,
    maxChoices: r.max_choices,
    minSpendOre: big(r.min_spend_ore),
    points: r.points,
    rule: r.rule,
    minAge: r.min_age,
    imported: r.pb_meta !== null,
  };
}
type ProjectSelected = Omit<ProjectRow, 'id'> & { id: number };
const toProject = (r: ProjectSelected): Project => ({
  municipalityId: r.municipality_id,
  id: r.id,
  processId: r.process_id,
  title: r.title,
  description: r.description,
  areaId: r.area_id,
  proposedBy: r.proposed_by === null ? null : Number(r.proposed_by),
  status: r.status,
  costOre: big(r.cost_ore),
  rejectReason: r.reject_reason,
  externalId: r.external_id,
});

export interface ProcessFields {
  title: string;
  description: string;
  areaId: number | null;
  budgetOre: bigint;
  dates: PhaseDates;
  kind: BallotKind;
  maxChoices: number | null;
  minSpendOre: bigint | null;
  points: number | null;
  rule: RuleName;
  minAge: number;
}

function processValues(f: ProcessFields) {
  return {
    title: f.title,
    description: f.description,
    area_id: f.areaId,
    budget_ore: f.budgetOre.toString(),
    proposals_from: f.dates.proposalsFrom,
    review_from: f.dates.reviewFrom,
    voting_from: f.dates.votingFrom,
    result_from: f.dates.resultFrom,
    implementation_from: f.dates.implementationFrom,
    ballot_kind: f.kind,
    max_choices: f.maxChoices,
    min_spend_ore: f.minSpendOre === null ? null : f.minSpendOre.toString(),
    points: f.points,
    rule: f.rule,
    min_age: f.minAge,
  };
}

export async function insertProcess(e: Executor, municipalityId: number, f: ProcessFields, options: { phase?: Phase; pbMeta?: unknown } = {}): Promise<Process> {
  const row = await db(e)
    .insertInto('budgeting_processes')
    .values({ municipality_id: municipalityId, ...processValues(f), phase: options.phase ?? 'proposals', pb_meta: options.pbMeta === undefined ? null : JSON.stringify(options.pbMeta) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toProcess(row);
}

export async function updateProcess(e: Executor, municipalityId: number, id: number, f: ProcessFields): Promise<Process | null> {
  const row = await db(e).updateTable('budgeting_processes').set(processValues(f)).where('municipality_id', '=', municipalityId).where('id', '=', id).returningAll().executeTakeFirst();
  return row ? toProcess(row) : null;
}

export async function setPhase(e: Executor, municipalityId: number, id: number, phase: Phase): Promise<void> {
  await db(e).updateTable('budgeting_processes').set({ phase }).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export async function listProcesses(e: Executor, municipalityId: number): Promise<Process[]> {
  return (await db(e).selectFrom('budgeting_processes').selectAll().where('municipality_id', '=', municipalityId).orderBy('id', 'desc').execute()).map(toProcess);
}

/** `lock`: 'share' for work that must not overlap a phase change, 'update' for the phase change itself. */
export async function findProcess(e: Executor, municipalityId: number, id: number, lock?: 'share' | 'update'): Promise<Process | null> {
  let q = db(e).selectFrom('budgeting_processes').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id);
  if (lock === 'share') q = q.forShare();
  if (lock === 'update') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toProcess(row) : null;
}

export async function processPbMeta(e: Executor, municipalityId: number, id: number): Promise<[string, string][] | null> {
  const row = await db(e).selectFrom('budgeting_processes').select('pb_meta').where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
  return (row?.pb_meta as [string, string][] | null | undefined) ?? null;
}

export interface ProjectFields {
  title: string;
  description: string;
  areaId: number | null;
}

export async function insertProject(
  e: Executor,
  municipalityId: number,
  processId: number,
  f: ProjectFields & { proposedBy: number | null; status?: ProjectStatus; costOre?: bigint | null; externalId?: string | null },
): Promise<Project> {
  const row = await db(e)
    .insertInto('budgeting_projects')
    .values({
      municipality_id: municipalityId,
      process_id: processId,
      title: f.title,
      description: f.description,
      area_id: f.areaId,
      proposed_by: f.proposedBy,
      status: f.status ?? 'proposed',
      cost_ore: f.costOre == null ? null : f.costOre.toString(),
      reject_reason: null,
      external_id: f.externalId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toProject(row);
}

export async function reviewProject(e: Executor, municipalityId: number, processId: number, id: number, f: { status: ProjectStatus; costOre: bigint | null; rejectReason: string | null }): Promise<Project | null> {
  const row = await db(e)
    .updateTable('budgeting_projects')
    .set({ status: f.status, cost_ore: f.costOre === null ? null : f.costOre.toString(), reject_reason: f.rejectReason })
    .where('municipality_id', '=', municipalityId)
    .where('process_id', '=', processId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toProject(row) : null;
}

export async function listProjects(e: Executor, municipalityId: number, processId: number): Promise<Project[]> {
  return (
    await db(e).selectFrom('budgeting_projects').selectAll().where('municipality_id', '=', municipalityId).where('process_id', '=', processId).orderBy('id').execute()
  ).map(toProject);
}

export async function findProject(e: Executor, municipalityId: number, processId: number, id: number): Promise<Project | null> {
  const row = await db(e).selectFrom('budgeting_projects').selectAll().where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('id', '=', id).executeTakeFirst();
  return row ? toProject(row) : null;
}

/** Inserts a digital ballot; null when the voter already has one (the unique index decided). */
export async function insertDigitalBallot(e: Executor, municipalityId: number, processId: number, voterId: number, birthYear: number): Promise<number | null> {
  const row = await db(e)
    .insertInto('budgeting_ballots')
    .values({ municipality_id: municipalityId, process_id: processId, voter_id: voterId, source: 'digital', birth_year: birthYear, entered_by: null, checked_by: null })
    .onConflict((oc) => oc.columns(['municipality_id', 'process_id', 'voter_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The voter's ballot row, locked for replacing its choices. */
export async function findVoterBallotId(e: Executor, municipalityId: number, processId: number, voterId: number): Promise<number | null> {
  const row = await db(e)
    .selectFrom('budgeting_ballots')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('process_id', '=', processId)
    .where('voter_id', '=', voterId)
    .forUpdate()
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function touchBallot(e: Executor, municipalityId: number, ballotId: number, birthYear: number): Promise<void> {
  await db(e).updateTable('budgeting_ballots').set({ updated_at: new Date(), birth_year: birthYear }).where('municipality_id', '=', municipalityId).where('id', '=', ballotId).execute();
}

export async function insertOtherBallot(e: Executor, municipalityId: number, processId: number, source: 'paper' | 'import', enteredBy: number | null): Promise<number> {
  const row = await db(e)
    .insertInto('budgeting_ballots')
    .values({ municipality_id: municipalityId, process_id: processId, voter_id: null, source, birth_year: null, entered_by: enteredBy, checked_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markBallotChecked(e: Executor, municipalityId: number, processId: number, ballotId: number, checkedBy: number): Promise<boolean> {
  const r = await db(e)
    .updateTable('budgeting_ballots')
    .set({ checked_by: checkedBy })
    .where('municipality_id', '=', municipalityId)
    .where('process_id', '=', processId)
    .where('id', '=', ballotId)
    .where('source', '=', 'paper')
    .where('checked_by', 'is', null)
    .where('entered_by', '<>', checkedBy)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function replaceChoices(e: Executor, municipalityId: number, processId: number, ballotId: number, choices: readonly Choice[]): Promise<void> {
  await db(e).deleteFrom('budgeting_ballot_choices').where('municipality_id', '=', municipalityId).where('ballot_id', '=', ballotId).execute();
  if (choices.length === 0) return;
  await db(e)
    .insertInto('budgeting_ballot_choices')
    .values(choices.map((c) => ({ municipality_id: municipalityId, process_id: processId, ballot_id: ballotId, project_id: c.projectId, points: c.points, rank: c.rank })))
    .execute();
}

export async function listBallots(e: Executor, municipalityId: number, processId: number): Promise<StoredBallot[]> {
  const ballots = await db(e)
    .selectFrom('budgeting_ballots')
    .select(['id', 'voter_id', 'source', 'entered_by', 'checked_by'])
    .where('municipality_id', '=', municipalityId)
    .where('process_id', '=', processId)
    .orderBy('id')
    .execute();
  const choices = await db(e)
    .selectFrom('budgeting_ballot_choices')
    .select(['ballot_id', 'project_id', 'points', 'rank'])
    .where('municipality_id', '=', municipalityId)
    .where('process_id', '=', processId)
    .orderBy('ballot_id')
    .orderBy('rank')
    .orderBy('project_id')
    .execute();
  const byBallot = new Map<number, Choice[]>();
  for (const c of choices) {
    const list = byBallot.get(c.ballot_id) ?? [];
    list.push({ projectId: c.project_id, points: c.points, rank: c.rank });
    byBallot.set(c.ballot_id, list);
  }
  return ballots.map((b) => ({
    id: b.id,
    voterId: b.voter_id === null ? null : Number(b.voter_id),
    source: b.source,
    choices: byBallot.get(b.id) ?? [],
    enteredBy: b.entered_by === null ? null : Number(b.entered_by),
    checkedBy: b.checked_by === null ? null : Number(b.checked_by),
  }));
}

export async function voterChoices(e: Executor, municipalityId: number, processId: number, voterId: number): Promise<{ choices: Choice[]; birthYear: number | null } | null> {
  const ballot = await db(e)
    .selectFrom('budgeting_ballots')
    .select(['id', 'birth_year'])
    .where('municipality_id', '=', municipalityId)
    .where('process_id', '=', processId)
    .where('voter_id', '=', voterId)
    .executeTakeFirst();
  if (!ballot) return null;
  const rows = await db(e)
    .selectFrom('budgeting_ballot_choices')
    .select(['project_id', 'points', 'rank'])
    .where('municipality_id', '=', municipalityId)
    .where('ballot_id', '=', ballot.id)
    .execute();
  return { choices: rows.map((c) => ({ projectId: c.project_id, points: c.points, rank: c.rank })), birthYear: ballot.birth_year };
}

export async function countBallots(e: Executor, municipalityId: number, processId: number): Promise<number> {
  const r = await db(e)
    .selectFrom('budgeting_ballots')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('municipality_id', '=', municipalityId)
    .where('process_id', '=', processId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The hint a budgeting trigger raised ('budgeting_rules_frozen', 'budgeting_voting_closed'), if that was the error. */
export function triggerError(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const message = String((error as { message?: unknown }).message ?? '');
  const m = /budgeting_(rules_frozen|voting_closed)/.exec(message);
  return m ? m[0] : null;
}

/** Imported ballots in bulk, each with its choices; one round trip per batch rather than per ballot. */
export async function insertImportedBallots(e: Executor, municipalityId: number, processId: number, ballots: readonly (readonly Choice[])[]): Promise<void> {
  const BATCH = 1000;
  for (let start = 0; start < ballots.length; start += BATCH) {
    const batch = ballots.slice(start, start + BATCH);
    const rows = await db(e)
      .insertInto('budgeting_ballots')
      .values(batch.map(() => ({ municipality_id: municipalityId, process_id: processId, voter_id: null, source: 'import' as const, birth_year: null, entered_by: null, checked_by: null })))
      .returning('id')
      .execute();
    // Identity values are handed out in row order within one insert; sorting makes that explicit.
    const ids = rows.map((r) => r.id).sort((a, b) => a - b);
    const choices = batch.flatMap((list, i) => list.map((c) => ({ municipality_id: municipalityId, process_id: processId, ballot_id: ids[i]!, project_id: c.projectId, points: c.points, rank: c.rank })));
    for (let at = 0; at < choices.length; at += 5000) await db(e).insertInto('budgeting_ballot_choices').values(choices.slice(at, at + 5000)).execute();
  }
}

/** Who entered and checked a ballot, for telling why a check was refused. */
export async function findBallotEntry(e: Executor, municipalityId: number, processId: number, ballotId: number): Promise<{ source: 'digital' | 'paper' | 'import'; enteredBy: number | null; checkedBy: number | null } | null> {
  const row = await db(e)
    .selectFrom('budgeting_ballots')
    .select(['source', 'entered_by', 'checked_by'])
    .where('municipality_id', '=', municipalityId)
    .where('process_id', '=', processId)
    .where('id', '=', ballotId)
    .executeTakeFirst();
  return row ? { source: row.source, enteredBy: row.entered_by === null ? null : Number(row.entered_by), checkedBy: row.checked_by === null ? null : Number(row.checked_by) } : null;
}

export interface StationTotal {
  station: string;
  projectId: number;
  votes: number;
}

/** Replaces one station's counted totals: a recount overwrites, it does not add. */
export async function replaceStationTotals(e: Executor, municipalityId: number, processId: number, station: string, totals: readonly { projectId: number; votes: number }[], enteredBy: number): Promise<void> {
  await db(e).deleteFrom('budgeting_station_totals').where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('station', '=', station).execute();
  if (totals.length === 0) return;
  await db(e)
    .insertInto('budgeting_station_totals')
    .values(totals.map((t) => ({ municipality_id: municipalityId, process_id: processId, station, project_id: t.projectId, votes: t.votes, entered_by: enteredBy })))
    .execute();
}

export async function listStationTotals(e: Executor, municipalityId: number, processId: number): Promise<StationTotal[]> {
  const rows = await db(e)
    .selectFrom('budgeting_station_totals')
    .select(['station', 'project_id', 'votes'])
    .where('municipality_id', '=', municipalityId)
    .where('process_id', '=', processId)
    .orderBy('station')
    .orderBy('project_id')
    .execute();
  return rows.map((r) => ({ station: r.station, projectId: r.project_id, votes: r.votes }));
}

// Project images -----------------------------------------------------------------------------------

/** What a page needs to show a project's image: never the bytes. */
export interface ProjectImageInfo {
  alt: string;
  width: number;
  height: number;
}

export interface ProjectImage extends ProjectImageInfo {
  type: 'image/png' | 'image/jpeg';
  bytes: Buffer;
}

export async function insertProjectImage(e: Executor, municipalityId: number, projectId: number, image: ProjectImage): Promise<void> {
  await sql`insert into budgeting_project_images (municipality_id, project_id, content_type, bytes, width, height, alt_text)
    values (${municipalityId}, ${projectId}, ${image.type}, ${image.bytes}, ${image.width}, ${image.height}, ${image.alt})`.execute(e);
}

/** Alt text and size of each project in the process that has an image, by project id. */
export async function listProjectImages(e: Executor, municipalityId: number, processId: number): Promise<Map<number, ProjectImageInfo>> {
  const r = await sql<{ project_id: number; alt_text: string; width: number; height: number }>`select i.project_id, i.alt_text, i.width, i.height
    from budgeting_project_images i join budgeting_projects p on p.municipality_id = i.municipality_id and p.id = i.project_id
    where i.municipality_id = ${municipalityId} and p.process_id = ${processId}`.execute(e);
  return new Map(r.rows.map((row) => [Number(row.project_id), { alt: row.alt_text, width: Number(row.width), height: Number(row.height) }]));
}

export async function findProjectImage(e: Executor, municipalityId: number, processId: number, projectId: number): Promise<ProjectImage | null> {
  const r = await sql<{ content_type: 'image/png' | 'image/jpeg'; bytes: Buffer; alt_text: string; width: number; height: number }>`select i.content_type, i.bytes, i.alt_text, i.width, i.height
    from budgeting_project_images i join budgeting_projects p on p.municipality_id = i.municipality_id and p.id = i.project_id
    where i.municipality_id = ${municipalityId} and p.process_id = ${processId} and i.project_id = ${projectId}`.execute(e);
  const row = r.rows[0];
  return row ? { type: row.content_type, bytes: Buffer.from(row.bytes), alt: row.alt_text, width: Number(row.width), height: Number(row.height) } : null;
}
