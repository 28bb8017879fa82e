// Builds the HTTP application: security headers, language, session, CSRF and body checks, then the
// modules' routes, then localized 404 and 500 pages. Routes go route → authorize → command → view.
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ModuleManifest } from '../module.js';
import type { SessionResolver } from '../auth/actor.js';
import { negotiateLang, isLang } from '../i18n/i18n.js';
import { securityHeaders } from './security-headers.js';
import { BadRequest, decodeUtf8Strict, parseUrlEncoded, type FormFields } from './form.js';
import { checkCsrfToken, csrfToken, CSRF_COOKIE, CSRF_FIELD, newCsrfCookieValue } from './csrf.js';
import { errorPage, FLASH_COOKIE, isApi } from './respond.js';
import type { AppDeps, AppEnv, RequestState } from './context.js';
import { registerAssetRoutes } from '../views/assets.routes.js';
import { registerCoreRoutes } from './core.routes.js';
import { registerOpenApiDocument } from './api.js';
import type { Flash } from '../views/page-context.js';

export const SESSION_COOKIE = 'samskab_session';
export const LANG_COOKIE = 'samskab_lang';
/** Forms carry text, not files; uploads get their own, larger limit on their own routes. */
export const FORM_BODY_LIMIT = 256 * 1024;

const flashKinds = new Set<Flash['kind']>(['success', 'info', 'warning', 'error']);

export function createApp(deps: AppDeps, modules: ModuleManifest[]): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const sessions: SessionResolver | null = modules.find((m) => m.sessionResolver)?.sessionResolver?.(deps) ?? null;

  app.use('*', securityHeaders({ https: deps.config.secureCookies }));
  const sections = modules.flatMap((m) => m.sections ?? []).sort((a, b) => a.order - b.order);
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('sections', sections);
    const url = new URL(c.req.url);

    const sessionToken = getCookie(c, SESSION_COOKIE);
    const actor = sessionToken && sessions ? await sessions.resolve(sessionToken) : null;
    if (sessionToken && !actor) deleteCookie(c, SESSION_COOKIE, { path: '/' });

    const queryLang = url.searchParams.get('lang');
    if (isLang(queryLang)) setCookie(c, LANG_COOKIE, queryLang, { path: '/', sameSite: 'Lax', httpOnly: true, maxAge: 365 * 24 * 3600, secure: deps.config.secureCookies });
    const lang = negotiateLang({ userLang: actor?.lang, query: queryLang, cookie: getCookie(c, LANG_COOKIE), acceptLanguage: c.req.header('accept-language') });

    let csrfCookie = getCookie(c, CSRF_COOKIE);
    // The JSON API takes no form posts and its public answers are cacheable, so it sets no cookie.
    if ((!csrfCookie || !/^[A-Za-z0-9_-]{43}$/.test(csrfCookie)) && !url.pathname.startsWith('/api/')) {
      csrfCookie = newCsrfCookieValue();
      setCookie(c, CSRF_COOKIE, csrfCookie, { path: '/', httpOnly: true, sameSite: 'Lax', secure: deps.config.secureCookies });
    }

    let flash: Flash | null = null;
    const flashCookie = getCookie(c, FLASH_COOKIE);
    if (flashCookie) {
      deleteCookie(c, FLASH_COOKIE, { path: '/' });
      const [kind, key] = flashCookie.split(':', 2) as [Flash['kind'], string | undefined];
      // Only known message keys are shown: the cookie can be edited by the visitor.
      if (flashKinds.has(kind) && key && deps.catalog.has(key)) flash = { kind, message: deps.catalog.format(lang, key) };
    }

    const requestState: RequestState = {
      lang,
      i18n: deps.catalog.i18n(lang),
      actor,
      csrfToken: csrfCookie ? csrfToken(deps.secret, csrfCookie) : '',
      form: null,
      flash,
    };
    c.set('state', requestState);
    await next();
  });

  // Routes that take files declare it in their module's manifest; only they get a larger limit.
  const uploads = modules.flatMap((m) => m.uploads ?? []);
  const uploadRoute = (method: string, path: string) => (method === 'POST' ? uploads.find((u) => u.pattern.test(path)) : undefined);
  const formLimit = bodyLimit({ maxSize: FORM_BODY_LIMIT, onError: (c) => errorPage(c as never, 413) });
  const uploadLimits = new Map(uploads.map((u) => [u, bodyLimit({ maxSize: u.maxSize, onError: (c) => errorPage(c as never, 413) })]));
  app.use('*', (c, next) => {
    // Bodies of GET and HEAD are never read; checking them would make the adapter build a full Request.
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    const upload = uploadRoute(c.req.method, new URL(c.req.url).pathname);
    return (upload ? uploadLimits.get(upload)! : formLimit)(c, next);
  });

  // Every state-changing request from a page is a form post with a valid CSRF token.
  app.use('*', async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    if (isApi(c)) return next();
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    let fields: FormFields;
    if (type === 'multipart/form-data' && uploadRoute(method, new URL(c.req.url).pathname)) {
      // Hono caches the parsed body, so the route reads the same files with c.req.parseBody().
      const body = await c.req.parseBody({ all: true }).catch(() => {
        throw new BadRequest(400, 'malformed');
      });
      fields = {};
      for (const [key, value] of Object.entries(body)) {
        const strings = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
        if (strings.length === 1) fields[key] = strings[0]!;
        else if (strings.length > 1) fields[key] = strings;
      }
    } else if (type === 'application/x-www-form-urlencoded') {
      fields = parseUrlEncoded(decodeUtf8Strict(await c.req.arrayBuffer()));
    } else {
      return errorPage(c, 415);
    }
    const token = fields[CSRF_FIELD];
    const check = checkCsrfToken(deps.secret, getCookie(c, CSRF_COOKIE), Array.isArray(token) ? token[0] : token);
    if (check !== 'ok') {
      const messageKey = check === 'expired' ? 'core.error.csrfExpired' : 'core.error.csrfInvalid';
      // Until these texts exist the status's own explanation is shown, never the bare key.
      return errorPage(c, 403, deps.catalog.has(messageKey) ? { messageKey } : {});
    }
    c.get('state').form = fields;
    return next();
  });

  registerAssetRoutes(app);
  registerCoreRoutes(app, deps);
  registerOpenApiDocument(app);
  for (const m of modules) m.routes?.(app, deps);

  app.notFound((c) => errorPage(c, 404));
  app.onError((error, c) => {
    if (error instanceof BadRequest) return errorPage(c, error.status);
    if (error instanceof HTTPException && error.status < 500) return errorPage(c, error.status === 404 ? 404 : 400);
    deps.log.error('unhandled error', { error, method: c.req.method, path: new URL(c.req.url).pathname });
    // The state may be missing if the error happened before it was set.
    if (!c.get('state')) return isApi(c) ? c.json({ error: { status: 500 } }, 500) : c.text('Internal Server Error', 500);
    return errorPage(c, 500);
  });
  return app;
}
