// Members write in the group's discussion: a new thread, or a reply to a thread (one level deep).
// The form carries a key, so the same message sent twice is posted once.
import { err, ok, type Result } from '../../../core/errors/result.js';
import { hitRateLimit } from '../../../core/http/rate-limit.js';
import { mayPost } from '../groups.policy.js';
import { findPost, findPostByKey, insertPost } from '../groups.repository.js';
import type { PostInput } from '../groups.schemas.js';
import type { TextLang } from '../groups.types.js';
import { factsOf, isErr, loadForActor, type CommandContext } from './context.js';

export type PostError = 'not_found' | 'forbidden' | 'no_parent' | 'rate_limited';

export const POST_LIMIT = { limit: 60, windowSeconds: 3600 };

export async function postMessage(ctx: CommandContext, groupId: number, input: PostInput, lang: TextLang): Promise<Result<{ id: number; created: boolean }, PostError>> {
  const { tx, municipalityId: mid, actor } = ctx;
  const loaded = await loadForActor(ctx, groupId);
  if (isErr(loaded)) return loaded;
  if (!mayPost(loaded.viewer, factsOf(loaded.membership))) return err('forbidden');
  const earlier = await findPostByKey(tx, mid, input.postKey);
  if (earlier) return earlier.authorId === actor.id && earlier.groupId === groupId ? ok({ id: earlier.id, created: false }) : err('forbidden');
  if (input.parentId !== null) {
    const parent = await findPost(tx, mid, groupId, input.parentId);
    // Replies go to a visible top-level post; a reply to a reply joins the same thread.
    if (!parent || parent.hiddenAt) return err('no_parent');
    if (parent.parentId !== null) input = { ...input, parentId: parent.parentId };
  }
  if (!(await hitRateLimit(tx, `groups:post:${actor.id}`, POST_LIMIT))) return err('rate_limited');
  const id = await insertPost(tx, { municipalityId: mid, groupId, parentId: input.parentId, authorId: actor.id, body: input.body, lang, postKey: input.postKey });
  if (id === null) {
    const raced = await findPostByKey(tx, mid, input.postKey);
    return raced && raced.authorId === actor.id ? ok({ id: raced.id, created: false }) : err('forbidden');
  }
  return ok({ id, created: true });
}
