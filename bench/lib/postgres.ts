// A PostgreSQL server for a benchmark: DATABASE_URL when set, else a throwaway cluster from
// scripts/start-postgres.sh in its own folder (so it never touches the test suite's cluster),
// stopped again afterwards. Each run gets a fresh database, dropped at the end.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { parentPid, processName } from './cpu.js';

const run = promisify(execFile);
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface PostgresServer {
  /** URL of the server's maintenance database (the one to CREATE DATABASE from). */
  url: string;
  /** True when this run started the cluster and will stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

/** `pinCpu`: start the cluster under `taskset -c N`, so the postmaster and every backend stay on that CPU. */
export async function ensurePostgres(log: (line: string) => void, pinCpu?: number): Promise<PostgresServer> {
  const given = process.env.DATABASE_URL;
  if (given) {
    log(`using DATABASE_URL (${redact(given)})`);
    return { url: given, owned: false, stop: async () => {} };
  }
  const env = {
    ...process.env,
    SAMSKAB_PG_DIR: process.env.SAMSKAB_BENCH_PG_DIR ?? `/tmp/samskab-bench-pg-${process.pid}`,
    SAMSKAB_PG_PORT: process.env.SAMSKAB_BENCH_PG_PORT ?? '54400',
  };
  log(`starting a throwaway PostgreSQL in ${env.SAMSKAB_PG_DIR}${pinCpu === undefined ? '' : ` pinned to CPU ${pinCpu}`}`);
  const started = Date.now();
  const script = path.join(repoRoot, 'scripts/start-postgres.sh');
  const [cmd, argv] = pinCpu === undefined ? [script, []] : ['taskset', ['-c', String(pinCpu), script]];
  const { stdout } = await run(cmd, argv, { env, cwd: repoRoot });
  const url = stdout.trim().split('\n').pop() ?? '';
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`start-postgres.sh printed no URL: ${stdout}`);
  log(`PostgreSQL up in ${Date.now() - started} ms at ${redact(url)}`);
  let stopped = false;
  return {
    url,
    owned: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      await run(path.join(repoRoot, 'scripts/stop-postgres.sh'), [], { env, cwd: repoRoot }).catch((e: Error) => log(`stop-postgres failed: ${e.message}`));
    },
  };
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Creates an empty database on the server and returns its URL. */
export async function createFreshDatabase(serverUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  await adminQuery(serverUrl, `create database ${name}`);
  return withDatabase(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
}

/** The postmaster's pid when the server runs on this machine (a backend's parent), else null. */
export async function postmasterPid(client: pg.Client): Promise<number | null> {
  const r = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
  const backend = r.rows[0]?.pid;
  const parent = backend === undefined ? null : parentPid(backend);
  // A server on another machine (or in another pid namespace) can hand out a pid that is some
  // unrelated local process: only trust it if the parent really is a postgres process.
  return parent !== null && processName(parent) === 'postgres' ? parent : null;
}
