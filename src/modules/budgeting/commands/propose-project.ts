// A resident proposes a project while the process takes proposals.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../budgeting.policy.js';
import { findProcess, insertProject, type ProjectFields } from '../budgeting.repository.js';
import type { Project } from '../budgeting.types.js';

export async function proposeProject(db: Database, actor: Actor | null, municipalityId: number, processId: number, fields: ProjectFields): Promise<Result<Project, 'forbidden' | 'not_found' | 'proposals_closed'>> {
  if (!can(actor, 'propose', municipalityId)) return err('forbidden');
  return db.transaction({ municipalityId, userId: actor!.id }, async (tx) => {
    const process = await findProcess(tx, municipalityId, processId, 'share');
    if (!process) return err('not_found');
    if (process.phase !== 'proposals') return err('proposals_closed');
    return ok(await insertProject(tx, municipalityId, processId, { ...fields, proposedBy: actor!.id }));
  });
}
