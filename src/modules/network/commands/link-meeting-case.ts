// A network admin links a published case to a meeting (the cases discussed there), or unlinks it.
// Linking the same case twice changes nothing.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../network.meetings.policy.js';
import { caseExists, deleteMeetingCase, findMeeting, insertMeetingCase } from '../network.meetings.repository.js';

export type LinkCaseError = 'forbidden' | 'not_found' | 'case_not_found';

export async function linkMeetingCase(db: Database, actor: Actor | null, meetingId: number, ref: { municipalityId: number; caseId: number }): Promise<Result<{ linked: boolean }, LinkCaseError>> {
  if (!can(actor, 'manage')) return err('forbidden');
  return db.transaction({ municipalityId: null, userId: actor!.id }, async (tx) => {
    if (!(await findMeeting(tx, meetingId))) return err('not_found');
    if (!(await caseExists(tx, ref.municipalityId, ref.caseId))) return err('case_not_found');
    return ok({ linked: await insertMeetingCase(tx, meetingId, ref.municipalityId, ref.caseId, actor!.id) });
  });
}

export async function unlinkMeetingCase(db: Database, actor: Actor | null, meetingId: number, ref: { municipalityId: number; caseId: number }): Promise<Result<{ unlinked: boolean }, LinkCaseError>> {
  if (!can(actor, 'manage')) return err('forbidden');
  return db.transaction({ municipalityId: null, userId: actor!.id }, async (tx) => {
    if (!(await findMeeting(tx, meetingId))) return err('not_found');
    return ok({ unlinked: await deleteMeetingCase(tx, meetingId, ref.municipalityId, ref.caseId) });
  });
}
