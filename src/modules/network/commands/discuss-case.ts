// Network members comment on cases and follow them. A comment is stored in the case's tenant, written
// as the person themselves; the case's author and its followers are notified, and the commenter
// follows the case from then on.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import type { Lang } from '../../../core/i18n/i18n.js';
import { notify } from '../../notifications/index.js';
import { can } from '../network.policy.js';
import { findCase, insertComment, listFollowerIds, setFollowing } from '../network.repository.js';
import { textIn } from '../network.text.js';
import type { CaseRef } from '../network.types.js';
import { caseUrl } from '../network.urls.js';

export type DiscussError = 'forbidden' | 'not_found';

async function visibleCase(db: Database, actor: Actor, ref: CaseRef) {
  return db.transaction({ municipalityId: ref.municipalityId, userId: actor.id }, async (tx) => {
    const c = await findCase(tx, ref);
    return c && (c.published || can(actor, 'see_drafts', ref.municipalityId)) ? c : null;
  });
}

export async function postCaseComment(db: Database, actor: Actor | null, ref: CaseRef, body: string, lang: Lang): Promise<Result<{ id: number }, DiscussError>> {
  if (!actor || !can(actor, 'discuss', ref.municipalityId)) return err('forbidden');
  if (!(await visibleCase(db, actor, ref))) return err('not_found');
  return db.transaction({ municipalityId: ref.municipalityId, userId: actor.id }, async (tx) => {
    const c = await findCase(tx, ref);
    if (!c) return err('not_found');
    const id = await insertComment(tx, ref, actor.id, body, lang);
    const audience = [...(c.createdBy !== null ? [c.createdBy] : []), ...(await listFollowerIds(tx, ref))];
    await setFollowing(tx, ref, actor.id, true);
    await notify(tx, {
      municipalityId: ref.municipalityId,
      userIds: audience,
      actorId: actor.id,
      messageKey: 'network.notify.comment',
      params: { name: actor.displayName, title: textIn(c.text.title, 'da').text },
      link: `${caseUrl(ref)}#comment-${id}`,
    });
    return ok({ id });
  });
}

export async function setCaseFollowing(db: Database, actor: Actor | null, ref: CaseRef, follow: boolean): Promise<Result<undefined, DiscussError>> {
  if (!actor || !can(actor, 'discuss', ref.municipalityId)) return err('forbidden');
  if (!(await visibleCase(db, actor, ref))) return err('not_found');
  await db.transaction({ municipalityId: ref.municipalityId, userId: actor.id }, (tx) => setFollowing(tx, ref, actor.id, follow));
  return ok();
}
