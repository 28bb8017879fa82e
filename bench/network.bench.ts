// Practice-library search benchmark on real PostgreSQL, over 100,000 published-or-draft cases across
// 100 municipalities (the network part of `samskab bench-data`). Measures the whole handler in process —
// routing, the search (counts, page, cards) and the rendered page — for a mix of faceted searches: text
// in Danish and English, one to three facets, every order, later pages, and the JSON API.
// Target from the issue: p95 under 25 ms.
//
//   npm run bench -- network
//   node --import tsx bench/network.bench.ts [--requests N] [--concurrency N] [--keep] [--strict]
//
// Uses DATABASE_URL when set, else starts a throwaway cluster with scripts/start-postgres.sh. Makes a
// database of its own (samskab_bench_network), fills it (a few minutes) and drops it at the end;
// --keep leaves it for the next run, which then skips the filling.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { loadConfig } from '../src/core/config/config.js';
import { boot } from '../src/boot.js';
import { createApp } from '../src/core/http/app.js';
import { appModules } from '../src/app-modules.js';
import { benchSlug, defaultNetworkBench, generateNetworkBenchData } from '../src/modules/network/network.bench-data.js';
import { parseArgs } from './lib/args.js';
import { coreBusy, coreTimes, treeCpuMicros } from './lib/cpu.js';
import { dropDatabase, ensurePostgres, repoRoot, withDatabase } from './lib/postgres.js';
import { fmt, table } from './lib/report.js';

const usage = `usage: node --import tsx bench/network.bench.ts [options]
  --requests N      measured requests (default 1200)
  --warmup N        warm-up requests (default 200)
  --concurrency N   also measure with N requests in flight (default 4; 0 to skip)
  --keep            keep the bench database (and reuse it next time)
  --strict          exit 1 when the target is missed`;

const args = parseArgs(process.argv.slice(2), { requests: { default: 1200 }, warmup: { default: 200 }, concurrency: { default: 4 }, keep: { default: false }, strict: { default: false } }, usage);
const TARGET_P95_MS = 25;
const DB_NAME = 'samskab_bench_network';
const log = (line: string) => process.stdout.write(`[bench:network] ${line}\n`);

// The mix: what people type and click. Text alone, text with facets, facets alone (one: kept counts;
// several: counted from the rows), every order, later pages, and the API. {m} is a bench municipality.
const mix: { kind: 'text' | 'facets' | 'browse' | 'api'; url: string }[] = [
  { kind: 'browse', url: '/network/cases' },
  { kind: 'text', url: '/network/cases?q=busruter' },
  { kind: 'text', url: '/network/cases?q=buses' },
  { kind: 'text', url: '/network/cases?q=skolek%C3%B8kken' },
  { kind: 'text', url: '/network/cases?q=fællesspisning&sort=newest' },
  { kind: 'text', url: '/network/cases?q=volunteer+nature&sort=evidence' },
  { kind: 'text', url: '/network/cases?q=%22cleaning+squad%22' },
  { kind: 'text', url: '/network/cases?q=telebus+OR+samkørsel&page=2' },
  { kind: 'text', url: '/network/cases?q=frivillige&theme=nature' },
  { kind: 'text', url: '/network/cases?q=kitchen&theme=food&savings=yes' },
  { kind: 'text', url: '/network/cases?q=bus&status=running&size=small' },
  { kind: 'text', url: '/network/cases?q=bofællesskab&municipality={m}' },
  { kind: 'facets', url: '/network/cases?theme=mobility' },
  { kind: 'facets', url: '/network/cases?status=proven&sort=evidence' },
  { kind: 'facets', url: '/network/cases?municipality={m}' },
  { kind: 'facets', url: '/network/cases?savings=yes&sort=evidence&page=5' },
  { kind: 'facets', url: '/network/cases?tag=scaling&page=3' },
  { kind: 'facets', url: '/network/cases?theme=care&tag=quality' },
  { kind: 'facets', url: '/network/cases?theme=nature&size=large&savings=yes' },
  { kind: 'facets', url: '/network/cases?municipality={m}&status=running&sort=evidence' },
  { kind: 'browse', url: '/network/cases?page=20' },
  { kind: 'browse', url: '/network/cases?sort=evidence&page=2' },
  { kind: 'api', url: '/api/v1/network/cases?q=busruter&theme=mobility' },
  { kind: 'api', url: '/api/v1/network/cases?size=medium&status=proven&sort=evidence' },
];

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
  await generateNetworkBenchData(deps.db, defaultNetworkBench, log);
  log(`data ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const stats = await sql<{ relname: string; n: number }>`select relname, reltuples::bigint as n from pg_class
    where relname in ('network_cases', 'network_case_search', 'network_case_facet_counts')`.execute(deps.db.owner);
  const counts = Object.fromEntries(stats.rows.map((x) => [x.relname, Number(x.n)]));
  log(`rows (from statistics): ${JSON.stringify(counts)}`);

  const app = createApp(deps, appModules);
  let seq = 0;
  const url = (i: number) => mix[i % mix.length]!.url.replace('{m}', benchSlug(1 + ((seq++ * 37) % defaultNetworkBench.municipalities)));

  async function once(p: string): Promise<number> {
    const start = performance.now();
    const res = await app.request(`http://localhost${p}`);
    const body = await res.text();
    const ms = performance.now() - start;
    if (res.status !== 200 || !(body.includes('</html>') || body.startsWith('{'))) throw new Error(`${p}: status ${res.status}`);
    return ms;
  }

  type Sample = { kind: string; ms: number };
  async function measure(n: number, concurrency: number): Promise<Sample[]> {
    const out: Sample[] = [];
    let i = 0;
    const worker = async () => {
      while (i < n) {
        const k = i++;
        out.push({ kind: mix[k % mix.length]!.kind, ms: await once(url(k)) });
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
    return out;
  }
  const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;

  log(`warming up (${args.warmup} requests)`);
  await measure(args.warmup, 1);

  // CPU time per request, of this process and of this database's PostgreSQL backends (on this machine):
  // unlike latency it hardly depends on what else the machine is doing.
  const backends = async () => {
    const r = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = ${DB_NAME}`.execute(deps.db.owner);
    return new Map(r.rows.map((x) => [x.pid, treeCpuMicros(x.pid)]));
  };
  const pgMicros = (before: Map<number, number | null>, after: Map<number, number | null>) => {
    let sum = 0;
    for (const [pid, t] of after) {
      if (t === null) return NaN;
      sum += t - (before.get(pid) ?? 0);
    }
    return sum;
  };

  const rows: (string | number)[][] = [];
  const results: Record<string, unknown>[] = [];
  for (const c of [1, args.concurrency].filter((x, idx) => x > 0 && (idx === 0 || x !== 1))) {
    const cpu0 = coreTimes();
    const pg0 = await backends();
    const node0 = process.cpuUsage();
    const started = performance.now();
    const samples = await measure(args.requests, c);
    const wall = (performance.now() - started) / 1000;
    const nodeCpu = process.cpuUsage(node0);
    const pgCpu = pgMicros(pg0, await backends());
    const busy = coreBusy(cpu0, coreTimes());
    const perReq = { nodeMs: (nodeCpu.user + nodeCpu.system) / 1000 / samples.length, pgMs: pgCpu / 1000 / samples.length };
    log(`in flight ${c}: CPU per request ${perReq.nodeMs.toFixed(2)} ms in Node + ${Number.isFinite(perReq.pgMs) ? perReq.pgMs.toFixed(2) : '?'} ms in PostgreSQL`);
    const judged = c === 1;
    for (const kind of ['all', 'browse', 'facets', 'text', 'api']) {
      const s = samples.filter((x) => kind === 'all' || x.kind === kind).map((x) => x.ms).sort((a, b) => a - b);
      const p95 = pct(s, 95);
      const ok = !judged || kind !== 'all' || p95 < TARGET_P95_MS;
      if (!ok && args.strict) exitCode = 1;
      rows.push([kind, c, s.length, fmt.ms(pct(s, 50)), fmt.ms(p95), fmt.ms(pct(s, 99)), fmt.ms(s[s.length - 1] ?? NaN), kind === 'all' ? fmt.int(s.length / wall) : '', judged && kind === 'all' ? (p95 < TARGET_P95_MS ? `ok (< ${TARGET_P95_MS})` : `MISSED (< ${TARGET_P95_MS})`) : '']);
      results.push({ kind, concurrency: c, requests: s.length, p50: pct(s, 50), p95, p99: pct(s, 99), max: s[s.length - 1], cpuBusy: busy, cpuPerRequest: perReq });
    }
    log(`in flight ${c}: CPU busy ${busy ? busy.map((b) => fmt.pct(b)).join(' / ') : '?'} (every process on the machine)`);
  }
  // CPU by kind: each kind alone, one request at a time.
  const cpuRows: (string | number)[][] = [];
  for (const kind of ['browse', 'facets', 'text', 'api'] as const) {
    const urls = mix.filter((m) => m.kind === kind);
    const n = Math.max(50, Math.round(args.requests / 6));
    const pg0 = await backends();
    const node0 = process.cpuUsage();
    const times: number[] = [];
    for (let i = 0; i < n; i++) times.push(await once(urls[i % urls.length]!.url.replace('{m}', benchSlug(1 + ((seq++ * 37) % defaultNetworkBench.municipalities)))));
    const nodeCpu = process.cpuUsage(node0);
    const pgCpu = pgMicros(pg0, await backends());
    times.sort((x, y) => x - y);
    const nodeMs = (nodeCpu.user + nodeCpu.system) / 1000 / n;
    const pgMs = pgCpu / 1000 / n;
    cpuRows.push([kind, n, fmt.ms(pct(times, 50)), fmt.ms(pct(times, 95)), fmt.ms(nodeMs), Number.isFinite(pgMs) ? fmt.ms(pgMs) : '-', Number.isFinite(pgMs) ? fmt.ms(nodeMs + pgMs) : '-']);
    results.push({ kind, alone: true, requests: n, p50: pct(times, 50), p95: pct(times, 95), nodeCpuMs: nodeMs, pgCpuMs: pgMs });
  }
  process.stdout.write(`\n${table(['kind alone', 'n', 'p50 ms', 'p95 ms', 'node CPU ms/req', 'pg CPU ms/req', 'CPU ms/req'], cpuRows, [false, true, true, true, true, true, true])}\n`);
  process.stdout.write(`\n${table(['requests', 'in flight', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'req/s', 'p95 target'], rows, [false, true, true, true, true, true, true, true, false])}\n\n`);
  log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} on ${os.cpus().length} CPUs; whole handler in process (routing, search, rendering)`);
  const out = path.join(repoRoot, 'bench', 'results', `network-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await fs.mkdir(path.dirname(out), { recursive: true });
  await fs.writeFile(out, JSON.stringify({ at: new Date().toISOString(), counts, results, loadAverage: os.loadavg() }, null, 2));
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
