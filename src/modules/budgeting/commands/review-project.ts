// Staff review a proposal: feasible with a cost estimate, or rejected with a reason. Costs and the
// set of feasible projects are what voters choose from, so they are fixed once voting opens.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../budgeting.policy.js';
import { findProcess, reviewProject as updateReview } from '../budgeting.repository.js';
import type { Project, ProjectStatus } from '../budgeting.types.js';

export type ReviewError = 'forbidden' | 'not_found' | 'review_closed';

export async function reviewProject(
  db: Database,
  actor: Actor | null,
  municipalityId: number,
  processId: number,
  projectId: number,
  review: { status: ProjectStatus; costOre: bigint | null; rejectReason: string | null },
): Promise<Result<Project, ReviewError>> {
  if (!can(actor, 'review', municipalityId)) return err('forbidden');
  return db.transaction({ municipalityId, userId: actor!.id }, async (tx) => {
    const process = await findProcess(tx, municipalityId, processId, 'update');
    if (!process) return err('not_found');
    if (process.phase !== 'proposals' && process.phase !== 'review') return err('review_closed');
    const project = await updateReview(tx, municipalityId, processId, projectId, review);
    return project ? ok(project) : err('not_found');
  });
}
