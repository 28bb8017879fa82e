// Search across the practice library: full text in Danish and English, six facets with counts for the
// current result set, three orders, pages. Readable by anyone: only published cases, which every
// transaction may read (see 0001_network_cases.sql), so no tenant is needed.
//
// The counts come one of two ways (planSearch):
// - no text and at most one facet filter (the library's first page and every first refinement): from
//   network_case_facet_counts, kept up to date by triggers — a few hundred index rows, whatever the
//   number of cases;
// - otherwise (text, or two filters or more): from the candidates, the COUNT_CAP + 1 newest matching
//   cases; counts, relevance order and pages are all taken from them in one statement. When more than
//   COUNT_CAP match, the result is "capped": the total reads "more than COUNT_CAP", and counts and
//   relevance cover the COUNT_CAP newest matches. The work is then bounded by what it takes to find
//   COUNT_CAP matches (walking the newest-first index, or all matches through the GIN index when they
//   are fewer), however broad the query; bench/README.md has the figures.
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import type { CaseRef, CaseStatus, CaseSummary, CaseTag, CaseTheme, MunicipalitySize } from './network.types.js';
import { caseStatuses, caseTags, caseThemes, municipalitySizes } from './network.types.js';

export const searchSorts = ['relevance', 'evidence', 'newest'] as const;
export type SearchSort = (typeof searchSorts)[number];

export const PAGE_SIZE = 20;
/** Pages beyond this answer 400: deep pages of an offset query cost more than anyone reads. */
export const MAX_PAGE = 50;
/** The most matching cases a text or multi-facet search counts exactly. */
export const COUNT_CAP = 250;

export const facetDimensions = ['theme', 'tag', 'municipality', 'size', 'status', 'savings'] as const;
export type FacetDimension = (typeof facetDimensions)[number];

export interface SearchFilters {
  q?: string | undefined;
  theme?: CaseTheme | undefined;
  tag?: CaseTag | undefined;
  municipalityId?: number | undefined;
  size?: MunicipalitySize | undefined;
  status?: CaseStatus | undefined;
  /** Only cases with signed-off savings measured on the platform. */
  savings?: boolean | undefined;
}

export interface SearchRequest extends SearchFilters {
  sort: SearchSort;
  page: number;
  pageSize: number;
}

export interface FacetCount {
  /** The facet value as used in the database: a key, or a municipality's id. */
  value: string;
  count: number;
}
export type Facets = Record<FacetDimension, FacetCount[]>;

export interface SearchResult {
  items: CaseSummary[];
  /** Exact, unless `capped`: then at least this many match. */
  total: number;
  capped: boolean;
  facets: Facets;
  /** Where the counts came from (for the benchmark and tests). */
  countedBy: 'kept' | 'rows';
}

export interface FacetFilter {
  dim: FacetDimension;
  val: string;
}

export function activeFilters(f: SearchFilters): FacetFilter[] {
  const out: FacetFilter[] = [];
  if (f.theme) out.push({ dim: 'theme', val: f.theme });
  if (f.tag) out.push({ dim: 'tag', val: f.tag });
  if (f.municipalityId !== undefined) out.push({ dim: 'municipality', val: String(f.municipalityId) });
  if (f.size) out.push({ dim: 'size', val: f.size });
  if (f.status) out.push({ dim: 'status', val: f.status });
  if (f.savings) out.push({ dim: 'savings', val: 'yes' });
  return out;
}

/** Relevance needs words to be relevant to; without them the newest come first. */
export function effectiveSort(f: SearchFilters, sort: SearchSort | undefined): SearchSort {
  if (!f.q) return sort === 'evidence' ? 'evidence' : 'newest';
  return sort ?? 'relevance';
}

export type SearchPlan =
  | { counts: 'kept'; anchor: { dim: FacetDimension | 'all'; val: string } }
  | { counts: 'rows'; cap: number };

/** How the counts of a search are found (see the top of this file). */
export function planSearch(f: SearchFilters): SearchPlan {
  const active = activeFilters(f);
  if (f.q || active.length > 1) return { counts: 'rows', cap: COUNT_CAP };
  const one = active[0];
  return { counts: 'kept', anchor: one ? { dim: one.dim, val: one.val } : { dim: 'all', val: 'all' } };
}

/** A query matches the words stemmed as Danish or as English, against both language versions. */
export function textQuery(q: string): RawBuilder<unknown> {
  return sql`(websearch_to_tsquery('danish', ${q}) || websearch_to_tsquery('english', ${q}))`;
}

export function whereOf(f: SearchFilters): RawBuilder<unknown> {
  const parts = [sql`true`];
  if (f.q) parts.push(sql`c.search_vector @@ ${textQuery(f.q)}`);
  if (f.theme) parts.push(sql`c.themes @> array[${f.theme}]::text[]`);
  if (f.tag) parts.push(sql`c.tags @> array[${f.tag}]::text[]`);
  if (f.municipalityId !== undefined) parts.push(sql`c.municipality_id = ${f.municipalityId}`);
  if (f.size) parts.push(sql`c.municipality_size = ${f.size}`);
  if (f.status) parts.push(sql`c.status = ${f.status}`);
  if (f.savings) parts.push(sql`c.has_measured_savings`);
  return sql.join(parts, sql` and `);
}

/** Every order ends in the primary key, so pages never overlap or skip a case. */
export function orderOf(f: SearchFilters, sort: SearchSort): RawBuilder<unknown> {
  const tail = sql`c.published_at desc, c.municipality_id desc, c.case_id desc`;
  if (sort === 'evidence') return sql`c.evidence_savings_ore desc nulls last, c.evidence_hours desc nulls last, ${tail}`;
  if (sort === 'relevance' && f.q) return sql`ts_rank(c.search_vector, ${textQuery(f.q)}) desc, ${tail}`;
  return tail;
}

type Row = Record<string, unknown>;

const textArray = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === 'string' && v.startsWith('{') ? v.slice(1, -1).split(',').filter(Boolean) : []);

function toSummary(r: Row): CaseSummary {
  const refreshed = r.evidence_refreshed_at != null;
  return {
    municipalityId: r.municipality_id as number,
    id: r.id as number,
    municipalityName: r.municipality_name as string,
    municipalitySlug: r.municipality_slug as string,
    title: { da: (r.title_da as string | null) ?? null, en: (r.title_en as string | null) ?? null },
    summary: { da: (r.summary_da as string | null) ?? null, en: (r.summary_en as string | null) ?? null },
    status: r.status as CaseStatus,
    themes: textArray(r.themes) as CaseTheme[],
    publishedAt: (r.published_at as Date | null) ?? null,
    adoptionCount: Number(r.adoption_count ?? 0),
    evidenceHours: refreshed ? Number(r.evidence_hours ?? 0) : null,
    evidenceSavingsOre: refreshed ? Number(r.evidence_savings_ore ?? 0) : null,
  };
}

/** Every value of the fixed facets, with the counts found (0 where none). */
function facetsFrom(rows: { dim: string; val: string; n: number }[]): Facets {
  const by = new Map<string, number>();
  for (const r of rows) by.set(`${r.dim}\u0000${r.val}`, Number(r.n));
  const fixed = (dim: FacetDimension, values: readonly string[]) => values.map((value) => ({ value, count: by.get(`${dim}\u0000${value}`) ?? 0 }));
  const municipality = rows
    .filter((r) => r.dim === 'municipality' && Number(r.n) > 0)
    .map((r) => ({ value: r.val, count: Number(r.n) }))
    .sort((a, b) => b.count - a.count || Number(a.value) - Number(b.value));
  return {
    theme: fixed('theme', caseThemes),
    tag: fixed('tag', caseTags),
    municipality,
    size: fixed('size', municipalitySizes),
    status: fixed('status', caseStatuses),
    savings: fixed('savings', ['yes']),
  };
}

async function keptCounts(e: Executor, anchor: { dim: string; val: string }): Promise<{ total: number; facets: Facets }> {
  const r = await sql<{ dim: string; val: string; n: number }>`select dim2 as dim, val2 as val, n from network_case_facet_counts
    where dim1 = ${anchor.dim} and val1 = ${anchor.val} and n > 0`.execute(e);
  const total = r.rows.find((x) => x.dim === anchor.dim && x.val === anchor.val)?.n ?? 0;
  return { total: Number(total), facets: facetsFrom(r.rows) };
}

/** The keys of one page, read through the order's index (no case row is read for the counts). */
async function pageKeys(e: Executor, req: SearchRequest): Promise<CaseRef[]> {
  const r = await sql<{ municipality_id: number; id: number }>`select c.municipality_id, c.case_id as id from network_case_search c where ${whereOf(req)}
    order by ${orderOf(req, req.sort)} limit ${req.pageSize} offset ${(req.page - 1) * req.pageSize}`.execute(e);
  return r.rows.map((x) => ({ municipalityId: x.municipality_id, id: x.id }));
}

/**
 * Text or several filters: the candidates are the newest `cap` + 1 matching cases; the counts, the
 * relevance order and the pages are all taken from them in one statement.
 */
async function candidateSearch(e: Executor, req: SearchRequest, cap: number): Promise<{ total: number; capped: boolean; facets: Facets; keys: CaseRef[] }> {
  const rank = req.q && req.sort === 'relevance' ? sql`ts_rank(c.search_vector, ${textQuery(req.q)})` : sql`0::real`;
  const order =
    req.sort === 'evidence'
      ? sql`evidence_savings_ore desc nulls last, evidence_hours desc nulls last, published_at desc, municipality_id desc, id desc`
      : req.sort === 'relevance' && req.q
        ? sql`rank desc, published_at desc, municipality_id desc, id desc`
        : sql`published_at desc, municipality_id desc, id desc`;
  const r = await sql<{ facets: [string, string, number][] | string; keys: [number, number][] | string }>`with cand as materialized (
      select c.municipality_id, c.case_id as id, c.status, c.municipality_size, c.has_measured_savings, c.themes, c.tags, c.published_at,
        c.evidence_savings_ore, c.evidence_hours, ${rank} as rank
      from network_case_search c where ${whereOf(req)}
      order by c.published_at desc, c.municipality_id desc, c.case_id desc limit ${cap + 1}),
    -- The same values as network_case_facets() in 0003, which the triggers count with (the tests compare
    -- both ways of counting); a pass per facet over the candidates is cheaper than a row per value.
    counted as (
      select 'all' as dim, 'all' as val, count(*)::int as n from cand
      union all select 'status', status, count(*)::int from cand group by status
      union all select 'size', municipality_size, count(*)::int from cand where municipality_size is not null group by municipality_size
      union all select 'municipality', municipality_id::text, count(*)::int from cand group by municipality_id
      union all select 'savings', 'yes', count(*)::int from cand where has_measured_savings
      union all select 'theme', t, count(*)::int from cand cross join unnest(cand.themes) t group by t
      union all select 'tag', g, count(*)::int from cand cross join unnest(cand.tags) g group by g),
    page as (
      select municipality_id, id, row_number() over (order by ${order}) as ord from cand
      order by ${order} limit ${req.pageSize} offset ${(req.page - 1) * req.pageSize})
    select (select coalesce(json_agg(json_build_array(dim, val, n)), '[]') from counted) as facets,
      (select coalesce(json_agg(json_build_array(municipality_id, id) order by ord), '[]') from page) as keys`.execute(e);
  const row = r.rows[0]!;
  const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  const rows = json(row.facets).map(([dim, val, n]) => ({ dim, val, n }));
  const all = rows.find((x) => x.dim === 'all')?.n ?? 0;
  const capped = all > cap;
  return { total: capped ? cap : all, capped, facets: facetsFrom(rows), keys: json(row.keys).map(([municipalityId, id]) => ({ municipalityId, id })) };
}

/** The cards of the given cases, in the given order. */
async function summariesOf(e: Executor, keys: CaseRef[]): Promise<CaseSummary[]> {
  if (keys.length === 0) return [];
  const r = await sql<Row>`select c.municipality_id, c.id, m.name as municipality_name, m.slug as municipality_slug,
      c.title_da, c.title_en, c.summary_da, c.summary_en, c.status, c.themes, c.published_at,
      c.evidence_hours, c.evidence_savings_ore, c.evidence_refreshed_at,
      (select count(*) from network_adoptions a where a.case_municipality_id = c.municipality_id and a.case_id = c.id) as adoption_count
    from unnest(${sql.val(keys.map((k) => k.municipalityId))}::int[], ${sql.val(keys.map((k) => k.id))}::int[]) with ordinality as k(municipality_id, id, ord)
    join network_cases c on c.municipality_id = k.municipality_id and c.id = k.id
    join municipalities m on m.id = c.municipality_id
    order by k.ord`.execute(e);
  return r.rows.map(toSummary);
}

/**
 * One page of matching published cases with the facet counts of the whole result set (see the top of
 * this file for when they are capped). Runs in the caller's transaction (any scope).
 */
export async function searchCases(e: Executor, req: SearchRequest): Promise<SearchResult> {
  const plan = planSearch(req);
  // Just-in-time compilation costs tens of milliseconds and pays off only for queries far bigger than
  // these (a misestimated text search can cross its threshold); it is off for the rest of this transaction.
  await sql`select set_config('jit', 'off', true)`.execute(e);
  if (plan.counts === 'kept') {
    const counted = await keptCounts(e, plan.anchor);
    const keys = counted.total > (req.page - 1) * req.pageSize ? await pageKeys(e, req) : [];
    return { items: await summariesOf(e, keys), total: counted.total, capped: false, facets: counted.facets, countedBy: 'kept' };
  }
  const found = await candidateSearch(e, req, plan.cap);
  return { items: await summariesOf(e, found.keys), total: found.total, capped: found.capped, facets: found.facets, countedBy: 'rows' };
}
