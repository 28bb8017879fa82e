// Staff of a municipality write a case for it, edit it, and publish or withdraw it.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../network.policy.js';
import { findCase, insertCase, setPublished, updateCase } from '../network.repository.js';
import type { CaseFields, CaseRef } from '../network.types.js';

export async function createCase(db: Database, actor: Actor | null, municipalityId: number, fields: CaseFields, publish: boolean): Promise<Result<CaseRef, 'forbidden'>> {
  if (!actor || !can(actor, 'write_case', municipalityId)) return err('forbidden');
  return db.transaction({ municipalityId, userId: actor.id }, async (tx) => {
    const id = await insertCase(tx, municipalityId, fields, { initiativeId: null, published: publish, createdBy: actor.id });
    return ok({ municipalityId, id });
  });
}

export async function editCase(db: Database, actor: Actor | null, ref: CaseRef, fields: CaseFields, publish: boolean): Promise<Result<CaseRef, 'forbidden' | 'not_found'>> {
  if (!actor || !can(actor, 'write_case', ref.municipalityId)) return err('forbidden');
  return db.transaction({ municipalityId: ref.municipalityId, userId: actor.id }, async (tx) => {
    if (!(await findCase(tx, ref))) return err('not_found');
    await updateCase(tx, ref, fields);
    await setPublished(tx, ref, publish);
    return ok(ref);
  });
}
