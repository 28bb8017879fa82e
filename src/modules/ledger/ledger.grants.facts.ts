// The facts grant policies need about an actor and an application, looked up inside the caller's
// tenant transaction.
import type { Executor } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/actor.js';
import { isCoordinator } from '../groups/index.js';
import type { GrantFacts } from './ledger.grants.policy.js';
import type { GrantApplication } from './ledger.grants.types.js';

export async function applicationFacts(e: Executor, mid: number, actor: Actor | null, a: Pick<GrantApplication, 'applicantId' | 'groupId'>): Promise<GrantFacts> {
  if (!actor) return { applicant: false, coordinatesGroup: false, asResident: false };
  return {
    applicant: a.applicantId === actor.id,
    coordinatesGroup: a.groupId !== null && (await isCoordinator(e, mid, a.groupId, actor.id)),
    asResident: a.groupId === null,
  };
}

/** The municipality a grant command works in: its id, and its time zone for "today". */
export interface GrantMunicipality {
  id: number;
  timeZone: string;
}
