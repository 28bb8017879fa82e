// Removes a theme; rows of other modules tagged with it block the delete through their foreign keys.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../municipalities.policy.js';
import { deleteTheme as deleteThemeRow, violatedConstraint } from '../municipalities.repository.js';

export type DeleteThemeError = 'forbidden' | 'theme_not_found' | 'theme_in_use';

export async function deleteTheme(db: Database, actor: Actor | null, municipalityId: number, themeId: number): Promise<Result<undefined, DeleteThemeError>> {
  if (!actor || !can(actor, 'manage', municipalityId)) return err('forbidden');
  try {
    const deleted = await db.transaction({ municipalityId, userId: actor.id }, (tx) => deleteThemeRow(tx, municipalityId, themeId));
    return deleted ? ok() : err('theme_not_found');
  } catch (error) {
    if (violatedConstraint(error, 'foreign_key') !== null) return err('theme_in_use');
    throw error;
  }
}
