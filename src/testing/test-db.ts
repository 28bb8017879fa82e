// A fresh, migrated database for each test file: a new PostgreSQL database when DATABASE_URL is set
// (CI sets it), otherwise an in-memory PGlite started from a cached migrated snapshot.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, repoRoot } from '../core/config/config.js';
import { dumpPgliteDataDir, openDatabase, type Database } from '../core/db/database.js';
import { migrate } from '../core/db/migrate.js';
import { migrationSources } from '../boot.js';

export interface TestDatabase extends Database {
  /** Closes the connection and drops the database. */
  destroy(): Promise<void>;
}

export async function testDatabase(): Promise<TestDatabase> {
  const url = loadConfig().databaseUrl;
  return url ? freshPostgres(url) : freshPglite();
}

async function freshPostgres(adminUrl: string): Promise<TestDatabase> {
  const name = `samskab_t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), poolSize: 30 });
  await migrate(db, migrationSources());
  return {
    ...db,
    async destroy() {
      await db.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      // A server process we may not signal (an autovacuum worker) can hold the database for a
      // moment; a leftover database in a throwaway test cluster is harmless, a failed teardown is not.
      for (let attempt = 0; ; attempt++) {
        try {
          await c.query(`drop database if exists ${name} with (force)`);
          break;
        } catch {
          if (attempt >= 4) break;
          await new Promise((r) => setTimeout(r, 250 * (attempt + 1)));
        }
      }
      await c.end();
    },
  };
}

async function freshPglite(): Promise<TestDatabase> {
  const snapshot = await migratedSnapshot();
  const db = await openDatabase({ loadDataDir: snapshot });
  // Migrations added since the snapshot was taken still apply.
  await migrate(db, migrationSources());
  return { ...db, destroy: () => db.close() };
}

/** Creating and migrating PGlite takes seconds; a snapshot keyed by the migrations' contents takes half a second to load. */
async function migratedSnapshot(): Promise<Blob> {
  const hash = crypto.createHash('sha256');
  for (const source of migrationSources()) {
    const files = (await fs.readdir(source.dir).catch(() => [] as string[])).filter((f) => f.endsWith('.sql')).sort();
    for (const f of files) hash.update(source.owner).update(f).update(await fs.readFile(path.join(source.dir, f)));
  }
  const file = path.join(repoRoot, '.tmp', `pglite-migrated-${hash.digest('hex').slice(0, 16)}.tar`);
  try {
    return new Blob([await fs.readFile(file)]);
  } catch {
    const db = await openDatabase({});
    await migrate(db, migrationSources());
    const blob = await dumpPgliteDataDir(db);
    await db.close();
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}`;
    await fs.writeFile(tmp, Buffer.from(await blob.arrayBuffer()));
    await fs.rename(tmp, file);
    return blob;
  }
}
