// The per-request state every route reads, and the application-wide dependencies handed to modules.
import type { Context } from 'hono';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import type { Catalog, I18n, Lang } from '../i18n/i18n.js';
import type { Logger } from '../log.js';
import type { Mailer } from '../mail/mailer.js';
import type { Actor } from '../auth/actor.js';
import type { FormFields } from './form.js';
import type { Flash, NavItem, PageContext, PageMunicipality } from '../views/page-context.js';
import type { MunicipalitySection } from '../module.js';

export interface AppDeps {
  config: Config;
  db: Database;
  catalog: Catalog;
  mailer: Mailer;
  log: Logger;
  /** Key for CSRF tokens and other MACs, shared by all processes through the database. */
  secret: Buffer;
  assetVersion: string;
}

export interface RequestState {
  lang: Lang;
  i18n: I18n;
  actor: Actor | null;
  csrfToken: string;
  /** The parsed body of a form post (urlencoded), read once by the CSRF check. */
  form: FormFields | null;
  flash: Flash | null;
}

export type AppEnv = { Variables: { state: RequestState; deps: AppDeps; sections: MunicipalitySection[] } };
export type AppContext = Context<AppEnv>;

export function state(c: AppContext): RequestState {
  return c.get('state');
}

export interface PageOptions {
  municipality?: PageMunicipality | null;
  /** The section's own menu; on a municipality's pages the main navigation is its sections. */
  nav?: NavItem[];
}

export function pageContext(c: AppContext, options: PageOptions = {}): PageContext {
  const s = state(c);
  const deps = c.get('deps');
  const url = new URL(c.req.url);
  const nav = options.municipality ? municipalityNav(c, options.municipality, url.pathname) : (options.nav ?? []);
  // A section's menu repeats nothing the main navigation already offers.
  const mainHrefs = new Set(nav.map((i) => i.href));
  const subnav = options.municipality ? (options.nav ?? []).filter((i) => !mainHrefs.has(i.href)) : [];
  return {
    i18n: s.i18n,
    csrfToken: s.csrfToken,
    user: s.actor ? { id: String(s.actor.id), displayName: s.actor.displayName, email: s.actor.email } : null,
    municipality: options.municipality ?? null,
    currentPath: url.pathname + url.search,
    nav,
    subnav,
    flash: s.flash,
    devOutbox: deps.config.devOutbox,
    assetVersion: deps.assetVersion,
  };
}

/** The municipality's main menu: its home page, then every module's section; the longest matching path is current. */
function municipalityNav(c: AppContext, m: PageMunicipality, pathname: string): NavItem[] {
  const { t } = state(c).i18n;
  const base = `/m/${encodeURIComponent(m.slug)}`;
  const items = [{ href: base, label: t('core.nav.home') }, ...(c.get('sections') ?? []).map((s) => ({ href: `${base}/${s.path}`, label: t(s.labelKey) }))];
  const current = items.filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`)).sort((a, b) => b.href.length - a.href.length)[0];
  return items.map((i) => ({ ...i, current: i === current }));
}
