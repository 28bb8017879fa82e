// Small helpers routes use to answer: pages, redirects with a flash message, and error pages.
import type { Child } from 'hono/jsx';
import { setCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { renderPage } from '../views/layout.js';
import { ErrorPage } from '../views/error-pages.js';
import { pageContext, state, type AppContext, type PageOptions } from './context.js';
import type { Flash } from '../views/page-context.js';

export const FLASH_COOKIE = 'samskab_flash';

export function html(c: AppContext, node: Child, status: ContentfulStatusCode = 200): Response {
  return c.html(renderPage(node), status);
}

/** Post/Redirect/Get: 303 to `location`, with a message (an i18n key) shown once on the next page. */
export function redirectWithFlash(c: AppContext, location: string, kind: Flash['kind'], messageKey: string): Response {
  setCookie(c, FLASH_COOKIE, `${kind}:${messageKey}`, { path: '/', httpOnly: true, sameSite: 'Lax', maxAge: 60 });
  return c.redirect(safeLocalPath(location), 303);
}

export function errorPage(c: AppContext, status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500, options: PageOptions & { messageKey?: string } = {}): Response {
  if (isApi(c)) return c.json({ error: { status, message: state(c).i18n.t(options.messageKey ?? `core.error.${status}.title`) } }, status);
  const page = pageContext(c, options);
  return html(c, ErrorPage({ page, status, ...(options.messageKey ? { messageKey: options.messageKey } : {}) }), status);
}

export function isApi(c: AppContext): boolean {
  return new URL(c.req.url).pathname.startsWith('/api/');
}

/** Only same-site paths may be redirect targets, so ?next= cannot send people to another site. */
export function safeLocalPath(target: string | undefined | null, fallback = '/'): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return fallback;
  // Browsers drop tabs and newlines from URLs and read a backslash as a slash, so "/\t/evil.example"
  // would become "//evil.example"; control characters would also break the Location header.
  if (/[\u0000-\u001f\u007f\\]/.test(target)) return fallback;
  return target;
}
