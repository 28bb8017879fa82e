// Test people: creates a verified account with roles and a signed-in session cookie, straight in SQL,
// so a module's tests can act as a facilitator without walking the sign-in pages each time.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../core/db/database.js';
import type { MunicipalRole, NetworkRole } from '../core/auth/actor.js';

export interface TestPerson {
  id: number;
  email: string;
  /** Value for the samskab_session cookie. */
  sessionToken: string;
}

let counter = 0;

export async function createPerson(
  db: Database,
  options: { name?: string; email?: string; roles?: [municipalityId: number, role: MunicipalRole][]; networkRole?: NetworkRole; lang?: 'da' | 'en' } = {},
): Promise<TestPerson> {
  counter += 1;
  const email = options.email ?? `person${counter}-${crypto.randomBytes(3).toString('hex')}@example.dk`;
  return db.transaction({ municipalityId: null }, async (tx) => {
    const r = await sql<{ id: number }>`insert into accounts_users (email, email_verified_at, display_name, preferred_lang, network_role)
      values (${email}, now(), ${options.name ?? `Test Person ${counter}`}, ${options.lang ?? null}, ${options.networkRole ?? null}) returning id`.execute(tx);
    const id = r.rows[0]!.id;
    for (const [municipalityId, role] of options.roles ?? []) {
      await sql`select set_config('app.municipality_id', ${String(municipalityId)}, true)`.execute(tx);
      await sql`insert into accounts_roles (municipality_id, user_id, role) values (${municipalityId}, ${id}, ${role})`.execute(tx);
    }
    const sessionToken = crypto.randomBytes(32).toString('base64url');
    const sessionId = crypto.createHash('sha256').update(sessionToken).digest('hex');
    await sql`insert into accounts_sessions (id, user_id, expires_at) values (${sessionId}, ${id}, now() + interval '1 day')`.execute(tx);
    return { id, email, sessionToken };
  });
}

export async function createMunicipality(db: Database, slug: string, name = `${slug} Kommune`): Promise<number> {
  return db.transaction({ municipalityId: null }, async (tx) => {
    const r = await sql<{ id: number }>`insert into municipalities (slug, name) values (${slug}, ${name}) returning id`.execute(tx);
    return r.rows[0]!.id;
  });
}
