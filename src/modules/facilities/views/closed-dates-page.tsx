// Staff manage a facility's closed dates: add one day or a run of days with a reason, remove one again.
// Closing days that have bookings first shows those bookings; closing anyway is a separate, explicit button.
import { Layout } from '../../../core/views/layout.js';
import { Alert, Badge, DataTable, EmptyState } from '../../../core/views/components.js';
import { Form, SubmitButton, TextField, type FieldErrors } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { BookingView } from '../facilities.queries.js';
import type { FacilityDetail } from '../facilities.types.js';
import { crumbs, dateInWords, facilitiesBase, slotInWords, statusBadgeKind, type Place } from './shared.js';

export interface ClosedFormValues {
  from: string;
  to: string;
  reason: string;
}

export function ClosedDatesPage(props: {
  page: PageContext;
  place: Place;
  facility: FacilityDetail;
  today: string;
  values: ClosedFormValues;
  errors?: FieldErrors;
  /** Bookings on the dates asked for: shown with the button that closes anyway and cancels them. */
  conflicts?: BookingView[];
}) {
  const { page, place, facility: f, values } = props;
  const { t } = page.i18n;
  const i18n = page.i18n;
  const href = `${facilitiesBase(place)}/${f.id}`;
  const title = t('facilities.closedDates.title', { name: f.name });
  const upcoming = f.closed.filter((c) => c.date >= props.today);
  const conflicts = props.conflicts ?? [];
  return (
    <Layout page={page} title={`${title} – ${place.name}`} breadcrumbs={crumbs(t, place, [{ label: f.name, href }, { label: t('facilities.closedDates.crumb') }])} wide>
      <h1>{title}</h1>
      <p class="font-lead">{t('facilities.closedDates.lead')}</p>

      {conflicts.length > 0 ? (
        <div id="conflicts">
          <Alert kind="warning" heading={t('facilities.closedDates.conflictHeading', { count: conflicts.length })} role="alert">
            <p>{t('facilities.closedDates.conflictText')}</p>
          </Alert>
          <DataTable
            caption={t('facilities.closedDates.conflictCaption')}
            rows={conflicts}
            columns={[
              { header: t('facilities.col.when'), cell: (b) => slotInWords(i18n, b.startsAt, b.endsAt, place.timeZone) },
              { header: t('facilities.col.who'), cell: (b) => `${b.bookerName ?? '–'}${b.groupName ? ` (${b.groupName})` : ''}` },
              { header: t('facilities.col.purpose'), cell: (b) => b.purpose },
              { header: t('facilities.col.status'), cell: (b) => <Badge kind={statusBadgeKind(b.status)}>{t(`facilities.status.${b.status}`)}</Badge> },
            ]}
          />
          <Form page={page} action={`${href}/closed`} class="mb-7">
            <input type="hidden" name="from" value={values.from} />
            <input type="hidden" name="to" value={values.to} />
            <input type="hidden" name="reason" value={values.reason} />
            {conflicts.map((b) => (
              <input type="hidden" name="cancel" value={String(b.id)} />
            ))}
            <div class="app-button-row mt-5">
              <SubmitButton variant="warning" name="confirm" value="yes">
                {t('facilities.closedDates.closeAnyway', { count: conflicts.length })}
              </SubmitButton>
              <a class="button button-tertiary" href={`${href}/closed`}>
                {t('facilities.closedDates.keepOpen')}
              </a>
            </div>
          </Form>
        </div>
      ) : null}

      <h2>{t('facilities.closedDates.addHeading')}</h2>
      <Form page={page} action={`${href}/closed`} errors={props.errors}>
        <TextField name="from" type="date" label={t('facilities.closedDates.from')} hint={t('facilities.closedDates.fromHint')} value={values.from} width="s" />
        <TextField name="to" type="date" label={t('facilities.closedDates.to')} hint={t('facilities.closedDates.toHint', { max: 60 })} optional value={values.to} width="s" />
        <TextField name="reason" label={t('facilities.closedDates.reason')} hint={t('facilities.closedDates.reasonHint')} optional value={values.reason} maxlength={200} />
        <div class="mt-5">
          <SubmitButton>{t('facilities.closedDates.add')}</SubmitButton>
        </div>
      </Form>

      <h2 class="mt-8">{t('facilities.closedDates.upcoming')}</h2>
      {upcoming.length === 0 ? (
        <EmptyState title={t('facilities.closedDates.none')} headingLevel={3} />
      ) : (
        <DataTable
          caption={t('facilities.closedDates.upcoming')}
          captionHidden
          rows={upcoming}
          columns={[
            { header: t('facilities.closedDates.col.date'), cell: (c) => dateInWords(i18n, c.date) },
            { header: t('facilities.closedDates.col.reason'), cell: (c) => c.reason || '–' },
            {
              header: t('facilities.col.actions'),
              cell: (c) => (
                <form method="post" action={`${href}/closed/${c.date}/delete`} class="app-inline-form">
                  <input type="hidden" name="_csrf" value={page.csrfToken} />
                  <button type="submit" class="button button-secondary" aria-label={t('facilities.closedDates.removeLabel', { date: dateInWords(i18n, c.date) })}>
                    {t('facilities.closedDates.remove')}
                  </button>
                </form>
              ),
            },
          ]}
        />
      )}
      <p class="mt-6">
        <a class="function-link" href={href}>
          {t('facilities.closedDates.back', { name: f.name })}
        </a>
      </p>
    </Layout>
  );
}
