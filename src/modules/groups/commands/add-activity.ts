// Coordinators keep a list of upcoming activities. Date and time are read in the municipality's time
// zone, as people there mean them.
import { err, ok, type Result } from '../../../core/errors/result.js';
import { mayManageActivities } from '../groups.policy.js';
import { deleteActivity, insertActivity, localInstant } from '../groups.repository.js';
import type { ActivityInput } from '../groups.schemas.js';
import { factsOf, isErr, loadForActor, type CommandContext } from './context.js';

export type ActivityError = 'not_found' | 'forbidden' | 'in_past' | 'no_activity';

export async function addActivity(ctx: CommandContext, groupId: number, input: ActivityInput, timeZone: string, now = new Date()): Promise<Result<{ id: number }, ActivityError>> {
  const loaded = await loadForActor(ctx, groupId);
  if (isErr(loaded)) return loaded;
  if (!mayManageActivities(loaded.viewer, factsOf(loaded.membership))) return err('forbidden');
  const startsAt = await localInstant(ctx.tx, input.date, input.time, timeZone);
  if (startsAt.getTime() < now.getTime()) return err('in_past');
  const id = await insertActivity(ctx.tx, { municipalityId: ctx.municipalityId, groupId, title: input.title, startsAt, place: input.place, createdBy: ctx.actor.id });
  return ok({ id });
}

export async function removeActivity(ctx: CommandContext, groupId: number, activityId: number): Promise<Result<undefined, ActivityError>> {
  const loaded = await loadForActor(ctx, groupId);
  if (isErr(loaded)) return loaded;
  if (!mayManageActivities(loaded.viewer, factsOf(loaded.membership))) return err('forbidden');
  return (await deleteActivity(ctx.tx, ctx.municipalityId, groupId, activityId)) ? ok() : err('no_activity');
}
