// A resident proposes an initiative: it starts as an idea, with its proposer as owner and follower,
// its asks of the municipality and its partners, and the first entry on its public timeline.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { findByCreationKey, insertAsk, insertEvent, insertFollow, insertInitiative, insertMember, insertPartner } from '../initiatives.repository.js';
import { mayPropose, standingOf } from '../initiatives.policy.js';
import type { AskKind, PartnerKind, TextLang } from '../initiatives.types.js';
import type { Tenant } from '../initiatives.standing.js';
import { coordinatesGroup } from '../initiatives.groups.js';
import { listAreas, listThemes } from '../../municipalities/index.js';

export interface ProposeInput {
  title: string;
  problem: string;
  proposal: string;
  lang: TextLang;
  areaId: number | null;
  themeId: number | null;
  groupId: number | null;
  asks: { kind: AskKind; description: string; amountOre: number | null }[];
  partners: { kind: PartnerKind; name: string; contribution: string }[];
  /** The proposal form's hidden key: the same form sent twice creates one initiative. */
  creationKey: string | null;
}

export type ProposeError = 'forbidden' | 'unknown_area' | 'unknown_theme' | 'group_forbidden';

export async function proposeInitiative(db: Database, m: Tenant, actor: Actor | null, input: ProposeInput): Promise<Result<{ id: number; created: boolean }, ProposeError>> {
  if (!actor || !mayPropose(standingOf(actor, m.id, false))) return err('forbidden');
  return db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => {
    if (input.creationKey) {
      const existing = await findByCreationKey(tx, m.id, input.creationKey);
      if (existing !== null) return ok({ id: existing, created: false });
    }
    if (input.areaId !== null && !(await listAreas(tx, m.id)).some((a) => a.id === input.areaId)) return err('unknown_area');
    if (input.themeId !== null && !(await listThemes(tx, m.id)).some((t) => t.id === input.themeId)) return err('unknown_theme');
    if (input.groupId !== null && !(await coordinatesGroup(tx, m.id, input.groupId, actor.id))) return err('group_forbidden');
    const id = await insertInitiative(tx, {
      municipalityId: m.id,
      title: input.title,
      problem: input.problem,
      proposal: input.proposal,
      lang: input.lang,
      areaId: input.areaId,
      themeId: input.themeId,
      groupId: input.groupId,
      createdBy: actor.id,
      creationKey: input.creationKey,
    });
    if (id === null) {
      // A parallel submit of the same form won the race.
      const existing = await findByCreationKey(tx, m.id, input.creationKey!);
      return ok({ id: existing!, created: false });
    }
    await insertMember(tx, m.id, id, actor.id, 'owner');
    await insertFollow(tx, m.id, id, actor.id);
    for (const a of input.asks) await insertAsk(tx, m.id, id, { ...a, lang: input.lang });
    for (const p of input.partners) await insertPartner(tx, m.id, id, { ...p, lang: input.lang });
    await insertEvent(tx, { municipalityId: m.id, initiativeId: id, kind: 'proposed', toState: 'idea', actorId: actor.id });
    return ok({ id, created: true });
  });
}
