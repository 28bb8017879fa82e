// The form for a new work day or round, attendance on a phone, my shifts, and the "can't come" page.
import { Layout } from '../../../core/views/layout.js';
import { Alert, Badge, EmptyState } from '../../../core/views/components.js';
import { Checkbox, Form, RadioGroup, Select, SubmitButton, TextArea, TextField, type FieldErrors } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { MyShift } from '../workdays.repository.js';
import { SHIFT_ROWS } from '../workdays.schemas.js';
import type { Shift, Signup, WorkDay } from '../workdays.types.js';
import { crumbs, formatTime, formatWhen, hoursText, urls, type MunicipalityView } from './shared.js';

export type DayFormValues = Record<string, string>;

export function emptyDayForm(groupId: string): DayFormValues {
  return { groupId, repeat: 'none', everyWeeks: '2', count: '', until: '', startTime: '09:00', endTime: '12:00', shift1Start: '09:00', shift1End: '12:00', shift1Capacity: '10' };
}

export function NewDayPage(p: {
  page: PageContext;
  municipality: MunicipalityView;
  groups: { id: number; name: string }[];
  /** Initiatives the person may organise for (all open ones for facilitators). */
  initiatives: { id: number; title: string }[];
  areas: { id: number; name: string }[];
  values: DayFormValues;
  errors?: FieldErrors;
}) {
  const { page, municipality: m, values: v } = p;
  const { t } = page.i18n;
  const rows = Array.from({ length: SHIFT_ROWS }, (_, i) => i + 1);
  return (
    <Layout page={page} title={t('workdays.new.title')} breadcrumbs={crumbs(t, m, [{ label: t('workdays.new.title') }])}>
      <h1>{t('workdays.new.title')}</h1>
      <p class="font-lead">{t('workdays.new.lead', { zone: m.timeZone })}</p>
      <Form page={page} action={urls.create(m.slug)} errors={p.errors ?? {}}>
        <h2>{t('workdays.new.what')}</h2>
        <TextField name="title" label={t('workdays.field.title')} value={v.title} maxlength={140} />
        <fieldset class="mb-5">
          <legend class="h4">{t('workdays.new.owner')}</legend>
          <p class="form-hint">{t('workdays.new.ownerHint')}</p>
          <Select name="groupId" label={t('workdays.field.group')} hint={t('workdays.field.groupHint')} optional value={v.groupId} placeholder={t('workdays.field.none')} options={p.groups.map((g) => ({ value: String(g.id), label: g.name }))} />
          <Select name="initiativeId" label={t('workdays.field.initiative')} hint={t('workdays.field.initiativeHint')} optional value={v.initiativeId} placeholder={t('workdays.field.none')} options={p.initiatives.map((i) => ({ value: String(i.id), label: i.title }))} />
        </fieldset>
        <TextArea name="description" label={t('workdays.field.description')} optional value={v.description} rows={3} maxlength={5000} />
        <TextArea name="tasks" label={t('workdays.field.tasks')} optional value={v.tasks} rows={3} maxlength={2000} />
        <TextArea name="equipment" label={t('workdays.field.equipment')} optional value={v.equipment} rows={2} maxlength={2000} />
        <TextArea name="bring" label={t('workdays.field.bring')} optional value={v.bring} rows={2} maxlength={1000} />
        <h2>{t('workdays.new.place')}</h2>
        <TextField name="address" label={t('workdays.field.address')} hint={t('workdays.field.addressHint')} autocomplete="street-address" value={v.address} maxlength={200} />
        <Select name="areaId" label={t('workdays.field.area')} optional value={v.areaId} options={p.areas.map((a) => ({ value: String(a.id), label: a.name }))} />
        <TextField name="meetingPoint" label={t('workdays.field.meetingPoint')} optional value={v.meetingPoint} maxlength={500} />
        <h2>{t('workdays.new.timeHeading')}</h2>
        <TextField name="date" type="date" label={t('workdays.field.date')} hint={t('workdays.field.dateHint')} value={v.date} width="s" />
        <TextField name="startTime" type="time" label={t('workdays.field.startTime')} hint={t('workdays.field.timeHint')} value={v.startTime} width="xs" />
        <TextField name="endTime" type="time" label={t('workdays.field.endTime')} hint={t('workdays.field.timeHint')} value={v.endTime} width="xs" />
        <h2>{t('workdays.new.shiftsHeading')}</h2>
        <p>{t('workdays.new.shiftsHint')}</p>
        {rows.map((n) => (
          <fieldset class="mb-5">
            <legend class="h4">{t('workdays.new.shiftN', { n })}</legend>
            <TextField name={`shift${n}Label`} label={t('workdays.field.shiftLabel', { n })} value={v[`shift${n}Label`]} maxlength={120} />
            <TextField name={`shift${n}Start`} type="time" label={t('workdays.field.shiftStart', { n })} value={v[`shift${n}Start`]} width="xs" />
            <TextField name={`shift${n}End`} type="time" label={t('workdays.field.shiftEnd', { n })} value={v[`shift${n}End`]} width="xs" />
            <TextField name={`shift${n}Capacity`} type="number" inputmode="numeric" min={1} max={1000} label={t('workdays.field.shiftCapacity', { n })} value={v[`shift${n}Capacity`]} width="xxs" />
          </fieldset>
        ))}
        <h2>{t('workdays.new.repeatHeading')}</h2>
        <RadioGroup
          name="repeat"
          label={t('workdays.field.repeat')}
          value={v.repeat}
          options={[
            { value: 'none', label: t('workdays.field.repeat.none') },
            { value: 'weekly', label: t('workdays.field.repeat.weekly') },
          ]}
        />
        <TextField name="everyWeeks" type="number" inputmode="numeric" min={1} max={8} label={t('workdays.field.everyWeeks')} value={v.everyWeeks} width="xxs" />
        <TextField name="count" type="number" inputmode="numeric" min={1} max={60} label={t('workdays.field.count')} hint={t('workdays.field.untilHint')} value={v.count} width="xxs" />
        <TextField name="until" type="date" label={t('workdays.field.until')} optional value={v.until} width="s" />
        <SubmitButton>{t('workdays.new.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function AttendancePage(p: {
  page: PageContext;
  municipality: MunicipalityView;
  day: WorkDay;
  shifts: Shift[];
  signups: Signup[];
  started: boolean;
  canVerify: boolean;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { page, municipality: m, day } = p;
  const { t } = page.i18n;
  const confirmed = p.signups.filter((s) => s.status === 'confirmed');
  return (
    <Layout page={page} title={t('workdays.attendance.title', { day: day.title })} breadcrumbs={crumbs(t, m, [{ label: day.title, href: urls.day(m.slug, day.id) }, { label: t('workdays.day.attendance') }])}>
      <h1>{t('workdays.attendance.title', { day: day.title })}</h1>
      <p>{formatWhen(page.i18n, m.timeZone, day.startsAt, day.endsAt)}</p>
      {!p.started ? (
        <Alert kind="info">{t('workdays.attendance.notStarted')}</Alert>
      ) : confirmed.length === 0 ? (
        <EmptyState title={t('workdays.attendance.none')} />
      ) : (
        <>
          <p>{t('workdays.attendance.lead')}</p>
          <Form page={page} action={urls.attendance(m.slug, day.id)} errors={p.errors ?? {}}>
            {p.shifts.map((shift) => {
              const people = confirmed.filter((s) => s.shiftId === shift.id);
              if (people.length === 0) return null;
              return (
                <fieldset class="mb-6">
                  <legend class="h3">
                    {shift.label} ({formatTime(page.i18n, m.timeZone, shift.startsAt)}–{formatTime(page.i18n, m.timeZone, shift.endsAt)})
                  </legend>
                  {people.map((s) => {
                    const came = p.values ? p.values[`came-${s.id}`] === 'yes' : s.attended !== false;
                    const hours = p.values ? (p.values[`hours-${s.id}`] ?? '') : s.minutes === null ? '' : hoursText(page.i18n, s.minutes);
                    return (
                      <div class="app-attendance-row mb-4">
                        <p class="mb-2">
                          <strong>{s.name}</strong> <Badge kind={s.kind === 'staff' ? 'info' : 'neutral'}>{t(`workdays.kind.${s.kind}`)}</Badge>{' '}
                          {s.verifiedAt ? <Badge kind="success">{t('workdays.attendance.verified')}</Badge> : s.minutes !== null ? <Badge kind="warning">{t('workdays.attendance.notVerified')}</Badge> : null}
                        </p>
                        <Checkbox name={`came-${s.id}`} value="yes" checked={came} label={t('workdays.attendance.came', { name: s.name })} />
                        <TextField name={`hours-${s.id}`} inputmode="decimal" label={t('workdays.attendance.hours', { name: s.name })} hint={t('workdays.attendance.hoursHint')} value={hours} width="xs" />
                        <input type="hidden" name="signup" value={String(s.id)} />
                      </div>
                    );
                  })}
                </fieldset>
              );
            })}
            <SubmitButton>{t('workdays.attendance.save')}</SubmitButton>
          </Form>
          {p.canVerify ? (
            <>
              <h2>{t('workdays.attendance.verify')}</h2>
              <p>{t('workdays.attendance.verifyLead')}</p>
              <Form page={page} action={urls.verify(m.slug, day.id)}>
                <SubmitButton variant="secondary">{t('workdays.attendance.verify')}</SubmitButton>
              </Form>
            </>
          ) : null}
        </>
      )}
    </Layout>
  );
}

export function MyShiftsPage(p: { page: PageContext; municipality: MunicipalityView; shifts: MyShift[]; feedUrl: string }) {
  const { page, municipality: m } = p;
  const { t } = page.i18n;
  return (
    <Layout page={page} title={t('workdays.mine.title')} breadcrumbs={crumbs(t, m, [{ label: t('workdays.mine.title') }])}>
      <h1>{t('workdays.mine.title')}</h1>
      <p class="font-lead">{t('workdays.mine.lead', { municipality: m.name })}</p>
      {p.shifts.length === 0 ? (
        <EmptyState title={t('workdays.mine.empty')} />
      ) : (
        <ul class="app-card-list no-max-width">
          {p.shifts.map((s) => (
            <li>
              <article class="card collapsed-height app-card">
                <div class="card-content">
                  <h2 class="h3 app-card-title">
                    <a href={urls.day(m.slug, s.day.id)}>{s.day.title}</a>
                  </h2>
                  <p class="app-card-meta">
                    {s.shift.label} · {formatWhen(page.i18n, m.timeZone, s.shift.startsAt, s.shift.endsAt)}
                  </p>
                  <p>
                    <Badge kind={s.status === 'confirmed' ? 'success' : 'warning'}>
                      {s.status === 'confirmed' ? t('workdays.status.confirmed') : t('workdays.status.waitlisted', { place: s.waitlistPlace ?? 1 })}
                    </Badge>
                  </p>
                  <Form page={page} action={urls.cancel(m.slug, s.signupId)}>
                    <SubmitButton variant="secondary">{t('workdays.day.cantCome', { shift: s.shift.label })}</SubmitButton>
                  </Form>
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('workdays.mine.feed')}</h2>
      <p>{t('workdays.mine.feedHint')}</p>
      <div class="form-group">
        <label class="form-label" for="feed-url">
          {t('workdays.mine.feedLabel')}
        </label>
        <input class="form-input" id="feed-url" type="text" readonly value={p.feedUrl} />
      </div>
    </Layout>
  );
}

export function CantComePage(p: { page: PageContext; municipality: MunicipalityView; token: string; found: { dayTitle: string; shiftLabel: string; when: string } | null }) {
  const { page, municipality: m } = p;
  const { t } = page.i18n;
  return (
    <Layout page={page} title={t('workdays.cantCome.title')} breadcrumbs={crumbs(t, m, [{ label: t('workdays.cantCome.title') }])}>
      <h1>{t('workdays.cantCome.title')}</h1>
      {p.found ? (
        <>
          <p>{t('workdays.cantCome.lead', { shift: p.found.shiftLabel, day: p.found.dayTitle })}</p>
          <p>{p.found.when}</p>
          <Form page={page} action={urls.cantCome(m.slug, p.token)}>
            <SubmitButton>{t('workdays.cantCome.submit')}</SubmitButton>
          </Form>
        </>
      ) : (
        <Alert kind="warning">{t('workdays.cantCome.invalid')}</Alert>
      )}
    </Layout>
  );
}
