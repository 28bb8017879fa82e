// The list of a municipality's initiatives: a GET filter form (works without JavaScript), the results
// as cards, and pages.
import { Layout } from '../../../core/views/layout.js';
import { ButtonLink, CardList, EmptyState, Pagination } from '../../../core/views/components.js';
import { Form, Select, SubmitButton, TextField } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { Area, Municipality, Theme } from '../../municipalities/index.js';
import { states } from '../initiatives.lifecycle.js';
import { listSorts, type ListSort } from '../initiatives.queries.js';
import type { InitiativeSummary } from '../initiatives.types.js';
import { InitiativeCard, type Names } from './shared.js';

export interface ListPageProps {
  page: PageContext;
  municipality: Municipality;
  areas: Area[];
  themes: Theme[];
  query: { q: string; state?: string | undefined; area?: number | undefined; theme?: number | undefined; group?: number | undefined; sort: ListSort; page: number };
  items: InitiativeSummary[];
  total: number;
  pageSize: number;
  names: Names;
}

export function ListPage(props: ListPageProps) {
  const { page, municipality: m, query } = props;
  const { t, lang } = page.i18n;
  const base = `/m/${encodeURIComponent(m.slug)}/initiatives`;
  const totalPages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const sorts = listSorts.filter((s) => s !== 'relevant' || query.q);
  return (
    <Layout
      page={page}
      title={t('initiatives.list.title')}
      wide
      breadcrumbs={[{ label: t('core.siteName'), href: '/' }, { label: m.name, href: `/m/${encodeURIComponent(m.slug)}` }, { label: t('initiatives.list.title') }]}
    >
      <div class="app-column">
        <h1>{t('initiatives.list.title')}</h1>
        <p class="font-lead">{t('initiatives.list.lead', { municipality: m.name })}</p>
        <p>
          <ButtonLink href={`${base}/new`} variant="primary">
            {t('initiatives.list.propose')}
          </ButtonLink>
        </p>
      </div>
      <div class="row">
        <div class="col-12 col-lg-4">
          <section aria-labelledby="filter-heading" class="mb-7">
            <h2 id="filter-heading" class="h3">
              {t('initiatives.list.filterHeading')}
            </h2>
            <Form page={page} action={base} method="get">
              {query.group !== undefined ? (
                <p>
                  <input type="hidden" name="group" value={String(query.group)} />
                  {t('initiatives.list.groupOnly')} <a href={base}>{t('initiatives.list.showAll')}</a>
                </p>
              ) : null}
              <TextField name="q" type="search" label={t('initiatives.list.search')} hint={t('initiatives.list.searchHint')} value={query.q} maxlength={200} />
              <Select
                name="state"
                label={t('initiatives.list.state')}
                value={query.state ?? ''}
                placeholder={t('initiatives.list.allStates')}
                options={states.map((s) => ({ value: s, label: t(`initiatives.state.${s}`) }))}
              />
              <Select
                name="area"
                label={t('initiatives.list.area')}
                value={query.area ?? ''}
                placeholder={t('initiatives.list.allAreas')}
                options={props.areas.map((a) => ({ value: String(a.id), label: a.name }))}
              />
              <Select
                name="theme"
                label={t('initiatives.list.theme')}
                value={query.theme ?? ''}
                placeholder={t('initiatives.list.allThemes')}
                options={props.themes.map((th) => ({ value: String(th.id), label: th.name[lang] }))}
              />
              <Select
                name="sort"
                label={t('initiatives.list.sort')}
                value={query.sort}
                placeholder={false}
                options={sorts.map((s) => ({ value: s, label: t(`initiatives.sort.${s}`) }))}
              />
              <div class="app-button-row mt-5"><SubmitButton>{t('initiatives.list.apply')}</SubmitButton></div>
            </Form>
          </section>
        </div>
        <div class="col-12 col-lg-8">
          <section aria-labelledby="results-heading">
            <h2 id="results-heading" class="h3" aria-live="polite">
              {query.q ? t('initiatives.list.resultsFor', { count: props.total, q: query.q }) : t('initiatives.list.results', { count: props.total })}
            </h2>
            {props.items.length === 0 ? (
              <EmptyState title={t('initiatives.list.empty')} headingLevel={3}>
                <p>{t('initiatives.list.emptyHint')}</p>
              </EmptyState>
            ) : (
              <CardList>
                {props.items.map((item) => (
                  <InitiativeCard i18n={page.i18n} slug={m.slug} item={item} names={props.names} headingLevel={3} />
                ))}
              </CardList>
            )}
            <Pagination page={query.page} totalPages={totalPages} baseUrl={page.currentPath} />
          </section>
        </div>
      </div>
    </Layout>
  );
}
