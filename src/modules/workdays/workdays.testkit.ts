// Fixtures for this module's tests: a municipality, a group with a coordinator, people as actors.
import { sql } from 'kysely';
import type { Actor, MunicipalRole } from '../../core/auth/actor.js';
import type { Database } from '../../core/db/database.js';
import { createMunicipality, createPerson, type TestPerson } from '../../testing/actors.js';

export async function person(db: Database, mid: number, roles: MunicipalRole[] = [], name?: string): Promise<TestPerson & { actor: Actor }> {
  const p = await createPerson(db, { roles: roles.map((r) => [mid, r] as [number, MunicipalRole]), ...(name ? { name } : {}) });
  const actor: Actor = { id: p.id, sessionId: 's', displayName: name ?? `Person ${p.id}`, email: p.email, emailVerified: true, lang: null, networkRole: null, roles: new Map([[mid, new Set(roles)]]) };
  return { ...p, actor };
}

export async function municipalityWithGroup(db: Database, slug: string): Promise<{ mid: number; groupId: number; coordinator: TestPerson & { actor: Actor } }> {
  const mid = await createMunicipality(db, slug);
  const coordinator = await person(db, mid, ['resident'], 'Kim Koordinator');
  const groupId = await db.transaction({ municipalityId: mid }, async (tx) => {
    const g = await sql<{ id: number }>`insert into groups (municipality_id, slug, kind, name, membership_policy) values (${mid}, 'rengoering', 'informal', 'Rengøringsholdet', 'open') returning id`.execute(tx);
    const id = g.rows[0]!.id;
    await sql`insert into groups_members (municipality_id, group_id, user_id, role, status, joined_at) values (${mid}, ${id}, ${coordinator.id}, 'coordinator', 'active', now())`.execute(tx);
    return id;
  });
  return { mid, groupId, coordinator };
}

/** The next occurrence of a weekday at least `daysAhead` days from now, as YYYY-MM-DD. */
export function futureDate(daysAhead = 10): string {
  return new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
}
