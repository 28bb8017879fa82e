// Gives a place back. If it was a confirmed place, the first person on the waitlist gets it in the
// same transaction; the caller e-mails them after the commit.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../network.meetings.policy.js';
import { findRegistration, findRegistrationById, lockMeeting } from '../network.meetings.repository.js';
import { releasePlace } from './meeting-places.js';

export type CancelError = 'not_found' | 'forbidden' | 'not_registered' | 'meeting_past';
export interface CancelledRegistration {
  registrationId: number;
  meetingId: number;
  /** Registrations that moved up from the waitlist. */
  promoted: number[];
}

/** The signed-in person cancels their own registration for a meeting. */
export async function cancelRegistration(db: Database, actor: Actor | null, meetingId: number, now = new Date()): Promise<Result<CancelledRegistration, CancelError>> {
  if (!actor) return err('forbidden');
  return db.transaction({ municipalityId: null, userId: actor.id }, async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    if (!meeting) return err('not_found');
    if (meeting.startsAt.getTime() <= now.getTime()) return err('meeting_past');
    // Read under the lock: a concurrent cancellation may have got here first.
    const current = await findRegistration(tx, meetingId, actor.id);
    if (!current || current.status === 'cancelled') return err('not_registered');
    const promoted = await releasePlace(tx, meeting, current.id, current.status);
    return ok({ registrationId: current.id, meetingId, promoted });
  });
}

/** A network admin takes someone off a meeting (e.g. they phoned in). */
export async function cancelRegistrationAsAdmin(db: Database, actor: Actor | null, registrationId: number, now = new Date()): Promise<Result<CancelledRegistration, CancelError>> {
  if (!can(actor, 'manage')) return err('forbidden');
  return db.transaction({ municipalityId: null, userId: actor!.id }, async (tx) => {
    const before = await findRegistrationById(tx, registrationId);
    if (!before) return err('not_found');
    const meeting = await lockMeeting(tx, before.meetingId);
    if (!meeting) return err('not_found');
    if (meeting.startsAt.getTime() <= now.getTime()) return err('meeting_past');
    const current = await findRegistrationById(tx, registrationId);
    if (!current || current.status === 'cancelled') return err('not_registered');
    const promoted = await releasePlace(tx, meeting, current.id, current.status);
    return ok({ registrationId, meetingId: meeting.id, promoted });
  });
}
