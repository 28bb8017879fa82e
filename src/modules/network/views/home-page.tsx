// The network's front page: what the library holds, the newest and the most adopted cases, a search
// box that goes to the case list, links to seasons and meetings, the member directory and the
// comparison, and for staff their own municipality's cases and drafts.
import { EmptyState } from '../../../core/views/components.js';
import { Layout } from '../../../core/views/layout.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { HomeData } from '../network.queries.js';
import { caseListUrl, newCaseUrl } from '../network.urls.js';
import { LibraryStylesheet } from './library-assets.js';
import { CaseCard } from './library-shared.js';

export interface HomePageProps {
  page: PageContext;
  data: HomeData;
  links: { meetings: string; compare: string; directory: string };
}

export function HomePage({ page, data, links }: HomePageProps) {
  const i18n = page.i18n;
  const { t } = i18n;
  return (
    <Layout page={page} title={t('network.home.title')} wide breadcrumbs={[{ label: t('core.siteName'), href: '/' }, { label: t('network.nav.network') }]}>
      <LibraryStylesheet />
      <h1>{t('network.home.title')}</h1>
      <p class="net-lead">{t('network.home.lead')}</p>
      <p class="net-meta">{t('network.home.stats', data.stats)}</p>

      <section aria-labelledby="search-heading" class="mt-6">
        <h2 id="search-heading">{t('network.home.searchHeading')}</h2>
        <form method="get" action={caseListUrl} role="search" class="net-search">
          <div class="form-group">
            <label class="form-label" for="network-q">
              {t('network.home.searchLabel')}
            </label>
            <input class="form-input input-width-xl" type="search" id="network-q" name="q" />
          </div>
          <button type="submit" class="button button-primary">
            {t('network.home.searchButton')}
          </button>
        </form>
        <p class="mt-4">
          <a class="function-link" href={caseListUrl}>
            {t('network.home.allCases')}
          </a>
        </p>
      </section>

      {data.own.map((m) => (
        <section aria-labelledby={`own-${m.id}`} class="net-section">
          <h2 id={`own-${m.id}`}>{t('network.home.yourCasesFor', { municipality: m.name })}</h2>
          <p>
            <a class="button button-secondary" href={`${newCaseUrl}?m=${encodeURIComponent(m.slug)}`}>
              {t('network.home.newCase')}
            </a>
          </p>
          {m.cases.length === 0 ? (
            <p>{t('network.home.noOwnCases')}</p>
          ) : (
            <ul class="net-card-grid">
              {m.cases.slice(0, 12).map((c) => (
                <li>
                  <CaseCard c={c} i18n={i18n} draft={c.publishedAt === null} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}

      <section aria-labelledby="newest-heading" class="net-section">
        <h2 id="newest-heading">{t('network.home.newest')}</h2>
        {data.newest.length === 0 ? (
          <EmptyState title={t('network.home.stats', data.stats)} headingLevel={3} />
        ) : (
          <ul class="net-card-grid">
            {data.newest.map((c) => (
              <li>
                <CaseCard c={c} i18n={i18n} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="adopted-heading" class="net-section">
        <h2 id="adopted-heading">{t('network.home.mostAdopted')}</h2>
        {data.mostAdopted.length === 0 ? (
          <p>{t('network.home.noneAdopted')}</p>
        ) : (
          <ul class="net-card-grid">
            {data.mostAdopted.map((c) => (
              <li>
                <CaseCard c={c} i18n={i18n} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="more-heading" class="net-section">
        <h2 id="more-heading">{t('network.home.more')}</h2>
        <ul class="nobullet-list">
          <li>
            <a class="function-link" href={caseListUrl}>
              {t('network.home.allCases')}
            </a>
          </li>
          <li>
            <a class="function-link" href={links.meetings}>
              {t('network.home.meetings')}
            </a>
          </li>
          <li>
            <a class="function-link" href={links.directory}>
              {t('network.home.directory')}
            </a>
          </li>
          <li>
            <a class="function-link" href={links.compare}>
              {t('network.home.compare')}
            </a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
