// The people behind an initiative (or its facilitator) add partners and asks after proposing it, and
// remove partners that are no longer part of it.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { mayEditDetails } from '../initiatives.policy.js';
import { deletePartner, insertAsk, insertPartner, lockInitiative, touchActivity } from '../initiatives.repository.js';
import { standingFor, type Tenant } from '../initiatives.standing.js';
import type { AskKind, PartnerKind, TextLang } from '../initiatives.types.js';

type EditError = 'not_found' | 'forbidden';

async function withEditable<T>(db: Database, m: Tenant, actor: Actor | null, initiativeId: number, fn: (tx: Parameters<Parameters<Database['transaction']>[1]>[0]) => Promise<T>): Promise<Result<T, EditError>> {
  if (!actor) return err('forbidden');
  return db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => {
    const initiative = await lockInitiative(tx, m.id, initiativeId);
    if (!initiative) return err('not_found');
    if (!mayEditDetails(await standingFor(tx, initiative, actor), initiative.state)) return err('forbidden');
    const value = await fn(tx);
    await touchActivity(tx, m.id, initiativeId);
    return ok(value);
  });
}

export function addPartner(db: Database, m: Tenant, actor: Actor | null, initiativeId: number, p: { kind: PartnerKind; name: string; contribution: string; lang: TextLang }) {
  return withEditable(db, m, actor, initiativeId, (tx) => insertPartner(tx, m.id, initiativeId, p));
}

export async function removePartner(db: Database, m: Tenant, actor: Actor | null, initiativeId: number, partnerId: number): Promise<Result<boolean, EditError>> {
  const r = await withEditable(db, m, actor, initiativeId, (tx) => deletePartner(tx, m.id, initiativeId, partnerId));
  if (r.ok && !r.value) return err('not_found');
  return r;
}

export function addAsk(db: Database, m: Tenant, actor: Actor | null, initiativeId: number, a: { kind: AskKind; description: string; amountOre: number | null; lang: TextLang }) {
  return withEditable(db, m, actor, initiativeId, (tx) => insertAsk(tx, m.id, initiativeId, a));
}
