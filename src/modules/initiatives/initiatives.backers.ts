// What other modules may ask about the people behind initiatives, read inside the caller's transaction
// (whose tenant is already set; the tenant is still named in the statement).
import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import type { State } from './initiatives.lifecycle.js';

/** States in which the municipality has approved an initiative (the agreement is in place). */
const approvedStates: readonly State[] = ['agreed', 'active'];

/** True when the person is one of the people behind (owner or member of) an agreed or active initiative. */
export async function hasApprovedInitiative(tx: Executor, municipalityId: number, userId: number): Promise<boolean> {
  const r = await sql<{ hit: boolean }>`select exists (
      select 1 from initiatives_members m
      join initiatives i on i.municipality_id = m.municipality_id and i.id = m.initiative_id
      where m.municipality_id = ${municipalityId} and m.user_id = ${userId}
        and i.state in (${sql.join(approvedStates)})
    ) as hit`.execute(tx);
  return r.rows[0]?.hit === true;
}
