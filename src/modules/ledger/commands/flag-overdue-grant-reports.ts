// Paid grants whose final report is past due become "repayment due". Run by `samskab ledger
// flag-overdue` (e.g. daily from cron) and whenever staff open a pool page. A report is overdue the
// day after its due date, in the municipality's time zone. Idempotent: a flagged grant is not
// flagged again.
import type { Database } from '../../../core/db/database.js';
import { todayIn } from '../../../core/time/zoned-time.js';
import type { GrantMunicipality } from '../ledger.grants.facts.js';
import { flagOverdue } from '../ledger.grants.repository.js';

export async function flagOverdueGrantReports(db: Database, m: GrantMunicipality, now = new Date(), userId: number | null = null): Promise<number[]> {
  return db.transaction({ municipalityId: m.id, userId }, (tx) => flagOverdue(tx, m.id, todayIn(now, m.timeZone)));
}
