// Initiatives list and search benchmark on real PostgreSQL, over the bench data set (100 municipalities,
// 100,000 initiatives, ~1,000,000 comments and ~1,000,000 supports; `samskab bench-data` makes it).
// Measures the whole handler in process — routing, session-less request, the database queries and the
// rendered page — for the list page (filters, sorts, pages) and the full-text search (Danish and English).
// Target from the issue: p95 under 20 ms for each.
//
//   npm run bench -- initiatives
//   node --import tsx bench/initiatives.bench.ts [--requests N] [--concurrency N] [--keep] [--strict]
//
// Uses DATABASE_URL when set, else starts a throwaway cluster with scripts/start-postgres.sh. Makes a
// database of its own (samskab_bench_initiatives), fills it (a minute or two) and drops it at the
// end; --keep leaves it for the next run, which then skips the filling.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { loadConfig } from '../src/core/config/config.js';
import { boot } from '../src/boot.js';
import { createApp } from '../src/core/http/app.js';
import { appModules } from '../src/app-modules.js';
import { defaultBenchData, generateBenchData, benchSlug } from '../src/modules/initiatives/initiatives.bench-data.js';
import { parseArgs } from './lib/args.js';
import { dropDatabase, ensurePostgres, repoRoot, withDatabase } from './lib/postgres.js';
import { fmt, table } from './lib/report.js';

const usage = `usage: node --import tsx bench/initiatives.bench.ts [options]
  --requests N      measured requests per kind (default 1000)
  --warmup N        warm-up requests per kind (default 200)
  --concurrency N   also measure with N requests in flight (default 8; 0 to skip)
  --keep            keep the bench database (and reuse it next time)
  --strict          exit 1 when a target is missed`;

const args = parseArgs(process.argv.slice(2), { requests: { default: 1000 }, warmup: { default: 200 }, concurrency: { default: 8 }, keep: { default: false }, strict: { default: false } }, usage);
const TARGET_P95_MS = 20;
const DB_NAME = 'samskab_bench_initiatives';
const log = (line: string) => process.stdout.write(`[bench:initiatives] ${line}\n`);

const server = await ensurePostgres(log);
let exitCode = 0;
try {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [DB_NAME])).rowCount === 1;
  if (!exists) await admin.query(`create database ${DB_NAME}`);
  await admin.end();
  log(exists ? `reusing database ${DB_NAME}` : `created database ${DB_NAME}`);

  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: withDatabase(server.url, DB_NAME), HOST: '127.0.0.1', PORT: '0' });
  const deps = await boot(config);
  const t0 = Date.now();
  await generateBenchData(deps.db, defaultBenchData, log);
  log(`data ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  // Every table forces row-level security, even for its owner, so the totals come from the statistics
  // that generateBenchData's ANALYZE just refreshed.
  const stats = await sql<{ relname: string; n: number }>`select relname, reltuples::bigint as n from pg_class
    where relname in ('initiatives', 'initiatives_comments', 'initiatives_supports')`.execute(deps.db.owner);
  const counts = Object.fromEntries(stats.rows.map((x) => [x.relname, Number(x.n)]));
  log(`rows (from statistics): ${JSON.stringify(counts)}`);

  const app = createApp(deps, appModules);
  const M = defaultBenchData.municipalities;
  let seq = 0;
  const pick = () => benchSlug(1 + ((seq++ * 37) % M));
  const listVariants = ['', '?state=active', '?sort=supported&page=3', '?sort=newest', '?state=open_for_support&sort=supported', '?page=10', '?state=declined&sort=newest&page=2', '?lang=en'];
  const searchVariants = ['?q=cykelstier', '?q=legeplads+ved+skolen', '?q=playground', '?q=bus&state=active', '?q=frivillige&sort=newest', '?q=community+kitchen&page=2', '?q=%22fællesspisning%22', '?q=svømmehal+OR+bibliotek'];
  const url = (variants: string[], i: number) => `/m/${pick()}/initiatives${variants[i % variants.length]}`;

  async function once(p: string): Promise<number> {
    const start = performance.now();
    const res = await app.request(`http://localhost${p}`);
    const body = await res.text();
    const ms = performance.now() - start;
    if (res.status !== 200 || !body.includes('</html>')) throw new Error(`${p}: status ${res.status}`);
    return ms;
  }

  async function measure(variants: string[], n: number, concurrency: number): Promise<number[]> {
    const times: number[] = [];
    let i = 0;
    const worker = async () => {
      while (i < n) {
        const k = i++;
        times.push(await once(url(variants, k)));
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
    return times.sort((a, b) => a - b);
  }
  const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;

  log(`warming up (${args.warmup} requests each)`);
  await measure(listVariants, args.warmup, 1);
  await measure(searchVariants, args.warmup, 1);

  const rows: (string | number)[][] = [];
  const results: Record<string, unknown>[] = [];
  for (const [kind, variants] of [['list', listVariants], ['search', searchVariants]] as const) {
    for (const c of [1, args.concurrency].filter((x, idx) => x > 0 && (idx === 0 || x !== 1))) {
      const started = performance.now();
      const s = await measure(variants, args.requests, c);
      const wall = (performance.now() - started) / 1000;
      const p95 = pct(s, 95);
      const judged = c === 1;
      const ok = !judged || p95 < TARGET_P95_MS;
      if (!ok) exitCode = args.strict ? 1 : exitCode;
      rows.push([kind, c, s.length, fmt.ms(pct(s, 50)), fmt.ms(p95), fmt.ms(pct(s, 99)), fmt.ms(s[s.length - 1] ?? NaN), fmt.int(s.length / wall), judged ? (ok ? `ok (< ${TARGET_P95_MS})` : `MISSED (< ${TARGET_P95_MS})`) : 'info']);
      results.push({ kind, concurrency: c, requests: s.length, p50: pct(s, 50), p95, p99: pct(s, 99), max: s[s.length - 1], rps: s.length / wall, target: judged ? TARGET_P95_MS : null });
    }
  }
  process.stdout.write(`\n${table(['page', 'in flight', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'req/s', 'p95 target'], rows, [false, true, true, true, true, true, true, true, false])}\n\n`);
  log(`load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs; whole handler in process (routing, queries, rendering), PostgreSQL ${deps.db.kind === 'postgres' ? 'server' : '?'}`);
  const out = path.join(repoRoot, 'bench', 'results', `initiatives-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await fs.mkdir(path.dirname(out), { recursive: true });
  await fs.writeFile(out, JSON.stringify({ at: new Date().toISOString(), counts, results, loadAverage: os.loadavg()[0] }, null, 2));
  log(`results written to ${path.relative(repoRoot, out)}`);
  await deps.db.close();
  if (!args.keep) {
    await dropDatabase(server.url, DB_NAME);
    log(`dropped ${DB_NAME} (use --keep to reuse it next time)`);
  }
} finally {
  await server.stop();
}
process.exit(exitCode);
