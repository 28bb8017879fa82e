// A municipality's home page: its local areas by kind, its themes, and the way in for staff.
import { Layout } from '../../../core/views/layout.js';
import { ButtonLink, EmptyState, Tag } from '../../../core/views/components.js';
import type { PageContext } from '../../../core/views/page-context.js';
import { boundarySvgPath } from '../municipalities.boundary.js';
import { areaKinds, type Area, type Municipality, type Theme } from '../municipalities.types.js';

const OUTLINE = 40;

function Outline({ area, label }: { area: Area; label: string }) {
  if (!area.boundary) return null;
  return (
    <svg class="mr-3" width={OUTLINE} height={OUTLINE} viewBox={`0 0 ${OUTLINE} ${OUTLINE}`} role="img" aria-label={label} focusable="false">
      <path d={boundarySvgPath(area.boundary, OUTLINE)} fill="#dbe8f3" stroke="#1b5e9b" stroke-width="1.5" fill-rule="evenodd" />
    </svg>
  );
}

export function MunicipalityHomePage(props: {
  page: PageContext;
  municipality: Municipality;
  areas: Area[];
  themes: Theme[];
  canAdminister: boolean;
}) {
  const { page, municipality: m, areas, themes } = props;
  const { t, lang } = page.i18n;
  const facts = [m.region, m.inhabitants !== null ? t('municipalities.home.inhabitants', { count: m.inhabitants }) : null, t('municipalities.home.areaCount', { count: areas.length })].filter(
    (f): f is string => Boolean(f),
  );
  return (
    <Layout page={page} title={m.name} breadcrumbs={[{ label: t('core.siteName'), href: '/' }, { label: m.name }]}>
      <h1>{m.name}</h1>
      {m.tagline[lang] ? <p class="font-lead">{m.tagline[lang]}</p> : null}
      <p class="app-card-meta">
        <span class="sr-only">{t('municipalities.home.facts')}: </span>
        {facts.join(' · ')}
      </p>
      {props.canAdminister ? (
        <p>
          <ButtonLink href={`/m/${encodeURIComponent(m.slug)}/admin`} variant="secondary">
            {t('municipalities.home.admin')}
          </ButtonLink>
        </p>
      ) : null}

      <h2>{t('municipalities.home.areas')}</h2>
      {areas.length === 0 ? (
        <EmptyState title={t('municipalities.home.noAreas')} headingLevel={3} />
      ) : (
        <>
          <p>{t('municipalities.home.areasLead')}</p>
          {areaKinds.map((kind) => {
            const ofKind = areas.filter((a) => a.kind === kind);
            if (ofKind.length === 0) return null;
            return (
              <>
                <h3 class="h4">{t(`municipalities.home.kindHeading.${kind}`, { count: ofKind.length })}</h3>
                <ul class="app-inline-list mb-5">
                  {ofKind.map((a) => (
                    <li class="d-flex align-items-center">
                      <Outline area={a} label={t('municipalities.home.outline', { name: a.name })} />
                      <span>
                        <strong>{a.name}</strong>
                        {a.inhabitants !== null ? <span class="app-card-meta"> {t('municipalities.home.areaInhabitants', { count: a.inhabitants })}</span> : null}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            );
          })}
        </>
      )}

      <h2>{t('municipalities.home.themes')}</h2>
      {themes.length === 0 ? (
        <EmptyState title={t('municipalities.home.noThemes')} headingLevel={3} />
      ) : (
        <>
          <p>{t('municipalities.home.themesLead')}</p>
          <ul class="app-inline-list">
            {themes.map((th) => (
              <li>
                <Tag>{th.name[lang]}</Tag>
              </li>
            ))}
          </ul>
        </>
      )}

      {page.user ? null : (
        <section class="mt-8">
          <h2>{t('municipalities.home.join.heading')}</h2>
          <p>{t('municipalities.home.join.text')}</p>
          <p class="app-button-row">
            <ButtonLink href="/register" variant="primary">
              {t('core.register')}
            </ButtonLink>
            <ButtonLink href={`/login?next=${encodeURIComponent(`/m/${m.slug}`)}`} variant="secondary">
              {t('core.signIn')}
            </ButtonLink>
          </p>
        </section>
      )}
    </Layout>
  );
}
