// An in-process app over a fresh test database, with a small browser-like client (cookies, CSRF
// field, redirects) for module tests that exercise routes without a network.
import { loadConfig, type Config } from '../core/config/config.js';
import { createApp } from '../core/http/app.js';
import { buildDeps } from '../boot.js';
import { createLogger } from '../core/log.js';
import type { AppDeps } from '../core/http/context.js';
import { appModules } from '../app-modules.js';
import { testDatabase, type TestDatabase } from './test-db.js';

export interface TestApp {
  deps: AppDeps;
  db: TestDatabase;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  client(): TestClient;
  close(): Promise<void>;
}

export async function testApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const db = await testDatabase();
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), ...overrides };
  const deps = await buildDeps(config, db, createLogger(config.logLevel));
  const app = createApp(deps, appModules);
  const fetch = (path: string, init?: RequestInit) => Promise.resolve(app.request(`http://localhost${path}`, init));
  return { deps, db, fetch, client: () => new TestClient(fetch), close: () => db.destroy() };
}

export class TestClient {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly doFetch: (path: string, init?: RequestInit) => Promise<Response>) {}

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.send(path, { method: 'GET', headers });
  }

  /** Posts a form the way a browser would: with this client's cookies and, unless given, a fresh CSRF token from `formPage`. */
  async post(path: string, fields: Record<string, string | string[]>, options: { formPage?: string; csrf?: string | null } = {}): Promise<Response> {
    const body = new URLSearchParams();
    let csrf = options.csrf;
    if (csrf === undefined) csrf = await this.csrfFrom(options.formPage ?? path);
    if (csrf !== null) body.append('_csrf', csrf);
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    return this.send(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
  }

  async csrfFrom(path: string): Promise<string> {
    const page = await (await this.get(path)).text();
    const m = /name="_csrf" value="([^"]+)"/.exec(page);
    if (!m?.[1]) throw new Error(`no CSRF field on ${path}`);
    return m[1];
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async send(path: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await this.doFetch(path, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }
}
