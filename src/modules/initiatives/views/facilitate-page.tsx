// The facilitator workspace: one page per municipality with what waits for the municipality —
// new initiatives to triage, those stuck longest in a state, asks awaiting an answer, agreements due
// for review and reported comments — filtered by area and theme.
import { Layout } from '../../../core/views/layout.js';
import { DataTable, EmptyState } from '../../../core/views/components.js';
import { Form, Select, SubmitButton } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { Area, Municipality, Theme } from '../../municipalities/index.js';
import type { OpenAsk } from '../initiatives.queries.js';
import type { InitiativeSummary, OpenReport } from '../initiatives.types.js';
import { excerpt } from '../initiatives.text.js';
import { dates, formatKroner, StateBadge, type Names } from './shared.js';
import { moduleStylesheet } from './assets.js';

export interface FacilitatePageProps {
  page: PageContext;
  municipality: Municipality;
  areas: Area[];
  themes: Theme[];
  filter: { area?: number | undefined; theme?: number | undefined };
  names: Names;
  triage: InitiativeSummary[];
  stuck: (InitiativeSummary & { facilitatorId: number | null })[];
  asks: OpenAsk[];
  reviews: (InitiativeSummary & { reviewDate: string })[];
  reports: OpenReport[];
  now: Date;
}

const DAY = 24 * 3600 * 1000;

export function FacilitatePage(props: FacilitatePageProps) {
  const { page, municipality: m, names, now } = props;
  const { t, lang } = page.i18n;
  const formatDate = dates(page.i18n);
  const slug = encodeURIComponent(m.slug);
  const link = (id: number, anchor = '') => `/m/${slug}/initiatives/${id}${anchor}`;
  const title = (i: { id: number; title: string; lang: string }, anchor = '') => (
    <a href={link(i.id, anchor)} lang={i.lang}>
      {i.title}
    </a>
  );
  const place = (i: InitiativeSummary) => [i.areaId !== null ? names.areas.get(i.areaId) : null, i.themeId !== null ? names.themes.get(i.themeId) : null].filter(Boolean).join(' · ') || '–';
  const days = (d: Date) => Math.max(0, Math.floor((now.getTime() - d.getTime()) / DAY));
  const here = `/m/${slug}/facilitate`;
  return (
    <Layout page={page} title={t('initiatives.facilitate.title')} wide breadcrumbs={[{ label: t('core.siteName'), href: '/' }, { label: m.name, href: `/m/${slug}` }, { label: t('initiatives.facilitate.title') }]}>
      {moduleStylesheet(page)}
      <div class="app-column">
        <h1>{t('initiatives.facilitate.title')}</h1>
        <p class="font-lead">{t('initiatives.facilitate.lead')}</p>
        <Form page={page} action={here} method="get" class="mb-7">
          <div class="row">
            <div class="col-12 col-md-5">
              <Select name="area" label={t('initiatives.list.area')} value={props.filter.area ?? ''} placeholder={t('initiatives.list.allAreas')} options={props.areas.map((a) => ({ value: String(a.id), label: a.name }))} />
            </div>
            <div class="col-12 col-md-5">
              <Select name="theme" label={t('initiatives.list.theme')} value={props.filter.theme ?? ''} placeholder={t('initiatives.list.allThemes')} options={props.themes.map((th) => ({ value: String(th.id), label: th.name[lang] }))} />
            </div>
          </div>
          <div class="app-button-row mt-5"><SubmitButton variant="secondary">{t('initiatives.list.apply')}</SubmitButton></div>
        </Form>
      </div>

      <section aria-labelledby="triage-heading" class="mb-8">
        <h2 id="triage-heading">{t('initiatives.facilitate.triage', { count: props.triage.length })}</h2>
        {props.triage.length === 0 ? (
          <EmptyState title={t('initiatives.facilitate.triageEmpty')} headingLevel={3} />
        ) : (
          <DataTable
            caption={t('initiatives.facilitate.triageCaption')}
            captionHidden
            rows={props.triage}
            columns={[
              { header: t('initiatives.facilitate.col.initiative'), cell: (i) => title(i) },
              { header: t('initiatives.facilitate.col.state'), cell: (i) => <StateBadge state={i.state} i18n={page.i18n} /> },
              { header: t('initiatives.facilitate.col.place'), cell: place },
              { header: t('initiatives.facilitate.col.proposed'), cell: (i) => formatDate(i.createdAt, { dateStyle: 'medium' }) },
              { header: t('initiatives.facilitate.col.supporters'), cell: (i) => page.i18n.formatNumber(i.supportCount), numeric: true },
              {
                header: t('initiatives.facilitate.col.actions'),
                cell: (i) => (
                  <Form page={page} action={`/m/${slug}/initiatives/${i.id}/assign`} class="app-inline-form">
                    <input type="hidden" name="back" value="facilitate" />
                    {/* An aria-label, not a visually hidden span: an absolutely positioned span would escape the table's scroll box on a phone. */}
                    <button type="submit" class="button button-secondary app-ini-small-button" aria-label={`${t('initiatives.manage.assignSelf')}: ${i.title}`}>
                      {t('initiatives.manage.assignSelf')}
                    </button>
                  </Form>
                ),
              },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="stuck-heading" class="mb-8">
        <h2 id="stuck-heading">{t('initiatives.facilitate.stuck')}</h2>
        {props.stuck.length === 0 ? (
          <EmptyState title={t('initiatives.facilitate.stuckEmpty')} headingLevel={3} />
        ) : (
          <DataTable
            caption={t('initiatives.facilitate.stuck')}
            captionHidden
            rows={props.stuck}
            columns={[
              { header: t('initiatives.facilitate.col.initiative'), cell: (i) => title(i) },
              { header: t('initiatives.facilitate.col.state'), cell: (i) => <StateBadge state={i.state} i18n={page.i18n} /> },
              { header: t('initiatives.facilitate.col.days'), cell: (i) => t('initiatives.facilitate.daysValue', { count: days(i.stateChangedAt) }), numeric: true },
              { header: t('initiatives.facilitate.col.place'), cell: place },
              { header: t('initiatives.facilitate.col.facilitated'), cell: (i) => (i.facilitatorId === null ? t('initiatives.facilitate.nobody') : t('initiatives.facilitate.yes')) },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="asks-heading" class="mb-8">
        <h2 id="asks-heading">{t('initiatives.facilitate.asks', { count: props.asks.length })}</h2>
        {props.asks.length === 0 ? (
          <EmptyState title={t('initiatives.facilitate.asksEmpty')} headingLevel={3} />
        ) : (
          <DataTable
            caption={t('initiatives.facilitate.asksCaption')}
            captionHidden
            rows={props.asks}
            columns={[
              { header: t('initiatives.facilitate.col.initiative'), cell: (a) => title({ id: a.initiativeId, title: a.initiativeTitle, lang: a.initiativeLang }) },
              { header: t('initiatives.facilitate.col.ask'), cell: (a) => t(`initiatives.ask.${a.kind}`) + (a.amountOre !== null ? ` (${formatKroner(page.i18n, a.amountOre)})` : '') },
              { header: t('initiatives.facilitate.col.description'), cell: (a) => <span lang={a.lang}>{excerpt(a.description, 120)}</span> },
              { header: t('initiatives.facilitate.col.waiting'), cell: (a) => t('initiatives.facilitate.daysValue', { count: days(a.createdAt) }), numeric: true },
              {
                header: t('initiatives.facilitate.col.actions'),
                cell: (a) => (
                  <a href={link(a.initiativeId, `#ask-${a.id}`)} aria-label={`${t('initiatives.facilitate.answer')}: ${a.initiativeTitle}`}>
                    {t('initiatives.facilitate.answer')}
                  </a>
                ),
              },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="reviews-heading" class="mb-8">
        <h2 id="reviews-heading">{t('initiatives.facilitate.reviews', { count: props.reviews.length })}</h2>
        {props.reviews.length === 0 ? (
          <EmptyState title={t('initiatives.facilitate.reviewsEmpty')} headingLevel={3} />
        ) : (
          <DataTable
            caption={t('initiatives.facilitate.reviewsCaption')}
            captionHidden
            rows={props.reviews}
            columns={[
              { header: t('initiatives.facilitate.col.initiative'), cell: (i) => title(i, '#agreement') },
              { header: t('initiatives.facilitate.col.state'), cell: (i) => <StateBadge state={i.state} i18n={page.i18n} /> },
              {
                header: t('initiatives.facilitate.col.reviewDate'),
                cell: (i) => {
                  const d = new Date(`${i.reviewDate}T12:00:00Z`);
                  return `${formatDate(d, { dateStyle: 'medium' })}${d.getTime() < now.getTime() ? ` (${t('initiatives.facilitate.overdue')})` : ''}`;
                },
              },
              { header: t('initiatives.facilitate.col.place'), cell: place },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="reports-heading" class="mb-8">
        <h2 id="reports-heading">{t('initiatives.facilitate.reports', { count: props.reports.length })}</h2>
        {props.reports.length === 0 ? (
          <EmptyState title={t('initiatives.facilitate.reportsEmpty')} headingLevel={3} />
        ) : (
          <DataTable
            caption={t('initiatives.facilitate.reportsCaption')}
            captionHidden
            rows={props.reports}
            columns={[
              { header: t('initiatives.facilitate.col.comment'), cell: (r) => <span lang={r.commentLang}>{excerpt(r.commentBody, 160)}</span> },
              { header: t('initiatives.facilitate.col.initiative'), cell: (r) => title({ id: r.initiativeId, title: r.initiativeTitle, lang: r.commentLang }, `#comment-${r.commentId}`) },
              { header: t('initiatives.facilitate.col.reason'), cell: (r) => `${t(`initiatives.reportReason.${r.reason}`)}${r.note ? `: ${r.note}` : ''}` },
              { header: t('initiatives.facilitate.col.reports'), cell: (r) => page.i18n.formatNumber(r.reportCount), numeric: true },
              {
                header: t('initiatives.facilitate.col.actions'),
                cell: (r) => (
                  <div class="app-ini-table-actions">
                    <Form page={page} action={`/m/${slug}/initiatives/${r.initiativeId}/comments/${r.commentId}/moderate`} class="app-inline-form">
                      <input type="hidden" name="decision" value="hide" />
                      <input type="hidden" name="back" value="facilitate" />
                      <button type="submit" class="button button-secondary app-ini-small-button" aria-label={`${t('initiatives.comments.hide')}: ${excerpt(r.commentBody, 60)}`}>
                        {t('initiatives.comments.hide')}
                      </button>
                    </Form>
                    <Form page={page} action={`/m/${slug}/initiatives/${r.initiativeId}/comments/${r.commentId}/moderate`} class="app-inline-form">
                      <input type="hidden" name="decision" value="keep" />
                      <input type="hidden" name="back" value="facilitate" />
                      <button type="submit" class="button button-tertiary app-ini-small-button" aria-label={`${t('initiatives.comments.keep')}: ${excerpt(r.commentBody, 60)}`}>
                        {t('initiatives.comments.keep')}
                      </button>
                    </Form>
                  </div>
                ),
              },
            ]}
          />
        )}
      </section>
    </Layout>
  );
}
