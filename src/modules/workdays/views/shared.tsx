// Helpers the work day pages share: URLs, times in the municipality's zone, breadcrumbs.
import type { I18n } from '../../../core/i18n/i18n.js';
import type { Crumb } from '../../../core/views/components.js';

export interface MunicipalityView {
  slug: string;
  name: string;
  timeZone: string;
}

const enc = encodeURIComponent;
export const urls = {
  list: (m: string) => `/m/${enc(m)}/workdays`,
  create: (m: string) => `/m/${enc(m)}/workdays/new`,
  day: (m: string, id: number) => `/m/${enc(m)}/workdays/${id}`,
  dayIcs: (m: string, id: number) => `/m/${enc(m)}/workdays/${id}/calendar.ics`,
  signUp: (m: string, dayId: number, shiftId: number) => `/m/${enc(m)}/workdays/${dayId}/shifts/${shiftId}/signup`,
  assign: (m: string, dayId: number, shiftId: number) => `/m/${enc(m)}/workdays/${dayId}/shifts/${shiftId}/staff`,
  guest: (m: string, dayId: number) => `/m/${enc(m)}/workdays/${dayId}/guest`,
  cancel: (m: string, signupId: number) => `/m/${enc(m)}/workdays/signups/${signupId}/cancel`,
  attendance: (m: string, dayId: number) => `/m/${enc(m)}/workdays/${dayId}/attendance`,
  verify: (m: string, dayId: number) => `/m/${enc(m)}/workdays/${dayId}/verify`,
  mine: (m: string) => `/m/${enc(m)}/workdays/mine`,
  cantCome: (m: string, token: string) => `/m/${enc(m)}/workdays/cant-come/${token}`,
  settings: (m: string) => `/m/${enc(m)}/workdays/settings`,
  hours: (m: string) => `/m/${enc(m)}/workdays/hours`,
  arrangement: (m: string, userId: number) => `/m/${enc(m)}/workdays/people/${userId}/arrangement`,
  reportNew: (m: string) => `/m/${enc(m)}/workdays/reports/new`,
  reportsMine: (m: string) => `/m/${enc(m)}/workdays/reports/mine`,
  reportsQueue: (m: string) => `/m/${enc(m)}/workdays/reports`,
  report: (m: string, id: number) => `/m/${enc(m)}/workdays/reports/${id}`,
  reportImage: (m: string, id: number) => `/m/${enc(m)}/workdays/reports/${id}/image`,
  login: (next: string) => `/login?next=${enc(next)}`,
};

export function formatWhen(i18n: I18n, tz: string, start: Date, end: Date): string {
  const day = i18n.formatDate(start, { timeZone: tz, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return `${day}, ${formatTime(i18n, tz, start)}–${formatTime(i18n, tz, end)}`;
}

export function formatTime(i18n: I18n, tz: string, d: Date): string {
  return i18n.formatDate(d, { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

export function crumbs(t: I18n['t'], m: MunicipalityView, rest: Crumb[]): Crumb[] {
  return [{ label: m.name, href: `/m/${enc(m.slug)}` }, { label: t('workdays.title'), href: urls.list(m.slug) }, ...rest];
}

export function hoursText(i18n: I18n, minutes: number): string {
  return i18n.formatNumber(minutes / 60, { maximumFractionDigits: 2 });
}
