// The hand-written limit for one page: bare node:http and a pg Pool that, per request, runs exactly
// the statements the app runs for that page (captured from the app at start-up, in the same pool
// checkouts and transactions, with the same 5 s cache for the municipality lookup) and writes the
// same status, headers and body bytes. What it leaves out is everything the framework and the views
// do: routing, middleware, cookie parsing, i18n, JSX rendering. The app can only approach this.
//
// Per-request parts of the response are recomputed like the app does them: an anonymous visitor
// gets a fresh random CSRF cookie (Set-Cookie) and the app derives its HMAC token for the page, so
// the limit does both (the token is not in an anonymous page's body, but the app pays for it).
import crypto from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { cpuMicros, serveParent } from './lib/child.js';
import type { SqlPlan, Unit } from './lib/sql-plan.js';

export interface LimitConfig {
  path: string;
  plan: SqlPlan;
  /** Response headers in the app's wire order, without the ones node:http adds itself (Date, Connection, Keep-Alive). */
  headers: [string, string][];
  /** The Set-Cookie header whose value is random per request: its index in `headers` and the text around the value. */
  csrfCookie: { index: number; prefix: string; suffix: string } | null;
  bodyBase64: string;
  status: number;
}

const databaseUrl = process.env.BENCH_DATABASE_URL;
if (!databaseUrl) throw new Error('BENCH_DATABASE_URL is not set');
// Same pool size as the app (src/core/db/database.ts).
const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.BENCH_POOL_MAX ?? 20), application_name: 'samskab-limit' });
pool.on('error', () => {});

const secretRow = await pool.query<{ value: Buffer }>("select value from core_secrets where name = 'csrf'");
const secret = secretRow.rows[0]?.value;
if (!secret) throw new Error('no csrf secret in core_secrets (was the database booted by the app?)');

let cfg: LimitConfig | null = null;
let body = Buffer.alloc(0);
let cachedAt = -Infinity;

async function runUnit(unit: Unit): Promise<void> {
  const client = await pool.connect();
  try {
    for (const s of unit.statements) await client.query(s.text, s.values);
    client.release();
  } catch (e) {
    if (unit.transaction) await client.query('rollback').catch(() => {});
    client.release(e as Error);
    throw e;
  }
}

async function handle(res: http.ServerResponse, c: LimitConfig): Promise<void> {
  if (Date.now() - cachedAt >= c.plan.cacheMs) {
    for (const u of c.plan.cached) await runUnit(u);
    cachedAt = Date.now();
  }
  for (const u of c.plan.perRequest) await runUnit(u);

  const headers = c.headers.slice();
  if (c.csrfCookie) {
    const cookie = crypto.randomBytes(32).toString('base64url');
    const now = Date.now();
    // The page's CSRF token; anonymous pages carry no form, but the app computes it for every page.
    void `${now}.${crypto.createHmac('sha256', secret!).update(`${cookie}.${now}`).digest('base64url')}`;
    headers[c.csrfCookie.index] = ['set-cookie', c.csrfCookie.prefix + cookie + c.csrfCookie.suffix];
  }
  const flat: string[] = [];
  for (const [k, v] of headers) flat.push(k, v);
  res.writeHead(c.status, flat);
  res.end(body);
}

const server = http.createServer((req, res) => {
  const c = cfg;
  if (!c || req.method !== 'GET' || req.url !== c.path) {
    res.writeHead(404, ['content-type', 'text/plain; charset=utf-8']);
    res.end('not found');
    return;
  }
  handle(res, c).catch(() => {
    if (!res.headersSent) res.writeHead(500, ['content-type', 'text/plain; charset=utf-8']);
    res.end('Internal Server Error');
  });
});
// Same keep-alive timeout as the app (src/server.ts).
server.keepAliveTimeout = 5_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as { port: number }).port;

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  await pool.end();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());

serveParent(
  {
    configure: (m) => {
      cfg = m.config as LimitConfig;
      body = Buffer.from(cfg.bodyBase64, 'base64');
      cachedAt = -Infinity;
    },
    cpu: () => ({ micros: cpuMicros() }),
  },
  { port, pid: process.pid },
);
