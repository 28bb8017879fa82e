// One work day: what, where, when, and its shifts. Residents sign up or cancel; guests sign up with a
// name and e-mail where the municipality allows it; those who manage the day see everyone on each
// shift (resident or staff), and facilitators put staff on shifts.
import { Layout } from '../../../core/views/layout.js';
import { Badge, ButtonLink, DataTable } from '../../../core/views/components.js';
import { Form, Select, SubmitButton, TextField, type FieldErrors } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { DayPageData } from '../workdays.queries.js';
import type { Shift, Signup } from '../workdays.types.js';
import { ReportForm } from './report-pages.js';
import { groupUrls } from '../../groups/index.js';
import { crumbs, formatTime, formatWhen, urls, type MunicipalityView } from './shared.js';

export interface DayPageProps {
  page: PageContext;
  municipality: MunicipalityView;
  data: DayPageData;
  now: Date;
  areaName: string | null;
  guest?: { values: Record<string, string>; errors: FieldErrors };
  staff?: { shiftId: number; value: string; error: string };
}

function Fact({ label, value }: { label: string; value: string }) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd class="app-pre-line">{value}</dd>
    </>
  );
}

export function DayPage(p: DayPageProps) {
  const { page, municipality: m, data } = p;
  const { t } = page.i18n;
  const { day } = data;
  const signedIn = page.user !== null;
  const open = (s: Shift) => s.startsAt.getTime() > p.now.getTime();
  const openShifts = data.shifts.filter(open);
  return (
    <Layout page={page} title={day.title} breadcrumbs={crumbs(t, m, [{ label: day.title }])}>
      <h1 lang={day.lang === page.i18n.lang ? undefined : day.lang}>{day.title}</h1>
      {day.roundId !== null ? (
        <p>
          <Badge kind="info">{t('workdays.round')}</Badge>
        </p>
      ) : null}
      <dl class="app-facts">
        {data.owners.initiative ? (
          <>
            <dt>{t('workdays.day.initiative')}</dt>
            <dd>
              <a href={`/m/${encodeURIComponent(m.slug)}/initiatives/${data.owners.initiative.id}`}>{data.owners.initiative.title}</a>
            </dd>
          </>
        ) : null}
        {data.owners.group ? (
          <>
            <dt>{t('workdays.day.group')}</dt>
            <dd>
              <a href={groupUrls.group(m.slug, data.owners.group.slug)}>{data.owners.group.name}</a>
            </dd>
          </>
        ) : null}
        <Fact label={t('workdays.day.when')} value={formatWhen(page.i18n, m.timeZone, day.startsAt, day.endsAt)} />
        <Fact label={t('workdays.day.where')} value={day.address} />
        <Fact label={t('workdays.day.area')} value={p.areaName ?? ''} />
        <Fact label={t('workdays.day.meetingPoint')} value={day.meetingPoint} />
        <Fact label={t('workdays.day.tasks')} value={day.tasks} />
        <Fact label={t('workdays.day.equipment')} value={day.equipment} />
        <Fact label={t('workdays.day.bring')} value={day.bring} />
      </dl>
      {day.description ? (
        <>
          <h2>{t('workdays.day.about')}</h2>
          <p class="app-pre-line" lang={day.lang === page.i18n.lang ? undefined : day.lang}>
            {day.description}
          </p>
        </>
      ) : null}
      <ul class="app-inline-list mb-5">
        <li>
          <a href={urls.dayIcs(m.slug, day.id)}>{t('workdays.day.ics')}</a>
        </li>
        {data.canManage ? (
          <li>
            <a href={urls.attendance(m.slug, day.id)}>{t('workdays.day.attendance')}</a>
          </li>
        ) : null}
      </ul>

      <h2>{t('workdays.day.shifts')}</h2>
      {data.shifts.map((s) => {
        const mine = data.mine.get(s.id);
        const full = s.confirmedCount >= s.capacity;
        return (
          <section class="app-shift mb-6" aria-labelledby={`shift-${s.id}`}>
            <h3 id={`shift-${s.id}`} class="h4">
              {s.label}: {t('workdays.day.shiftTime', { start: formatTime(page.i18n, m.timeZone, s.startsAt), end: formatTime(page.i18n, m.timeZone, s.endsAt) })}
            </h3>
            <p>
              {t('workdays.day.capacity', { confirmed: s.confirmedCount, capacity: s.capacity })} · {t('workdays.day.waitlist', { count: s.waitlistCount })}
            </p>
            {!open(s) ? (
              <p>{t('workdays.day.past')}</p>
            ) : mine ? (
              <>
                <p>
                  <strong>{mine.status === 'confirmed' ? t('workdays.day.youAreConfirmed') : t('workdays.day.youAreWaitlisted', { place: data.waitlistPlace.get(s.id) ?? 1 })}</strong>
                </p>
                <Form page={page} action={urls.cancel(m.slug, mine.id)}>
                  <SubmitButton variant="secondary">{t('workdays.day.cantCome', { shift: s.label })}</SubmitButton>
                </Form>
              </>
            ) : signedIn ? (
              <Form page={page} action={urls.signUp(m.slug, day.id, s.id)}>
                <SubmitButton>{full ? t('workdays.day.joinWaitlist', { shift: s.label }) : t('workdays.day.signUp', { shift: s.label })}</SubmitButton>
              </Form>
            ) : (
              <p>
                <ButtonLink href={urls.login(urls.day(m.slug, day.id))} variant="primary">
                  {t('workdays.day.loginToSignUp')}
                </ButtonLink>
              </p>
            )}
            {data.canManage ? <Participants page={page} m={m} data={data} shift={s} signups={data.signups.filter((x) => x.shiftId === s.id)} /> : null}
            {data.canAssignStaff && open(s) ? (
              <Form page={page} action={urls.assign(m.slug, day.id, s.id)} errors={p.staff?.shiftId === s.id ? { email: p.staff.error } : {}} errorIds={{ email: `f-staff-${s.id}` }}>
                <TextField
                  name="email"
                  id={`f-staff-${s.id}`}
                  type="email"
                  autocomplete="off"
                  label={t('workdays.day.assignStaff', { shift: s.label })}
                  hint={t('workdays.day.staffEmail')}
                  value={p.staff?.shiftId === s.id ? p.staff.value : ''}
                />
                <SubmitButton variant="secondary">{t('workdays.day.assign')}</SubmitButton>
              </Form>
            ) : null}
          </section>
        );
      })}

      {!signedIn && data.guestsAllowed && openShifts.length > 0 ? (
        <section aria-labelledby="guest-heading">
          <h2 id="guest-heading">{t('workdays.day.guestHeading')}</h2>
          <p>{t('workdays.day.guestLead')}</p>
          <Form page={page} action={urls.guest(m.slug, day.id)} errors={p.guest?.errors ?? {}}>
            <TextField name="name" label={t('workdays.day.guestName')} autocomplete="name" value={p.guest?.values.name ?? ''} />
            <TextField name="email" type="email" label={t('workdays.day.guestEmail')} autocomplete="email" value={p.guest?.values.email ?? ''} />
            <Select
              name="shiftId"
              label={t('workdays.day.guestShift')}
              placeholder={false}
              value={p.guest?.values.shiftId ?? ''}
              options={openShifts.map((s) => ({ value: String(s.id), label: `${s.label} (${formatTime(page.i18n, m.timeZone, s.startsAt)}–${formatTime(page.i18n, m.timeZone, s.endsAt)})` }))}
            />
            <SubmitButton>{t('workdays.day.guestSubmit')}</SubmitButton>
          </Form>
        </section>
      ) : null}

      {signedIn ? (
        <section aria-labelledby="report-heading">
          <h2 id="report-heading">{t('workdays.report.title')}</h2>
          <p>{t('workdays.report.lead')}</p>
          <ReportForm page={page} municipality={m} dayId={day.id} />
        </section>
      ) : null}
    </Layout>
  );
}

function Participants(p: { page: PageContext; m: MunicipalityView; data: DayPageData; shift: Shift; signups: Signup[] }) {
  const { t } = p.page.i18n;
  if (p.signups.length === 0) return <p>{t('workdays.day.noParticipants')}</p>;
  let place = 0;
  return (
    <DataTable
      caption={t('workdays.day.participants', { shift: p.shift.label })}
      rows={p.signups}
      columns={[
        { header: t('workdays.day.col.name'), cell: (s) => s.name },
        { header: t('workdays.day.col.kind'), cell: (s) => <Badge kind={s.kind === 'staff' ? 'info' : 'neutral'}>{t(`workdays.kind.${s.kind}`)}</Badge> },
        {
          header: t('workdays.day.col.status'),
          cell: (s) => (s.status === 'confirmed' ? t('workdays.status.confirmed') : t('workdays.status.waitlisted', { place: (place += 1) })),
        },
        ...(p.data.canSeeArrangements
          ? [
              {
                header: t('workdays.day.col.arrangement'),
                cell: (s: Signup) => {
                  if (s.userId === null || s.kind === 'staff') return '–';
                  const a = p.data.arrangements.get(s.userId);
                  return (
                    <a href={urls.arrangement(p.m.slug, s.userId)}>
                      {a ? t(`workdays.arrangement.role.${a.roleType}`) : t('workdays.day.arrangementNone')}
                      <span class="sr-only"> – {t('workdays.day.arrangementEdit', { name: s.name })}</span>
                    </a>
                  );
                },
              },
            ]
          : []),
        {
          header: t('workdays.day.col.actions'),
          cell: (s) => (
            <Form page={p.page} action={urls.cancel(p.m.slug, s.id)} class="app-inline-form">
              <button type="submit" class="button button-tertiary">
                {t('workdays.day.remove', { name: s.name })}
              </button>
            </Form>
          ),
        },
      ]}
    />
  );
}
