// Facts the policy needs that take a look-up: whether the actor coordinates the day's group or is behind
// its initiative (asked of those modules through their index) and whether they created the day.
import type { Actor } from '../../core/auth/actor.js';
import type { Executor } from '../../core/db/database.js';
import { isCoordinator } from '../groups/index.js';
import { isInitiativeMember } from '../initiatives/index.js';
import type { DayFacts } from './workdays.policy.js';
import type { WorkDay } from './workdays.types.js';

export async function dayFacts(e: Executor, actor: Actor | null, day: Pick<WorkDay, 'municipalityId' | 'groupId' | 'initiativeId' | 'createdBy'>): Promise<DayFacts> {
  if (!actor) return { coordinatesGroup: false, createdDay: false, organisesInitiative: false };
  const coordinatesGroup = day.groupId !== null && (await isCoordinator(e, day.municipalityId, day.groupId, actor.id));
  const organisesInitiative = day.initiativeId !== null && (await isInitiativeMember(e, day.municipalityId, day.initiativeId, actor.id));
  return { coordinatesGroup, createdDay: day.createdBy === actor.id, organisesInitiative };
}
