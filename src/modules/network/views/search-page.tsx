// The practice library's search page: a GET form (works without JavaScript) with the text query, one
// select per facet whose options carry the counts of the current result set, the order, and the
// results as cards with pages. A bad parameter re-renders the form with the error at its field (400).
import { Alert, EmptyState, Pagination } from '../../../core/views/components.js';
import { Checkbox, Form, Select, SubmitButton, TextField, type FieldErrors } from '../../../core/views/forms.js';
import { Layout } from '../../../core/views/layout.js';
import type { PageContext } from '../../../core/views/page-context.js';
import { MAX_PAGE, searchSorts, type FacetCount, type SearchResult, type SearchSort } from '../network.search.js';
import { caseStatuses, caseTags, caseThemes, municipalitySizes } from '../network.types.js';
import { caseListUrl, networkHomeUrl } from '../network.urls.js';
import { LibraryStylesheet } from './library-assets.js';
import { CaseCard } from './library-shared.js';
import { SearchStylesheet } from './search-assets.js';

/** The parameters as they came (strings), to write back into the form and the links. */
export interface SearchFormValues {
  q?: string | undefined;
  theme?: string | undefined;
  tag?: string | undefined;
  municipality?: string | undefined;
  size?: string | undefined;
  status?: string | undefined;
  savings?: string | undefined;
  sort?: string | undefined;
}

export interface SearchPageProps {
  page: PageContext;
  values: SearchFormValues;
  sort: SearchSort;
  pageNumber: number;
  pageSize: number;
  /** Null when the parameters were refused. */
  result: SearchResult | null;
  errors: FieldErrors;
  /** Municipalities by id, for the municipality facet. */
  municipalities: Map<number, { slug: string; name: string }>;
}

const filterParams = ['theme', 'tag', 'municipality', 'size', 'status', 'savings'] as const;
const collators = { da: new Intl.Collator('da'), en: new Intl.Collator('en') };

/** The list URL with the given parameters (empty ones left out). */
export function searchHref(values: SearchFormValues & { page?: number }): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) p.set(k, String(v));
  const s = p.toString();
  return s ? `${caseListUrl}?${s}` : caseListUrl;
}

export function SearchPage(props: SearchPageProps) {
  const { page, values, result } = props;
  const i18n = page.i18n;
  const { t } = i18n;
  const capped = result?.capped ?? false;
  // Plain concatenation: a page has a hundred-odd options, and a message format for each costs more
  // than the rest of the page.
  const option = (label: string, f: FacetCount | undefined) => `${label} (${i18n.formatNumber(f?.count ?? 0)}${capped ? '+' : ''})`;
  const facetOptions = (dim: 'theme' | 'tag' | 'size' | 'status', prefix: string) =>
    (result?.facets[dim] ?? []).map((f) => ({ value: f.value, label: option(t(`${prefix}.${f.value}`), f) }));
  const fixedOptions = (dim: 'theme' | 'tag' | 'size' | 'status', prefix: string, keys: readonly string[]) =>
    result ? facetOptions(dim, prefix) : keys.map((k) => ({ value: k, label: t(`${prefix}.${k}`) }));
  const byId = props.municipalities;
  const municipalityOptions = result
    ? result.facets.municipality.flatMap((f) => {
        const m = byId.get(Number(f.value));
        return m ? [{ value: m.slug, label: option(m.name, f) }] : [];
      })
    : [...byId.values()].map((m) => ({ value: m.slug, label: m.name }));
  if (values.municipality && !municipalityOptions.some((o) => o.value === values.municipality)) {
    const m = [...byId.values()].find((x) => x.slug === values.municipality);
    municipalityOptions.unshift({ value: values.municipality, label: m ? option(m.name, { value: '', count: 0 }) : values.municipality });
  }
  const collator = collators[i18n.lang];
  municipalityOptions.sort((a, b) => collator.compare(a.label, b.label));
  const savingsCount = result?.facets.savings[0]?.count ?? null;

  const active = filterParams.flatMap((k) => {
    const v = values[k];
    if (!v || props.errors[k]) return [];
    const label =
      k === 'municipality'
        ? ([...byId.values()].find((m) => m.slug === v)?.name ?? v)
        : k === 'savings'
          ? t('network.search.savings')
          : `${t(`network.search.${k}`)}: ${t(`network.${k === 'size' ? 'size' : k === 'status' ? 'case.status' : k}.${v}`)}`;
    return [{ key: k, label, href: searchHref({ ...values, [k]: undefined }) }];
  });

  const totalPages = result ? Math.max(1, Math.min(MAX_PAGE, Math.ceil(result.total / props.pageSize))) : 1;
  const heading = !result
    ? t('network.search.resultsHeading')
    : capped
      ? t(values.q ? 'network.search.resultsCappedFor' : 'network.search.resultsCapped', { count: result.total, q: values.q ?? '' })
      : t(values.q ? 'network.search.resultsFor' : 'network.search.results', { count: result.total, q: values.q ?? '' });
  const sorts = searchSorts.filter((s) => s !== 'relevance' || values.q);

  return (
    <Layout
      page={page}
      title={values.q ? `${values.q} – ${t('network.search.title')}` : t('network.search.title')}
      wide
      breadcrumbs={[{ label: t('core.siteName'), href: '/' }, { label: t('network.nav.network'), href: networkHomeUrl }, { label: t('network.search.title') }]}
    >
      <LibraryStylesheet />
      <SearchStylesheet />
      <h1>{t('network.search.title')}</h1>
      <p class="net-lead">{t('network.search.lead')}</p>
      <div class="row">
        <div class="col-12 col-lg-4">
          <section aria-labelledby="search-form-heading" class="mb-7">
            <h2 id="search-form-heading" class="h3">
              {t('network.search.formHeading')}
            </h2>
            <Form page={page} action={caseListUrl} method="get" errors={props.errors} id="network-search">
              <div role="search">
                <TextField name="q" type="search" label={t('network.search.q')} hint={t('network.search.qHint')} value={values.q ?? ''} maxlength={200} />
              </div>
              <Select name="theme" label={t('network.search.theme')} value={values.theme ?? ''} placeholder={t('network.search.any')} options={fixedOptions('theme', 'network.theme', caseThemes)} />
              <Select name="tag" label={t('network.search.tag')} value={values.tag ?? ''} placeholder={t('network.search.any')} options={fixedOptions('tag', 'network.tag', caseTags)} />
              <Select name="municipality" label={t('network.search.municipality')} value={values.municipality ?? ''} placeholder={t('network.search.any')} options={municipalityOptions} />
              <Select name="size" label={t('network.search.size')} value={values.size ?? ''} placeholder={t('network.search.any')} options={fixedOptions('size', 'network.size', municipalitySizes)} />
              <Select name="status" label={t('network.search.status')} value={values.status ?? ''} placeholder={t('network.search.any')} options={fixedOptions('status', 'network.case.status', caseStatuses)} />
              <Checkbox
                name="savings"
                value="yes"
                checked={values.savings === 'yes'}
                label={savingsCount === null ? t('network.search.savings') : option(t('network.search.savings'), { value: 'yes', count: savingsCount })}
                hint={t('network.search.savingsHint')}
              />
              <Select
                name="sort"
                label={t('network.search.sort')}
                value={values.sort && (searchSorts as readonly string[]).includes(values.sort) ? values.sort : ''}
                placeholder={t('network.search.sort.default')}
                options={sorts.map((s) => ({ value: s, label: t(`network.search.sort.${s}`) }))}
              />
              <div class="app-button-row mt-5">
                <SubmitButton>{t('network.search.apply')}</SubmitButton>
                <a class="button button-tertiary" href={caseListUrl}>
                  {t('network.search.reset')}
                </a>
              </div>
            </Form>
          </section>
        </div>
        <div class="col-12 col-lg-8">
          <section aria-labelledby="results-heading">
            <h2 id="results-heading" class="h3" aria-live="polite">
              {heading}
            </h2>
            {active.length > 0 ? (
              <div class="net-active-filters">
                <p class="mb-2" id="active-filters-label">
                  {t('network.search.activeFilters')}
                </p>
                <ul class="nobullet-list net-chip-list" aria-labelledby="active-filters-label">
                  {active.map((a) => (
                    <li>
                      <a class="tag net-chip" href={a.href} aria-label={t('network.search.removeFilter', { label: a.label })}>
                        {a.label} <span aria-hidden="true">×</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {!result ? (
              <Alert kind="error">
                <p>{t('network.search.badRequest')}</p>
              </Alert>
            ) : result.items.length === 0 ? (
              <EmptyState title={t('network.search.empty')} headingLevel={3}>
                <p>{t('network.search.emptyHint')}</p>
              </EmptyState>
            ) : (
              <>
                {capped ? <p class="net-meta">{t('network.search.cappedNote', { count: result.total })}</p> : null}
                <ul class="net-card-list nobullet-list">
                  {result.items.map((c) => (
                    <li>
                      <CaseCard c={c} i18n={i18n} headingLevel={3} />
                    </li>
                  ))}
                </ul>
              </>
            )}
            {result ? <Pagination page={props.pageNumber} totalPages={totalPages} baseUrl={page.currentPath} /> : null}
          </section>
        </div>
      </div>
    </Layout>
  );
}
