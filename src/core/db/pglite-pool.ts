// A node-postgres-shaped pool over one in-process PGlite instance, for Kysely's PostgresDialect.
//
// Written here rather than using @electric-sql/pglite/node-postgres because that adapter (0.5.x) shares
// one connection object: after any SQL error the client is destroyed and every later query fails, and
// typed parsers can hang it. PGlite is a single session, so the pool is a mutex: one client at a time.
// That is also what keeps a transaction's statements from interleaving with another request's.
import type { PGlite } from '@electric-sql/pglite';
import { pgliteParsers } from './type-parsers.js';

export interface QueryResultLike<R> {
  command: string;
  rowCount: number;
  rows: R[];
}

export interface PoolClientLike {
  query<R = Record<string, unknown>>(sql: string, parameters?: readonly unknown[]): Promise<QueryResultLike<R>>;
  release(): void;
}

/** How long a caller may wait for the single session before we call it a bug (a query outside its transaction). */
const ACQUIRE_TIMEOUT_MS = 30_000;

export class PgliteDeadlockError extends Error {}

export class PglitePool {
  private busy = false;
  private readonly waiters: (() => void)[] = [];
  private ended = false;

  constructor(readonly lite: PGlite) {}

  async connect(): Promise<PoolClientLike> {
    if (this.ended) throw new Error('PGlite pool has been closed');
    await this.acquire();
    return new PgliteClient(this.lite, () => this.releaseSlot());
  }

  /** Runs one statement on its own, waiting its turn like any client. */
  async query<R = Record<string, unknown>>(sql: string, parameters?: readonly unknown[]): Promise<QueryResultLike<R>> {
    const client = await this.connect();
    try {
      return await client.query<R>(sql, parameters);
    } finally {
      client.release();
    }
  }

  async end(): Promise<void> {
    this.ended = true;
    await this.acquire();
    await this.lite.close();
  }

  private acquire(): Promise<void> {
    if (!this.busy) {
      this.busy = true;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(grant);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new PgliteDeadlockError(`Waited ${ACQUIRE_TIMEOUT_MS} ms for the embedded database: is a query running outside its open transaction?`));
      }, ACQUIRE_TIMEOUT_MS);
      timer.unref();
      const grant = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(grant);
    });
  }

  private releaseSlot(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.busy = false;
  }
}

class PgliteClient implements PoolClientLike {
  private inTransaction = false;
  private released = false;

  constructor(
    private readonly lite: PGlite,
    private readonly onRelease: () => void,
  ) {}

  async query<R>(sql: string, parameters: readonly unknown[] = []): Promise<QueryResultLike<R>> {
    if (this.released) throw new Error('PGlite client used after release');
    const keyword = leadingKeyword(sql);
    if (keyword === 'begin' || keyword === 'start') this.inTransaction = true;
    if (keyword === 'commit' || keyword === 'rollback' || keyword === 'end') this.inTransaction = false;
    if (parameters.length === 0) {
      // The simple protocol takes scripts (migrations) as well as single statements.
      const results = await this.lite.exec(sql, { parsers: pgliteParsers });
      const last = results[results.length - 1];
      return { command: commandOf(keyword, sql), rowCount: last?.affectedRows || last?.rows.length || 0, rows: (last?.rows ?? []) as R[] };
    }
    const result = await this.lite.query<R>(sql, parameters as unknown[], { parsers: pgliteParsers });
    return {
      command: commandOf(keyword, sql),
      rowCount: result.affectedRows ?? result.rows.length,
      rows: result.rows,
    };
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    if (!this.inTransaction) {
      this.onRelease();
      return;
    }
    // A client handed back mid-transaction (a bug or a crash in a caller) must not leave the
    // single session inside an aborted transaction for the next request.
    this.lite.query('rollback').finally(() => this.onRelease());
  }
}

function leadingKeyword(sql: string): string {
  const m = /^\s*(?:--[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*([a-zA-Z]+)/.exec(sql);
  return (m?.[1] ?? '').toLowerCase();
}

/** Kysely reads numAffectedRows only for these commands; a CTE reports the command of its final statement. */
function commandOf(keyword: string, sql: string): string {
  if (keyword === 'with') {
    const last = /\b(insert|update|delete|merge)\b(?![\s\S]*\b(select)\b\s*$)/i.exec(sql);
    return last?.[1]?.toUpperCase() ?? 'SELECT';
  }
  return keyword.toUpperCase();
}
