// Small helpers every facilities route shares: the municipality in the URL, ids, sign-in, page frame.
import type { AppContext, AppDeps } from '../../core/http/context.js';
import { pageContext, state } from '../../core/http/context.js';
import { errorPage } from '../../core/http/respond.js';
import { loadMunicipality, type Municipality } from '../municipalities/index.js';
import { can } from './facilities.policy.js';
import { facilitiesNav, type Section } from './views/shared.js';

export const PRINT_CSS_PATH = '/assets/facilities/print.css';

export function facilitiesPage(c: AppContext, m: Municipality, section: Section | null) {
  const { i18n, actor } = state(c);
  return pageContext(c, { municipality: m, nav: facilitiesNav(i18n.t, m, section, actor !== null, can(actor, 'manage_bookings', m.id)) });
}

export async function place(c: AppContext, deps: AppDeps): Promise<Municipality | null> {
  return loadMunicipality(deps, c.req.param('slug') ?? '');
}

export function idParam(c: AppContext, name: string): number | null {
  const raw = c.req.param(name) ?? '';
  return /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
}

/** Anonymous GET → sign in and come back; anonymous POST → 401. */
export function needSignIn(c: AppContext, m: Municipality): Response {
  if (c.req.method === 'GET') {
    const url = new URL(c.req.url);
    return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 302);
  }
  return errorPage(c, 401, { municipality: m });
}

