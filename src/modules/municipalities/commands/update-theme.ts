// Changes a theme's key or names.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../municipalities.policy.js';
import { constraints, updateTheme as updateThemeRow, violatedConstraint, type ThemeFields } from '../municipalities.repository.js';
import type { Theme } from '../municipalities.types.js';

export type UpdateThemeError = 'forbidden' | 'theme_not_found' | 'theme_key_taken';

export async function updateTheme(db: Database, actor: Actor | null, municipalityId: number, themeId: number, fields: ThemeFields): Promise<Result<Theme, UpdateThemeError>> {
  if (!actor || !can(actor, 'manage', municipalityId)) return err('forbidden');
  try {
    const theme = await db.transaction({ municipalityId, userId: actor.id }, (tx) => updateThemeRow(tx, municipalityId, themeId, fields));
    return theme ? ok(theme) : err('theme_not_found');
  } catch (error) {
    if (violatedConstraint(error, 'unique') === constraints.themeKey) return err('theme_key_taken');
    throw error;
  }
}
