// A facilitator confirms the recorded hours of a day; only verified hours count in the totals.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../workdays.policy.js';
import { findDay, verifyDayHours } from '../workdays.repository.js';

export async function verifyHours(db: Database, actor: Actor | null, municipalityId: number, dayId: number): Promise<Result<{ verified: number }, 'forbidden' | 'not_found'>> {
  if (!actor || !can(actor, 'verify_hours', municipalityId)) return err('forbidden');
  return db.transaction({ municipalityId, userId: actor.id }, async (tx) => {
    if (!(await findDay(tx, municipalityId, dayId))) return err('not_found');
    return ok({ verified: await verifyDayHours(tx, municipalityId, dayId, actor.id) });
  });
}
