// The operations team moves a field report along; the note is shown to the reporter.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { can } from '../workdays.policy.js';
import { updateReportStatus as write } from '../workdays.repository.js';
import type { ReportStatus } from '../workdays.types.js';

export async function updateReportStatus(db: Database, actor: Actor | null, municipalityId: number, reportId: number, status: ReportStatus, note: string): Promise<Result<undefined, 'forbidden' | 'not_found'>> {
  if (!actor || !can(actor, 'handle_reports', municipalityId)) return err('forbidden');
  const found = await db.transaction({ municipalityId, userId: actor.id }, (tx) => write(tx, municipalityId, reportId, status, note));
  return found ? ok() : err('not_found');
}
