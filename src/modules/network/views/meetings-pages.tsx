// The public pages of seasons and meetings: the list of seasons, one season with its member
// municipalities and leaders, the list of meetings, one meeting (agenda, registration, minutes, cases)
// and the member directory. Registrants are handed to the meeting page only for network admins.
import { Layout } from '../../../core/views/layout.js';
import { Alert, Badge, ButtonLink, Card, CardList, DataTable, EmptyState } from '../../../core/views/components.js';
import { Form, SubmitButton } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import { caseUrl } from '../network.urls.js';
import type { DirectoryData, DirectoryMember, MeetingPageData, MeetingsPageData, MeetingSummary, SeasonListItem, SeasonPageData } from '../network.meetings.queries.js';
import { meetingUrls as urls } from '../network.meetings.urls.js';
import { formatDeadline, formatMeetingWhen, formatSeasonDates, Lines, localized, networkCrumbs, placesLeft, StatusBadge } from './meetings-shared.js';

function MeetingCards({ page, items, headingLevel, now }: { page: PageContext; items: MeetingSummary[]; headingLevel: 2 | 3; now: Date }) {
  const { i18n } = page;
  const { t } = i18n;
  return (
    <CardList>
      {items.map(({ meeting: m, hostName, mine }) => {
        const past = m.startsAt.getTime() <= now.getTime();
        const left = placesLeft(m);
        const availability = past ? (m.minutes ? <Badge kind="info">{t('network.meetings.hasMinutes')}</Badge> : null) : left > 0 ? <Badge>{t('network.meetings.placesLeft', { count: left })}</Badge> : <Badge kind="warning">{t('network.meetings.full')}</Badge>;
        return (
          <Card
            title={m.title}
            href={urls.meeting(m.id)}
            headingLevel={headingLevel}
            meta={[formatMeetingWhen(i18n, m.startsAt, m.endsAt), m.place, hostName ? t('network.meetings.hostedBy', { host: hostName }) : ''].filter(Boolean).join(' · ')}
            labels={
              <>
                {availability}
                {m.isPublic ? null : <Badge>{t('network.meetings.membersOnly')}</Badge>}
                {past ? null : <StatusBadge i18n={i18n} mine={mine} />}
              </>
            }
          />
        );
      })}
    </CardList>
  );
}

export function SeasonsPage({ page, seasons, canManage }: { page: PageContext; seasons: SeasonListItem[]; canManage: boolean }) {
  const { i18n } = page;
  const { t } = i18n;
  return (
    <Layout page={page} title={t('network.seasons.title')} breadcrumbs={networkCrumbs(i18n, [{ label: t('network.seasons.title') }])}>
      <h1>{t('network.seasons.title')}</h1>
      <p class="font-lead">{t('network.seasons.lead')}</p>
      {canManage ? (
        <p>
          <ButtonLink href={urls.admin.newSeason} variant="primary">
            {t('network.seasons.new')}
          </ButtonLink>
        </p>
      ) : null}
      {seasons.length === 0 ? (
        <EmptyState title={t('network.seasons.empty')} />
      ) : (
        <CardList>
          {seasons.map(({ season: s, memberCount, meetingCount, current }) => {
            const theme = localized(i18n, s.theme);
            return (
              <Card
                title={s.name}
                href={urls.season(s.id)}
                meta={`${formatSeasonDates(i18n, s.startsOn, s.endsOn)} · ${t('network.seasons.memberCount', { count: memberCount })} · ${t('network.seasons.meetingCount', { count: meetingCount })}`}
                labels={current ? <Badge kind="success">{t('network.seasons.current')}</Badge> : undefined}
              >
                {theme ? (
                  <p class="app-card-text" lang={theme.lang === i18n.lang ? undefined : theme.lang}>
                    {theme.text}
                  </p>
                ) : null}
              </Card>
            );
          })}
        </CardList>
      )}
      <p>
        <a href={urls.meetings}>{t('network.meetings.title')}</a> · <a href={urls.members}>{t('network.directory.title')}</a>
      </p>
    </Layout>
  );
}

function MemberPeople({ page, m, showsPeople }: { page: PageContext; m: DirectoryMember; showsPeople: boolean }) {
  const { t } = page.i18n;
  return (
    <>
      {m.people.length > 0 ? (
        <ul class="app-people">
          {m.people.map((p) => (
            <li>
              <strong>{p.displayName}</strong>, {p.roleText}
            </li>
          ))}
        </ul>
      ) : null}
      {showsPeople && m.notListed > 0 ? <p class="app-card-meta">{t(m.people.length > 0 ? 'network.directory.moreNotListed' : 'network.directory.noneListed', { count: m.notListed })}</p> : null}
    </>
  );
}

export function SeasonPage({ page, data, canManage, showsPeople, now }: { page: PageContext; data: SeasonPageData; canManage: boolean; showsPeople: boolean; now: Date }) {
  const { i18n } = page;
  const { t } = i18n;
  const { season: s } = data;
  const theme = localized(i18n, s.theme);
  const description = localized(i18n, s.description);
  return (
    <Layout page={page} title={s.name} breadcrumbs={networkCrumbs(i18n, [{ label: t('network.seasons.title'), href: urls.seasons }, { label: s.name }])}>
      <h1>{s.name}</h1>
      <p class="font-lead">{formatSeasonDates(i18n, s.startsOn, s.endsOn)}</p>
      {theme ? (
        <p lang={theme.lang === i18n.lang ? undefined : theme.lang}>
          <strong>{t('network.seasons.theme')}:</strong> {theme.text}
        </p>
      ) : null}
      {description ? (
        <p lang={description.lang === i18n.lang ? undefined : description.lang}>
          <Lines text={description.text} />
        </p>
      ) : null}
      {canManage ? (
        <p>
          <ButtonLink href={urls.admin.season(s.id)}>{t('network.seasons.edit')}</ButtonLink>
        </p>
      ) : null}
      <h2>{t('network.seasons.members')}</h2>
      {data.members.length === 0 ? (
        <p>{t('network.seasons.noMembers')}</p>
      ) : (
        <>
          {showsPeople ? null : <p>{t('network.directory.visitorNote')}</p>}
          <ul class="nobullet-list">
            {data.members.map((m) => (
              <li>
                <h3 class="h4">{m.name}</h3>
                <MemberPeople page={page} m={m} showsPeople={showsPeople} />
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('network.seasons.meetings')}</h2>
      {data.meetings.length === 0 ? <p>{t('network.meetings.none')}</p> : <MeetingCards page={page} items={data.meetings} headingLevel={3} now={now} />}
    </Layout>
  );
}

export function MeetingsPage({ page, data, canManage, now }: { page: PageContext; data: MeetingsPageData; canManage: boolean; now: Date }) {
  const { i18n } = page;
  const { t } = i18n;
  return (
    <Layout page={page} title={t('network.meetings.title')} breadcrumbs={networkCrumbs(i18n, [{ label: t('network.meetings.title') }])}>
      <h1>{t('network.meetings.title')}</h1>
      <p class="font-lead">{t('network.meetings.lead')}</p>
      <ul class="app-inline-list mb-5">
        <li>
          <a href={urls.feed}>{t('network.meetings.feed')}</a>
        </li>
        <li>
          <a href={urls.seasons}>{t('network.seasons.title')}</a>
        </li>
        <li>
          <a href={urls.members}>{t('network.directory.title')}</a>
        </li>
      </ul>
      {canManage ? (
        <p>
          <ButtonLink href={urls.admin.newMeeting} variant="primary">
            {t('network.meetings.new')}
          </ButtonLink>
        </p>
      ) : null}
      <h2>{t('network.meetings.upcoming')}</h2>
      {data.upcoming.length === 0 ? <p>{t('network.meetings.noneUpcoming')}</p> : <MeetingCards page={page} items={data.upcoming} headingLevel={3} now={now} />}
      <h2>{t('network.meetings.past')}</h2>
      {data.past.length === 0 ? <p>{t('network.meetings.nonePast')}</p> : <MeetingCards page={page} items={data.past} headingLevel={3} now={now} />}
    </Layout>
  );
}

function Fact({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <Lines text={value} />
      </dd>
    </>
  );
}

export interface MeetingPageProps {
  page: PageContext;
  data: MeetingPageData;
  now: Date;
  canRegister: boolean;
  canManage: boolean;
}

export function MeetingPage({ page, data, now, canRegister, canManage }: MeetingPageProps) {
  const { i18n } = page;
  const { t } = i18n;
  const { meeting: m } = data;
  const otherLang = m.lang === i18n.lang ? undefined : m.lang;
  const started = m.startsAt.getTime() <= now.getTime();
  const closed = !started && m.registrationDeadline !== null && m.registrationDeadline.getTime() < now.getTime();
  const left = placesLeft(m);
  return (
    <Layout page={page} title={m.title} breadcrumbs={networkCrumbs(i18n, [{ label: t('network.meetings.title'), href: urls.meetings }, { label: m.title }])}>
      <h1 lang={otherLang}>{m.title}</h1>
      {m.isPublic ? null : (
        <p>
          <Badge>{t('network.meetings.membersOnly')}</Badge>
        </p>
      )}
      <dl class="app-facts">
        <Fact label={t('network.meetings.field.when')} value={formatMeetingWhen(i18n, m.startsAt, m.endsAt)} />
        <Fact label={t('network.meetings.field.place')} value={[m.place, m.address].filter(Boolean).join(', ')} />
        <Fact label={t('network.meetings.field.host')} value={data.hostName} />
        <Fact label={t('network.meetings.field.season')} value={data.season.name} />
        {started ? null : <Fact label={t('network.meetings.field.places')} value={t('network.meetings.placesOf', { left, capacity: m.capacity, waiting: data.waiting })} />}
        {started || !m.registrationDeadline ? null : <Fact label={t('network.meetings.field.deadline')} value={formatDeadline(i18n, m.registrationDeadline)} />}
      </dl>
      <ul class="app-inline-list mb-5">
        <li>
          <a href={urls.meetingIcs(m.id)}>{t('network.meetings.ics')}</a>
        </li>
        <li>
          <a href={urls.season(data.season.id)}>{t('network.meetings.seasonLink', { season: data.season.name })}</a>
        </li>
        {canManage ? (
          <>
            <li>
              <a href={urls.admin.meeting(m.id)}>{t('network.meetings.edit')}</a>
            </li>
            <li>
              <a href={urls.admin.minutes(m.id)}>{t('network.meetings.editMinutes')}</a>
            </li>
          </>
        ) : null}
      </ul>

      <section aria-labelledby="registration">
        <h2 id="registration">{t('network.meetings.registration')}</h2>
        {started ? (
          <p>{t('network.meetings.registrationOver')}</p>
        ) : data.mine ? (
          <>
            {data.mine.status === 'confirmed' ? (
              <Alert kind="success">{t('network.meetings.youAreConfirmed')}</Alert>
            ) : (
              <Alert kind="info">{t('network.meetings.youAreWaitlisted', { place: data.myWaitlistPlace ?? 1 })}</Alert>
            )}
            <Form page={page} action={urls.cancel(m.id)}>
              <SubmitButton variant="secondary">{data.mine.status === 'confirmed' ? t('network.meetings.cancel') : t('network.meetings.leaveWaitlist')}</SubmitButton>
            </Form>
          </>
        ) : closed ? (
          <p>{t('network.meetings.registrationClosed')}</p>
        ) : canRegister ? (
          <Form page={page} action={urls.register(m.id)}>
            {left > 0 ? null : <p>{t('network.meetings.fullWaitlistNote')}</p>}
            <SubmitButton>{left > 0 ? t('network.meetings.register') : t('network.meetings.joinWaitlist')}</SubmitButton>
          </Form>
        ) : page.user ? (
          <p>{t('network.meetings.membersOnlyRegistration')}</p>
        ) : (
          <p>
            <ButtonLink href={urls.login(urls.meeting(m.id))} variant="primary">
              {t('network.meetings.loginToRegister')}
            </ButtonLink>
          </p>
        )}
      </section>

      <h2>{t('network.meetings.agenda')}</h2>
      {m.agenda ? (
        <p lang={otherLang}>
          <Lines text={m.agenda} />
        </p>
      ) : (
        <p>{t('network.meetings.noAgenda')}</p>
      )}

      {started || m.minutes ? (
        <>
          <h2>{t('network.meetings.minutes')}</h2>
          {m.minutes ? (
            <p lang={otherLang}>
              <Lines text={m.minutes} />
            </p>
          ) : (
            <p>{t('network.meetings.noMinutes')}</p>
          )}
        </>
      ) : null}
      {data.cases.length > 0 ? (
        <>
          <h2>{t('network.meetings.cases')}</h2>
          <ul>
            {data.cases.map((c) => (
              <li>
                <a href={caseUrl({ municipalityId: c.municipalityId, id: c.id })}>{c.title}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {data.registrants ? (
        <>
          <h2>{t('network.meetings.registrants')}</h2>
          {data.registrants.length === 0 ? (
            <p>{t('network.meetings.noRegistrants')}</p>
          ) : (
            <DataTable
              caption={t('network.meetings.registrantsCaption')}
              captionHidden
              rows={data.registrants}
              columns={[
                { header: t('network.meetings.col.name'), cell: (r) => r.name },
                { header: t('network.meetings.col.email'), cell: (r) => r.email },
                { header: t('network.meetings.col.status'), cell: (r) => t(`network.meetings.status.${r.status}`) },
                {
                  header: t('network.meetings.col.action'),
                  cell: (r) =>
                    started ? (
                      ''
                    ) : (
                      <Form page={page} action={urls.admin.cancelRegistration(m.id, r.registrationId)} class="app-inline-form">
                        <button type="submit" class="function-link" aria-label={t('network.meetings.removeRegistrant', { name: r.name })}>
                          {t('network.meetings.remove')}
                        </button>
                      </Form>
                    ),
                },
              ]}
            />
          )}
        </>
      ) : null}
    </Layout>
  );
}

export function DirectoryPage({ page, data }: { page: PageContext; data: DirectoryData }) {
  const { i18n } = page;
  const { t } = i18n;
  return (
    <Layout page={page} title={t('network.directory.title')} breadcrumbs={networkCrumbs(i18n, [{ label: t('network.directory.title') }])}>
      <h1>{t('network.directory.title')}</h1>
      {data.season ? (
        <p class="font-lead">
          {t('network.directory.lead', { count: data.members.length })} <a href={urls.season(data.season.id)}>{data.season.name}</a>
        </p>
      ) : null}
      {data.showsPeople ? (
        <p>
          {t('network.directory.consentNote')} <a href="/account">{t('network.directory.consentLink')}</a>
        </p>
      ) : (
        <p>{t('network.directory.visitorNote')}</p>
      )}
      {data.members.length === 0 ? (
        <EmptyState title={t('network.directory.empty')} />
      ) : (
        <ul class="nobullet-list">
          {data.members.map((m) => (
            <li>
              <h2 class="h3">{m.name}</h2>
              <MemberPeople page={page} m={m} showsPeople={data.showsPeople} />
              {m.slug ? (
                <p>
                  <a href={`/m/${encodeURIComponent(m.slug)}`}>{t('network.directory.municipalityLink', { name: m.name })}</a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
