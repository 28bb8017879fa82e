// What every page needs from the request, handed to views so they never reach for globals or the database.
import type { I18n } from '../i18n/i18n.js';

export interface NavItem {
  href: string;
  /** Already-translated label. */
  label: string;
  current?: boolean;
}

export interface Flash {
  kind: 'success' | 'info' | 'warning' | 'error';
  /** Already-translated message. */
  message: string;
}

export interface PageUser {
  id: string;
  displayName: string;
  email: string;
}

export interface PageMunicipality {
  slug: string;
  name: string;
}

export interface PageContext {
  i18n: I18n;
  /** Token for the hidden _csrf field of every POST form. */
  csrfToken: string;
  user: PageUser | null;
  municipality: PageMunicipality | null;
  /** Current path with query, used for the language switch and return-to links. */
  currentPath: string;
  /** The main navigation: on a municipality's pages, its sections (groups, initiatives, ...). */
  nav: NavItem[];
  /** The current section's own menu (e.g. an admin area's pages), shown under the main navigation. */
  subnav: NavItem[];
  flash: Flash | null;
  /** Development only: show the link to the local mail outbox. */
  devOutbox: boolean;
  /** Asset version for cache-busting URLs. */
  assetVersion: string;
}
