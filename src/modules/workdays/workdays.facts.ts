// Facts the policy needs that take a look-up: whether the actor coordinates the day's group (asked of
// the groups module through its index) and whether they created the day.
import type { Actor } from '../../core/auth/actor.js';
import type { Executor } from '../../core/db/database.js';
import { isCoordinator } from '../groups/index.js';
import type { DayFacts } from './workdays.policy.js';
import type { WorkDay } from './workdays.types.js';

export async function dayFacts(e: Executor, actor: Actor | null, day: Pick<WorkDay, 'municipalityId' | 'groupId' | 'createdBy'>): Promise<DayFacts> {
  if (!actor) return { coordinatesGroup: false, createdDay: false };
  const coordinatesGroup = day.groupId !== null && (await isCoordinator(e, day.municipalityId, day.groupId, actor.id));
  return { coordinatesGroup, createdDay: day.createdBy === actor.id };
}
