// The comparison of member municipalities: a GET form choosing the figure the bars show, simple SVG
// bars (hidden from assistive technology: the table below carries the same figures) and an accessible
// table with every figure per 1,000 inhabitants and in total.
import { DataTable } from '../../../core/views/components.js';
import { Form, Select, SubmitButton, type FieldErrors } from '../../../core/views/forms.js';
import { Layout } from '../../../core/views/layout.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { I18n } from '../../../core/i18n/i18n.js';
import { compareMetrics, metricValue, perThousand, type CompareMetric, type MunicipalityFigures } from '../network.compare.js';
import { networkHomeUrl } from '../network.urls.js';
import { LibraryStylesheet } from './library-assets.js';
import { formatKroner } from './library-shared.js';
import { SearchStylesheet } from './search-assets.js';

export const COMPARE_URL = '/network/compare';

export interface ComparePageProps {
  page: PageContext;
  metric: CompareMetric;
  /** Ranked by the metric, highest first. */
  rows: MunicipalityFigures[];
  errors: FieldErrors;
}

function formatMetric(i18n: I18n, metric: CompareMetric, value: number): string {
  if (metric === 'savings' || metric === 'reinvested') return formatKroner(i18n, value);
  return i18n.formatNumber(value, { maximumFractionDigits: metric === 'initiatives' ? 2 : 1, minimumFractionDigits: 0 });
}

/** One line per municipality: name and figure as text, the bar as a small SVG that takes the width it gets. */
function Bars({ i18n, rows, metric }: { i18n: I18n; rows: MunicipalityFigures[]; metric: CompareMetric }) {
  const max = Math.max(0, ...rows.map((r) => metricValue(r, metric)));
  return (
    <ul class="net-bars nobullet-list" aria-hidden="true">
      {rows.map((r) => {
        const v = metricValue(r, metric);
        const w = max > 0 ? Math.max(v > 0 ? 0.5 : 0, (v / max) * 100) : 0;
        return (
          <li>
            <span class="net-bar-label">{r.name}</span> <span class="net-bar-value">{formatMetric(i18n, metric, v)}</span>
            <svg class="net-bar-svg" viewBox="0 0 100 10" preserveAspectRatio="none" width="100%" height="12" focusable="false">
              <rect class="net-bar-track" x="0" y="0" width="100" height="10" />
              <rect class="net-bar" x="0" y="0" width={w.toFixed(2)} height="10" />
            </svg>
          </li>
        );
      })}
    </ul>
  );
}

export function ComparePage({ page, metric, rows, errors }: ComparePageProps) {
  const i18n = page.i18n;
  const { t } = i18n;
  const metricName = t(`network.compare.metric.${metric}`);
  const both = (m: CompareMetric, total: number, r: MunicipalityFigures) => (
    <>
      {formatMetric(i18n, m, perThousand(total, r.inhabitants))}
      <br />
      <span class="net-meta">
        {formatMetric(i18n, m, total)} {t('network.compare.total')}
      </span>
    </>
  );
  return (
    <Layout
      page={page}
      title={t('network.compare.title')}
      wide
      breadcrumbs={[{ label: t('core.siteName'), href: '/' }, { label: t('network.nav.network'), href: networkHomeUrl }, { label: t('network.compare.title') }]}
    >
      <LibraryStylesheet />
      <SearchStylesheet />
      <h1>{t('network.compare.title')}</h1>
      <p class="net-lead">{t('network.compare.lead')}</p>
      {rows.length === 0 ? (
        <p>{t('network.compare.none')}</p>
      ) : (
        <>
          <Form page={page} action={COMPARE_URL} method="get" errors={errors} class="net-compare-form">
            <Select name="metric" label={t('network.compare.metric')} value={metric} placeholder={false} options={compareMetrics.map((m) => ({ value: m, label: t(`network.compare.metric.${m}`) }))} />
            <SubmitButton variant="secondary">{t('network.compare.show')}</SubmitButton>
          </Form>
          <section aria-labelledby="chart-heading" class="mt-6">
            <h2 id="chart-heading" class="h3">
              {t('network.compare.chartHeading', { metric: metricName })}
            </h2>
            <p class="net-meta">{t('network.compare.chartNote')}</p>
            <Bars i18n={i18n} rows={rows} metric={metric} />
          </section>
          <section class="mt-6 net-compare-table">
            <DataTable
              caption={t('network.compare.tableCaption', { metric: metricName })}
              rows={rows}
              columns={[
                { header: t('network.compare.municipality'), cell: (r) => <a href={`/m/${encodeURIComponent(r.slug)}`}>{r.name}</a> },
                { header: t('network.compare.inhabitants'), numeric: true, cell: (r) => i18n.formatNumber(r.inhabitants) },
                { header: `${t('network.compare.initiatives')} ${t('network.compare.perThousandShort')}`, numeric: true, cell: (r) => both('initiatives', r.activeInitiatives, r) },
                { header: `${t('network.compare.hours')} ${t('network.compare.perThousandShort')}`, numeric: true, cell: (r) => both('hours', r.volunteerHours, r) },
                { header: `${t('network.compare.savings')} ${t('network.compare.perThousandShort')}`, numeric: true, cell: (r) => both('savings', r.savingsOre, r) },
                { header: `${t('network.compare.reinvested')} ${t('network.compare.perThousandShort')}`, numeric: true, cell: (r) => both('reinvested', r.reinvestedOre, r) },
              ]}
            />
          </section>
          <p class="net-meta mt-4">{t('network.compare.method')}</p>
        </>
      )}
    </Layout>
  );
}
