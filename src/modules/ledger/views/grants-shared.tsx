// Helpers the grant pages share: URLs, breadcrumbs, money and dates, status badges, the rules table.
import type { I18n } from '../../../core/i18n/i18n.js';
import { Badge, type BadgeKind, type Crumb } from '../../../core/views/components.js';
import type { PageContext } from '../../../core/views/page-context.js';
import { formatOre } from '../ledger.money.js';
import type { ApplicationStatus, GrantPool, PoolRules, TextLang } from '../ledger.grants.types.js';

export interface MunicipalityView {
  slug: string;
  name: string;
  timeZone: string;
}

const enc = encodeURIComponent;
const base = (m: string) => `/m/${enc(m)}/ledger/grants`;
export const grantUrls = {
  ledger: (m: string) => `/m/${enc(m)}/ledger`,
  pools: base,
  poolNew: (m: string) => `${base(m)}/new`,
  pool: (m: string, id: number) => `${base(m)}/${id}`,
  poolStatus: (m: string, id: number) => `${base(m)}/${id}/status`,
  fund: (m: string, id: number) => `${base(m)}/${id}/fund`,
  apply: (m: string, id: number) => `${base(m)}/${id}/apply`,
  mine: (m: string) => `${base(m)}/mine`,
  application: (m: string, id: number) => `${base(m)}/applications/${id}`,
  action: (m: string, id: number, verb: 'triage' | 'decide' | 'fast-track' | 'pay' | 'repayment' | 'close') => `${base(m)}/applications/${id}/${verb}`,
  report: (m: string, id: number) => `${base(m)}/applications/${id}/report`,
  receipt: (m: string, id: number, receiptId: number) => `${base(m)}/applications/${id}/receipts/${receiptId}`,
  login: (next: string) => `/login?next=${enc(next)}`,
};

export function crumbs(t: I18n['t'], m: MunicipalityView, rest: Crumb[]): Crumb[] {
  return [
    { label: m.name, href: `/m/${enc(m.slug)}` },
    { label: t('ledger.nav.ledger'), href: grantUrls.ledger(m.slug) },
    { label: t('ledger.grants.title'), href: grantUrls.pools(m.slug) },
    ...rest,
  ];
}

export const money = (page: PageContext, ore: bigint | null | undefined): string => (ore === null || ore === undefined ? '–' : formatOre(ore, page.i18n.lang));

/** A calendar date (YYYY-MM-DD) written out, e.g. "30. juni 2026". */
export function dateText(page: PageContext, date: string | null): string {
  if (!date) return '–';
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return page.i18n.formatDate(new Date(Date.UTC(y, mo - 1, d, 12)), { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
}

export function instantText(page: PageContext, tz: string, d: Date | null): string {
  return d ? page.i18n.formatDate(d, { timeZone: tz, day: 'numeric', month: 'long', year: 'numeric' }) : '–';
}

export const percentText = (page: PageContext, bp: number): string => page.i18n.formatNumber(bp / 100, { maximumFractionDigits: 2 });

const statusKinds: Record<ApplicationStatus, BadgeKind> = {
  submitted: 'neutral',
  in_triage: 'info',
  approved: 'success',
  fast_track_approved: 'success',
  declined: 'error',
  paid: 'success',
  reported: 'info',
  repayment_due: 'warning',
  closed: 'neutral',
};

export function StatusBadge({ page, status }: { page: PageContext; status: ApplicationStatus }) {
  return <Badge kind={statusKinds[status]}>{page.i18n.t(`ledger.grants.status.${status}`)}</Badge>;
}

/** The lang attribute for text written in another language than the page's. */
export const langOf = (page: PageContext, lang: TextLang | null): string | undefined => (lang && lang !== page.i18n.lang ? lang : undefined);

/** Text as people wrote it, one paragraph per line break, in its own language. */
export function Written({ page, text, lang }: { page: PageContext; text: string; lang: TextLang | null }) {
  const l = langOf(page, lang);
  return (
    <>
      {text
        .split(/\n+/)
        .map((p) => p.trim())
        .filter((p) => p !== '')
        .map((p) => (
          <p lang={l}>{p}</p>
        ))}
    </>
  );
}

export function whoMayApply(page: PageContext, r: Pick<PoolRules, 'allowGroups' | 'allowAssociations' | 'allowResidents'>): string {
  const { t } = page.i18n;
  const who = [r.allowGroups ? t('ledger.grants.who.group') : null, r.allowAssociations ? t('ledger.grants.who.association') : null, r.allowResidents ? t('ledger.grants.who.resident') : null].filter((x): x is string => x !== null);
  return new Intl.ListFormat(page.i18n.lang === 'da' ? 'da-DK' : 'en-GB', { type: 'conjunction' }).format(who);
}

/** The pool's rules as a two-column table (row headers), readable on a phone and by screen readers. */
export function RulesTable({ page, pool }: { page: PageContext; pool: GrantPool }) {
  const { t } = page.i18n;
  const rows: [string, string][] = [
    [t('ledger.grants.rules.max'), money(page, pool.maxGrantOre)],
    [t('ledger.grants.rules.cofinancing'), pool.cofinancingBp > 0 ? t('ledger.grants.rules.cofinancingValue', { percent: percentText(page, pool.cofinancingBp) }) : t('ledger.grants.rules.noCofinancing')],
    [t('ledger.grants.rules.who'), whoMayApply(page, pool)],
    [t('ledger.grants.rules.deadline'), dateText(page, pool.deadline)],
    [t('ledger.grants.rules.fastTrack'), pool.fastTrackOre > 0n ? t('ledger.grants.rules.fastTrackValue', { amount: money(page, pool.fastTrackOre) }) : t('ledger.grants.rules.noFastTrack')],
    [t('ledger.grants.rules.report'), t('ledger.grants.rules.reportValue', { days: pool.reportDueDays })],
  ];
  return (
    <table class="table">
      <caption>{t('ledger.grants.rules.title')}</caption>
      <tbody>
        {rows.map(([h, v]) => (
          <tr>
            <th scope="row">{h}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Lines of money (budget or spending) with their total. */
export function LinesTable({ page, caption, lines }: { page: PageContext; caption: string; lines: { description: string; amountOre: bigint }[] }) {
  const { t } = page.i18n;
  const total = lines.reduce((s, l) => s + l.amountOre, 0n);
  return (
    <div class="table--responsive-scroll" role="region" aria-label={caption} tabindex={0}>
      <table class="table table--zebra">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ledger.grants.line.description')}</th>
            <th scope="col" class="app-num">
              {t('ledger.grants.line.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr>
              <td>{l.description}</td>
              <td class="app-num">{money(page, l.amountOre)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('ledger.grants.line.total')}</th>
            <td class="app-num">
              <strong>{money(page, total)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
