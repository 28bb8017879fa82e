// The municipality's local groups: filter by area, theme and kind (a GET form, so every filter is a
// link that can be shared), a page at a time.
import { Layout } from '../../../core/views/layout.js';
import { ButtonLink, Card, CardList, EmptyState, Pagination } from '../../../core/views/components.js';
import { Select, TextField } from '../../../core/views/forms.js';
import { PageContextValue } from '../../../core/views/context.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { GroupKind, GroupSummary, MemberStatus } from '../groups.types.js';
import { groupKinds } from '../groups.types.js';
import { urls } from '../groups.urls.js';
import { KindBadge, PolicyBadge } from './shared.js';

export interface NamedOption {
  id: number;
  name: string;
}

export interface GroupsListProps {
  page: PageContext;
  municipality: { slug: string; name: string };
  groups: GroupSummary[];
  total: number;
  pageNumber: number;
  totalPages: number;
  filter: { areaId?: number | undefined; themeId?: number | undefined; kind?: GroupKind | undefined; q?: string | undefined };
  areas: NamedOption[];
  themes: NamedOption[];
  /** The signed-in person's own groups, with their status in each. */
  mine: { group: GroupSummary; status: MemberStatus }[];
  canCreate: boolean;
  signedIn: boolean;
}

export function GroupsListPage(p: GroupsListProps) {
  const { t } = p.page.i18n;
  const m = p.municipality;
  const areaName = new Map(p.areas.map((a) => [a.id, a.name]));
  const themeName = new Map(p.themes.map((th) => [th.id, th.name]));
  const filtered = Boolean(p.filter.areaId || p.filter.themeId || p.filter.kind || p.filter.q);
  const query = new URLSearchParams();
  if (p.filter.q) query.set('q', p.filter.q);
  if (p.filter.areaId) query.set('area', String(p.filter.areaId));
  if (p.filter.themeId) query.set('theme', String(p.filter.themeId));
  if (p.filter.kind) query.set('kind', p.filter.kind);
  const baseUrl = query.size > 0 ? `${urls.list(m.slug)}?${query.toString()}` : urls.list(m.slug);
  const meta = (g: GroupSummary) =>
    [
      g.areaId ? areaName.get(g.areaId) : null,
      g.themeId ? themeName.get(g.themeId) : null,
      t('groups.members.count', { count: g.memberCount }),
    ]
      .filter(Boolean)
      .join(' · ');

  return (
    <Layout
      page={p.page}
      title={t('groups.list.title')}
      breadcrumbs={[{ label: t('core.siteName'), href: '/' }, { label: m.name, href: `/m/${encodeURIComponent(m.slug)}` }, { label: t('groups.list.title') }]}
    >
      <h1>{t('groups.list.title')}</h1>
      <p class="font-lead">{t('groups.list.lead')}</p>
      {p.canCreate ? (
        <p>
          <ButtonLink href={urls.create(m.slug)} variant="primary">
            {t('groups.list.create')}
          </ButtonLink>
        </p>
      ) : !p.signedIn ? (
        <p>
          <a href={urls.login(urls.create(m.slug))}>{t('groups.list.signInToCreate')}</a>
        </p>
      ) : null}

      {p.mine.length > 0 ? (
        <section aria-labelledby="groups-mine">
          <h2 id="groups-mine">{t('groups.list.mine')}</h2>
          <ul class="app-inline-list">
            {p.mine.map(({ group, status }) => (
              <li>
                <a href={urls.group(m.slug, group.slug)}>{group.name}</a>
                {status !== 'active' ? <> ({t(`groups.status.${status}`)})</> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="groups-filter">
        <h2 id="groups-filter" class="h3">
          {t('groups.list.filterHeading')}
        </h2>
        <PageContextValue.Provider value={p.page}>
          <form method="get" action={urls.list(m.slug)} class="mb-5">
            <TextField name="q" type="search" label={t('groups.list.search')} hint={t('groups.list.searchHint')} value={p.filter.q ?? ''} maxlength={200} width="xl" />
            <div class="row">
              <div class="col-12 col-md-4">
                <Select
                  name="area"
                  label={t('groups.field.area')}
                  options={p.areas.map((a) => ({ value: String(a.id), label: a.name }))}
                  value={p.filter.areaId ?? ''}
                  placeholder={t('groups.list.allAreas')}
                />
              </div>
              <div class="col-12 col-md-4">
                <Select
                  name="theme"
                  label={t('groups.field.theme')}
                  options={p.themes.map((th) => ({ value: String(th.id), label: th.name }))}
                  value={p.filter.themeId ?? ''}
                  placeholder={t('groups.list.allThemes')}
                />
              </div>
              <div class="col-12 col-md-4">
                <Select
                  name="kind"
                  label={t('groups.field.kind')}
                  options={groupKinds.map((k) => ({ value: k, label: t(`groups.kind.${k}`) }))}
                  value={p.filter.kind ?? ''}
                  placeholder={t('groups.list.allKinds')}
                />
              </div>
            </div>
            <div class="app-button-row mt-3">
              <button type="submit" class="button button-secondary">
                {t('groups.list.filter')}
              </button>
              {filtered ? (
                <a class="button button-tertiary" href={urls.list(m.slug)}>
                  {t('groups.list.clearFilter')}
                </a>
              ) : null}
            </div>
          </form>
        </PageContextValue.Provider>
      </section>

      <h2 id="groups-results">
        {t('groups.list.results', { count: p.total })}
      </h2>
      {p.groups.length === 0 ? (
        <EmptyState title={filtered ? t('groups.list.emptyFiltered') : t('groups.list.empty')} headingLevel={3}>
          {p.canCreate ? <p>{t('groups.list.emptyCreate')}</p> : null}
        </EmptyState>
      ) : (
        <CardList>
          {p.groups.map((g) => (
            <Card
              title={g.name}
              href={urls.group(m.slug, g.slug)}
              headingLevel={3}
              meta={meta(g)}
              labels={
                <>
                  <KindBadge kind={g.kind} t={t} />
                  <PolicyBadge policy={g.membershipPolicy} t={t} />
                </>
              }
            >
              {g.excerpt ? (
                <p class="app-card-text" lang={g.excerptLang}>
                  {g.excerpt}
                </p>
              ) : null}
            </Card>
          ))}
        </CardList>
      )}
      <Pagination page={p.pageNumber} totalPages={p.totalPages} baseUrl={baseUrl} />
    </Layout>
  );
}
