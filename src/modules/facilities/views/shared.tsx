// What the facilities pages share: addresses, breadcrumbs, and times shown in the municipality's zone.
import type { Crumb } from '../../../core/views/components.js';
import type { I18n } from '../../../core/i18n/i18n.js';
import type { NavItem } from '../../../core/views/page-context.js';
import { toWallClock } from '../facilities.time.js';
import type { BookingStatus } from '../facilities.types.js';

export interface Place {
  slug: string;
  name: string;
  timeZone: string;
}

export function facilitiesBase(m: Pick<Place, 'slug'>): string {
  return `/m/${encodeURIComponent(m.slug)}/facilities`;
}

export function crumbs(t: I18n['t'], m: Pick<Place, 'slug' | 'name'>, trail: Crumb[] = []): Crumb[] {
  const list: Crumb = trail.length ? { label: t('facilities.title'), href: facilitiesBase(m) } : { label: t('facilities.title') };
  return [{ label: t('core.siteName'), href: '/' }, { label: m.name, href: `/m/${encodeURIComponent(m.slug)}` }, list, ...trail];
}

export type Section = 'list' | 'mine' | 'requests' | 'seasons' | 'new';

export function facilitiesNav(t: I18n['t'], m: Pick<Place, 'slug'>, current: Section | null, signedIn: boolean, staff: boolean): NavItem[] {
  const base = facilitiesBase(m);
  const items: [Section, string][] = [['list', base]];
  if (signedIn) items.push(['mine', `${base}/bookings`]);
  items.push(['seasons', `${base}/seasons`]);
  if (staff) items.push(['requests', `${base}/requests`], ['new', `${base}/new`]);
  return items.map(([s, href]) => ({ href, label: t(`facilities.nav.${s}`), current: s === current }));
}

/** "HH:MM" of an instant in the municipality's zone. */
export function localTime(d: Date, tz: string): string {
  return toWallClock(d, tz).time;
}

export function localDate(d: Date, tz: string): string {
  return toWallClock(d, tz).date;
}

/** A local date ('YYYY-MM-DD') in words, e.g. "torsdag 3. december 2026". */
export function dateInWords(i18n: I18n, date: string, style: 'full' | 'long' | 'medium' = 'full'): string {
  return i18n.formatDate(new Date(`${date}T12:00:00Z`), { dateStyle: style, timeZone: 'UTC' });
}

/** "torsdag 3. december 2026, 16:00–18:00" in the municipality's zone. */
export function slotInWords(i18n: I18n, start: Date, end: Date, tz: string): string {
  const d = localDate(start, tz);
  const endDate = localDate(end, tz);
  const endText = endDate === d ? localTime(end, tz) : `${dateInWords(i18n, endDate, 'medium')} ${localTime(end, tz)}`;
  return `${dateInWords(i18n, d)}, ${localTime(start, tz)}–${endText}`;
}

export function statusBadgeKind(s: BookingStatus): 'success' | 'warning' | 'neutral' | 'error' {
  return s === 'confirmed' ? 'success' : s === 'pending' ? 'warning' : s === 'rejected' ? 'error' : 'neutral';
}

export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
