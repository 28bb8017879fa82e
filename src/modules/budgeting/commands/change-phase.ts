// Moves a process to another phase. The row lock (FOR UPDATE) waits for ballots being cast (which hold
// FOR SHARE on the same row), so no ballot slips in after voting has closed.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../budgeting.policy.js';
import { findProcess, setPhase } from '../budgeting.repository.js';
import type { Phase } from '../budgeting.types.js';

export async function changePhase(db: Database, actor: Actor | null, municipalityId: number, id: number, phase: Phase): Promise<Result<Phase, 'forbidden' | 'not_found'>> {
  if (!can(actor, 'manage', municipalityId)) return err('forbidden');
  return db.transaction({ municipalityId, userId: actor!.id }, async (tx) => {
    const current = await findProcess(tx, municipalityId, id, 'update');
    if (!current) return err('not_found');
    await setPhase(tx, municipalityId, id, phase);
    return ok(phase);
  });
}
