// The network admin's screens: a season's form with its member municipalities and leaders, a
// meeting's form, and the minutes with the cases discussed.
import { Layout } from '../../../core/views/layout.js';
import { Alert, ButtonLink, DataTable } from '../../../core/views/components.js';
import { Checkbox, Form, RadioGroup, Select, SubmitButton, TextArea, TextField, type FieldErrors } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import { caseUrl } from '../network.urls.js';
import type { MeetingFormChoices, SeasonAdminData } from '../network.meetings.queries.js';
import type { LinkedCase, Meeting } from '../network.meetings.types.js';
import { meetingUrls as urls } from '../network.meetings.urls.js';
import { networkCrumbs } from './meetings-shared.js';

export type Values = Record<string, string>;

function Hidden({ name, value }: { name: string; value: string | number }) {
  return <input type="hidden" name={name} value={String(value)} />;
}

export interface SeasonFormPageProps {
  page: PageContext;
  /** Absent for a new season. */
  admin?: SeasonAdminData;
  values: Values;
  errors?: FieldErrors;
  /** Values and errors of the member and leader forms, after a failed post. */
  member?: { values: Values; errors: FieldErrors };
  leader?: { values: Values; errors: FieldErrors };
  alertKey?: string;
}

export function SeasonFormPage(p: SeasonFormPageProps) {
  const { page } = p;
  const { i18n } = page;
  const { t } = i18n;
  const season = p.admin?.season;
  const title = season ? t('network.seasons.editTitle', { name: season.name }) : t('network.seasons.new');
  const action = season ? urls.admin.season(season.id) : urls.admin.newSeason;
  const v = p.values;
  return (
    <Layout page={page} title={title} breadcrumbs={networkCrumbs(i18n, [{ label: t('network.seasons.title'), href: urls.seasons }, ...(season ? [{ label: season.name, href: urls.season(season.id) }] : []), { label: title }])}>
      <h1>{title}</h1>
      {p.alertKey ? (
        <Alert kind="error" role="alert">
          {t(p.alertKey)}
        </Alert>
      ) : null}
      <Form page={page} action={action} errors={p.errors}>
        <Hidden name="intent" value="season" />
        <TextField name="name" label={t('network.seasons.field.name')} hint={t('network.seasons.field.nameHint')} value={v.name} maxlength={120} width="l" required />
        <TextField name="startsOn" type="date" label={t('network.seasons.field.startsOn')} value={v.startsOn} width="m" required />
        <TextField name="endsOn" type="date" label={t('network.seasons.field.endsOn')} value={v.endsOn} width="m" required />
        <TextField name="themeDa" label={t('network.seasons.field.themeDa')} value={v.themeDa} maxlength={200} width="xl" optional />
        <TextField name="themeEn" label={t('network.seasons.field.themeEn')} value={v.themeEn} maxlength={200} width="xl" optional />
        <TextArea name="descriptionDa" label={t('network.seasons.field.descriptionDa')} value={v.descriptionDa} maxlength={5000} rows={6} optional />
        <TextArea name="descriptionEn" label={t('network.seasons.field.descriptionEn')} value={v.descriptionEn} maxlength={5000} rows={6} optional />
        <SubmitButton>{season ? t('network.seasons.admin.save') : t('network.seasons.create')}</SubmitButton>
      </Form>
      {p.admin ? <SeasonMembersSection {...p} admin={p.admin} /> : null}
    </Layout>
  );
}

function SeasonMembersSection(p: SeasonFormPageProps & { admin: SeasonAdminData }) {
  const { page, admin } = p;
  const { t } = page.i18n;
  const action = urls.admin.season(admin.season.id);
  const memberIds = new Set(admin.members.map((m) => m.municipalityId));
  const candidates = admin.municipalities.filter((m) => !memberIds.has(m.id));
  const leaders = admin.members.flatMap((m) => m.leaders.map((l) => ({ ...l, municipalityId: m.municipalityId, municipality: m.name })));
  return (
    <>
      <h2>{t('network.seasons.members')}</h2>
      {admin.members.length === 0 ? (
        <p>{t('network.seasons.noMembers')}</p>
      ) : (
        <DataTable
          caption={t('network.seasons.members')}
          captionHidden
          rows={admin.members}
          columns={[
            { header: t('network.seasons.admin.col.municipality'), cell: (m) => m.name },
            { header: t('network.seasons.admin.col.leaders'), numeric: true, cell: (m) => String(m.leaders.length) },
            {
              header: t('network.seasons.admin.col.action'),
              cell: (m) => (
                <Form page={page} action={action} class="app-inline-form">
                  <Hidden name="intent" value="remove-member" />
                  <Hidden name="municipalityId" value={m.municipalityId} />
                  <button type="submit" class="function-link" aria-label={t('network.seasons.admin.removeMember', { name: m.name })}>
                    {t('network.meetings.remove')}
                  </button>
                </Form>
              ),
            },
          ]}
        />
      )}
      {candidates.length > 0 ? (
        <Form page={page} action={action} errors={p.member?.errors} errorIds={{ municipalityId: 'f-member-municipality' }}>
          <Hidden name="intent" value="add-member" />
          <Select name="municipalityId" id="f-member-municipality" label={t('network.seasons.admin.addMember')} value={p.member?.values.municipalityId} options={candidates.map((m) => ({ value: String(m.id), label: m.name }))} required />
          <SubmitButton variant="secondary">{t('network.seasons.admin.addMemberSubmit')}</SubmitButton>
        </Form>
      ) : null}

      <h2>{t('network.seasons.admin.leaders')}</h2>
      {leaders.length === 0 ? (
        <p>{t('network.seasons.admin.noLeaders')}</p>
      ) : (
        <DataTable
          caption={t('network.seasons.admin.leaders')}
          captionHidden
          rows={leaders}
          columns={[
            { header: t('network.seasons.admin.col.name'), cell: (l) => l.displayName },
            { header: t('network.seasons.admin.col.role'), cell: (l) => l.roleText },
            { header: t('network.seasons.admin.col.municipality'), cell: (l) => l.municipality },
            { header: t('network.seasons.admin.col.consent'), cell: (l) => (l.showInDirectory ? t('network.seasons.admin.consentYes') : t('network.seasons.admin.consentNo')) },
            {
              header: t('network.seasons.admin.col.action'),
              cell: (l) => (
                <Form page={page} action={action} class="app-inline-form">
                  <Hidden name="intent" value="remove-leader" />
                  <Hidden name="municipalityId" value={l.municipalityId} />
                  <Hidden name="userId" value={l.userId} />
                  <button type="submit" class="function-link" aria-label={t('network.seasons.admin.removeLeader', { name: l.displayName })}>
                    {t('network.meetings.remove')}
                  </button>
                </Form>
              ),
            },
          ]}
        />
      )}
      {admin.members.length > 0 ? (
        <Form page={page} action={action} errors={p.leader?.errors} errorIds={{ municipalityId: 'f-leader-municipality', userId: 'f-leader-person', roleText: 'f-leader-role' }}>
          <h3>{t('network.seasons.admin.addLeader')}</h3>
          <Hidden name="intent" value="save-leader" />
          <Select name="municipalityId" id="f-leader-municipality" label={t('network.seasons.admin.col.municipality')} value={p.leader?.values.municipalityId} options={admin.members.map((m) => ({ value: String(m.municipalityId), label: m.name }))} required />
          <Select
            name="userId"
            id="f-leader-person"
            label={t('network.seasons.admin.person')}
            hint={t('network.seasons.admin.personHint')}
            value={p.leader?.values.userId}
            options={admin.networkPeople.map((x) => ({ value: String(x.userId), label: `${x.displayName} (${x.email})` }))}
            required
          />
          <TextField name="roleText" id="f-leader-role" label={t('network.seasons.admin.roleText')} hint={t('network.seasons.admin.roleTextHint')} value={p.leader?.values.roleText} maxlength={120} required />
          <SubmitButton variant="secondary">{t('network.seasons.admin.saveLeader')}</SubmitButton>
        </Form>
      ) : null}
    </>
  );
}

export interface MeetingFormPageProps {
  page: PageContext;
  choices: MeetingFormChoices;
  /** Absent for a new meeting. */
  meeting?: Meeting;
  values: Values;
  errors?: FieldErrors;
}

export function MeetingFormPage(p: MeetingFormPageProps) {
  const { page, choices, meeting } = p;
  const { i18n } = page;
  const { t } = i18n;
  const v = p.values;
  const title = meeting ? t('network.meetings.editTitle', { title: meeting.title }) : t('network.meetings.new');
  // Every municipality that is a member of some season; the command checks it is one of the chosen season's.
  const hosts = [...new Map(choices.hosts.flatMap((h) => h.municipalities).map((m) => [m.id, { value: String(m.id), label: m.name }])).values()].sort((a, b) => a.label.localeCompare(b.label, 'da'));
  return (
    <Layout page={page} title={title} breadcrumbs={networkCrumbs(i18n, [{ label: t('network.meetings.title'), href: urls.meetings }, ...(meeting ? [{ label: meeting.title, href: urls.meeting(meeting.id) }] : []), { label: title }])}>
      <h1>{title}</h1>
      {choices.seasons.length === 0 ? (
        <Alert kind="info">
          {t('network.meetings.needSeason')} <a href={urls.admin.newSeason}>{t('network.seasons.new')}</a>
        </Alert>
      ) : (
        <Form page={page} action={meeting ? urls.admin.meeting(meeting.id) : urls.admin.newMeeting} errors={p.errors}>
          <Select name="seasonId" label={t('network.meetings.field.season')} value={v.seasonId} options={choices.seasons.map((s) => ({ value: String(s.id), label: s.name }))} required />
          <Select name="hostMunicipalityId" label={t('network.meetings.field.host')} hint={t('network.meetings.field.hostHint')} value={v.hostMunicipalityId} placeholder={t('network.meetings.field.noHost')} options={hosts} optional />
          <TextField name="title" label={t('network.meetings.field.title')} value={v.title} maxlength={200} width="xl" required />
          <RadioGroup name="lang" label={t('network.meetings.field.lang')} value={v.lang} options={[{ value: 'da', label: t('network.meetings.lang.da') }, { value: 'en', label: t('network.meetings.lang.en') }]} required />
          <TextField name="date" type="date" label={t('network.meetings.field.date')} hint={t('network.meetings.field.timeZoneHint')} value={v.date} width="m" required />
          <TextField name="startTime" type="time" label={t('network.meetings.field.startTime')} value={v.startTime} width="s" required />
          <TextField name="endTime" type="time" label={t('network.meetings.field.endTime')} value={v.endTime} width="s" required />
          <TextField name="place" label={t('network.meetings.field.placeName')} hint={t('network.meetings.field.placeHint')} value={v.place} maxlength={200} width="xl" required />
          <TextField name="address" label={t('network.meetings.field.address')} value={v.address} maxlength={300} autocomplete="street-address" width="xl" optional />
          <TextArea name="agenda" label={t('network.meetings.agenda')} hint={t('network.meetings.field.agendaHint')} value={v.agenda} maxlength={10000} rows={8} optional />
          <TextField name="capacity" type="number" inputmode="numeric" min={1} max={10000} label={t('network.meetings.field.capacity')} value={v.capacity} width="xs" required />
          <TextField name="deadlineDate" type="date" label={t('network.meetings.field.deadlineDate')} hint={t('network.meetings.field.deadlineHint')} value={v.deadlineDate} width="m" optional />
          <TextField name="deadlineTime" type="time" label={t('network.meetings.field.deadlineTime')} value={v.deadlineTime} width="s" optional />
          <Checkbox name="isPublic" value="yes" label={t('network.meetings.field.isPublic')} hint={t('network.meetings.field.isPublicHint')} checked={v.isPublic === 'yes'} />
          <SubmitButton>{meeting ? t('network.seasons.admin.save') : t('network.meetings.create')}</SubmitButton>
        </Form>
      )}
    </Layout>
  );
}

export interface MinutesPageProps {
  page: PageContext;
  meeting: Meeting;
  cases: LinkedCase[];
  values: Values;
  errors?: FieldErrors;
  query: string;
  results: LinkedCase[] | null;
  alertKey?: string;
}

export function MinutesPage(p: MinutesPageProps) {
  const { page, meeting: m } = p;
  const { i18n } = page;
  const { t } = i18n;
  const action = urls.admin.minutes(m.id);
  const linked = new Set(p.cases.map((c) => `${c.municipalityId}-${c.id}`));
  const title = t('network.meetings.minutesTitle', { title: m.title });
  return (
    <Layout page={page} title={title} breadcrumbs={networkCrumbs(i18n, [{ label: t('network.meetings.title'), href: urls.meetings }, { label: m.title, href: urls.meeting(m.id) }, { label: t('network.meetings.minutes') }])}>
      <h1>{title}</h1>
      {p.alertKey ? (
        <Alert kind="error" role="alert">
          {t(p.alertKey)}
        </Alert>
      ) : null}
      <Form page={page} action={action} errors={p.errors}>
        <Hidden name="intent" value="minutes" />
        <TextArea name="minutes" label={t('network.meetings.minutes')} hint={t('network.meetings.field.minutesHint')} value={p.values.minutes} maxlength={50000} rows={12} optional />
        <SubmitButton>{t('network.meetings.saveMinutes')}</SubmitButton>
      </Form>

      <h2>{t('network.meetings.cases')}</h2>
      {p.cases.length === 0 ? (
        <p>{t('network.meetings.noCases')}</p>
      ) : (
        <ul class="nobullet-list">
          {p.cases.map((c) => (
            <li class="mb-3">
              <a href={caseUrl({ municipalityId: c.municipalityId, id: c.id })}>{c.title}</a>{' '}
              <Form page={page} action={action} class="app-inline-form">
                <Hidden name="intent" value="unlink" />
                <Hidden name="caseRef" value={`${c.municipalityId}-${c.id}`} />
                <button type="submit" class="function-link" aria-label={t('network.meetings.unlinkLabel', { title: c.title })}>
                  {t('network.meetings.unlink')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('network.meetings.findCase')}</h3>
      <Form page={page} action={action} method="get">
        <TextField name="q" type="search" label={t('network.meetings.caseTitle')} hint={t('network.meetings.caseTitleHint')} value={p.query} maxlength={100} />
        <SubmitButton variant="secondary">{t('network.meetings.search')}</SubmitButton>
      </Form>
      {p.results === null ? null : p.results.length === 0 ? (
        <p role="status">{t('network.meetings.noCaseFound', { q: p.query })}</p>
      ) : (
        <ul class="nobullet-list" aria-label={t('network.meetings.caseResults')}>
          {p.results.map((c) => (
            <li class="mb-3">
              {c.title}{' '}
              {linked.has(`${c.municipalityId}-${c.id}`) ? (
                <span>({t('network.meetings.alreadyLinked')})</span>
              ) : (
                <Form page={page} action={action} class="app-inline-form">
                  <Hidden name="intent" value="link" />
                  <Hidden name="caseRef" value={`${c.municipalityId}-${c.id}`} />
                  <button type="submit" class="function-link" aria-label={t('network.meetings.linkLabel', { title: c.title })}>
                    {t('network.meetings.link')}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
      <p class="mt-6">
        <ButtonLink href={urls.meeting(m.id)}>{t('network.meetings.backToMeeting')}</ButtonLink>
      </p>
    </Layout>
  );
}
