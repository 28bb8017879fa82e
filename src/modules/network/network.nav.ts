// The network's own menu, shared by the library, search, comparison and meetings pages.
import type { AppContext } from '../../core/http/context.js';
import { state } from '../../core/http/context.js';
import type { NavItem } from '../../core/views/page-context.js';

export function networkNav(c: AppContext): NavItem[] {
  const { t } = state(c).i18n;
  // An admin screen belongs to the section it manages: /network/admin/meetings/... is under meetings.
  const path = new URL(c.req.url).pathname.replace(/^\/network\/admin\//, '/network/');
  const items = [
    { href: '/network', label: t('network.nav.network') },
    { href: '/network/cases', label: t('network.nav.cases') },
    { href: '/network/compare', label: t('network.nav.compare') },
    { href: '/network/seasons', label: t('network.seasons.title') },
    { href: '/network/meetings', label: t('network.meetings.title') },
    { href: '/network/members', label: t('network.directory.title') },
  ];
  const current = items.find((i) => path === i.href || (i.href !== '/network' && path.startsWith(`${i.href}/`))) ?? (path === '/network' ? items[0] : undefined);
  return items.map((i) => ({ ...i, current: i === current }));
}
