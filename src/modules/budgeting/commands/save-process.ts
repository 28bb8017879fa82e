// Creates or edits a budgeting process. Rules may change only before voting opens; once a ballot
// exists the database refuses any change to them as well (trigger budgeting_freeze_rules), so two
// locks guard one door: the phase read under a row lock here, and the trigger.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../budgeting.policy.js';
import { findProcess, insertProcess, triggerError, updateProcess, type ProcessFields } from '../budgeting.repository.js';
import type { Process } from '../budgeting.types.js';

export type SaveProcessError = 'forbidden' | 'not_found' | 'rules_frozen';

export async function createProcess(db: Database, actor: Actor | null, municipalityId: number, fields: ProcessFields): Promise<Result<Process, SaveProcessError>> {
  if (!can(actor, 'manage', municipalityId)) return err('forbidden');
  return ok(await db.transaction({ municipalityId, userId: actor!.id }, (tx) => insertProcess(tx, municipalityId, fields)));
}

const rulesOf = (p: Pick<Process, 'budgetOre' | 'kind' | 'maxChoices' | 'minSpendOre' | 'points' | 'rule' | 'minAge'>) =>
  JSON.stringify([String(p.budgetOre), p.kind, p.maxChoices, p.minSpendOre === null ? null : String(p.minSpendOre), p.points, p.rule, p.minAge]);

export async function updateProcessCommand(db: Database, actor: Actor | null, municipalityId: number, id: number, fields: ProcessFields): Promise<Result<Process, SaveProcessError>> {
  if (!can(actor, 'manage', municipalityId)) return err('forbidden');
  try {
    return await db.transaction({ municipalityId, userId: actor!.id }, async (tx) => {
      const current = await findProcess(tx, municipalityId, id, 'update');
      if (!current) return err('not_found');
      const changesRules = rulesOf(current) !== rulesOf({ ...fields, kind: fields.kind });
      if (changesRules && current.phase !== 'proposals' && current.phase !== 'review') return err('rules_frozen');
      const updated = await updateProcess(tx, municipalityId, id, fields);
      return updated ? ok(updated) : err('not_found');
    });
  } catch (error) {
    if (triggerError(error) === 'budgeting_rules_frozen') return err('rules_frozen');
    throw error;
  }
}
