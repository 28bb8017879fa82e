// Comments: post (threaded), edit (the earlier wording is kept), report, and moderate.
// Text is stored as written; it is only ever shown as text (see initiatives.text.tsx).
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { notify } from '../../notifications/index.js';
import { mayComment, mayEditComment, mayModerate, mayReportComment, standingOf } from '../initiatives.policy.js';
import {
  bumpCommentCount,
  editComment,
  findComment,
  findCommentByKey,
  findInitiative,
  insertComment,
  insertReport,
  listAudience,
  lockComment,
  lockInitiative,
  resolveReports,
  setCommentHidden,
} from '../initiatives.repository.js';
import { initiativePath, type Tenant } from '../initiatives.standing.js';
import type { ReportReason, TextLang } from '../initiatives.types.js';

export interface PostCommentInput {
  initiativeId: number;
  parentId: number | null;
  body: string;
  lang: TextLang;
  /** The comment form's hidden key: the same form sent twice posts once. */
  commentKey: string | null;
}

export type PostCommentError = 'not_found' | 'forbidden' | 'parent_not_found';

export async function postComment(db: Database, m: Tenant, actor: Actor | null, input: PostCommentInput): Promise<Result<{ id: number; created: boolean }, PostCommentError>> {
  if (!actor) return err('forbidden');
  return db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => {
    if (input.commentKey) {
      const existing = await findCommentByKey(tx, m.id, input.commentKey);
      if (existing) return ok({ id: existing.id, created: false });
    }
    // Locked because the comment count is kept on the initiative.
    const initiative = await lockInitiative(tx, m.id, input.initiativeId);
    if (!initiative) return err('not_found');
    if (!mayComment(standingOf(actor, m.id, false), initiative.state)) return err('forbidden');
    const parent = input.parentId === null ? null : await findComment(tx, m.id, initiative.id, input.parentId);
    if (input.parentId !== null && (!parent || parent.hidden)) return err('parent_not_found');
    const id = await insertComment(tx, { municipalityId: m.id, initiativeId: initiative.id, parentId: input.parentId, authorId: actor.id, body: input.body, lang: input.lang, commentKey: input.commentKey });
    if (id === null) {
      const existing = await findCommentByKey(tx, m.id, input.commentKey!);
      return ok({ id: existing!.id, created: false });
    }
    await bumpCommentCount(tx, m.id, initiative.id);
    const link = initiativePath(m, initiative.id, `comment-${id}`);
    const audience = await listAudience(tx, m.id, initiative.id);
    const parentAuthor = parent?.author?.id ?? null;
    if (parentAuthor !== null && parentAuthor !== actor.id) {
      await notify(tx, { municipalityId: m.id, userIds: [parentAuthor], actorId: actor.id, messageKey: 'initiatives.notify.reply', params: { title: initiative.title, author: actor.displayName }, link });
    }
    await notify(tx, {
      municipalityId: m.id,
      userIds: audience.filter((u) => u !== parentAuthor),
      actorId: actor.id,
      messageKey: 'initiatives.notify.comment',
      params: { title: initiative.title, author: actor.displayName },
      link,
    });
    return ok({ id, created: true });
  });
}

export async function editOwnComment(
  db: Database,
  m: Tenant,
  actor: Actor | null,
  input: { initiativeId: number; commentId: number; body: string; lang: TextLang },
): Promise<Result<{ changed: boolean }, 'not_found' | 'forbidden'>> {
  if (!actor) return err('forbidden');
  return db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => {
    const comment = await lockComment(tx, m.id, input.initiativeId, input.commentId);
    if (!comment) return err('not_found');
    if (!mayEditComment(standingOf(actor, m.id, false), comment.author?.id === actor.id, comment.hidden)) return err('forbidden');
    if (comment.body === input.body && comment.lang === input.lang) return ok({ changed: false });
    await editComment(tx, m.id, comment, input.body, input.lang);
    return ok({ changed: true });
  });
}

export async function reportComment(
  db: Database,
  m: Tenant,
  actor: Actor | null,
  input: { initiativeId: number; commentId: number; reason: ReportReason; note: string },
): Promise<Result<{ created: boolean }, 'not_found' | 'forbidden'>> {
  if (!actor) return err('forbidden');
  return db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => {
    const comment = await findComment(tx, m.id, input.initiativeId, input.commentId);
    if (!comment || comment.hidden) return err('not_found');
    if (!mayReportComment(standingOf(actor, m.id, false), comment.author?.id === actor.id)) return err('forbidden');
    return ok({ created: await insertReport(tx, m.id, comment.id, actor.id, input.reason, input.note) });
  });
}

/** A facilitator decides on a reported comment: hide it, or keep it (and close its reports either way). */
export async function moderateComment(
  db: Database,
  m: Tenant,
  actor: Actor | null,
  input: { initiativeId: number; commentId: number; decision: 'hide' | 'keep' | 'restore' },
): Promise<Result<{ resolvedReports: number }, 'not_found' | 'forbidden'>> {
  if (!actor) return err('forbidden');
  return db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => {
    if (!mayModerate(standingOf(actor, m.id, false))) return err('forbidden');
    const initiative = await findInitiative(tx, m.id, input.initiativeId);
    const comment = initiative ? await lockComment(tx, m.id, input.initiativeId, input.commentId) : null;
    if (!comment) return err('not_found');
    if (input.decision === 'hide') await setCommentHidden(tx, m.id, comment.id, actor.id);
    if (input.decision === 'restore') await setCommentHidden(tx, m.id, comment.id, null);
    const resolved = input.decision === 'restore' ? 0 : await resolveReports(tx, m.id, comment.id, input.decision === 'hide' ? 'hidden' : 'kept', actor.id);
    return ok({ resolvedReports: resolved });
  });
}
