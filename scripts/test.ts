// Test orchestrator behind `npm test`: typecheck → lint → unit/module tests (PGlite, then real
// PostgreSQL if DATABASE_URL is set) → browser tests. Stops at the first failing step.
// CI reads node's own test-runner output, so every child's output is passed straight through;
// we only scan it for the `# pass N` / `# fail N` closing lines to print one overall total.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findImports, scan } from './lint.js';

const HELP = `Usage: npm test -- [--only typecheck|lint|unit|browser] [test files...]

  (no arguments)   typecheck, lint, unit + module tests, browser tests
  --only STEP      run one step (or several, comma-separated: --only lint,unit)
  FILES            run just these test files (no typecheck/lint); files under
                   test/browser/ run as browser tests, the rest as unit tests
  --help           this text

Unit + module tests are src/**/*.test.ts, scripts/**/*.test.ts and test/**/*.test.ts
outside test/browser. They run once on embedded PGlite (DATABASE_URL removed), then,
if DATABASE_URL is set, files that use testDatabase (directly or through a relative
import, e.g. a test-app helper) run again against that server.
Start one with: export DATABASE_URL=$(scripts/start-postgres.sh | tail -1)

The last line is always "N passed, N failed" (a failing typecheck or lint counts as 1 failed).`;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STEPS = ['typecheck', 'lint', 'unit', 'browser'] as const;
type Step = (typeof STEPS)[number];
// A hung test (e.g. a forgotten open handle or a PGlite transaction deadlock) fails instead of eating the CI budget.
const TEST_TIMEOUT_MS = 180_000;

const totals = { passed: 0, failed: 0 };
let current: ReturnType<typeof spawn> | undefined;

function parseArgs(argv: string[]): { steps: Set<Step>; files: string[] } {
  const steps = new Set<Step>();
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') { console.log(HELP); process.exit(0); }
    if (a === '--only' || a.startsWith('--only=')) {
      const value = a === '--only' ? argv[++i] : a.slice('--only='.length);
      for (const s of (value ?? '').split(',')) {
        if (!(STEPS as readonly string[]).includes(s)) { console.error(`unknown step '${s}'\n\n${HELP}`); process.exit(2); }
        steps.add(s as Step);
      }
    } else if (a.startsWith('-')) {
      console.error(`unknown option '${a}'\n\n${HELP}`);
      process.exit(2);
    } else {
      if (!fs.existsSync(a)) { console.error(`no such file: ${a}`); process.exit(2); }
      files.push(path.relative(root, path.resolve(a)));
    }
  }
  if (steps.size === 0) for (const s of files.length > 0 ? (['unit', 'browser'] as const) : STEPS) steps.add(s);
  return { steps, files };
}

/** Node 20's --test does not expand globs, so we list the files ourselves. */
function findTests(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) { if (e.name !== 'node_modules') walk(p); }
      else if (/\.test\.tsx?$/.test(e.name)) out.push(path.relative(root, p));
    }
  };
  walk(path.join(root, dir));
  return out.sort();
}

/** Whether a file, or anything it imports relatively, mentions testDatabase: only those tests touch a database. */
const mentionsDb = new Map<string, { hit: boolean; deps: string[] }>();
function usesTestDatabase(entry: string): boolean {
  const seen = new Set<string>();
  const todo = [path.join(root, entry)];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    let info = mentionsDb.get(file);
    if (!info) {
      const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      const deps = findImports(scan(text))
        .filter((i) => i.spec.startsWith('.'))
        .map((i) => path.resolve(path.dirname(file), i.spec).replace(/\.[mc]?js$/, ''))
        .flatMap((base) => ['.ts', '.tsx', '.mts'].map((ext) => base + ext).filter((f) => fs.existsSync(f)));
      info = { hit: text.includes('testDatabase'), deps };
      mentionsDb.set(file, info);
    }
    if (info.hit) return true;
    todo.push(...info.deps);
  }
  return false;
}

const isBrowser = (f: string) => f.split(path.sep).join('/').startsWith('test/browser/');

/** Runs a command with output passed through; for node --test runs also counts the closing lines. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, countTests: boolean): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', countTests ? 'pipe' : 'inherit', 'inherit'] });
    current = child;
    const seen: { pass?: number; fail?: number; cancelled?: number } = {};
    let partial = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      lines.forEach(count);
    });
    // The summary lines come once, at column 0, at the very end (TAP escapes a test's own "# pass" output).
    const count = (line: string) => {
      const m = /^# (pass|fail|cancelled) (\d+)\s*$/.exec(line);
      if (m) seen[m[1] as 'pass' | 'fail' | 'cancelled'] = Number(m[2]);
    };
    child.on('error', (e) => { console.error(`${cmd}: ${e.message}`); });
    child.on('close', (code, signal) => {
      current = undefined;
      count(partial);
      const ok = code === 0;
      if (countTests) {
        totals.passed += seen.pass ?? 0;
        // Cancelled tests (timeouts, a file that crashed mid-run) fail the run, so they count as failed.
        const failed = (seen.fail ?? 0) + (seen.cancelled ?? 0);
        totals.failed += failed === 0 && !ok ? 1 : failed;
      } else if (!ok) {
        totals.failed += 1;
      }
      if (signal) console.error(`${cmd} killed by ${signal}`);
      resolve(ok);
    });
  });
}

function nodeTest(files: string[], concurrency: number, env: NodeJS.ProcessEnv): Promise<boolean> {
  return run(process.execPath, [
    '--import', 'tsx', '--test', '--test-reporter=tap', `--test-concurrency=${concurrency}`,
    `--test-timeout=${TEST_TIMEOUT_MS}`, ...files,
  ], env, true);
}

async function timed(name: string, body: () => Promise<boolean>): Promise<boolean> {
  console.log(`\n==> ${name}`);
  const started = performance.now();
  const ok = await body();
  console.log(`<== ${name}: ${ok ? 'ok' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(1)}s`);
  return ok;
}

async function main(): Promise<boolean> {
  const { steps, files } = parseArgs(process.argv.slice(2));
  const databaseUrl = process.env.DATABASE_URL;
  const { DATABASE_URL: _dropped, ...envWithoutDb } = process.env;
  const unitFiles = files.length > 0
    ? files.filter((f) => !isBrowser(f))
    : [...findTests('src'), ...findTests('scripts'), ...findTests('test').filter((f) => !isBrowser(f))];
  const browserFiles = files.length > 0 ? files.filter(isBrowser) : findTests('test/browser');

  // The local bin directly: npx costs ~0.5 s of npm startup for nothing.
  const tsc = fs.existsSync(path.join(root, 'node_modules/.bin/tsc')) ? 'node_modules/.bin/tsc' : 'npx';
  const tscArgs = [...(tsc === 'npx' ? ['--no-install', 'tsc'] : []), '--noEmit', '-p', 'tsconfig.json'];
  if (steps.has('typecheck') && !(await timed('typecheck', () => run(tsc, tscArgs, process.env, false)))) return false;

  if (steps.has('lint') && !(await timed('lint', () =>
    run(process.execPath, ['--import', 'tsx', 'scripts/lint.ts'], process.env, false)))) return false;

  if (steps.has('unit') && unitFiles.length > 0) {
    if (!(await timed(`unit + module tests on PGlite (${unitFiles.length} files)`, () =>
      nodeTest(unitFiles, 2, envWithoutDb)))) return false;
    if (databaseUrl) {
      // Only files that set up a database behave differently on the real server.
      const dbFiles = unitFiles.filter(usesTestDatabase);
      const where = databaseUrl.replace(/\/\/[^@/]*@/, '//'); // no password in logs
      if (dbFiles.length === 0) console.log('\n(no tests use testDatabase: skipping the PostgreSQL pass)');
      else if (!(await timed(`module tests on PostgreSQL ${where} (${dbFiles.length} files)`, () =>
        nodeTest(dbFiles, 2, process.env)))) return false;
    } else {
      console.log('\n(DATABASE_URL not set: module tests ran on PGlite only)');
    }
  }

  if (steps.has('browser')) {
    if (browserFiles.length === 0) console.log('\n(no browser tests in test/browser)');
    else if (!(await timed(`browser tests (${browserFiles.length} files)`, () =>
      nodeTest(browserFiles, 1, process.env)))) return false;
  }
  return true;
}

// On Ctrl-C or CI's timeout, take the running child with us instead of leaving it orphaned.
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    current?.kill(sig);
    console.log(`\n${totals.passed} passed, ${totals.failed + 1} failed`);
    process.exit(sig === 'SIGINT' ? 130 : 143);
  });
}

const ok = await main();
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = ok && totals.failed === 0 ? 0 : 1;
