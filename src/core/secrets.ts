// Per-installation secrets live in the database, so every process behind a load balancer shares them
// and nothing has to be configured for a first start. SESSION_SECRET, when given, wins.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from './db/database.js';

export async function loadOrCreateSecret(db: Database, name: string, configured?: string): Promise<Buffer> {
  if (configured) return crypto.createHash('sha256').update(configured).digest();
  await sql`insert into core_secrets (name, value) values (${name}, ${crypto.randomBytes(32)}) on conflict (name) do nothing`.execute(db.owner);
  const r = await sql<{ value: Uint8Array }>`select value from core_secrets where name = ${name}`.execute(db.owner);
  const value = r.rows[0]?.value;
  if (!value) throw new Error(`secret ${name} missing`);
  return Buffer.from(value);
}
