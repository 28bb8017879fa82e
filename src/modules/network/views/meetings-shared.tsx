// Small pieces shared by the season, meeting and directory pages.
import type { I18n } from '../../../core/i18n/i18n.js';
import { Badge } from '../../../core/views/components.js';
import type { Crumb } from '../../../core/views/components.js';
import type { Meeting, Registration } from '../network.meetings.types.js';
import { NETWORK_TIME_ZONE } from '../network.meetings.types.js';

const zone = { timeZone: NETWORK_TIME_ZONE };

/** "torsdag den 12. marts 2026 kl. 10.00–15.00" in Danish time, whatever the server's zone. */
export function formatMeetingWhen(i18n: I18n, start: Date, end: Date): string {
  const day = i18n.formatDate(start, { ...zone, dateStyle: 'full' });
  const time = (d: Date) => i18n.formatDate(d, { ...zone, timeStyle: 'short' });
  return i18n.t('network.meetings.when', { day, start: time(start), end: time(end) });
}

export function formatDeadline(i18n: I18n, d: Date): string {
  return i18n.formatDate(d, { ...zone, dateStyle: 'long', timeStyle: 'short' });
}

/** A season's dates as "1. august 2026 – 30. juni 2027". */
export function formatSeasonDates(i18n: I18n, startsOn: string, endsOn: string): string {
  const d = (s: string) => i18n.formatDate(new Date(`${s}T12:00:00Z`), { ...zone, dateStyle: 'long' });
  return `${d(startsOn)} – ${d(endsOn)}`;
}

/** The season's theme or description in the page's language, falling back to the other one. */
export function localized(i18n: I18n, text: { da: string | null; en: string | null }): { text: string; lang: 'da' | 'en' } | null {
  const own = text[i18n.lang];
  if (own) return { text: own, lang: i18n.lang };
  const other = i18n.lang === 'da' ? 'en' : 'da';
  const fallback = text[other];
  return fallback ? { text: fallback, lang: other } : null;
}

/** Text written with line breaks, shown with them (each line escaped as text). */
export function Lines({ text }: { text: string }) {
  const lines = text.split(/\r\n|\r|\n/);
  return (
    <>
      {lines.map((line, i) => (
        <>
          {i > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </>
  );
}

export function placesLeft(m: Meeting): number {
  return Math.max(0, m.capacity - m.confirmedCount);
}

export function StatusBadge({ i18n, mine }: { i18n: I18n; mine: Registration | null }) {
  if (!mine) return null;
  return mine.status === 'confirmed' ? <Badge kind="success">{i18n.t('network.meetings.status.confirmed')}</Badge> : <Badge kind="warning">{i18n.t('network.meetings.status.waitlisted')}</Badge>;
}

export function networkCrumbs(i18n: I18n, rest: Crumb[]): Crumb[] {
  return [{ label: i18n.t('core.siteName'), href: '/' }, { label: i18n.t('network.nav.network'), href: '/network' }, ...rest];
}
