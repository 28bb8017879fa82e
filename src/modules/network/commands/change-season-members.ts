// A network admin adds a member municipality to a season or takes it off again. A municipality
// that hosts one of the season's meetings stays (the meeting's host would dangle).
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { listMunicipalities } from '../../municipalities/index.js';
import { can } from '../network.meetings.policy.js';
import { deleteSeasonMember, findSeason, hostsMeetings, insertSeasonMember } from '../network.meetings.repository.js';

export type MemberError = 'forbidden' | 'not_found' | 'no_such_municipality' | 'hosts_meetings';

export async function addSeasonMember(db: Database, actor: Actor | null, seasonId: number, municipalityId: number): Promise<Result<{ added: boolean }, MemberError>> {
  if (!can(actor, 'manage')) return err('forbidden');
  return db.transaction({ municipalityId: null, userId: actor!.id }, async (tx) => {
    if (!(await findSeason(tx, seasonId))) return err('not_found');
    if (!(await listMunicipalities(tx)).some((m) => m.id === municipalityId)) return err('no_such_municipality');
    return ok({ added: await insertSeasonMember(tx, seasonId, municipalityId) });
  });
}

export async function removeSeasonMember(db: Database, actor: Actor | null, seasonId: number, municipalityId: number): Promise<Result<{ removed: boolean }, MemberError>> {
  if (!can(actor, 'manage')) return err('forbidden');
  return db.transaction({ municipalityId: null, userId: actor!.id }, async (tx) => {
    if (!(await findSeason(tx, seasonId))) return err('not_found');
    if (await hostsMeetings(tx, seasonId, municipalityId)) return err('hosts_meetings');
    return ok({ removed: await deleteSeasonMember(tx, seasonId, municipalityId) });
  });
}
