// Adds a theme. Its key is unique per municipality (the database says so), which also absorbs double submits.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../municipalities.policy.js';
import { constraints, insertTheme, violatedConstraint, type ThemeFields } from '../municipalities.repository.js';
import type { Theme } from '../municipalities.types.js';

export type CreateThemeError = 'forbidden' | 'theme_key_taken';

export async function createTheme(db: Database, actor: Actor | null, municipalityId: number, fields: ThemeFields): Promise<Result<Theme, CreateThemeError>> {
  if (!actor || !can(actor, 'manage', municipalityId)) return err('forbidden');
  try {
    return ok(await db.transaction({ municipalityId, userId: actor.id }, (tx) => insertTheme(tx, municipalityId, fields)));
  } catch (error) {
    if (violatedConstraint(error, 'unique') === constraints.themeKey) return err('theme_key_taken');
    throw error;
  }
}
