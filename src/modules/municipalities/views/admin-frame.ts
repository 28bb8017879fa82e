// What every admin page shares: the sections in the main menu and the breadcrumb trail.
import type { Crumb } from '../../../core/views/components.js';
import type { I18n } from '../../../core/i18n/i18n.js';
import type { NavItem } from '../../../core/views/page-context.js';
import type { Municipality } from '../municipalities.types.js';

export type AdminSection = 'overview' | 'areas' | 'themes' | 'settings';

export function adminBase(m: Pick<Municipality, 'slug'>): string {
  return `/m/${encodeURIComponent(m.slug)}/admin`;
}

/** Admins get every section in the menu; facilitators see only the overview, so they get no menu. */
export function adminNav(t: I18n['t'], m: Pick<Municipality, 'slug'>, current: AdminSection | null, canManage: boolean): NavItem[] {
  if (!canManage) return [];
  const base = adminBase(m);
  const items: [AdminSection | 'staff', string][] = [
    ['overview', base],
    ['areas', `${base}/areas`],
    ['themes', `${base}/themes`],
    ['settings', `${base}/settings`],
    ['staff', `${base}/staff`],
  ];
  return items.map(([section, href]) => ({ href, label: t(`municipalities.admin.nav.${section}`), current: section === current }));
}

/** Samskab › Municipality › Administration › …trail; the last crumb is the current page. */
export function adminCrumbs(t: I18n['t'], m: Pick<Municipality, 'slug' | 'name'>, trail: Crumb[] = []): Crumb[] {
  return [
    { label: t('core.siteName'), href: '/' },
    { label: m.name, href: `/m/${encodeURIComponent(m.slug)}` },
    { label: t('municipalities.admin.title'), href: adminBase(m) },
    ...trail,
  ];
}
