// Upcoming work days of a municipality, with links to one's own shifts and, for staff, the tools.
import { Layout } from '../../../core/views/layout.js';
import { Badge, ButtonLink, Card, CardList, EmptyState } from '../../../core/views/components.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { DayListItem } from '../workdays.queries.js';
import { crumbs, formatWhen, urls, type MunicipalityView } from './shared.js';

export function ListPage(p: { page: PageContext; municipality: MunicipalityView; items: DayListItem[]; canCreate: boolean; signedIn: boolean; staff?: { reports: boolean; hours: boolean; settings: boolean } }) {
  const { page, municipality: m } = p;
  const { t } = page.i18n;
  return (
    <Layout page={page} title={`${t('workdays.title')} – ${m.name}`} breadcrumbs={crumbs(t, m, []).slice(0, -1).concat([{ label: t('workdays.title') }])}>
      <h1>{t('workdays.title')}</h1>
      <p class="font-lead">{t('workdays.lead')}</p>
      <ul class="app-inline-list mb-5">
        {p.canCreate ? (
          <li>
            <ButtonLink href={urls.create(m.slug)} variant="primary">
              {t('workdays.create')}
            </ButtonLink>
          </li>
        ) : null}
        {p.signedIn ? (
          <>
            <li>
              <a href={urls.mine(m.slug)}>{t('workdays.mine')}</a>
            </li>
            <li>
              <a href={urls.reportsMine(m.slug)}>{t('workdays.reportsMine')}</a>
            </li>
            {p.staff?.reports ? (
              <li>
                <a href={urls.reportsQueue(m.slug)}>{t('workdays.reportsQueue')}</a>
              </li>
            ) : null}
            {p.staff?.hours ? (
              <li>
                <a href={urls.hours(m.slug)}>{t('workdays.hours')}</a>
              </li>
            ) : null}
            {p.staff?.settings ? (
              <li>
                <a href={urls.settings(m.slug)}>{t('workdays.settings')}</a>
              </li>
            ) : null}
          </>
        ) : null}
      </ul>
      {p.items.length === 0 ? (
        <EmptyState title={t('workdays.empty')}>
          <p>{t('workdays.emptyText')}</p>
        </EmptyState>
      ) : (
        <CardList>
          {p.items.map(({ day, shifts }) => {
            const free = shifts.reduce((n, s) => n + Math.max(0, s.capacity - s.confirmedCount), 0);
            return (
              <Card
                title={day.title}
                href={urls.day(m.slug, day.id)}
                meta={`${formatWhen(page.i18n, m.timeZone, day.startsAt, day.endsAt)}${day.address ? ` · ${day.address}` : ''}`}
                labels={
                  <>
                    {day.roundId !== null ? <Badge kind="info">{t('workdays.round')}</Badge> : null}{' '}
                    <Badge kind={free > 0 ? 'success' : 'warning'}>{t('workdays.placesLeft', { count: free })}</Badge>
                  </>
                }
              />
            );
          })}
        </CardList>
      )}
    </Layout>
  );
}
