// Authors correct their own posts; the post then shows when it was edited.
import { err, ok, type Result } from '../../../core/errors/result.js';
import { mayEditPost, mayModerate } from '../groups.policy.js';
import { findPost, setPostHidden, updatePostBody } from '../groups.repository.js';
import type { EditPostInput } from '../groups.schemas.js';
import { factsOf, isErr, loadForActor, type CommandContext } from './context.js';

export type EditPostError = 'not_found' | 'forbidden';

export async function editPost(ctx: CommandContext, groupId: number, postId: number, input: EditPostInput): Promise<Result<undefined, EditPostError>> {
  const loaded = await loadForActor(ctx, groupId);
  if (isErr(loaded)) return loaded;
  const post = await findPost(ctx.tx, ctx.municipalityId, groupId, postId);
  if (!post) return err('not_found');
  if (!mayEditPost(loaded.viewer, factsOf(loaded.membership), { authorId: post.authorId, hidden: post.hiddenAt !== null })) return err('forbidden');
  if (post.body !== input.body) await updatePostBody(ctx.tx, ctx.municipalityId, groupId, postId, input.body);
  return ok();
}

/** Coordinators and facilitators hide a post from everyone (or show it again); it is kept, not deleted. */
export async function moderatePost(ctx: CommandContext, groupId: number, postId: number, hide: boolean): Promise<Result<undefined, EditPostError>> {
  const loaded = await loadForActor(ctx, groupId);
  if (isErr(loaded)) return loaded;
  if (!mayModerate(loaded.viewer, factsOf(loaded.membership))) return err('forbidden');
  const post = await findPost(ctx.tx, ctx.municipalityId, groupId, postId);
  if (!post) return err('not_found');
  if (hide !== (post.hiddenAt !== null)) await setPostHidden(ctx.tx, ctx.municipalityId, groupId, postId, hide ? ctx.actor.id : null);
  return ok();
}
