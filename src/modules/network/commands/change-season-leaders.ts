// A network admin names a leader of a member municipality for a season (a person with a network
// role, with their role in words, e.g. "kommunaldirektør"), changes the role text, or removes them.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { listNetworkMembers } from '../../accounts/index.js';
import { can } from '../network.meetings.policy.js';
import { deleteLeader, findSeason, seasonMemberIds, upsertLeader } from '../network.meetings.repository.js';

export type LeaderError = 'forbidden' | 'not_found' | 'not_a_member_municipality' | 'not_a_network_member' | 'leads_other_municipality';

export async function saveSeasonLeader(
  db: Database,
  actor: Actor | null,
  input: { seasonId: number; municipalityId: number; userId: number; roleText: string },
): Promise<Result<{ change: 'added' | 'updated' }, LeaderError>> {
  if (!can(actor, 'manage')) return err('forbidden');
  return db.transaction({ municipalityId: null, userId: actor!.id }, async (tx) => {
    if (!(await findSeason(tx, input.seasonId))) return err('not_found');
    if (!(await seasonMemberIds(tx, input.seasonId)).includes(input.municipalityId)) return err('not_a_member_municipality');
    if (!(await listNetworkMembers(tx)).some((p) => p.userId === input.userId)) return err('not_a_network_member');
    const change = await upsertLeader(tx, input.seasonId, input.municipalityId, input.userId, input.roleText);
    if (change === 'other_municipality') return err('leads_other_municipality');
    return ok({ change });
  });
}

export async function removeSeasonLeader(db: Database, actor: Actor | null, input: { seasonId: number; municipalityId: number; userId: number }): Promise<Result<{ removed: boolean }, LeaderError>> {
  if (!can(actor, 'manage')) return err('forbidden');
  return db.transaction({ municipalityId: null, userId: actor!.id }, async (tx) => {
    if (!(await findSeason(tx, input.seasonId))) return err('not_found');
    return ok({ removed: await deleteLeader(tx, input.seasonId, input.municipalityId, input.userId) });
  });
}
