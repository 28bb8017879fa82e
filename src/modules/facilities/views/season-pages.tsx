// Seasonal allocation: the seasons, and one season's allocation screen (requests, conflicts between
// them, allocate / decline, copy last season) with the request form for group coordinators.
import { Layout } from '../../../core/views/layout.js';
import { Alert, Badge, DataTable, EmptyState } from '../../../core/views/components.js';
import { Form, Select, SubmitButton, TextField, type FieldErrors } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import { timeOf } from '../facilities.time.js';
import type { Facility, Season } from '../facilities.types.js';
import type { SeasonRequestView } from '../facilities.queries.js';
import { crumbs, dateInWords, facilitiesBase, weekdays, type Place } from './shared.js';

export interface SeasonFormValues {
  name: string;
  startsOn: string;
  endsOn: string;
}

export function SeasonsPage(props: { page: PageContext; place: Place; seasons: Season[]; isStaff: boolean; values: SeasonFormValues; errors?: FieldErrors }) {
  const { page, place, seasons } = props;
  const { t } = page.i18n;
  const base = `${facilitiesBase(place)}/seasons`;
  return (
    <Layout page={page} title={`${t('facilities.seasons.title')} – ${place.name}`} breadcrumbs={crumbs(t, place, [{ label: t('facilities.seasons.title') }])}>
      <h1>{t('facilities.seasons.title')}</h1>
      <p class="font-lead">{t('facilities.seasons.lead')}</p>
      {seasons.length === 0 ? (
        <EmptyState title={t('facilities.seasons.empty')} />
      ) : (
        <ul>
          {seasons.map((s) => (
            <li>
              <a href={`${base}/${s.id}`}>{s.name}</a> ({dateInWords(page.i18n, s.startsOn, 'long')} – {dateInWords(page.i18n, s.endsOn, 'long')})
            </li>
          ))}
        </ul>
      )}
      {props.isStaff ? (
        <>
          <h2>{t('facilities.seasons.newTitle')}</h2>
          <Form page={page} action={base} errors={props.errors}>
            <TextField name="name" label={t('facilities.seasons.field.name')} hint={t('facilities.seasons.field.nameHint')} value={props.values.name} maxlength={80} />
            <TextField name="startsOn" type="date" label={t('facilities.seasons.field.startsOn')} value={props.values.startsOn} width="s" />
            <TextField name="endsOn" type="date" label={t('facilities.seasons.field.endsOn')} value={props.values.endsOn} width="s" />
            <SubmitButton>{t('facilities.seasons.create')}</SubmitButton>
          </Form>
        </>
      ) : null}
    </Layout>
  );
}

export interface SlotFormValues {
  facility: string;
  group: string;
  weekday: string;
  start: string;
  end: string;
  purpose: string;
}

/** Requests of the same facility and weekday whose times overlap: staff must choose between them. */
export function conflictingIds(requests: SeasonRequestView[]): Set<number> {
  const out = new Set<number>();
  const live = requests.filter((r) => r.status !== 'declined');
  for (const a of live)
    for (const b of live)
      if (a.id < b.id && a.facilityId === b.facilityId && a.weekday === b.weekday && a.startMin < b.endMin && b.startMin < a.endMin) {
        out.add(a.id);
        out.add(b.id);
      }
  return out;
}

export function SeasonPage(props: {
  page: PageContext;
  place: Place;
  season: Season;
  requests: SeasonRequestView[];
  isStaff: boolean;
  facilities: Facility[];
  groups: { id: number; name: string }[];
  values: SlotFormValues;
  errors?: FieldErrors;
  error?: string;
}) {
  const { page, place, season, requests, isStaff } = props;
  const { t } = page.i18n;
  const base = `${facilitiesBase(place)}/seasons/${season.id}`;
  const conflicts = conflictingIds(requests);
  const statusKind = (s: string) => (s === 'allocated' ? 'success' : s === 'declined' ? 'neutral' : 'warning') as 'success' | 'neutral' | 'warning';
  const post = (action: string, label: string, aria: string, variant: 'primary' | 'secondary') => (
    <form method="post" action={action} class="app-inline-form">
      <input type="hidden" name="_csrf" value={page.csrfToken} />
      <button type="submit" class={`button button-${variant}`} aria-label={aria}>
        {label}
      </button>
    </form>
  );
  return (
    <Layout page={page} title={`${season.name} – ${place.name}`} breadcrumbs={crumbs(t, place, [{ label: t('facilities.seasons.title'), href: `${facilitiesBase(place)}/seasons` }, { label: season.name }])} wide>
      <h1>{season.name}</h1>
      <p class="font-lead">
        {dateInWords(page.i18n, season.startsOn, 'long')} – {dateInWords(page.i18n, season.endsOn, 'long')}
      </p>
      {props.error ? <Alert kind="error" role="alert">{props.error}</Alert> : null}
      {conflicts.size > 0 && isStaff ? <Alert kind="warning">{t('facilities.seasons.conflictsNote', { count: conflicts.size })}</Alert> : null}
      {isStaff ? (
        <form method="post" action={`${base}/copy`} class="mb-6">
          <input type="hidden" name="_csrf" value={page.csrfToken} />
          <button type="submit" class="button button-secondary">
            {t('facilities.seasons.copy')}
          </button>
        </form>
      ) : null}
      {requests.length === 0 ? (
        <EmptyState title={t('facilities.seasons.noRequests')} />
      ) : (
        <DataTable
          caption={t('facilities.seasons.requestsCaption')}
          rows={requests}
          columns={[
            { header: t('facilities.col.facility'), cell: (r) => r.facilityName },
            { header: t('facilities.seasons.col.group'), cell: (r) => r.groupName },
            { header: t('facilities.seasons.col.slot'), cell: (r) => `${t(`facilities.weekday.${r.weekday}`)} ${timeOf(r.startMin)}–${timeOf(r.endMin)}` },
            { header: t('facilities.col.purpose'), cell: (r) => r.purpose },
            {
              header: t('facilities.col.status'),
              cell: (r) => (
                <>
                  <Badge kind={statusKind(r.status)}>{t(`facilities.seasons.status.${r.status}`)}</Badge>
                  {conflicts.has(r.id) && r.status === 'requested' ? (
                    <>
                      {' '}
                      <Badge kind="error">{t('facilities.seasons.conflict')}</Badge>
                    </>
                  ) : null}
                  {r.copiedFrom ? ` ${t('facilities.seasons.copied')}` : ''}
                </>
              ),
            },
            ...(isStaff
              ? [
                  {
                    header: t('facilities.col.actions'),
                    cell: (r: SeasonRequestView) =>
                      r.status === 'requested' ? (
                        <span class="app-button-row">
                          {post(`${base}/requests/${r.id}/allocate`, t('facilities.seasons.allocate'), t('facilities.seasons.allocateLabel', { group: r.groupName, facility: r.facilityName }), 'primary')}
                          {post(`${base}/requests/${r.id}/decline`, t('facilities.seasons.decline'), t('facilities.seasons.declineLabel', { group: r.groupName, facility: r.facilityName }), 'secondary')}
                        </span>
                      ) : (
                        ''
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {props.groups.length > 0 ? (
        <>
          <h2 class="mt-8">{t('facilities.seasons.requestTitle')}</h2>
          <p>{t('facilities.seasons.requestLead')}</p>
          <Form page={page} action={`${base}/requests`} errors={props.errors}>
            <Select name="facility" label={t('facilities.col.facility')} value={props.values.facility} options={props.facilities.map((f) => ({ value: String(f.id), label: `${f.name} (${f.institution})` }))} />
            <Select name="group" label={t('facilities.seasons.col.group')} value={props.values.group} options={props.groups.map((g) => ({ value: String(g.id), label: g.name }))} />
            <Select name="weekday" label={t('facilities.seasons.field.weekday')} value={props.values.weekday} options={weekdays.map((w) => ({ value: String(w), label: t(`facilities.weekday.${w}`) }))} />
            <TextField name="start" type="time" label={t('facilities.book.field.start')} value={props.values.start} width="xs" />
            <TextField name="end" type="time" label={t('facilities.book.field.end')} value={props.values.end} width="xs" />
            <TextField name="purpose" label={t('facilities.book.field.purpose')} value={props.values.purpose} maxlength={200} />
            <SubmitButton>{t('facilities.seasons.requestSubmit')}</SubmitButton>
          </Form>
        </>
      ) : null}
    </Layout>
  );
}
