// Staff remove a closed date again: the day follows the weekly opening hours once more.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../facilities.policy.js';
import { deleteClosedDate, lockFacility } from '../facilities.repository.js';
import { isDate } from '../facilities.time.js';

export type ReopenDateError = 'forbidden' | 'facility_not_found' | 'not_closed';

export async function reopenDate(db: Database, actor: Actor | null, municipalityId: number, facilityId: number, date: string): Promise<Result<undefined, ReopenDateError>> {
  if (!actor || !can(actor, 'manage_facilities', municipalityId)) return err('forbidden');
  if (!isDate(date)) return err('not_closed');
  return db.transaction({ municipalityId, userId: actor.id }, async (tx) => {
    if (!(await lockFacility(tx, municipalityId, facilityId))) return err('facility_not_found');
    return (await deleteClosedDate(tx, municipalityId, facilityId, date)) ? ok() : err('not_closed');
  });
}
