// The network's front page: what Samskab is for, what people can do on it, and the municipalities taking part.
import { Layout } from '../../../core/views/layout.js';
import { ButtonLink, Card, CardList, EmptyState } from '../../../core/views/components.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { Municipality } from '../municipalities.types.js';

const capabilities = ['groups', 'initiatives', 'workdays', 'facilities', 'budgeting', 'savings'] as const;

export function FrontPage({ page, municipalities, canAddMunicipality }: { page: PageContext; municipalities: Municipality[]; canAddMunicipality: boolean }) {
  const { t, lang } = page.i18n;
  const total = municipalities.reduce((sum, m) => sum + (m.inhabitants ?? 0), 0);
  return (
    <Layout page={page} title={t('municipalities.front.pageTitle')}>
      <h1>{t('municipalities.front.title')}</h1>
      <p class="font-lead">{t('municipalities.front.lead')}</p>
      <p>{t('municipalities.front.story')}</p>

      <h2>{t('municipalities.front.listHeading')}</h2>
      {municipalities.length === 0 ? (
        <EmptyState title={t('municipalities.front.empty')} headingLevel={3} />
      ) : (
        <>
          <p>
            {total > 0
              ? t('municipalities.front.summary', { count: municipalities.length, inhabitants: total })
              : t('municipalities.front.summaryNoInhabitants', { count: municipalities.length })}
          </p>
          <CardList>
            {municipalities.map((m) => (
              <Card
                headingLevel={3}
                title={m.name}
                href={`/m/${encodeURIComponent(m.slug)}`}
                meta={[m.region, m.inhabitants !== null ? t('municipalities.front.inhabitants', { count: m.inhabitants }) : null].filter(Boolean).join(' · ')}
                text={m.tagline[lang] || undefined}
              />
            ))}
          </CardList>
        </>
      )}
      {canAddMunicipality ? (
        <p class="mt-5">
          <ButtonLink href="/network/admin/municipalities/new">{t('municipalities.front.addMunicipality')}</ButtonLink>
        </p>
      ) : null}

      <h2 class="mt-8">{t('municipalities.front.canHeading')}</h2>
      {/* A div with list roles: DKFDS caps the width of ul elements, which would squeeze the grid. */}
      <div class="row no-gutters" role="list">
        {capabilities.map((key) => (
          <div class="col-12 col-md-6 pr-md-5 mb-5" role="listitem">
            <h3 class="h4 mt-0 mb-2">{t(`municipalities.front.can.${key}.title`)}</h3>
            <p class="mt-0">{t(`municipalities.front.can.${key}.text`)}</p>
          </div>
        ))}
      </div>

      <p class="mt-5">
        {t('municipalities.front.apiHint', { link: '\u0000' })
          .split('\u0000')
          .flatMap((part, i) => (i === 0 ? [part] : [<a href="/api/v1/openapi.json">{t('municipalities.front.apiLink')}</a>, part]))}
      </p>
    </Layout>
  );
}
