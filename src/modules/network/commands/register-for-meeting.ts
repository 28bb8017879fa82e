// A network member registers for a meeting: a confirmed place while there is one, otherwise a place
// on the waitlist. One transaction that locks the meeting row, counts and inserts (meeting-places.ts);
// the unique (meeting, person) key and the capacity check in the database back it up.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import type { Lang } from '../../../core/i18n/i18n.js';
import { can } from '../network.meetings.policy.js';
import { lockMeeting } from '../network.meetings.repository.js';
import { takePlace } from './meeting-places.js';

export type RegisterError = 'not_found' | 'forbidden' | 'meeting_past' | 'registration_closed' | 'already_registered';
export interface Registered {
  registrationId: number;
  meetingId: number;
  status: 'confirmed' | 'waitlisted';
}

export async function registerForMeeting(db: Database, actor: Actor | null, meetingId: number, options: { lang: Lang; now?: Date }): Promise<Result<Registered, RegisterError>> {
  if (!actor || !can(actor, 'register')) return err('forbidden');
  const now = options.now ?? new Date();
  return db.transaction({ municipalityId: null, userId: actor.id }, async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    if (!meeting || !can(actor, 'view_meeting', { isPublic: meeting.isPublic })) return err('not_found');
    if (meeting.startsAt.getTime() <= now.getTime()) return err('meeting_past');
    if (meeting.registrationDeadline && meeting.registrationDeadline.getTime() < now.getTime()) return err('registration_closed');
    const r = await takePlace(tx, meeting, actor.id, options.lang);
    if (!r.ok) return err(r.error);
    return ok({ registrationId: r.registrationId, meetingId, status: r.status });
  });
}
