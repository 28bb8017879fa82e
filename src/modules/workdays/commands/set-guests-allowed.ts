// Whether people may sign up for shifts as guests, with only a name and an e-mail address.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../workdays.policy.js';
import { setGuestsAllowed as write } from '../workdays.repository.js';

export async function setGuestsAllowed(db: Database, actor: Actor | null, municipalityId: number, allowed: boolean): Promise<Result<undefined, 'forbidden'>> {
  if (!actor || !can(actor, 'manage_settings', municipalityId)) return err('forbidden');
  await db.transaction({ municipalityId, userId: actor.id }, (tx) => write(tx, municipalityId, allowed));
  return ok();
}
