// Pages for facilitators and admins: module settings, a volunteer's arrangement, and verified hours.
import { Layout } from '../../../core/views/layout.js';
import { DataTable, EmptyState } from '../../../core/views/components.js';
import { Checkbox, Form, RadioGroup, Select, SubmitButton, TextField, type FieldErrors } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { HoursOverview } from '../workdays.queries.js';
import { childCheckStatuses, roleTypes } from '../workdays.types.js';
import { crumbs, hoursText, urls, type MunicipalityView } from './shared.js';

export function SettingsPage(p: { page: PageContext; municipality: MunicipalityView; guestsAllowed: boolean }) {
  const { page, municipality: m } = p;
  const { t } = page.i18n;
  return (
    <Layout page={page} title={t('workdays.settings.title')} breadcrumbs={crumbs(t, m, [{ label: t('workdays.settings.title') }])}>
      <h1>{t('workdays.settings.title')}</h1>
      <Form page={page} action={urls.settings(m.slug)}>
        <Checkbox name="guestsAllowed" value="yes" checked={p.guestsAllowed} label={t('workdays.settings.guests')} />
        <SubmitButton>{t('workdays.settings.save')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export type ArrangementValues = Record<string, string>;

export function ArrangementPage(p: { page: PageContext; municipality: MunicipalityView; userId: number; name: string; values: ArrangementValues; errors?: FieldErrors }) {
  const { page, municipality: m, values: v } = p;
  const { t } = page.i18n;
  const title = t('workdays.arrangement.title', { name: p.name });
  return (
    <Layout page={page} title={title} breadcrumbs={crumbs(t, m, [{ label: title }])}>
      <h1>{title}</h1>
      <p class="font-lead">{t('workdays.arrangement.lead')}</p>
      <Form page={page} action={urls.arrangement(m.slug, p.userId)} errors={p.errors ?? {}}>
        <RadioGroup name="roleType" label={t('workdays.arrangement.roleType')} value={v.roleType} options={roleTypes.map((r) => ({ value: r, label: t(`workdays.arrangement.role.${r}`) }))} />
        <TextField name="associationName" label={t('workdays.arrangement.associationName')} optional value={v.associationName} maxlength={120} />
        <Checkbox name="managerApproved" value="yes" checked={v.managerApproved === 'yes'} label={t('workdays.arrangement.managerApproved')} />
        <Checkbox name="worksWithChildren" value="yes" checked={v.worksWithChildren === 'yes'} label={t('workdays.arrangement.worksWithChildren')} />
        <Select name="childCheckStatus" label={t('workdays.arrangement.childCheckStatus')} placeholder={false} value={v.childCheckStatus} options={childCheckStatuses.map((s) => ({ value: s, label: t(`workdays.arrangement.child.${s}`) }))} />
        <TextField name="childCheckDate" type="date" label={t('workdays.arrangement.childCheckDate')} optional value={v.childCheckDate} width="s" />
        <SubmitButton>{t('workdays.arrangement.save')}</SubmitButton>
      </Form>
    </Layout>
  );
}

interface Row {
  key: number | null;
  name: string;
  minutes: number;
  people: number;
}

export function HoursPage(p: { page: PageContext; municipality: MunicipalityView; hours: HoursOverview }) {
  const { page, municipality: m, hours: h } = p;
  const { t } = page.i18n;
  const table = (caption: string, rows: Row[]) =>
    rows.length === 0 ? null : (
      <DataTable
        caption={caption}
        rows={rows}
        columns={[
          { header: t('workdays.hours.col.name'), cell: (r) => r.name },
          { header: t('workdays.hours.col.hours'), cell: (r) => hoursText(page.i18n, r.minutes), numeric: true },
          { header: t('workdays.hours.col.people'), cell: (r) => page.i18n.formatNumber(r.people), numeric: true },
        ]}
      />
    );
  return (
    <Layout page={page} title={t('workdays.hours.title')} breadcrumbs={crumbs(t, m, [{ label: t('workdays.hours.title') }])}>
      <h1>{t('workdays.hours.title')}</h1>
      <p class="font-lead">{t('workdays.hours.lead')}</p>
      <p>{t('workdays.hours.total', { hours: hoursText(page.i18n, h.total.minutes), people: h.total.people })}</p>
      {h.total.minutes === 0 ? <EmptyState title={t('workdays.hours.none')} /> : null}
      {table(t('workdays.hours.byGroup'), h.byGroup)}
      {table(t('workdays.hours.byArea'), h.byArea.map((a) => ({ ...a, name: a.name ?? t('workdays.hours.noArea') })))}
      {table(t('workdays.hours.byInitiative'), h.byInitiative.map((i) => ({ ...i, name: i.name ?? (i.key === null ? t('workdays.hours.noInitiative') : t('workdays.hours.initiative', { id: i.key })) })))}
    </Layout>
  );
}
