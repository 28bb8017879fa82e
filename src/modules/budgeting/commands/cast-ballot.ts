// Casts or changes a voter's ballot. Everything happens in one transaction: the process row is read
// FOR SHARE (a phase change waits for us, and we for it), the ballot is checked against the feasible
// projects read in the same transaction, and the unique index on (municipality_id, process_id, voter_id)
// decides a race between two first submissions. A failed check stores nothing.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { checkBallot, type BallotFields, type BallotProblem } from '../budgeting.ballot.js';
import { can } from '../budgeting.policy.js';
import { findProcess, findVoterBallotId, insertDigitalBallot, listProjects, replaceChoices, touchBallot, triggerError } from '../budgeting.repository.js';
import type { Choice } from '../budgeting.types.js';

export type CastBallotError = 'forbidden' | 'not_found' | 'voting_closed' | 'too_young' | 'not_resident' | 'birth_year_invalid' | 'already_voted' | 'invalid_ballot';

export interface CastBallotInput {
  fields: BallotFields;
  birthYear: number;
  /** Self-declared residence in the municipality or the process's area. */
  resident: boolean;
  /** True when the voter is changing the ballot they already cast; false for a first ballot. */
  replace: boolean;
  /** The current year, passed in so tests do not depend on the clock. */
  year?: number;
}

export async function castBallot(
  db: Database,
  actor: Actor | null,
  municipalityId: number,
  processId: number,
  input: CastBallotInput,
): Promise<Result<{ ballotId: number; choices: Choice[] }, CastBallotError, BallotProblem[] | undefined>> {
  if (!actor || !can(actor, 'vote', municipalityId)) return err('forbidden', undefined);
  const year = input.year ?? new Date().getFullYear();
  try {
    return await db.transaction({ municipalityId, userId: actor.id }, async (tx) => {
      const process = await findProcess(tx, municipalityId, processId, 'share');
      if (!process) return err('not_found', undefined);
      if (process.phase !== 'voting') return err('voting_closed', undefined);
      if (!Number.isInteger(input.birthYear) || input.birthYear < 1900 || input.birthYear > year) return err('birth_year_invalid', undefined);
      // A self-declared birth year: someone born this year turns min_age during the year, so counting
      // by year admits them from 1 January, which is how Danish age limits by cohort usually work.
      if (year - input.birthYear < process.minAge) return err('too_young', undefined);
      if (!input.resident) return err('not_resident', undefined);
      const feasible = new Map((await listProjects(tx, municipalityId, processId)).filter((p) => p.status === 'feasible').map((p) => [p.id, p.costOre ?? 0n]));
      const check = checkBallot(process, feasible, input.fields);
      if (check.problems.length > 0) return err('invalid_ballot', check.problems);
      let ballotId: number | null;
      if (input.replace) {
        ballotId = await findVoterBallotId(tx, municipalityId, processId, actor.id);
        if (ballotId !== null) await touchBallot(tx, municipalityId, ballotId, input.birthYear);
        else ballotId = await insertDigitalBallot(tx, municipalityId, processId, actor.id, input.birthYear);
      } else {
        ballotId = await insertDigitalBallot(tx, municipalityId, processId, actor.id, input.birthYear);
      }
      if (ballotId === null) return err('already_voted', undefined);
      await replaceChoices(tx, municipalityId, processId, ballotId, check.choices);
      return ok({ ballotId, choices: check.choices });
    });
  } catch (error) {
    if (triggerError(error) === 'budgeting_voting_closed') return err('voting_closed', undefined);
    // Two "replace" submissions racing to create the first ballot: the loser hits the unique index.
    if ((error as { code?: string }).code === '23505') return err('already_voted', undefined);
    throw error;
  }
}
