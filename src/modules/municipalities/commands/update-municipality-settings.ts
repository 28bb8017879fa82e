// Changes a municipality's name, taglines, inhabitants and default language. The slug stays: it is
// in every link people have saved or shared.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../municipalities.policy.js';
import { forgetMunicipality } from '../municipalities.queries.js';
import { updateMunicipalitySettings as updateRow, type SettingsFields } from '../municipalities.repository.js';
import type { Municipality } from '../municipalities.types.js';

export type UpdateSettingsError = 'forbidden' | 'municipality_not_found';

export async function updateMunicipalitySettings(db: Database, actor: Actor | null, municipalityId: number, fields: SettingsFields): Promise<Result<Municipality, UpdateSettingsError>> {
  if (!actor || !can(actor, 'manage', municipalityId)) return err('forbidden');
  const municipality = await db.transaction({ municipalityId, userId: actor.id }, (tx) => updateRow(tx, municipalityId, fields));
  if (!municipality) return err('municipality_not_found');
  forgetMunicipality(municipality.slug);
  return ok(municipality);
}
