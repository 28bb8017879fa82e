// Creates a work day, or a recurring round of them, with the same shifts on each day. Everything is
// checked before anything is written, and all of it is written in one transaction.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../workdays.policy.js';
import { dayFacts } from '../workdays.facts.js';
import { planSchedule, type PlanErrors, type ScheduleInput } from '../workdays.plan.js';
import { insertDay, insertRound, insertShift, violated, type DayFields } from '../workdays.repository.js';
import { isoWeekday } from '../workdays.time.js';

export type CreateDayError = 'forbidden' | 'invalid';
export interface CreatedDays {
  dayIds: number[];
  roundId: number | null;
}

export async function createWorkDay(
  db: Database,
  actor: Actor | null,
  municipality: { id: number; timeZone: string },
  fields: DayFields,
  schedule: ScheduleInput,
  now = new Date(),
): Promise<Result<CreatedDays, CreateDayError, PlanErrors>> {
  if (!actor) return err('forbidden', {});
  const mid = municipality.id;
  const plan = planSchedule(schedule, municipality.timeZone, now);
  try {
    return await db.transaction({ municipalityId: mid, userId: actor.id }, async (tx) => {
      if (fields.groupId === null && fields.initiativeId === null) return err('invalid', { owner: 'workdays.error.ownerRequired' });
      const facts = await dayFacts(tx, actor, { municipalityId: mid, groupId: fields.groupId, initiativeId: fields.initiativeId, createdBy: null });
      // Each owner named must be one the actor may organise for (facilitators may for any).
      if (fields.groupId !== null && !can(actor, 'create_day', mid, { ...facts, organisesInitiative: false })) return err('forbidden', { groupId: 'workdays.error.owner' });
      if (fields.initiativeId !== null && !can(actor, 'create_day', mid, { ...facts, coordinatesGroup: false })) return err('forbidden', { initiativeId: 'workdays.error.initiativeOwner' });
      if (!plan.ok) return err('invalid', plan.errors);
      const roundId = schedule.repeat
        ? await insertRound(tx, mid, { everyWeeks: schedule.repeat.everyWeeks, weekday: isoWeekday(schedule.date), firstDate: schedule.date, count: schedule.repeat.count, until: schedule.repeat.until, createdBy: actor.id })
        : null;
      const dayIds: number[] = [];
      for (const d of plan.days) {
        const dayId = await insertDay(tx, mid, fields, { startsAt: d.startsAt, endsAt: d.endsAt, roundId, createdBy: actor.id });
        for (const s of d.shifts) await insertShift(tx, mid, dayId, s);
        dayIds.push(dayId);
      }
      return ok({ dayIds, roundId });
    });
  } catch (error) {
    // A group, initiative or area id from another municipality (or none) fails the composite key.
    const fk = violated(error, '23503');
    if (fk !== null) return err('invalid', (fk.includes('area') ? { areaId: 'workdays.error.area' } : fk.includes('initiative') ? { initiativeId: 'workdays.error.initiative' } : { owner: 'workdays.error.owner' }) as PlanErrors);
    throw error;
  }
}
