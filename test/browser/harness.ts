// Browser test harness: per test file, a real SMTP server, the app on 127.0.0.1 (fresh database),
// and Debian Chromium through playwright-core with one JavaScript-enabled and one JavaScript-disabled
// context. Every page a test lands on is checked the same way (status, axe-core WCAG 2.1 A/AA,
// console errors, failed assets) and screenshotted to .tmp/screens/ for humans.
//
// axe needs JavaScript with working timers, so it cannot run in the no-JS context (page.evaluate
// works there, but setTimeout never fires and axe.run never settles). For a no-JS page we take the
// DOM the no-JS browser has, serve exactly that HTML at the same URL to a page in the JS context
// (its CSS and images still come from the app), and run axe there. The page's CSP forbids inline
// scripts, so axe is injected with page.evaluate (DevTools evaluation is not subject to CSP)
// instead of addScriptTag, which CSP blocks; the contexts keep the real CSP so violations show up.
import { after, before, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page, type Response } from 'playwright-core';
import { appModules } from '../../src/app-modules.js';
import { buildDeps, seedOnce } from '../../src/boot.js';
import { loadConfig, readEnv, repoRoot, type Config } from '../../src/core/config/config.js';
import type { AppDeps } from '../../src/core/http/context.js';
import { createLogger } from '../../src/core/log.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { testDatabase, type TestDatabase } from '../../src/testing/test-db.js';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../../src/testing/smtp.js';

export type { ReceivedMail, TestSmtp };

const CHROMIUM = readEnv('CHROMIUM_PATH') ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const SCREENS_DIR = path.join(repoRoot, '.tmp', 'screens');

export interface HarnessOptions {
  /**
   * Demo data: true runs every module's seed (as `samskab seed` does); a list runs only those modules'
   * seeds, in app order — seeding all modules takes seconds that a file may not need.
   */
  seed?: boolean | string[];
  config?: Partial<Config>;
}

export interface PageOptions {
  js: boolean;
  /** Viewport width in CSS pixels (height 800). Default 1280. */
  width?: number;
  /** Start without cookies (default true): each test is its own visitor. */
  freshCookies?: boolean;
}

export interface CheckOptions {
  /** The status the page must have; default: any status below 400. */
  status?: number;
  /** Skip axe for this one check (the URL then fails the registry test unless checked later). */
  skipAxe?: boolean;
}

interface Visit {
  url: string;
  test: string;
  mode: 'js' | 'nojs';
  width: number;
  axe: boolean;
}

interface PageState {
  test: string;
  mode: 'js' | 'nojs';
  /** Problems (console errors, failed assets) seen since the last check. */
  problems: string[];
  /** The document response of the last main-frame navigation. */
  lastDocument: Response | null;
}

export interface Harness {
  readonly baseUrl: string;
  readonly smtp: TestSmtp;
  readonly deps: AppDeps;
  readonly db: TestDatabase;
  readonly js: BrowserContext;
  readonly nojs: BrowserContext;
  /** A new tab in the JS or no-JS context, labelled with the test's name for screenshots. */
  page(t: TestContext, options: PageOptions): Promise<Page>;
  /** Navigate to a path (or full URL), then `check`. */
  visit(page: Page, pathOrUrl: string, options?: CheckOptions): Promise<Response | null>;
  /** Click something that navigates (a link or a submit button), wait for the new page, then `check`. */
  navigateBy(page: Page, target: Locator, options?: CheckOptions): Promise<Response | null>;
  /** Status, axe, console errors and failed assets on the page as it is now; records the URL and saves a screenshot. */
  check(page: Page, options?: CheckOptions): Promise<void>;
  /** Only axe (no status, screenshot or console checks), e.g. after a change inside the page; fails with a readable list. */
  expectNoAxeViolations(page: Page): Promise<void>;
  /** The registry test: every URL a page navigated to was checked with axe. */
  assertEveryVisitChecked(): void;
  visits(): readonly Visit[];
  close(): Promise<void>;
}

function slug(s: string): string {
  return s.normalize('NFKD').replace(/[^\w]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 80) || 'page';
}

const profileDirs: string[] = [];

function launch(javaScriptEnabled: boolean): Promise<BrowserContext> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  return mkdtemp(path.join(tmpdir(), 'samskab-chrome-')).then(async (dir) => {
    profileDirs.push(dir);
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM,
      headless: true,
      javaScriptEnabled,
      // Accept-Language decides the first page's language; Danish is the site's default audience.
      locale: 'da-DK',
      viewport: { width: 1280, height: 800 },
      args: CHROMIUM_ARGS,
    });
    return context;
  });
}

let axeSource: Promise<string> | undefined;
function axeScript(): Promise<string> {
  axeSource ??= readFile(path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  return axeSource;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe in a JS-enabled page; returns the violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(await axeScript());
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, AXE_TAGS);
}

export function formatViolations(where: string, violations: AxeViolation[]): string {
  const lines = [`axe: ${violations.length} WCAG 2.1 A/AA violation(s) on ${where}:`];
  for (const v of violations) {
    lines.push(`  - ${v.id} [${v.impact ?? 'n/a'}] ${v.help}`);
    for (const n of v.nodes.slice(0, 8)) {
      const summary = (n.failureSummary ?? '').split('\n').slice(1, 2).join(' ').trim();
      lines.push(`      ${n.target.map(String).join(' >> ')}${summary ? `  — ${summary}` : ''}`);
    }
    if (v.nodes.length > 8) lines.push(`      … and ${v.nodes.length - 8} more`);
    lines.push(`      ${v.helpUrl}`);
  }
  return lines.join('\n');
}

/**
 * Starts SMTP, app and both browser contexts before the file's tests and stops them after.
 * Returns a getter, because the harness exists only once `before` has run.
 */
export function useHarness(options: HarnessOptions = {}): () => Harness {
  let harness: Harness | undefined;
  before(async () => {
    harness = await startHarness(options);
  });
  after(async () => {
    await harness?.close();
  });
  return () => {
    if (!harness) throw new Error('harness not started (use it inside a test)');
    return harness;
  };
}

/** A last test for a file: every page visited was checked with axe. */
export function registryTest(h: () => Harness): void {
  test('axe ran on every page the tests visited', () => h().assertEveryVisitChecked());
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const started = performance.now();
  const lap = (what: string) => { if (readEnv('BROWSER_TEST_TIMING')) console.error(`# harness: ${what} at ${Math.round(performance.now() - started)} ms`); };
  // Chromium starts while the database loads and the seed runs: together they are most of the set-up time.
  const browsers = Promise.all([launch(true), launch(false)]);
  browsers.catch(() => {}); // awaited below; this only stops an early failure elsewhere from leaving it unhandled
  const smtp = await startTestSmtp();
  let db: TestDatabase | undefined;
  let server: RunningServer | undefined;
  try {
    db = await testDatabase();
    lap('database ready');
    const config: Config = {
      ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
      smtpUrl: smtp.url,
      logLevel: 'silent',
      ...options.config,
    };
    const deps = await buildDeps(config, db, createLogger(config.logLevel));
    if (options.seed === true) await seedOnce(deps, () => {});
    else if (options.seed) await seedModules(deps, options.seed);
    lap('seeded');
    server = await startServer(deps, 0, '127.0.0.1');
    // The port is known only once listening; mail links read config.baseUrl when they are composed.
    config.baseUrl = `http://127.0.0.1:${server.port}`;
    const [js, nojs] = await browsers;
    lap('browsers launched');
    return makeHarness({ smtp, db, deps, server, js, nojs });
  } catch (error) {
    await browsers.then(([a, b]) => Promise.allSettled([a.close(), b.close()]), () => {});
    await Promise.allSettled(profileDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
    await server?.close();
    await db?.destroy();
    await smtp.close();
    throw error;
  }
}

async function seedModules(deps: AppDeps, names: string[]): Promise<void> {
  const unknown = names.filter((n) => !appModules.some((m) => m.name === n));
  if (unknown.length > 0) throw new Error(`no such module to seed: ${unknown.join(', ')}`);
  for (const m of appModules) if (names.includes(m.name)) await m.seed?.(deps, () => {});
}

function makeHarness(parts: { smtp: TestSmtp; db: TestDatabase; deps: AppDeps; server: RunningServer; js: BrowserContext; nojs: BrowserContext }): Harness {
  const { smtp, db, deps, server, js, nojs } = parts;
  const baseUrl = deps.config.baseUrl;
  const states = new WeakMap<Page, PageState>();
  const shotCounters = new Map<string, number>();
  const visits: Visit[] = [];
  let axePage: Page | undefined;

  const widthOf = (page: Page) => page.viewportSize()?.width ?? 1280;

  const watch = (page: Page, state: PageState) => {
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      // A document's own 4xx/5xx is reported here too; the status check handles documents, and
      // failed sub-resources are caught below with their URL.
      if (/^Failed to load resource/.test(m.text())) return;
      state.problems.push(`console error: ${m.text()}`);
    });
    page.on('pageerror', (e) => state.problems.push(`uncaught exception: ${e.message}`));
    page.on('requestfailed', (r) => {
      if (r.frame() === page.mainFrame() && r.isNavigationRequest()) return;
      state.problems.push(`request failed: ${r.method()} ${r.url()} (${r.failure()?.errorText ?? '?'})`);
    });
    page.on('response', (r) => {
      const req = r.request();
      if (req.isNavigationRequest() && req.frame() === page.mainFrame()) {
        state.lastDocument = r;
        if (r.status() < 300 || r.status() >= 400) {
          visits.push({ url: r.url(), test: state.test, mode: state.mode, width: widthOf(page), axe: false });
        }
        return;
      }
      if (r.status() >= 400) state.problems.push(`sub-resource ${r.status()}: ${req.method()} ${r.url()}`);
    });
  };

  const screenshot = async (page: Page, state: PageState) => {
    const key = slug(`${state.test}`);
    const n = (shotCounters.get(key) ?? 0) + 1;
    shotCounters.set(key, n);
    await mkdir(SCREENS_DIR, { recursive: true });
    // A long page on a busy machine can take seconds to capture; the short default is for finding elements.
    await page.screenshot({ path: path.join(SCREENS_DIR, `${key}-${n}.png`), fullPage: true, timeout: 30_000 });
  };

  /** Axe on what a no-JS page shows: the same HTML, served at the same URL to a JS-enabled tab. */
  const axeForNoJs = async (page: Page): Promise<AxeViolation[]> => {
    const html = await page.content();
    const url = page.url().replace(/#.*$/, '');
    axePage ??= await js.newPage();
    await axePage.setViewportSize(page.viewportSize() ?? { width: 1280, height: 800 });
    const matches = (u: URL) => u.href.replace(/#.*$/, '') === url;
    await axePage.route(matches, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }), { times: 1 });
    try {
      await axePage.goto(url, { waitUntil: 'load' });
    } finally {
      await axePage.unroute(matches);
    }
    return runAxe(axePage);
  };

  const check: Harness['check'] = async (page, opts = {}) => {
    const state = states.get(page);
    if (!state) throw new Error('use harness.page() to open pages');
    const url = page.url();
    const where = `${new URL(url).pathname}${new URL(url).search} (${state.mode === 'js' ? 'JS on' : 'JS off'}, ${widthOf(page)}px, test "${state.test}")`;
    // Everything is checked before anything fails, so one run shows all that is wrong with a page.
    const failures: string[] = [];
    const status = state.lastDocument?.status();
    if (opts.status !== undefined ? status !== opts.status : !(status !== undefined && status < 400)) {
      failures.push(`status is ${status}, expected ${opts.status ?? 'below 400'}`);
    }
    const t0 = performance.now();
    const [, violations] = await Promise.all([
      screenshot(page, state),
      opts.skipAxe ? Promise.resolve(null) : state.mode === 'js' ? runAxe(page) : axeForNoJs(page),
    ]);
    if (readEnv('BROWSER_TEST_TIMING')) console.error(`# check ${where}: ${Math.round(performance.now() - t0)} ms`);
    const problems = state.problems.splice(0);
    if (problems.length > 0) failures.push(`console errors or failed requests:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    if (violations) {
      const base = url.replace(/#.*$/, '');
      for (const v of visits) if (v.url.replace(/#.*$/, '') === base && v.test === state.test && v.mode === state.mode) v.axe = true;
      if (violations.length > 0) failures.push(formatViolations('the page', violations));
    }
    if (failures.length > 0) assert.fail(`${where}:\n${failures.join('\n')}`);
  };

  const harness: Harness = {
    baseUrl,
    smtp,
    deps,
    db,
    js,
    nojs,
    async page(t, opts) {
      const context = opts.js ? js : nojs;
      if (opts.freshCookies ?? true) await context.clearCookies();
      const page = await context.newPage();
      // Pages answer in milliseconds here; a missing label should fail fast, not after 30 s.
      page.setDefaultTimeout(5_000);
      // Loading a page is the server's work, which a loaded CI machine slows down; that is not a missing label.
      page.setDefaultNavigationTimeout(30_000);
      await page.setViewportSize({ width: opts.width ?? 1280, height: 800 });
      const state: PageState = { test: t.name, mode: opts.js ? 'js' : 'nojs', problems: [], lastDocument: null };
      states.set(page, state);
      watch(page, state);
      return page;
    },
    async visit(page, target, opts) {
      const url = /^https?:/.test(target) ? target : baseUrl + target;
      const response = await page.goto(url, { waitUntil: 'load' });
      await check(page, opts);
      return response;
    },
    async navigateBy(page, target, opts) {
      const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), target.click()]);
      await check(page, opts);
      return response;
    },
    check,
    async expectNoAxeViolations(page) {
      const state = states.get(page);
      if (!state) throw new Error('use harness.page() to open pages');
      const violations = state.mode === 'js' ? await runAxe(page) : await axeForNoJs(page);
      const base = page.url().replace(/#.*$/, '');
      for (const v of visits) if (v.url.replace(/#.*$/, '') === base && v.test === state.test && v.mode === state.mode) v.axe = true;
      if (violations.length > 0) assert.fail(formatViolations(`${page.url()} (${state.mode === 'js' ? 'JS on' : 'JS off'}, ${widthOf(page)}px)`, violations));
    },
    assertEveryVisitChecked() {
      assert.ok(visits.length > 0, 'no pages were visited');
      const missing = visits.filter((v) => !v.axe).map((v) => `${v.url} (${v.mode}, ${v.width}px, test "${v.test}")`);
      assert.deepEqual(missing, [], 'pages visited without an axe check');
    },
    visits: () => visits,
    async close() {
      await Promise.allSettled([js.close(), nojs.close()]);
      await Promise.allSettled(profileDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
      await server.close();
      await smtp.close();
      await db.destroy();
    },
  };
  return harness;
}

/** The first link in a mail's text that starts with the app's base URL and has `pathPrefix`. */
export function linkInMail(mail: ReceivedMail, baseUrl: string, pathPrefix: string): string {
  const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`${escape(baseUrl + pathPrefix)}[^\\s<>"]*`);
  const m = re.exec(mail.text);
  assert.ok(m, `no ${baseUrl}${pathPrefix}… link in mail "${mail.subject}":\n${mail.text}`);
  return m[0];
}
