// Field reports: the form (on the work day page, and alone when it comes back with errors), the
// reporter's own list with each report's status, and the operations queue for municipal staff.
import { Layout } from '../../../core/views/layout.js';
import { Badge, EmptyState } from '../../../core/views/components.js';
import { Form, ImageFileField, Select, SubmitButton, TextArea, TextField, type FieldErrors } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import { reportCategories, reportStatuses, type FieldReport, type ReportStatus } from '../workdays.types.js';
import { crumbs, urls, type MunicipalityView } from './shared.js';

export type ReportFormValues = Record<string, string>;

const statusBadge = (s: ReportStatus) => (s === 'done' ? 'success' : s === 'rejected' ? 'error' : s === 'in_progress' ? 'info' : 'neutral') as 'success' | 'error' | 'info' | 'neutral';

export function ReportForm(p: { page: PageContext; municipality: MunicipalityView; dayId: number | null; values?: ReportFormValues; errors?: FieldErrors }) {
  const { page, municipality: m } = p;
  const { t } = page.i18n;
  const v = p.values ?? {};
  return (
    <Form page={page} action={urls.reportNew(m.slug)} enctype="multipart/form-data" errors={p.errors ?? {}}>
      {p.dayId !== null ? <input type="hidden" name="dayId" value={String(p.dayId)} /> : null}
      <Select name="category" label={t('workdays.report.category')} value={v.category} options={reportCategories.map((c) => ({ value: c, label: t(`workdays.report.cat.${c}`) }))} />
      <TextField name="place" label={t('workdays.report.place')} hint={t('workdays.report.placeHint')} value={v.place} maxlength={200} />
      <ImageFileField page={page} name="photo" label={t('workdays.report.photo')} hint={t('workdays.report.photoHint')} error={p.errors?.photo} />
      <TextArea name="description" label={t('workdays.report.description')} optional value={v.description} rows={3} maxlength={2000} />
      <SubmitButton>{t('workdays.report.submit')}</SubmitButton>
    </Form>
  );
}

export function ReportNewPage(p: { page: PageContext; municipality: MunicipalityView; dayId: number | null; values?: ReportFormValues; errors?: FieldErrors }) {
  const { page, municipality: m } = p;
  const { t } = page.i18n;
  return (
    <Layout page={page} title={t('workdays.report.title')} breadcrumbs={crumbs(t, m, [{ label: t('workdays.report.title') }])}>
      <h1>{t('workdays.report.title')}</h1>
      <p class="font-lead">{t('workdays.report.lead')}</p>
      <ReportForm {...p} />
    </Layout>
  );
}

function ReportSummary(p: { page: PageContext; municipality: MunicipalityView; report: FieldReport; headingLevel: 2 | 3 }) {
  const { page, municipality: m, report: r } = p;
  const { t } = page.i18n;
  const category = t(`workdays.report.cat.${r.category}`);
  const Heading = p.headingLevel === 2 ? 'h2' : 'h3';
  const foreign = r.lang === page.i18n.lang ? undefined : r.lang;
  return (
    <>
      <Heading class="h3 app-card-title">
        {category}: <span lang={foreign}>{r.place}</span>
      </Heading>
      <p class="app-card-meta">{t('workdays.report.received', { date: page.i18n.formatDate(r.createdAt, { timeZone: m.timeZone, day: 'numeric', month: 'long', year: 'numeric' }) })}</p>
      <p>
        {t('workdays.report.status')}: <Badge kind={statusBadge(r.status)}>{t(`workdays.report.status.${r.status}`)}</Badge>
      </p>
      {r.statusNote ? <p class="app-pre-line">{r.statusNote}</p> : null}
      {r.description ? (
        <p class="app-pre-line" lang={foreign}>
          {r.description}
        </p>
      ) : null}
      {r.hasImage ? (
        <p>
          <img src={urls.reportImage(m.slug, r.id)} alt={t('workdays.report.imageAlt', { category, place: r.place })} width={320} loading="lazy" />
        </p>
      ) : null}
    </>
  );
}

export function MyReportsPage(p: { page: PageContext; municipality: MunicipalityView; reports: FieldReport[] }) {
  const { page, municipality: m } = p;
  const { t } = page.i18n;
  return (
    <Layout page={page} title={t('workdays.report.mineTitle')} breadcrumbs={crumbs(t, m, [{ label: t('workdays.report.mineTitle') }])}>
      <h1>{t('workdays.report.mineTitle')}</h1>
      <p>
        <a href={urls.reportNew(m.slug)}>{t('workdays.reportNew')}</a>
      </p>
      {p.reports.length === 0 ? (
        <EmptyState title={t('workdays.report.mineEmpty')} />
      ) : (
        <ul class="app-card-list no-max-width">
          {p.reports.map((r) => (
            <li>
              <article class="card collapsed-height app-card">
                <div class="card-content">
                  <ReportSummary page={page} municipality={m} report={r} headingLevel={2} />
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function QueuePage(p: { page: PageContext; municipality: MunicipalityView; reports: FieldReport[]; filter: { status: string; category: string }; failed?: { id: number; values: Record<string, string>; errors: FieldErrors } }) {
  const { page, municipality: m } = p;
  const { t } = page.i18n;
  return (
    <Layout page={page} title={t('workdays.report.queueTitle')} breadcrumbs={crumbs(t, m, [{ label: t('workdays.report.queueTitle') }])}>
      <h1>{t('workdays.report.queueTitle')}</h1>
      <Form page={page} action={urls.reportsQueue(m.slug)} method="get" class="mb-6">
        <Select name="status" label={t('workdays.report.status')} placeholder={t('workdays.report.all')} value={p.filter.status} options={reportStatuses.map((s) => ({ value: s, label: t(`workdays.report.status.${s}`) }))} />
        <Select name="category" label={t('workdays.report.category')} placeholder={t('workdays.report.all')} value={p.filter.category} options={reportCategories.map((c) => ({ value: c, label: t(`workdays.report.cat.${c}`) }))} />
        <SubmitButton variant="secondary">{t('workdays.report.show')}</SubmitButton>
      </Form>
      {p.reports.length === 0 ? (
        <EmptyState title={t('workdays.report.queueEmpty')} />
      ) : (
        <ul class="app-card-list no-max-width">
          {p.reports.map((r) => {
            const failed = p.failed?.id === r.id ? p.failed : null;
            return (
              <li>
                <article class="card collapsed-height app-card" id={`report-${r.id}`}>
                  <div class="card-content">
                    <ReportSummary page={page} municipality={m} report={r} headingLevel={2} />
                    <Form page={page} action={urls.report(m.slug, r.id)} errors={failed?.errors ?? {}} errorIds={{ status: `f-status-${r.id}`, note: `f-note-${r.id}` }}>
                      <Select
                        name="status"
                        id={`f-status-${r.id}`}
                        label={t('workdays.report.status')}
                        placeholder={false}
                        value={failed?.values.status ?? r.status}
                        options={reportStatuses.map((s) => ({ value: s, label: t(`workdays.report.status.${s}`) }))}
                      />
                      <TextArea name="note" id={`f-note-${r.id}`} label={t('workdays.report.note')} optional value={failed?.values.note ?? r.statusNote} rows={2} maxlength={1000} />
                      <SubmitButton variant="secondary">{t('workdays.report.update')}</SubmitButton>
                    </Form>
                  </div>
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </Layout>
  );
}
