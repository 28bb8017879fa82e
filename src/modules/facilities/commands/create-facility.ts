// Adds a room or a piece of equipment with its opening hours and closed dates, in one transaction.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import type { ClosedDate } from '../facilities.opening.js';
import { can } from '../facilities.policy.js';
import { insertFacility, violatedConstraint, type FacilityFields } from '../facilities.repository.js';
import type { Facility } from '../facilities.types.js';

export type CreateFacilityError = 'forbidden' | 'slug_taken';

export interface FacilityHours {
  weekday: number;
  opensMin: number;
  closesMin: number;
}

export async function createFacility(
  db: Database,
  actor: Actor | null,
  municipalityId: number,
  fields: FacilityFields,
  hours: FacilityHours[],
  closed: ClosedDate[] = [],
): Promise<Result<Facility, CreateFacilityError>> {
  if (!actor || !can(actor, 'manage_facilities', municipalityId)) return err('forbidden');
  try {
    return ok(await db.transaction({ municipalityId, userId: actor.id }, (tx) => insertFacility(tx, municipalityId, fields, hours, closed)));
  } catch (error) {
    const v = violatedConstraint(error);
    if (v?.code === '23505') return err('slug_taken');
    throw error;
  }
}
