// The booking form, the person's own bookings (with cancel), and the staff queue of requests.
import { Layout } from '../../../core/views/layout.js';
import { Alert, Badge, ButtonLink, DataTable, EmptyState } from '../../../core/views/components.js';
import { Form, Select, SubmitButton, TextField, type FieldErrors } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { FacilityDetail } from '../facilities.types.js';
import type { BookingView } from '../facilities.queries.js';
import { crumbs, facilitiesBase, localDate, slotInWords, statusBadgeKind, type Place } from './shared.js';

export interface BookFormValues {
  date: string;
  start: string;
  end: string;
  purpose: string;
  attendees: string;
  group: string;
}

export function BookPage(props: {
  page: PageContext;
  place: Place;
  facility: FacilityDetail;
  values: BookFormValues;
  groups: { id: number; name: string }[];
  errors?: FieldErrors;
  conflict?: boolean;
}) {
  const { page, place, facility: f, values } = props;
  const { t } = page.i18n;
  const base = `${facilitiesBase(place)}/${f.id}`;
  const title = t('facilities.book.title', { name: f.name });
  return (
    <Layout page={page} title={`${title} – ${place.name}`} breadcrumbs={crumbs(t, place, [{ label: f.name, href: base }, { label: t('facilities.book.crumb') }])}>
      <h1>{title}</h1>
      <p class="font-lead">{f.needsApproval ? t('facilities.book.leadApproval') : t('facilities.book.leadInstant')}</p>
      {props.conflict ? <Alert kind="error" role="alert">{t('facilities.error.slot_taken')}</Alert> : null}
      <Form page={page} action={`${base}/book`} errors={props.errors}>
        <TextField name="date" type="date" label={t('facilities.book.field.date')} hint={t('facilities.book.field.dateHint', { days: f.horizonDays })} value={values.date} width="s" />
        <TextField name="start" type="time" label={t('facilities.book.field.start')} hint={t('facilities.book.field.timeHint', { zone: place.timeZone })} value={values.start} width="xs" />
        <TextField name="end" type="time" label={t('facilities.book.field.end')} value={values.end} width="xs" />
        <TextField name="purpose" label={t('facilities.book.field.purpose')} hint={t('facilities.book.field.purposeHint')} value={values.purpose} maxlength={200} />
        {f.kind === 'room' ? (
          <TextField name="attendees" label={t('facilities.book.field.attendees')} hint={t('facilities.book.field.attendeesHint', { capacity: f.capacity })} optional value={values.attendees} inputmode="numeric" width="xs" />
        ) : null}
        {props.groups.length > 0 ? (
          <Select
            name="group"
            label={t('facilities.book.field.group')}
            hint={t('facilities.book.field.groupHint', { days: f.priorityHorizonDays })}
            optional
            placeholder={t('facilities.book.field.groupNone')}
            value={values.group}
            options={props.groups.map((g) => ({ value: String(g.id), label: g.name }))}
          />
        ) : null}
        {f.houseRules ? <p>{t('facilities.book.rulesNote')}</p> : null}
        <div class="app-button-row mt-6">
          <SubmitButton>{f.needsApproval ? t('facilities.book.submitRequest') : t('facilities.book.submit')}</SubmitButton>
          <ButtonLink href={base} variant="tertiary">
            {t('facilities.cancel')}
          </ButtonLink>
        </div>
      </Form>
    </Layout>
  );
}

function CancelButton({ page, place, b }: { page: PageContext; place: Place; b: BookingView }) {
  const { t } = page.i18n;
  return (
    <form method="post" action={`${facilitiesBase(place)}/bookings/${b.id}/cancel`} class="app-inline-form">
      <input type="hidden" name="_csrf" value={page.csrfToken} />
      <button type="submit" class="button button-secondary" aria-label={t('facilities.mine.cancelLabel', { name: b.facilityName, slot: slotInWords(page.i18n, b.startsAt, b.endsAt, place.timeZone) })}>
        {t('facilities.mine.cancel')}
      </button>
    </form>
  );
}

export function MyBookingsPage(props: { page: PageContext; place: Place; bookings: BookingView[]; error?: string }) {
  const { page, place, bookings } = props;
  const { t } = page.i18n;
  return (
    <Layout page={page} title={`${t('facilities.mine.title')} – ${place.name}`} breadcrumbs={crumbs(t, place, [{ label: t('facilities.mine.title') }])} wide>
      <h1>{t('facilities.mine.title')}</h1>
      {props.error ? <Alert kind="error" role="alert">{props.error}</Alert> : null}
      {bookings.length === 0 ? (
        <EmptyState title={t('facilities.mine.empty')}>
          <p>
            <a href={facilitiesBase(place)}>{t('facilities.mine.findRoom')}</a>
          </p>
        </EmptyState>
      ) : (
        <DataTable
          caption={t('facilities.mine.caption')}
          captionHidden
          rows={bookings}
          columns={[
            { header: t('facilities.col.facility'), cell: (b) => <a href={`${facilitiesBase(place)}/${b.facilityId}`}>{b.facilityName}</a> },
            { header: t('facilities.col.when'), cell: (b) => slotInWords(page.i18n, b.startsAt, b.endsAt, place.timeZone) },
            { header: t('facilities.col.purpose'), cell: (b) => `${b.purpose}${b.groupName ? ` (${b.groupName})` : ''}` },
            { header: t('facilities.col.status'), cell: (b) => <Badge kind={statusBadgeKind(b.status)}>{t(`facilities.status.${b.status}`)}</Badge> },
            { header: t('facilities.col.actions'), cell: (b) => (b.status === 'pending' || b.status === 'confirmed' ? <CancelButton page={page} place={place} b={b} /> : '') },
          ]}
        />
      )}
    </Layout>
  );
}

export function RequestsPage(props: { page: PageContext; place: Place; bookings: BookingView[]; error?: string }) {
  const { page, place, bookings } = props;
  const { t } = page.i18n;
  const base = facilitiesBase(place);
  return (
    <Layout page={page} title={`${t('facilities.requests.title')} – ${place.name}`} breadcrumbs={crumbs(t, place, [{ label: t('facilities.requests.title') }])} wide>
      <h1>{t('facilities.requests.title')}</h1>
      <p class="font-lead">{t('facilities.requests.lead')}</p>
      {props.error ? <Alert kind="error" role="alert">{props.error}</Alert> : null}
      {bookings.length === 0 ? (
        <EmptyState title={t('facilities.requests.empty')} />
      ) : (
        <DataTable
          caption={t('facilities.requests.caption')}
          captionHidden
          rows={bookings}
          columns={[
            { header: t('facilities.col.facility'), cell: (b) => <a href={`${base}/${b.facilityId}?view=day&date=${localDate(b.startsAt, place.timeZone)}`}>{b.facilityName}</a> },
            { header: t('facilities.col.when'), cell: (b) => slotInWords(page.i18n, b.startsAt, b.endsAt, place.timeZone) },
            { header: t('facilities.col.who'), cell: (b) => `${b.bookerName ?? '–'}${b.groupName ? ` (${b.groupName})` : ''}` },
            { header: t('facilities.col.purpose'), cell: (b) => `${b.purpose}${b.attendees ? ` · ${t('facilities.capacityShort', { count: b.attendees })}` : ''}` },
            {
              header: t('facilities.col.actions'),
              cell: (b) => {
                const label = `${b.facilityName}, ${slotInWords(page.i18n, b.startsAt, b.endsAt, place.timeZone)}`;
                return (
                  <span class="app-button-row">
                    <form method="post" action={`${base}/bookings/${b.id}/approve`} class="app-inline-form">
                      <input type="hidden" name="_csrf" value={page.csrfToken} />
                      <button type="submit" class="button button-primary" aria-label={t('facilities.requests.approveLabel', { what: label })}>
                        {t('facilities.requests.approve')}
                      </button>
                    </form>
                    <form method="post" action={`${base}/bookings/${b.id}/reject`} class="app-inline-form">
                      <input type="hidden" name="_csrf" value={page.csrfToken} />
                      <button type="submit" class="button button-secondary" aria-label={t('facilities.requests.rejectLabel', { what: label })}>
                        {t('facilities.requests.reject')}
                      </button>
                    </form>
                  </span>
                );
              },
            },
          ]}
        />
      )}
    </Layout>
  );
}
