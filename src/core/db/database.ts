// Opens the one database: embedded PGlite under ./data by default, or a real PostgreSQL server when
// DATABASE_URL is set. Both are reached through the same Kysely instance and the same SQL.
import fs from 'node:fs/promises';
import path from 'node:path';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PglitePool } from './pglite-pool.js';
import { pgTypes } from './type-parsers.js';

/** Tables are typed per module; core only moves queries. */
export type AnyDb = any;
export type Executor = Kysely<AnyDb> | Transaction<AnyDb>;

/** Gives a module a typed view of the executor for its own tables. */
export function tables<T>(executor: Executor): Kysely<T> {
  return executor as unknown as Kysely<T>;
}

/** The role every request runs as: not the owner of any table, so row-level security always applies. */
export const APP_ROLE = 'samskab_app';

export interface Scope {
  /** The tenant every tenant table is filtered by; null for work that touches no tenant's rows. */
  municipalityId: number | null;
  /** The acting person, readable by policies and audit triggers. */
  userId?: number | null;
}

export interface TransactionOptions {
  isolation?: 'read committed' | 'repeatable read' | 'serializable';
}

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /** The owner's connection: migrations and maintenance only. Requests go through `transaction`. */
  readonly owner: Kysely<AnyDb>;
  /** Runs `fn` in one transaction as the application role, with the tenant and actor set for it alone. */
  transaction<T>(scope: Scope, fn: (tx: Transaction<AnyDb>) => Promise<T>, options?: TransactionOptions): Promise<T>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** The embedded instance, when there is one. */
  readonly lite?: PGlite;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Folder for PGlite's files; omitted means in memory (tests). */
  dataDir?: string | undefined;
  /** A tarball made by `dumpPgliteDataDir`, to start from an already migrated database (tests). */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
}

export const pgliteExtensions = { btree_gist, pg_trgm, unaccent };

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 20);
  let lite: PGlite;
  if (options.dataDir) {
    await fs.mkdir(path.dirname(options.dataDir), { recursive: true });
    lite = await PGlite.create(options.dataDir, { extensions: pgliteExtensions });
  } else {
    lite = await PGlite.create({ extensions: pgliteExtensions, ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) });
  }
  const pool = new PglitePool(lite);
  return { ...wrap('pglite', new Kysely<AnyDb>({ dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }) })), lite };
}

function openPostgres(url: string, max: number): Database {
  const pool = new pg.Pool({ connectionString: url, max, types: pgTypes, application_name: 'samskab' });
  // An idle client's network error must not crash the process; the pool drops that client.
  pool.on('error', () => {});
  return wrap('postgres', new Kysely<AnyDb>({ dialect: new PostgresDialect({ pool }) }));
}

function settingLiteral(id: number | null): string {
  if (id === null) return '';
  if (!Number.isSafeInteger(id)) throw new TypeError(`not an id: ${id}`);
  return String(id);
}

function wrap(kind: Database['kind'], kysely: Kysely<AnyDb>): Database {
  return {
    kind,
    owner: kysely,
    async transaction(scope, fn, options) {
      // BEGIN and the settings travel in one round trip (a simple-protocol script, hence literals:
      // the role is a constant and the ids are checked integers). `true` makes each setting end
      // with the transaction, so nothing leaks to the next user of a pooled connection.
      const tenant = settingLiteral(scope.municipalityId);
      const actor = settingLiteral(scope.userId ?? null);
      const begin = options?.isolation ? `begin isolation level ${options.isolation}` : 'begin';
      return kysely.connection().execute(async (connection) => {
        await sql.raw(`${begin}; select set_config('role', '${APP_ROLE}', true), set_config('app.municipality_id', '${tenant}', true), set_config('app.user_id', '${actor}', true)`).execute(connection);
        try {
          const result = await fn(connection as Transaction<AnyDb>);
          await sql.raw('commit').execute(connection);
          return result;
        } catch (error) {
          await sql.raw('rollback').execute(connection).catch(() => {});
          throw error;
        }
      });
    },
    async ping() {
      try {
        await sql`select 1`.execute(kysely);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await kysely.destroy();
    },
  };
}

/** Snapshot of a migrated in-memory PGlite, so each test file starts from it in well under a second. */
export async function dumpPgliteDataDir(db: Database): Promise<Blob> {
  if (!db.lite) throw new Error('only an embedded database can be dumped');
  return db.lite.dumpDataDir('none');
}
