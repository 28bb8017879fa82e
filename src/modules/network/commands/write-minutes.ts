// A network admin writes (or corrects) the minutes of a meeting once it has begun.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../network.meetings.policy.js';
import { findMeeting, setMinutes } from '../network.meetings.repository.js';

export type MinutesError = 'forbidden' | 'not_found' | 'not_held_yet';

export async function writeMinutes(db: Database, actor: Actor | null, meetingId: number, minutes: string | null, now = new Date()): Promise<Result<{ meetingId: number }, MinutesError>> {
  if (!can(actor, 'manage')) return err('forbidden');
  return db.transaction({ municipalityId: null, userId: actor!.id }, async (tx) => {
    const meeting = await findMeeting(tx, meetingId);
    if (!meeting) return err('not_found');
    if (meeting.startsAt.getTime() > now.getTime()) return err('not_held_yet');
    await setMinutes(tx, meetingId, minutes);
    return ok({ meetingId });
  });
}
