// A network admin creates a meeting or changes it. The meeting must lie within its season and be
// hosted by one of the season's member municipalities. Lowering the capacity below the places already
// given is refused; raising it moves people up from the waitlist at once (the caller e-mails them).
import type { Actor } from '../../../core/auth/actor.js';
import type { Database, Executor } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { todayIn } from '../../../core/time/zoned-time.js';
import { can } from '../network.meetings.policy.js';
import { findSeason, insertMeeting, lockMeeting, seasonMemberIds, updateMeeting, type MeetingFields } from '../network.meetings.repository.js';
import { NETWORK_TIME_ZONE } from '../network.meetings.types.js';
import { fillFromWaitlist } from './meeting-places.js';

export type SaveMeetingError = 'forbidden' | 'not_found' | 'invalid';
/** Field name → i18n key, for 'invalid'. */
export type MeetingFieldErrors = Record<string, string>;

async function check(tx: Executor, f: MeetingFields): Promise<MeetingFieldErrors> {
  const errors: MeetingFieldErrors = {};
  const season = await findSeason(tx, f.seasonId);
  if (!season) return { seasonId: 'network.meetings.error.season' };
  const day = todayIn(f.startsAt, NETWORK_TIME_ZONE);
  if (day < season.startsOn || day > season.endsOn) errors.date = 'network.meetings.error.outsideSeason';
  if (f.hostMunicipalityId !== null && !(await seasonMemberIds(tx, f.seasonId)).includes(f.hostMunicipalityId)) errors.hostMunicipalityId = 'network.meetings.error.hostNotMember';
  return errors;
}

export async function createMeeting(db: Database, actor: Actor | null, fields: MeetingFields): Promise<Result<{ meetingId: number }, SaveMeetingError, MeetingFieldErrors>> {
  if (!can(actor, 'manage')) return err('forbidden', {});
  return db.transaction({ municipalityId: null, userId: actor!.id }, async (tx) => {
    const errors = await check(tx, fields);
    if (Object.keys(errors).length > 0) return err('invalid', errors);
    return ok({ meetingId: await insertMeeting(tx, fields, actor!.id) });
  });
}

export async function editMeeting(db: Database, actor: Actor | null, meetingId: number, fields: MeetingFields): Promise<Result<{ meetingId: number; promoted: number[] }, SaveMeetingError, MeetingFieldErrors>> {
  if (!can(actor, 'manage')) return err('forbidden', {});
  return db.transaction({ municipalityId: null, userId: actor!.id }, async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    if (!meeting) return err('not_found', {});
    const errors = await check(tx, fields);
    if (fields.capacity < meeting.confirmedCount) errors.capacity = 'network.meetings.error.capacityBelowRegistered';
    if (Object.keys(errors).length > 0) return err('invalid', errors);
    await updateMeeting(tx, meetingId, fields);
    meeting.capacity = fields.capacity;
    const promoted = await fillFromWaitlist(tx, meeting);
    return ok({ meetingId, promoted });
  });
}
