// The list of facilities and one facility's page: its details, and availability per day or per week
// as plain tables (no JavaScript), with links to book a free slot.
import { Layout } from '../../../core/views/layout.js';
import { Alert, Badge, ButtonLink, Card, CardList, EmptyState } from '../../../core/views/components.js';
import { Form, SubmitButton, TextField } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import { formatInterval, freeIntervals, openingOn, type Interval } from '../facilities.opening.js';
import { addDays, minutesOf, timeOf } from '../facilities.time.js';
import type { Facility, FacilityDetail } from '../facilities.types.js';
import type { BookingView } from '../facilities.queries.js';
import { crumbs, dateInWords, facilitiesBase, localDate, localTime, weekdays, type Place } from './shared.js';

export function FacilitiesListPage(props: { page: PageContext; place: Place; facilities: Facility[] }) {
  const { page, place, facilities } = props;
  const { t, formatNumber } = page.i18n;
  const base = facilitiesBase(place);
  return (
    <Layout page={page} title={`${t('facilities.title')} – ${place.name}`} breadcrumbs={crumbs(t, place)}>
      <h1>{t('facilities.title')}</h1>
      <p class="font-lead">{t('facilities.list.lead')}</p>
      {facilities.length === 0 ? (
        <EmptyState title={t('facilities.list.empty')} />
      ) : (
        <CardList>
          {facilities.map((f) => (
            <Card
              title={f.name}
              href={`${base}/${f.id}`}
              meta={`${f.institution} · ${t(`facilities.kind.${f.kind}`)}${f.kind === 'room' ? ` · ${t('facilities.capacityShort', { count: f.capacity })}` : ''}`}
              text={f.description.slice(0, 200)}
              labels={f.needsApproval ? <Badge kind="info">{t('facilities.needsApproval')}</Badge> : <Badge kind="success">{t('facilities.instant')}</Badge>}
            />
          ))}
        </CardList>
      )}
      <p class="mt-6">{t('facilities.list.count', { count: formatNumber(facilities.length) })}</p>
    </Layout>
  );
}

export type AvailabilityView = 'day' | 'week';

interface DayRow {
  date: string;
  open: Interval | null;
  busy: { interval: Interval; pending: boolean; label: string }[];
  free: Interval[];
}

/** Busy minutes of `date` from bookings (clipped to that local day). */
/** `now` clips today's free time to what has not started yet (rounded up to the quarter hour). */
export function dayRows(facility: FacilityDetail, bookings: BookingView[], dates: string[], tz: string, showNames: boolean, now: Date = new Date()): DayRow[] {
  const today = localDate(now, tz);
  const nowMin = Math.ceil(minutesOf(localTime(now, tz)) / 15) * 15;
  return dates.map((date) => {
    const open = openingOn(facility.hours, facility.closed, date);
    const openI = open ? { start: open.opens, end: open.closes } : null;
    const busy = bookings
      .filter((b) => localDate(b.startsAt, tz) <= date && localDate(b.endsAt, tz) >= date)
      .map((b) => {
        const s = localDate(b.startsAt, tz) < date ? 0 : minutesOf(localTime(b.startsAt, tz));
        const e = localDate(b.endsAt, tz) > date ? 1440 : minutesOf(localTime(b.endsAt, tz));
        return { interval: { start: s, end: e }, pending: b.status === 'pending', label: showNames ? `${b.purpose}${b.bookerName ? ` (${b.bookerName})` : ''}` : '' };
      })
      .filter((x) => x.interval.end > x.interval.start);
    const confirmed = busy.filter((b) => !b.pending).map((b) => b.interval);
    const past = date < today ? [{ start: 0, end: 1440 }] : date === today ? [{ start: 0, end: nowMin }] : [];
    return { date, open: openI, busy, free: freeIntervals(openI, [...confirmed, ...past]) };
  });
}

export function FacilityPage(props: {
  page: PageContext;
  place: Place;
  facility: FacilityDetail;
  view: AvailabilityView;
  date: string;
  today: string;
  rows: DayRow[];
  canBook: boolean;
  isStaff: boolean;
}) {
  const { page, place, facility: f, view, date, rows, isStaff } = props;
  const { t } = page.i18n;
  const i18n = page.i18n;
  const base = `${facilitiesBase(place)}/${f.id}`;
  const step = view === 'day' ? 1 : 7;
  const href = (d: string, v: AvailabilityView = view) => `${base}?view=${v}&date=${d}#availability`;
  const bookHref = (d: string, i: Interval) => `${base}/book?date=${d}&start=${timeOf(i.start)}&end=${timeOf(i.end)}`;
  const who = [f.allowResidents ? t('facilities.who.residents') : null, f.allowGroups ? t('facilities.who.groups') : null, f.allowAssociations ? t('facilities.who.associations') : null].filter(Boolean).join(', ');
  return (
    <Layout page={page} title={`${f.name} – ${place.name}`} breadcrumbs={crumbs(t, place, [{ label: f.name }])} wide>
      <h1>{f.name}</h1>
      <p class="font-lead">
        {f.institution}
        {f.address ? ` · ${f.address}` : ''}
      </p>
      {f.needsApproval ? (
        <Alert kind="info">{t('facilities.detail.approvalNote')}</Alert>
      ) : null}
      <div class="row">
        <div class="col-12 col-lg-6">
          {f.description ? <p>{f.description}</p> : null}
          <dl>
            <dt>{t('facilities.field.kind')}</dt>
            <dd>{t(`facilities.kind.${f.kind}`)}</dd>
            <dt>{f.kind === 'room' ? t('facilities.field.capacity') : t('facilities.field.quantity')}</dt>
            <dd>{f.kind === 'room' ? t('facilities.capacityShort', { count: f.capacity }) : String(f.capacity)}</dd>
            <dt>{t('facilities.field.who')}</dt>
            <dd>{who || t('facilities.who.nobody')}</dd>
            <dt>{t('facilities.field.horizon')}</dt>
            <dd>{t('facilities.detail.horizon', { days: f.horizonDays, priorityDays: f.priorityHorizonDays })}</dd>
            <dt>{t('facilities.field.cancelDeadline')}</dt>
            <dd>{t('facilities.detail.cancelDeadline', { hours: f.cancelDeadlineHours })}</dd>
            {f.accessibility ? (
              <>
                <dt>{t('facilities.field.accessibility')}</dt>
                <dd>{f.accessibility}</dd>
              </>
            ) : null}
            {f.depositNote ? (
              <>
                <dt>{t('facilities.field.depositNote')}</dt>
                <dd>{f.depositNote}</dd>
              </>
            ) : null}
          </dl>
          {f.houseRules ? (
            <>
              <h2 class="h3">{t('facilities.field.houseRules')}</h2>
              {f.houseRules.split(/\n+/).map((line) => (line.trim() ? <p>{line}</p> : null))}
            </>
          ) : null}
        </div>
        <div class="col-12 col-lg-6">
          <div class="table--responsive-scroll" role="region" aria-label={t('facilities.detail.hoursCaption')} tabindex={0}>
            <table class="table table--compact">
              <caption>{t('facilities.detail.hoursCaption')}</caption>
              <tbody>
                {weekdays.map((w) => {
                  const h = f.hours.find((x) => x.weekday === w);
                  return (
                    <tr>
                      <th scope="row">{t(`facilities.weekday.${w}`)}</th>
                      <td>{h ? `${h.opens}–${h.closes}` : t('facilities.closed')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {f.closed.filter((c) => c.date >= props.today).length > 0 ? (
            <>
              <h2 class="h4">{t('facilities.detail.closedDates')}</h2>
              <ul>
                {f.closed
                  .filter((c) => c.date >= props.today)
                  .slice(0, 12)
                  .map((c) => (
                    <li>
                      {dateInWords(i18n, c.date, 'long')}
                      {c.reason ? ` – ${c.reason}` : ''}
                    </li>
                  ))}
              </ul>
            </>
          ) : null}
          <ul class="nobullet-list">
            <li>
              <a class="function-link" href={`${base}/calendar.ics`}>
                {t('facilities.detail.icalLink')}
              </a>
            </li>
            {isStaff ? (
              <>
                <li>
                  <a class="function-link" href={`${base}/day-sheet?date=${date}`}>
                    {t('facilities.detail.daySheetLink')}
                  </a>
                </li>
                <li>
                  <a class="function-link" href={`${base}/edit`}>
                    {t('facilities.edit.link')}
                  </a>
                </li>
                <li>
                  <a class="function-link" href={`${base}/closed`}>
                    {t('facilities.closedDates.link')}
                  </a>
                </li>
              </>
            ) : null}
          </ul>
        </div>
      </div>

      <h2 id="availability">{t('facilities.avail.title')}</h2>
      {props.canBook ? null : <p>{t('facilities.avail.signInToBook')}</p>}
      <Form page={page} action={`${base}#availability`} method="get">
        <input type="hidden" name="view" value={view} />
        <TextField name="date" type="date" label={t('facilities.avail.pickDate')} value={date} width="s" />
        <SubmitButton variant="secondary">{t('facilities.avail.show')}</SubmitButton>
      </Form>
      <nav aria-label={t('facilities.avail.navLabel')}>
        <ul class="app-inline-list">
          <li>
            <a href={href(addDays(date, -step))}>{t(view === 'day' ? 'facilities.avail.prevDay' : 'facilities.avail.prevWeek')}</a>
          </li>
          <li>
            <a href={href(addDays(date, step))}>{t(view === 'day' ? 'facilities.avail.nextDay' : 'facilities.avail.nextWeek')}</a>
          </li>
          <li>
            {view === 'day' ? <a href={href(date, 'week')}>{t('facilities.avail.showWeek')}</a> : <a href={href(date, 'day')}>{t('facilities.avail.showDay')}</a>}
          </li>
        </ul>
      </nav>
      {view === 'day' ? (
        <DayTable page={page} row={rows[0]!} canBook={props.canBook} bookHref={bookHref} past={date < props.today} />
      ) : (
        <WeekTable page={page} rows={rows} canBook={props.canBook} bookHref={bookHref} dayHref={(d) => href(d, 'day')} today={props.today} />
      )}
      <p class="mt-6">
        {props.canBook ? (
          <ButtonLink href={`${base}/book?date=${date}`} variant="primary">
            {t('facilities.book.button')}
          </ButtonLink>
        ) : null}
      </p>
    </Layout>
  );
}

function DayTable(props: { page: PageContext; row: DayRow; canBook: boolean; bookHref: (d: string, i: Interval) => string; past: boolean }) {
  const { t } = props.page.i18n;
  const { row } = props;
  type Line = { interval: Interval; kind: 'free' | 'booked' | 'pending'; label: string };
  const lines: Line[] = [
    ...row.free.map((i) => ({ interval: i, kind: 'free' as const, label: '' })),
    ...row.busy.map((b) => ({ interval: b.interval, kind: b.pending ? ('pending' as const) : ('booked' as const), label: b.label })),
  ].sort((a, b) => a.interval.start - b.interval.start || (a.kind === 'booked' ? -1 : 1));
  const caption = t('facilities.avail.dayCaption', { date: dateInWords(props.page.i18n, row.date) });
  if (!row.open || lines.length === 0) {
    return (
      <>
        <h3 class="h4">{caption}</h3>
        <p>{row.open ? t('facilities.avail.nothingFree') : t('facilities.avail.closedDay')}</p>
      </>
    );
  }
  return (
    <div class="table--responsive-scroll" role="region" aria-label={caption} tabindex={0}>
      <table class="table table--zebra">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('facilities.avail.col.time')}</th>
            <th scope="col">{t('facilities.avail.col.status')}</th>
            <th scope="col">{t('facilities.avail.col.action')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr>
              <th scope="row">{formatInterval(l.interval)}</th>
              <td>
                {l.kind === 'free' ? <Badge kind="success">{t('facilities.avail.free')}</Badge> : l.kind === 'pending' ? <Badge kind="warning">{t('facilities.avail.pending')}</Badge> : <Badge kind="error">{t('facilities.avail.booked')}</Badge>}
                {l.label ? ` ${l.label}` : ''}
              </td>
              <td>
                {l.kind === 'free' && props.canBook && !props.past ? (
                  <a href={props.bookHref(row.date, l.interval)}>{t('facilities.avail.bookThis', { time: formatInterval(l.interval) })}</a>
                ) : (
                  ''
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WeekTable(props: { page: PageContext; rows: DayRow[]; canBook: boolean; bookHref: (d: string, i: Interval) => string; dayHref: (d: string) => string; today: string }) {
  const { t } = props.page.i18n;
  const i18n = props.page.i18n;
  const first = props.rows[0]!.date;
  const last = props.rows[props.rows.length - 1]!.date;
  const caption = t('facilities.avail.weekCaption', { from: dateInWords(i18n, first, 'long'), to: dateInWords(i18n, last, 'long') });
  return (
    <div class="table--responsive-scroll" role="region" aria-label={caption} tabindex={0}>
      <table class="table table--zebra">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('facilities.avail.col.day')}</th>
            <th scope="col">{t('facilities.avail.col.open')}</th>
            <th scope="col">{t('facilities.avail.col.booked')}</th>
            <th scope="col">{t('facilities.avail.col.free')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <th scope="row">
                <a href={props.dayHref(r.date)}>{i18n.formatDate(new Date(`${r.date}T12:00:00Z`), { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })}</a>
              </th>
              <td>{r.open ? formatInterval(r.open) : t('facilities.closed')}</td>
              <td>
                {r.busy.length === 0
                  ? '–'
                  : r.busy.map((b, i) => (
                      <>
                        {i > 0 ? <br /> : null}
                        {formatInterval(b.interval)}
                        {b.pending ? ` (${t('facilities.avail.pendingShort')})` : ''}
                      </>
                    ))}
              </td>
              <td>
                {r.free.length === 0
                  ? '–'
                  : r.free.map((i, n) => (
                      <>
                        {n > 0 ? <br /> : null}
                        {props.canBook && r.date >= props.today ? (
                          <a href={props.bookHref(r.date, i)} aria-label={t('facilities.avail.bookThisOn', { time: formatInterval(i), date: dateInWords(i18n, r.date, 'long') })}>
                            {formatInterval(i)}
                          </a>
                        ) : (
                          formatInterval(i)
                        )}
                      </>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
