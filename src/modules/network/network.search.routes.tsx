// Routes of the case search and the comparison: GET /network/cases (page), GET /api/v1/network/cases
// (JSON, in the OpenAPI document) and GET /network/compare. All are public and read-only; every bad
// parameter is answered with 400 and a message naming it, never with a 500.
import { networkNav } from './network.nav.js';
import type { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../../core/db/database.js';
import { apiError, apiJson, API_PREFIX, openApiRegistry } from '../../core/http/api.js';
import type { AppContext, AppDeps, AppEnv } from '../../core/http/context.js';
import { pageContext, state } from '../../core/http/context.js';
import { html } from '../../core/http/respond.js';
import { listMunicipalities } from '../municipalities/index.js';
import { compareMetrics, loadComparison, rankBy, type CompareMetric } from './network.compare.js';
import { effectiveSort, MAX_PAGE, PAGE_SIZE, searchCases, searchSorts, type SearchResult } from './network.search.js';
import { searchQuerySchema, type SearchQuery } from './network.search.schemas.js';
import { caseStatuses, caseTags, caseThemes, municipalitySizes } from './network.types.js';
import { caseUrl } from './network.urls.js';
import { ComparePage, COMPARE_URL } from './views/compare-page.js';
import { SearchPage, type SearchFormValues } from './views/search-page.js';
import { SEARCH_STYLESHEET_PATH, searchStylesheetBody } from './views/search-assets.js';

const MAX_AGE = 60;
const NAMES_MS = 30_000;

type Names = { at: number; byId: Map<number, { slug: string; name: string }>; bySlug: Map<string, number> };
const nameCache = new WeakMap<Database, Names>();

/** Every municipality's slug and name, kept for half a minute (they change rarely). */
async function municipalityNames(db: Database): Promise<Names> {
  const hit = nameCache.get(db);
  if (hit && Date.now() - hit.at < NAMES_MS) return hit;
  const all = await db.transaction({ municipalityId: null }, (tx) => listMunicipalities(tx));
  const names: Names = { at: Date.now(), byId: new Map(all.map((m) => [m.id, { slug: m.slug, name: m.name }])), bySlug: new Map(all.map((m) => [m.slug, m.id])) };
  nameCache.set(db, names);
  return names;
}

export type ParsedSearch =
  | { ok: true; query: SearchQuery; municipalityId: number | undefined }
  | { ok: false; field: string; messageKey: string; values: Record<string, unknown> };

/** The query parameters checked, the municipality slug resolved; the first problem found otherwise. */
export function parseSearch(raw: Record<string, string>, bySlug: Map<string, number>): ParsedSearch {
  const parsed = searchQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, field: String(issue.path[0] ?? 'q'), messageKey: issue.message, values: { max: MAX_PAGE } };
  }
  const slug = parsed.data.municipality;
  const municipalityId = slug ? bySlug.get(slug) : undefined;
  if (slug && municipalityId === undefined) return { ok: false, field: 'municipality', messageKey: 'network.search.error.unknownMunicipality', values: {} };
  return { ok: true, query: parsed.data, municipalityId };
}

async function runSearch(db: Database, query: SearchQuery, municipalityId: number | undefined): Promise<{ result: SearchResult; page: number; sort: ReturnType<typeof effectiveSort> }> {
  const filters = {
    q: query.q,
    theme: query.theme,
    tag: query.tag,
    municipalityId,
    size: query.size,
    status: query.status,
    savings: query.savings === 'yes' ? true : undefined,
  };
  const sort = effectiveSort(filters, query.sort);
  const page = query.page ?? 1;
  const result = await db.transaction({ municipalityId: null }, (tx) => searchCases(tx, { ...filters, sort, page, pageSize: PAGE_SIZE }));
  return { result, page, sort };
}

// The API's description of its parameters (the page and the API check them with searchQuerySchema).
const apiQueryDoc = z.object({
  q: z.string().max(200).optional().describe('Words to search for in Danish and English (title, summary and the whole narrative), with stemming. "quotes" for a phrase, OR between alternatives.'),
  theme: z.enum(caseThemes).optional(),
  tag: z.enum(caseTags).optional().describe('One of the network’s guiding questions.'),
  municipality: z.string().optional().describe('Only cases of this municipality (its slug, e.g. hedensted).'),
  size: z.enum(municipalitySizes).optional().describe('The size of the municipality the case comes from.'),
  status: z.enum(caseStatuses).optional(),
  savings: z.enum(['yes']).optional().describe('yes: only cases with signed-off savings measured on the platform.'),
  sort: z.enum(searchSorts).optional().describe('relevance (default with q), evidence (measured savings, then hours), newest (default without q).'),
  page: z.string().optional().describe(`Page number, 1–${MAX_PAGE}; ${PAGE_SIZE} cases a page.`),
});

const facetCount = z.object({ value: z.string(), count: z.number().int().nonnegative() });
const bilingual = z.object({ da: z.string().nullable(), en: z.string().nullable() });
export const caseSearchResultSchema = z.object({
  cases: z.array(
    z.object({
      municipality: z.object({ slug: z.string(), name: z.string() }),
      id: z.number().int().positive().describe('The case’s id within its municipality.'),
      title: bilingual.describe('Null where that language version is not written.'),
      summary: bilingual,
      status: z.enum(caseStatuses),
      themes: z.array(z.enum(caseThemes)),
      publishedAt: z.string().nullable(),
      adoptions: z.number().int().nonnegative(),
      measured: z
        .object({ hours: z.number().nonnegative(), savingsOre: z.number().int().describe('Signed-off savings in øre (1/100 DKK).') })
        .nullable()
        .describe('Evidence measured on the platform; null when nothing has been measured.'),
      links: z.object({ html: z.string() }),
    }),
  ),
  total: z.number().int().nonnegative().describe('The number of matching cases; with capped, at least this many.'),
  capped: z.boolean().describe('More cases match than are counted: counts and relevance cover the newest of them.'),
  page: z.number().int().positive(),
  totalPages: z.number().int().positive(),
  sort: z.enum(searchSorts),
  facets: z
    .object({
      theme: z.array(facetCount),
      tag: z.array(facetCount),
      municipality: z.array(facetCount.extend({ name: z.string() })).describe('value is the municipality’s slug; only municipalities with matching cases.'),
      size: z.array(facetCount),
      status: z.array(facetCount),
      savings: z.array(facetCount),
    })
    .describe('For each facet value, how many cases of the current result set have it.'),
});

export function registerSearchRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const db = deps.db;

  app.get(SEARCH_STYLESHEET_PATH, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', c.req.query('v') ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    return c.body(new Uint8Array(searchStylesheetBody));
  });

  app.get('/network/cases', async (c) => {
    const names = await municipalityNames(db);
    const raw = c.req.query();
    const values: SearchFormValues = { q: raw.q, theme: raw.theme, tag: raw.tag, municipality: raw.municipality, size: raw.size, status: raw.status, savings: raw.savings, sort: raw.sort };
    const parsed = parseSearch(raw, names.bySlug);
    const page = pageContext(c, { nav: networkNav(c) });
    if (!parsed.ok) {
      const errors = { [parsed.field]: state(c).i18n.t(parsed.messageKey, parsed.values as Record<string, number>) };
      const sort = searchSorts.includes(raw.sort as never) ? (raw.sort as 'newest') : raw.q ? 'relevance' : 'newest';
      return html(c, SearchPage({ page, values, sort, pageNumber: 1, pageSize: PAGE_SIZE, result: null, errors, municipalities: names.byId }), 400);
    }
    const found = await runSearch(db, parsed.query, parsed.municipalityId);
    return html(c, SearchPage({ page, values, sort: found.sort, pageNumber: found.page, pageSize: PAGE_SIZE, result: found.result, errors: {}, municipalities: names.byId }));
  });

  const openApi = openApiRegistry(app);
  openApi.tag('Network', 'The municipality network’s practice library: published cases with their evidence, across all municipalities.');
  openApi.schema('CaseSearchResult', caseSearchResultSchema);
  openApi.register({
    method: 'get',
    path: `${API_PREFIX}/network/cases`,
    summary: 'Search the practice library',
    description: `Published cases of every municipality in the network: full text in Danish and English with stemming, facets with counts for the result set, sorted by relevance, evidence or newest; ${PAGE_SIZE} a page. The same parameters as the page /network/cases.`,
    tags: ['Network'],
    query: apiQueryDoc,
    response: caseSearchResultSchema,
    errors: [400],
  });
  app.get(`${API_PREFIX}/network/cases`, async (c: AppContext) => {
    const names = await municipalityNames(db);
    const parsed = parseSearch(c.req.query(), names.bySlug);
    const { t } = state(c).i18n;
    if (!parsed.ok) return apiError(c, 400, 'network.search.api.param', { param: parsed.field, message: t(parsed.messageKey, parsed.values as Record<string, number>) });
    const { result, page, sort } = await runSearch(db, parsed.query, parsed.municipalityId);
    return apiJson(
      c,
      caseSearchResultSchema,
      {
        cases: result.items.map((x) => ({
          municipality: { slug: x.municipalitySlug, name: x.municipalityName },
          id: x.id,
          title: x.title,
          summary: x.summary,
          status: x.status,
          themes: x.themes,
          publishedAt: x.publishedAt ? x.publishedAt.toISOString() : null,
          adoptions: x.adoptionCount,
          measured: x.evidenceHours === null ? null : { hours: x.evidenceHours, savingsOre: x.evidenceSavingsOre ?? 0 },
          links: { html: caseUrl(x) },
        })),
        total: result.total,
        capped: result.capped,
        page,
        totalPages: Math.max(1, Math.min(MAX_PAGE, Math.ceil(result.total / PAGE_SIZE))),
        sort,
        facets: {
          ...result.facets,
          municipality: result.facets.municipality.flatMap((f) => {
            const m = names.byId.get(Number(f.value));
            return m ? [{ value: m.slug, name: m.name, count: f.count }] : [];
          }),
        },
      },
      { publicMaxAge: MAX_AGE },
    );
  });

  app.get(COMPARE_URL, async (c) => {
    const raw = c.req.query('metric');
    const metric = (raw === undefined || raw === '' ? 'hours' : raw) as CompareMetric;
    const page = pageContext(c, { nav: networkNav(c) });
    const rows = await loadComparison(db);
    if (!compareMetrics.includes(metric)) {
      return html(c, ComparePage({ page, metric: 'hours', rows: rankBy(rows, 'hours', state(c).lang), errors: { metric: state(c).i18n.t('network.compare.error.metric') } }), 400);
    }
    return html(c, ComparePage({ page, metric, rows: rankBy(rows, metric, state(c).lang), errors: {} }));
  });
}
