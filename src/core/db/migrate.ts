// Applies plain .sql migration files in order: core's first, then each module's in the order modules
// are listed (a module may only reference tables of modules listed before it). Each file runs in its
// own transaction under an advisory lock, so several processes starting at once migrate exactly once.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './database.js';

export interface MigrationSource {
  /** 'core' or the module name; also the prefix every table it creates must carry. */
  owner: string;
  dir: string;
}

export const coreMigrations: MigrationSource = {
  owner: 'core',
  dir: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
};

/** An arbitrary fixed key for pg_advisory_xact_lock: "samskab" in ASCII. */
const LOCK_KEY = 0x73616d736b6162n;

export interface AppliedMigration {
  owner: string;
  name: string;
}

export async function migrate(db: Database, sources: MigrationSource[], log: (line: string) => void = () => {}): Promise<AppliedMigration[]> {
  const applied: AppliedMigration[] = [];
  await sql`create table if not exists core_migrations (
    owner text not null,
    name text not null,
    checksum text not null,
    applied_at timestamptz not null default now(),
    primary key (owner, name)
  )`.execute(db.owner);
  for (const source of sources) {
    const files = await listSqlFiles(source.dir);
    for (const file of files) {
      const text = await fs.readFile(path.join(source.dir, file), 'utf8');
      const checksum = crypto.createHash('sha256').update(text).digest('hex');
      const done = await db.owner.transaction().execute(async (tx) => {
        await sql`select pg_advisory_xact_lock(${LOCK_KEY.toString()}::bigint)`.execute(tx);
        const existing = await sql<{ checksum: string }>`select checksum from core_migrations where owner = ${source.owner} and name = ${file}`.execute(tx);
        const row = existing.rows[0];
        if (row) {
          if (row.checksum !== checksum) throw new Error(`Migration ${source.owner}/${file} was changed after it was applied; add a new migration instead.`);
          return false;
        }
        await sql.raw(text).execute(tx);
        await sql`insert into core_migrations (owner, name, checksum) values (${source.owner}, ${file}, ${checksum})`.execute(tx);
        return true;
      });
      if (done) {
        applied.push({ owner: source.owner, name: file });
        log(`migrated ${source.owner}/${file}`);
      }
    }
  }
  return applied;
}

async function listSqlFiles(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}
