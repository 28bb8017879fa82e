// Paper ballots and voting-station totals, entered by staff. A paper ballot is checked against the
// same rules as a digital one and stored with who typed it in; a second staff member then compares it
// with the paper and marks it checked. The database refuses checked_by = entered_by as well, so the
// four-eyes rule holds even if this check were forgotten. Entry is possible while voting is open and
// after it closes (paper arrives late), never before voting or once implementation starts.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { checkBallot, type BallotFields, type BallotProblem } from '../budgeting.ballot.js';
import { can } from '../budgeting.policy.js';
import { findBallotEntry, findProcess, insertOtherBallot, listProjects, markBallotChecked, replaceChoices, replaceStationTotals } from '../budgeting.repository.js';
import type { Phase } from '../budgeting.types.js';

export const PAPER_PHASES: readonly Phase[] = ['voting', 'result'];

export type PaperError = 'forbidden' | 'not_found' | 'not_counting';

export async function enterPaperBallot(
  db: Database,
  actor: Actor | null,
  municipalityId: number,
  processId: number,
  fields: BallotFields,
): Promise<Result<{ ballotId: number }, PaperError | 'invalid_ballot', BallotProblem[] | undefined>> {
  if (!actor || !can(actor, 'enter_paper', municipalityId)) return err('forbidden', undefined);
  return db.transaction({ municipalityId, userId: actor.id }, async (tx) => {
    const process = await findProcess(tx, municipalityId, processId, 'share');
    if (!process) return err('not_found', undefined);
    if (!PAPER_PHASES.includes(process.phase)) return err('not_counting', undefined);
    const feasible = new Map((await listProjects(tx, municipalityId, processId)).filter((p) => p.status === 'feasible').map((p) => [p.id, p.costOre ?? 0n]));
    const check = checkBallot(process, feasible, fields);
    if (check.problems.length > 0) return err('invalid_ballot', check.problems);
    const ballotId = await insertOtherBallot(tx, municipalityId, processId, 'paper', actor.id);
    await replaceChoices(tx, municipalityId, processId, ballotId, check.choices);
    return ok({ ballotId });
  });
}

export type CheckPaperError = 'forbidden' | 'not_found' | 'own_entry' | 'already_checked';

export async function checkPaperBallot(db: Database, actor: Actor | null, municipalityId: number, processId: number, ballotId: number): Promise<Result<undefined, CheckPaperError>> {
  if (!actor || !can(actor, 'enter_paper', municipalityId)) return err('forbidden');
  return db.transaction({ municipalityId, userId: actor.id }, async (tx) => {
    if (await markBallotChecked(tx, municipalityId, processId, ballotId, actor.id)) return ok();
    const entry = await findBallotEntry(tx, municipalityId, processId, ballotId);
    if (!entry || entry.source !== 'paper') return err('not_found');
    if (entry.checkedBy !== null) return err('already_checked');
    // Left: the actor's own entry, or one whose enterer's account was deleted ("<>" null is unknown).
    return entry.enteredBy === actor.id ? err('own_entry') : err('not_found');
  });
}

export type StationError = PaperError | 'station_invalid' | 'votes_invalid';

/** `votes` maps a feasible project's id to the text typed for it; blank means no votes. */
export async function enterStationTotals(
  db: Database,
  actor: Actor | null,
  municipalityId: number,
  processId: number,
  station: string,
  votes: ReadonlyMap<number, string>,
): Promise<Result<{ projects: number }, StationError>> {
  if (!actor || !can(actor, 'enter_paper', municipalityId)) return err('forbidden');
  const name = station.trim();
  if (name.length < 1 || name.length > 120) return err('station_invalid');
  return db.transaction({ municipalityId, userId: actor.id }, async (tx) => {
    const process = await findProcess(tx, municipalityId, processId, 'share');
    if (!process) return err('not_found');
    if (!PAPER_PHASES.includes(process.phase)) return err('not_counting');
    const feasible = new Set((await listProjects(tx, municipalityId, processId)).filter((p) => p.status === 'feasible').map((p) => p.id));
    const totals: { projectId: number; votes: number }[] = [];
    for (const [projectId, raw] of votes) {
      const text = raw.trim();
      if (text === '') continue;
      if (!feasible.has(projectId) || !/^\d{1,7}$/.test(text)) return err('votes_invalid');
      if (Number(text) > 0) totals.push({ projectId, votes: Number(text) });
    }
    await replaceStationTotals(tx, municipalityId, processId, name, totals, actor.id);
    return ok({ projects: totals.length });
  });
}
