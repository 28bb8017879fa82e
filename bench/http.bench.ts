// HTTP benchmark: the municipality home page (GET /m/hedensted) served by the app on real PostgreSQL
// against the hand-written limit (bench/http-limit-server.ts: node:http + pg, same statements, same
// bytes). Both servers run as child processes pinned to CPU 0; autocannon runs in a third child on
// CPU 1, next to the PostgreSQL this run starts. Rounds are interleaved (app, limit, app, limit, ...)
// so drift on a shared machine hits both.
//
//   npm run bench:http -- --duration 10 --rounds 3
//
// Uses DATABASE_URL when set, else starts a throwaway cluster with scripts/start-postgres.sh and
// stops it afterwards. Every run migrates and seeds a fresh database and drops it at the end.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/core/config/config.js';
import { boot, seedOnce } from '../src/boot.js';
import { parseArgsOrExit } from './lib/args.js';
import { pinning, spawnChild, type Child } from './lib/child.js';
import type { LoadResult } from './lib/load-worker.js';
import type { CapturedStatement } from './lib/app-server.js';
import type { LimitConfig } from './http-limit-server.js';
import { createFreshDatabase, dropDatabase, ensurePostgres, postmasterPid, repoRoot, type PostgresServer } from './lib/postgres.js';
import { coreBusy, coreTimes, treeCpuMicros } from './lib/cpu.js';
import { header, rawGet, type RawResponse } from './lib/raw-http.js';
import { derivePlan, describePlan } from './lib/sql-plan.js';
import { fmt, mean, median, sleep, table } from './lib/report.js';

const usage = `usage: npm run bench:http -- [options]
  --duration S      seconds per measured round (default 6)
  --rounds N        interleaved rounds, each app then limit (default 3)
  --connections N   concurrent connections (default 50)
  --warmup S        warm-up seconds per server before the rounds (default 2)
  --path P          page to load (default /m/hedensted)
  --pg-cpu C        CPU for the PostgreSQL this run starts: 1 (default, with the load generator),
                    or "float" to let it run anywhere; ignored with DATABASE_URL
  --profile         write CPU profiles of the app and limit children to bench/results/profiles/
  --strict          exit 1 when a target is missed (errors and non-2xx always exit 1)`;

const args = parseArgsOrExit(process.argv.slice(2), { duration: { default: 6 }, rounds: { default: 3 }, connections: { default: 50 }, warmup: { default: 2 }, path: { default: '/m/hedensted' }, pgCpu: { default: '1' }, profile: { default: false }, strict: { default: false } }, usage);

/** Targets from the issue: the app reaches 60 % of the limit's throughput, with p99 under 30 ms. */
const TARGET_RATIO = 0.6;
const TARGET_P99_MS = 30;
/** The app caches the municipality behind a slug for 5 s (src/modules/municipalities/municipalities.queries.ts). */
const MUNICIPALITY_CACHE_MS = 5_000;

const log = (line: string) => process.stdout.write(`[bench:http] ${line}\n`);

interface Measurement {
  round: number;
  server: 'app' | 'limit';
  load: LoadResult;
  /** Server CPU per request in µs (process user + system time over completed requests). */
  cpuUsPerReq: number;
  /** PostgreSQL's CPU per request in µs (postmaster and backends), when it runs on this machine. */
  pgUsPerReq: number;
  /** Busy share of each core during the round, whoever used it. */
  coreBusy: number[];
}

const cleanups: (() => Promise<void>)[] = [];
async function cleanup(): Promise<void> {
  while (cleanups.length) await cleanups.pop()!().catch((e: Error) => log(`cleanup: ${e.message}`));
}
process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));

function headersWithoutNodeDefaults(r: RawResponse): [string, string][] {
  const automatic = new Set(['date', 'connection', 'keep-alive']);
  return r.headers.filter(([k]) => !automatic.has(k.toLowerCase()));
}

const CSRF_SET_COOKIE = /^(samskab_csrf=)([A-Za-z0-9_-]{43})(;.*)$/;

/** The response with per-request values blanked, for comparing two responses byte for byte. */
function normalized(r: RawResponse): string {
  const head = r.headers
    .filter(([k]) => k.toLowerCase() !== 'date')
    .map(([k, v]) => `${k}: ${k.toLowerCase() === 'set-cookie' ? v.replace(CSRF_SET_COOKIE, '$1<random>$3') : v}`);
  return [r.statusLine, ...head].join('\r\n');
}

async function main(): Promise<number> {
  const started = Date.now();
  const pin = pinning();
  const load1 = os.loadavg()[0]!;
  log(`node ${process.version}, ${pin.cpus} CPUs, load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  if (!pin.available) log('WARNING: no taskset or a single CPU: servers and load generator are not pinned and share cores');

  // 1. Database: server, fresh database, migrations, demo data.
  if (args.pgCpu !== 'float' && !(/^\d+$/.test(args.pgCpu) && Number(args.pgCpu) < pin.cpus)) throw new Error(`--pg-cpu must be "float" or a CPU number below ${pin.cpus}, got ${args.pgCpu}`);
  const pgCpu = args.pgCpu === 'float' || !pin.available ? undefined : Number(args.pgCpu);
  const server: PostgresServer = await ensurePostgres(log, pgCpu);
  cleanups.push(() => server.stop());
  const dbName = `samskab_bench_${Date.now()}`;
  const dbUrl = await createFreshDatabase(server.url, dbName);
  cleanups.push(() => dropDatabase(server.url, dbName));
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: dbUrl });
  const setupDeps = await boot(config);
  await seedOnce(setupDeps, () => {});
  await setupDeps.db.close();
  log(`fresh database ${dbName} migrated and seeded`);

  // 2. Children: the app and the limit on CPU 0, the load generator on CPU 1.
  const env = { BENCH_DATABASE_URL: dbUrl };
  const profileDir = path.join(repoRoot, 'bench/results/profiles');
  if (args.profile) await fs.mkdir(profileDir, { recursive: true });
  const profileFlags = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const app = await spawnChild({ name: 'app', entry: 'bench/lib/app-server.ts', cpu: 0, pin, env, cwd: repoRoot, nodeFlags: profileFlags });
  cleanups.push(() => app.stop());
  const loader = await spawnChild({ name: 'load', entry: 'bench/lib/load-worker.ts', cpu: 1, pin, env: {}, cwd: repoRoot });
  cleanups.push(() => loader.stop());
  const appPort = Number(app.ready.port);

  // 3. What the page costs the database, and its bytes: one cold and one warm request, recorded.
  await app.call('capture-start');
  const cold = await rawGet(appPort, args.path);
  const coldSql = (await app.call<{ statements: CapturedStatement[] }>('capture-take')).statements;
  const warm = await rawGet(appPort, args.path);
  const warmSql = (await app.call<{ statements: CapturedStatement[] }>('capture-take')).statements;
  await app.call('capture-stop');
  if (cold.status !== 200 || warm.status !== 200) throw new Error(`GET ${args.path} on the app answered ${cold.status}/${warm.status}`);
  const deterministic = cold.body.equals(warm.body);
  if (!deterministic) log('NOTE: two anonymous requests got different bodies; the limit replays the second one');
  const { plan, warnings } = derivePlan(coldSql, warmSql, MUNICIPALITY_CACHE_MS);
  for (const w of warnings) log(`WARNING: ${w}`);
  log(`GET ${args.path}: ${warm.body.length} body bytes, ${deterministic ? 'identical' : 'DIFFERENT'} for two anonymous requests`);
  log(`SQL per request, as the app sent it:\n${describePlan(plan)}`);

  // 4. The limit, configured with those statements and bytes, checked against the app's response.
  const limit = await spawnChild({ name: 'limit', entry: 'bench/http-limit-server.ts', cpu: 0, pin, env, cwd: repoRoot, nodeFlags: profileFlags });
  if (args.profile) log(`CPU profiles go to ${path.relative(repoRoot, profileDir)}/CPU.*.<pid>.0.*.cpuprofile: app pid ${app.pid}, limit pid ${limit.pid}`);
  cleanups.push(() => limit.stop());
  const headers = headersWithoutNodeDefaults(warm);
  const cookieIndex = headers.findIndex(([k, v]) => k.toLowerCase() === 'set-cookie' && CSRF_SET_COOKIE.test(v));
  const cookieMatch = cookieIndex >= 0 ? CSRF_SET_COOKIE.exec(headers[cookieIndex]![1]) : null;
  const limitConfig: LimitConfig = {
    path: args.path,
    plan,
    headers,
    csrfCookie: cookieMatch ? { index: cookieIndex, prefix: cookieMatch[1]!, suffix: cookieMatch[3]! } : null,
    bodyBase64: warm.body.toString('base64'),
    status: warm.status,
  };
  await limit.call('configure', { config: limitConfig });
  const limitPort = Number(limit.ready.port);
  const fromLimit = await rawGet(limitPort, args.path);
  if (!fromLimit.body.equals(warm.body)) throw new Error(`limit body differs from the app's (${fromLimit.body.length} vs ${warm.body.length} bytes)`);
  if (normalized(fromLimit) !== normalized(warm)) throw new Error(`limit response head differs from the app's:\n--- app\n${normalized(warm)}\n--- limit\n${normalized(fromLimit)}`);
  log(`limit writes the same status line, ${warm.headers.length} headers (same order) and ${fromLimit.body.length} body bytes; Set-Cookie ${header(warm, 'set-cookie') ? 'random per request on both' : 'absent on both'}`);

  // 5. Load: warm-up, then interleaved rounds.
  const probe = new pg.Client({ connectionString: dbUrl });
  await probe.connect();
  const postmaster = await postmasterPid(probe).finally(() => probe.end());
  const pgCpuNow = () => (postmaster === null ? null : treeCpuMicros(postmaster));
  const targets: { name: 'app' | 'limit'; child: Child; url: string }[] = [
    { name: 'app', child: app, url: `http://127.0.0.1:${appPort}${args.path}` },
    { name: 'limit', child: limit, url: `http://127.0.0.1:${limitPort}${args.path}` },
  ];
  const runLoad = async (url: string, duration: number) =>
    (await loader.call<{ result: LoadResult }>('run', { url, connections: args.connections, duration }, (duration + 60) * 1000)).result;
  if (args.warmup > 0) {
    for (const t of targets) {
      const w = await runLoad(t.url, args.warmup);
      log(`warm-up ${t.name}: ${fmt.int(w.rps)} req/s`);
    }
  }
  const measurements: Measurement[] = [];
  for (let round = 1; round <= args.rounds; round++) {
    for (const t of targets) {
      await sleep(500); // a breath between rounds
      const cpu0 = (await t.child.call<{ micros: number }>('cpu')).micros;
      const pg0 = pgCpuNow();
      const cores0 = coreTimes();
      const result = await runLoad(t.url, args.duration);
      const cores1 = coreTimes();
      const pg1 = pgCpuNow();
      const cpu1 = (await t.child.call<{ micros: number }>('cpu')).micros;
      const m: Measurement = {
        round,
        server: t.name,
        load: result,
        cpuUsPerReq: (cpu1 - cpu0) / result.requests,
        pgUsPerReq: pg0 === null || pg1 === null ? NaN : (pg1 - pg0) / result.requests,
        coreBusy: coreBusy(cores0, cores1) ?? [],
      };
      measurements.push(m);
      log(`round ${round} ${t.name.padEnd(5)} ${fmt.int(result.rps).padStart(6)} req/s  p50 ${fmt.ms(result.p50)} ms  p99 ${fmt.ms(result.p99)} ms  non-2xx ${result.non2xx}  errors ${result.errors}`);
    }
  }

  // 6. Report.
  const busy = (m: Measurement, i: number) => (m.coreBusy[i] === undefined ? '-' : fmt.pct(m.coreBusy[i]!));
  const rows = measurements.map((m) => [
    m.round,
    m.server,
    fmt.int(m.load.rps),
    fmt.ms(m.load.p50),
    fmt.ms(m.load.p99),
    fmt.ms(m.load.max),
    `${m.load.errors + m.load.timeouts}/${m.load.non2xx}`,
    fmt.int(m.cpuUsPerReq),
    fmt.int(m.pgUsPerReq),
    fmt.pct(m.load.loadgenCpu),
    `${busy(m, 0)} / ${busy(m, 1)}`,
  ]);
  const of = (s: 'app' | 'limit') => measurements.filter((m) => m.server === s);
  const summary = (s: 'app' | 'limit') => {
    const ms = of(s);
    return {
      rps: mean(ms.map((m) => m.load.rps)),
      p50: mean(ms.map((m) => m.load.p50)),
      p99: mean(ms.map((m) => m.load.p99)),
      p99max: Math.max(...ms.map((m) => m.load.p99)),
      cpuUsPerReq: mean(ms.map((m) => m.cpuUsPerReq)),
      pgUsPerReq: mean(ms.map((m) => m.pgUsPerReq)),
    };
  };
  const a = summary('app');
  const l = summary('limit');
  for (const [name, x] of [['app', a], ['limit', l]] as const) {
    rows.push(['mean', name, fmt.int(x.rps), fmt.ms(x.p50), fmt.ms(x.p99), '', '', fmt.int(x.cpuUsPerReq), fmt.int(x.pgUsPerReq), '', '']);
  }
  const ratio = a.rps / l.rps;
  const roundRatios = of('app').map((m, i) => m.load.rps / (of('limit')[i]?.load.rps ?? NaN));
  const failures = measurements.reduce((n, m) => n + m.load.errors + m.load.timeouts + m.load.non2xx, 0);
  const ratioMet = ratio >= TARGET_RATIO;
  const p99Met = a.p99 < TARGET_P99_MS;
  const layout = pin.available
    ? `servers on CPU 0, autocannon on CPU 1, PostgreSQL ${server.owned && pgCpu !== undefined ? `on CPU ${pgCpu}` : 'unpinned'}`
    : 'nothing pinned';

  process.stdout.write(
    [
      '',
      `GET ${args.path}, ${args.connections} connections, ${args.rounds} x ${args.duration} s per server; ${layout}`,
      table(
        ['round', 'server', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'err/non-2xx', 'node µs/req', 'pg µs/req', 'loadgen', 'CPU0 / CPU1 busy'],
        rows,
        [false, false, true, true, true, true, true, true, true, true, true],
      ),
      '',
      `app/limit throughput: ${fmt.pct(ratio)} (ratio of means; per round ${roundRatios.map(fmt.pct).join(', ')}, median ${fmt.pct(median(roundRatios))})`,
      `node CPU per request, app/limit: ${fmt.ratio(a.cpuUsPerReq / l.cpuUsPerReq)}x (${fmt.int(a.cpuUsPerReq)} vs ${fmt.int(l.cpuUsPerReq)} µs)`,
      `target >= ${TARGET_RATIO * 100} % of the limit: ${ratioMet ? 'met' : 'NOT met'}`,
      `target p99 < ${TARGET_P99_MS} ms (mean of rounds ${fmt.ms(a.p99)} ms, worst ${fmt.ms(a.p99max)} ms): ${p99Met ? 'met' : 'NOT met'}`,
      `errors + timeouts + non-2xx: ${failures}${failures ? '  <-- FAILED' : ''}`,
      `load average ${load1.toFixed(2)} at start, ${os.loadavg()[0]!.toFixed(2)} at end; CPU busy counts every process on the core, not just this benchmark`,
      `total ${((Date.now() - started) / 1000).toFixed(0)} s`,
      '',
    ].join('\n'),
  );

  const resultsDir = path.join(repoRoot, 'bench/results');
  await fs.mkdir(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `http-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await fs.writeFile(
    file,
    JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: pin.cpus, pinned: pin.available, loadavgStart: load1, loadavgEnd: os.loadavg()[0], args, plan, bodyBytes: warm.body.length, measurements, summary: { app: a, limit: l, ratio, roundRatios, ratioMet, p99Met, failures } }, null, 2),
  );
  log(`results written to ${path.relative(repoRoot, file)}`);
  if (failures > 0) return 1;
  return args.strict && !(ratioMet && p99Met) ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (e) {
  process.stderr.write(`[bench:http] ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
} finally {
  await cleanup();
}
process.exit(code);
