// Adds a municipality to the network (network admins only). Its slug becomes its address, /m/<slug>.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../municipalities.policy.js';
import { forgetMunicipality } from '../municipalities.queries.js';
import { constraints, insertMunicipality, violatedConstraint, type NewMunicipalityFields } from '../municipalities.repository.js';
import type { Municipality } from '../municipalities.types.js';

export type CreateMunicipalityError = 'forbidden' | 'municipality_slug_taken';

export async function createMunicipality(db: Database, actor: Actor | null, fields: NewMunicipalityFields): Promise<Result<Municipality, CreateMunicipalityError>> {
  if (!actor || !can(actor, 'create_municipality')) return err('forbidden');
  try {
    const municipality = await db.transaction({ municipalityId: null, userId: actor.id }, (tx) => insertMunicipality(tx, fields));
    // Someone may have asked for this slug a moment ago, and this process may remember "no such municipality".
    forgetMunicipality(municipality.slug);
    return ok(municipality);
  } catch (error) {
    if (violatedConstraint(error, 'unique') === constraints.municipalitySlug) return err('municipality_slug_taken');
    throw error;
  }
}
