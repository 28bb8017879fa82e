// Coordinators of an association or local council record who holds which board position, and for
// which term, and end a term when someone steps down. The database refuses overlapping terms for one
// officer role and two positions at once.
import { err, ok, type Result } from '../../../core/errors/result.js';
import { mayManageBoard } from '../groups.policy.js';
import { deleteBoardPosition, endBoardPosition, findBoardPosition, findMembership, insertBoardPosition, lockGroup, tryConstraint } from '../groups.repository.js';
import type { BoardPositionInput } from '../groups.schemas.js';
import { factsOf, isErr, loadForActor, type CommandContext } from './context.js';

export type BoardError = 'not_found' | 'forbidden' | 'not_member' | 'overlap' | 'no_position' | 'not_current';

export async function addBoardPosition(ctx: CommandContext, groupId: number, input: BoardPositionInput): Promise<Result<{ id: number }, BoardError>> {
  const { tx, municipalityId: mid } = ctx;
  if (!(await lockGroup(tx, mid, groupId))) return err('not_found');
  const loaded = await loadForActor(ctx, groupId);
  if (isErr(loaded)) return loaded;
  if (!mayManageBoard(loaded.viewer, loaded.group, factsOf(loaded.membership))) return err('forbidden');
  const holder = await findMembership(tx, mid, groupId, input.userId);
  if (holder?.status !== 'active') return err('not_member');
  const inserted = await tryConstraint(tx, () =>
    insertBoardPosition(tx, { municipalityId: mid, groupId, userId: input.userId, role: input.role, termStart: input.termStart, termEnd: input.termEnd }),
  );
  if (!inserted.ok) {
    if (inserted.state === '23P01') return err('overlap');
    throw new Error(`adding a board position violated constraint ${inserted.state}`);
  }
  return ok({ id: inserted.value });
}

export async function removeBoardPosition(ctx: CommandContext, groupId: number, positionId: number): Promise<Result<undefined, BoardError>> {
  const loaded = await loadForActor(ctx, groupId);
  if (isErr(loaded)) return loaded;
  if (!mayManageBoard(loaded.viewer, loaded.group, factsOf(loaded.membership))) return err('forbidden');
  if (!(await findBoardPosition(ctx.tx, ctx.municipalityId, groupId, positionId))) return err('no_position');
  await deleteBoardPosition(ctx.tx, ctx.municipalityId, groupId, positionId);
  return ok();
}

/** Ends a current term today (in the municipality's time zone), keeping it in the board's history. */
export async function endBoardTerm(ctx: CommandContext, groupId: number, positionId: number, today: string): Promise<Result<undefined, BoardError>> {
  const loaded = await loadForActor(ctx, groupId);
  if (isErr(loaded)) return loaded;
  if (!mayManageBoard(loaded.viewer, loaded.group, factsOf(loaded.membership))) return err('forbidden');
  if (!(await findBoardPosition(ctx.tx, ctx.municipalityId, groupId, positionId))) return err('no_position');
  return (await endBoardPosition(ctx.tx, ctx.municipalityId, groupId, positionId, today)) ? ok() : err('not_current');
}
