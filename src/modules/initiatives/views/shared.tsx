// Small pieces the initiative pages share: state badges, list cards and the module's navigation.
import type { Child } from 'hono/jsx';
import { Badge, type BadgeKind } from '../../../core/views/components.js';
import type { I18n } from '../../../core/i18n/i18n.js';
import type { NavItem } from '../../../core/views/page-context.js';
import type { State } from '../initiatives.lifecycle.js';
import type { InitiativeSummary } from '../initiatives.types.js';
import { excerpt } from '../initiatives.text.js';

const badgeKinds: Record<State, BadgeKind> = {
  idea: 'neutral',
  open_for_support: 'info',
  in_dialogue: 'info',
  agreed: 'success',
  active: 'success',
  completed: 'success',
  evaluated: 'success',
  declined: 'error',
  paused: 'warning',
};

export function StateBadge({ state, i18n }: { state: State; i18n: I18n }) {
  return <Badge kind={badgeKinds[state]}>{i18n.t(`initiatives.state.${state}`)}</Badge>;
}

export interface Names {
  areas: Map<number, string>;
  themes: Map<number, string>;
}

/**
 * The section's own menu, under the municipality's main navigation (which already links the list):
 * proposing, the signed-in person's notifications, and the workspace for facilitators.
 */
export function initiativesNav(i18n: I18n, slug: string, current: 'propose' | 'list' | 'facilitate' | null, opts: { signedIn: boolean; facilitates: boolean }): NavItem[] {
  const base = `/m/${encodeURIComponent(slug)}`;
  const items: NavItem[] = [{ href: `${base}/initiatives/new`, label: i18n.t('initiatives.nav.propose'), current: current === 'propose' }];
  if (opts.signedIn) items.push({ href: '/notifications', label: i18n.t('initiatives.nav.notifications') });
  if (opts.facilitates) items.push({ href: `${base}/facilitate`, label: i18n.t('initiatives.nav.facilitate'), current: current === 'facilitate' });
  return items;
}

/** A list card: title and excerpt carry their own language; the meta line says state, place and support. */
export function InitiativeCard(props: { i18n: I18n; slug: string; item: InitiativeSummary; names: Names; headingLevel?: 2 | 3; children?: Child }) {
  const { i18n, item, names } = props;
  const { t } = i18n;
  const formatDate = dates(i18n);
  const H = `h${props.headingLevel ?? 2}` as 'h2';
  const place = [item.areaId !== null ? names.areas.get(item.areaId) : null, item.themeId !== null ? names.themes.get(item.themeId) : null].filter(Boolean).join(' · ');
  return (
    <article class="card collapsed-height app-card">
      <div class="card-content">
        <H class="h3 app-card-title">
          <a href={`/m/${encodeURIComponent(props.slug)}/initiatives/${item.id}`} lang={item.lang}>
            {item.title}
          </a>
        </H>
        <div class="app-card-labels">
          <StateBadge state={item.state} i18n={i18n} />
        </div>
        <p class="app-card-meta">
          {[
            place,
            t('initiatives.list.supporters', { count: item.supportCount }),
            t('initiatives.list.comments', { count: item.commentCount }),
            t('initiatives.list.lastActive', { date: formatDate(item.lastActivityAt, { dateStyle: 'medium' }) }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <p class="app-card-text" lang={item.lang}>
          {excerpt(item.excerpt, 200)}
        </p>
        {props.children}
      </div>
    </article>
  );
}

/** Field errors arrive as i18n keys (from the zod schemas); forms show them in the page's language. */
export function translated(i18n: I18n, errors: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) if (v) out[k] = i18n.t(v);
  return out;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Dates as I18n.formatDate writes them, with the formatter kept: building an Intl.DateTimeFormat costs
 * far more than using one, and a list page formats a date per card.
 */
export function dates(i18n: I18n): (d: Date, options?: Intl.DateTimeFormatOptions) => string {
  return (d, options) => {
    const key = `${i18n.lang}|${JSON.stringify(options ?? null)}`;
    let f = dateFormats.get(key);
    if (!f) {
      f = new Intl.DateTimeFormat(i18n.lang === 'da' ? 'da-DK' : 'en-GB', { timeZone: 'Europe/Copenhagen', ...(options ?? { dateStyle: 'long' }) });
      dateFormats.set(key, f);
    }
    return f.format(d);
  };
}

export function formatKroner(i18n: I18n, ore: number): string {
  return i18n.formatNumber(ore / 100, { style: 'currency', currency: 'DKK', maximumFractionDigits: ore % 100 === 0 ? 0 : 2 });
}

/** Select options for the text-language field. */
export function langOptions(i18n: I18n) {
  return [
    { value: 'da', label: i18n.t('core.language.da') },
    { value: 'en', label: i18n.t('core.language.en') },
  ];
}
