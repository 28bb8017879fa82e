// Helpers the savings pages share: URLs, breadcrumbs, the section menu, amounts and dates.
import type { I18n } from '../../../core/i18n/i18n.js';
import type { Crumb } from '../../../core/views/components.js';
import type { NavItem } from '../../../core/views/page-context.js';
import { formatOre } from '../ledger.money.js';

export interface MunicipalityView {
  slug: string;
  name: string;
  timeZone: string;
}

const enc = encodeURIComponent;
const base = (m: string) => `/m/${enc(m)}/ledger`;
export const savingsUrls = {
  overview: (m: string) => base(m),
  agreements: (m: string) => `${base(m)}/agreements`,
  newAgreement: (m: string, initiativeId?: number) => `${base(m)}/agreements/new${initiativeId ? `?initiative=${initiativeId}` : ''}`,
  agreement: (m: string, id: number) => `${base(m)}/agreements/${id}`,
  editAgreement: (m: string, id: number) => `${base(m)}/agreements/${id}/edit`,
  agree: (m: string, id: number) => `${base(m)}/agreements/${id}/agree`,
  periods: (m: string, id: number) => `${base(m)}/agreements/${id}/periods`,
  signOff: (m: string, id: number, periodId: number) => `${base(m)}/agreements/${id}/periods/${periodId}/sign-off`,
  pots: (m: string) => `${base(m)}/pots`,
  reinvest: (m: string, potId: number) => `${base(m)}/pots/${potId}/reinvest`,
  initiativeTrail: (m: string, id: number) => `${base(m)}/trail/initiative/${id}`,
  potTrail: (m: string, id: number) => `${base(m)}/trail/pot/${id}`,
  savingsCsv: (m: string) => `${base(m)}/savings.csv`,
  volunteerRate: (m: string) => `${base(m)}/settings/volunteer-rate`,
  initiative: (m: string, id: number) => `/m/${enc(m)}/initiatives/${id}`,
  process: (m: string, id: number) => `/m/${enc(m)}/budgets/${id}`,
  login: (next: string) => `/login?next=${enc(next)}`,
};

export function savingsNav(i18n: I18n, slug: string, current: 'agreements' | 'pots' | null): NavItem[] {
  const { t } = i18n;
  return [
    { href: savingsUrls.overview(slug), label: t('ledger.savings.nav.overview') },
    { href: savingsUrls.agreements(slug), label: t('ledger.savings.nav.agreements'), current: current === 'agreements' },
    { href: savingsUrls.pots(slug), label: t('ledger.savings.nav.pots'), current: current === 'pots' },
  ];
}

export function crumbs(i18n: I18n, m: MunicipalityView, rest: Crumb[]): Crumb[] {
  return [{ label: m.name, href: `/m/${enc(m.slug)}` }, { label: i18n.t('ledger.nav.ledger'), href: savingsUrls.overview(m.slug) }, ...rest];
}

export const kr = (i18n: I18n, ore: bigint | number): string => formatOre(ore, i18n.lang === 'en' ? 'en' : 'da');

/** A calendar date (YYYY-MM-DD) as "1. januar 2025" / "1 January 2025". */
export function day(i18n: I18n, iso: string): string {
  return i18n.formatDate(new Date(`${iso}T12:00:00Z`), { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
}

export function when(i18n: I18n, tz: string, d: Date): string {
  return i18n.formatDate(d, { timeZone: tz, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

export function hours(i18n: I18n, minutes: number): string {
  return i18n.formatNumber(minutes / 60, { maximumFractionDigits: 1 });
}

/** The kind of an account as a label; a pot that belongs to a participatory budget is its envelope. */
export function kindLabel(i18n: I18n, a: { kind: string; budgetingProcessId?: number | null }): string {
  return a.kind === 'pot' && a.budgetingProcessId != null ? i18n.t('ledger.savings.kind.pbEnvelope') : i18n.t(`ledger.kind.${a.kind}`);
}
