// What other modules (work days) may ask about who organises on behalf of an initiative, read inside the
// caller's transaction (its tenant already set; the tenant is still named in every statement).
import { sql } from 'kysely';
import { hasRole, type Actor } from '../../core/auth/actor.js';
import type { Executor } from '../../core/db/database.js';
import type { State } from './initiatives.lifecycle.js';

/** Initiatives that are over or turned down do not get new activities organised for them. */
const closedStates: readonly State[] = ['declined', 'completed', 'evaluated'];

export interface InitiativeOption {
  id: number;
  title: string;
}

/**
 * The initiatives the actor may organise for, for an owner choice: the ones they are behind (owner or
 * member), or every open one for the municipality's facilitators and admins. By title.
 */
export async function listInitiativesForOwnerSelect(e: Executor, municipalityId: number, actor: Actor | null): Promise<InitiativeOption[]> {
  if (!actor) return [];
  const staff = hasRole(actor, municipalityId, 'facilitator', 'admin');
  const r = await sql<InitiativeOption>`select i.id, i.title from initiatives i
    where i.municipality_id = ${municipalityId} and i.state not in (${sql.join(closedStates)})
      ${staff ? sql`` : sql`and exists (select 1 from initiatives_members m where m.municipality_id = i.municipality_id and m.initiative_id = i.id and m.user_id = ${actor.id})`}
    order by lower(i.title), i.id limit 500`.execute(e);
  return r.rows.map((x) => ({ id: Number(x.id), title: x.title }));
}

/** True when the person is an owner or member of the initiative (in any state). */
export async function isInitiativeMember(e: Executor, municipalityId: number, initiativeId: number, userId: number): Promise<boolean> {
  const r = await sql<{ hit: boolean }>`select exists (select 1 from initiatives_members where municipality_id = ${municipalityId} and initiative_id = ${initiativeId} and user_id = ${userId}) as hit`.execute(e);
  return r.rows[0]?.hit === true;
}

export async function findInitiativeTitle(e: Executor, municipalityId: number, initiativeId: number): Promise<string | null> {
  const r = await sql<{ title: string }>`select title from initiatives where municipality_id = ${municipalityId} and id = ${initiativeId}`.execute(e);
  return r.rows[0]?.title ?? null;
}
