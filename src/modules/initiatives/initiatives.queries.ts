// Read models: the filtered, sorted, searched list of initiatives and the facilitator workspace's lists.
// Every query is bounded by the tenant and served by an index named in the migration.
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import type { State } from './initiatives.lifecycle.js';
import type { Ask, AskKind, AskStatus, InitiativeSummary, TextLang } from './initiatives.types.js';

export const listSorts = ['relevant', 'active', 'newest', 'supported'] as const;
export type ListSort = (typeof listSorts)[number];

export interface ListFilter {
  areaId?: number | undefined;
  themeId?: number | undefined;
  groupId?: number | undefined;
  state?: State | undefined;
  /** Free text, searched in Danish and in English. */
  q?: string | undefined;
  /** Without a search, "relevant" means recently active. */
  sort: ListSort;
  page: number;
  pageSize: number;
}

export interface ListPage {
  items: InitiativeSummary[];
  total: number;
}

interface SummaryRow {
  id: number; title: string; lang: TextLang; excerpt: string; state: State; area_id: number | null; theme_id: number | null;
  support_count: number; comment_count: number; created_at: Date; last_activity_at: Date; state_changed_at: Date; total: number;
}

export const EXCERPT_CHARS = 220;

/**
 * A search matches the query stemmed as Danish or as English, so "cykelstier" finds a Danish
 * initiative about "cykelsti" and "playgrounds" an English one about a "playground".
 */
export function searchQuery(q: string): RawBuilder<unknown> {
  return sql`(websearch_to_tsquery('danish', ${q}) || websearch_to_tsquery('english', ${q}))`;
}

function whereOf(municipalityId: number, f: ListFilter) {
  const parts = [sql`municipality_id = ${municipalityId}`];
  if (f.state) parts.push(sql`state = ${f.state}`);
  if (f.areaId !== undefined) parts.push(sql`area_id = ${f.areaId}`);
  if (f.themeId !== undefined) parts.push(sql`theme_id = ${f.themeId}`);
  if (f.groupId !== undefined) parts.push(sql`group_id = ${f.groupId}`);
  if (f.q) parts.push(sql`search_vector @@ ${searchQuery(f.q)}`);
  return sql.join(parts, sql` and `);
}

function orderOf(f: ListFilter) {
  switch (f.sort === 'relevant' && !f.q ? 'active' : f.sort) {
    case 'relevant':
      return sql`ts_rank(search_vector, ${searchQuery(f.q ?? '')}) desc, last_activity_at desc, id desc`;
    case 'newest':
      return sql`created_at desc, id desc`;
    case 'supported':
      return sql`support_count desc, id desc`;
    default:
      return sql`last_activity_at desc, id desc`;
  }
}

const toSummary = (r: SummaryRow): InitiativeSummary => ({
  id: r.id, title: r.title, lang: r.lang, excerpt: r.excerpt, state: r.state, areaId: r.area_id, themeId: r.theme_id,
  supportCount: r.support_count, commentCount: r.comment_count, createdAt: r.created_at, lastActivityAt: r.last_activity_at,
  stateChangedAt: r.state_changed_at,
});

export async function listInitiatives(e: Executor, municipalityId: number, f: ListFilter): Promise<ListPage> {
  const where = whereOf(municipalityId, f);
  const offset = (Math.max(1, f.page) - 1) * f.pageSize;
  const columns = sql`id, title, lang, left(problem, ${EXCERPT_CHARS}) as excerpt, state, area_id, theme_id, support_count,
    comment_count, created_at, last_activity_at, state_changed_at`;
  if (f.q) {
    // A search tests every row of the municipality against the query anyway, so the total comes from
    // the same pass (a window count) rather than a second one.
    const r = await sql<SummaryRow>`select ${columns}, count(*) over ()::int as total from initiatives where ${where}
      order by ${orderOf(f)} limit ${f.pageSize} offset ${offset}`.execute(e);
    let total = r.rows[0]?.total ?? 0;
    if (r.rows.length === 0 && offset > 0) total = (await sql<{ n: number }>`select count(*)::int as n from initiatives where ${where}`.execute(e)).rows[0]?.n ?? 0;
    return { items: r.rows.map(toSummary), total };
  }
  // Without a search the page reads only its own rows through the sort's index, and the total is a
  // count that an index-only scan answers (a window count would visit every row); both in one round trip.
  const r = await sql<SummaryRow & { id: number | null }>`select p.*, t.n as total
    from (select count(*)::int as n from initiatives where ${where}) t
    left join lateral (select ${columns} from initiatives where ${where} order by ${orderOf(f)} limit ${f.pageSize} offset ${offset}) p on true`.execute(e);
  return { items: r.rows.filter((x) => x.id !== null).map(toSummary), total: r.rows[0]?.total ?? 0 };
}

// Facilitator workspace ----------------------------------------------------

export interface WorkspaceFilter {
  areaId?: number | undefined;
  themeId?: number | undefined;
}

function workspaceWhere(municipalityId: number, f: WorkspaceFilter, alias = 'i') {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const parts = [sql`${col('municipality_id')} = ${municipalityId}`];
  if (f.areaId !== undefined) parts.push(sql`${col('area_id')} = ${f.areaId}`);
  if (f.themeId !== undefined) parts.push(sql`${col('theme_id')} = ${f.themeId}`);
  return sql.join(parts, sql` and `);
}

const summaryColumns = sql`i.id, i.title, i.lang, left(i.problem, ${EXCERPT_CHARS}) as excerpt, i.state, i.area_id, i.theme_id, i.support_count,
  i.comment_count, i.created_at, i.last_activity_at, i.state_changed_at, 0 as total`;

/** New initiatives nobody at the municipality has taken on yet, oldest first. */
export async function listAwaitingTriage(e: Executor, municipalityId: number, f: WorkspaceFilter, limit = 20): Promise<InitiativeSummary[]> {
  const r = await sql<SummaryRow>`select ${summaryColumns} from initiatives i
    where ${workspaceWhere(municipalityId, f)} and i.state in ('idea', 'open_for_support') and i.facilitator_id is null
    order by i.created_at, i.id limit ${limit}`.execute(e);
  return r.rows.map(toSummary);
}

/** Still-moving initiatives that have stayed longest in their state. */
export async function listStuck(e: Executor, municipalityId: number, f: WorkspaceFilter, limit = 10): Promise<(InitiativeSummary & { facilitatorId: number | null })[]> {
  const r = await sql<SummaryRow & { facilitator_id: number | null }>`select ${summaryColumns}, i.facilitator_id from initiatives i
    where ${workspaceWhere(municipalityId, f)} and i.state in ('idea', 'open_for_support', 'in_dialogue', 'agreed', 'active', 'completed', 'paused')
    order by i.state_changed_at, i.id limit ${limit}`.execute(e);
  return r.rows.map((x) => ({ ...toSummary(x), facilitatorId: x.facilitator_id }));
}

export interface OpenAsk extends Ask {
  initiativeTitle: string;
  initiativeLang: TextLang;
  createdAt: Date;
}

/** What initiatives have asked the municipality for and not yet had an answer to, oldest first. */
export async function listOpenAsks(e: Executor, municipalityId: number, f: WorkspaceFilter, limit = 20): Promise<OpenAsk[]> {
  const r = await sql<{
    id: number; initiative_id: number; kind: AskKind; description: string; lang: TextLang; amount_ore: number | null; status: AskStatus;
    title: string; initiative_lang: TextLang; created_at: Date;
  }>`select a.id, a.initiative_id, a.kind, a.description, a.lang, a.amount_ore, a.status, i.title, i.lang as initiative_lang, a.created_at
    from initiatives_asks a join initiatives i on i.municipality_id = a.municipality_id and i.id = a.initiative_id
    where ${workspaceWhere(municipalityId, f)} and a.municipality_id = ${municipalityId} and a.status = 'open'
      and i.state not in ('idea', 'declined', 'evaluated')
    order by a.created_at, a.id limit ${limit}`.execute(e);
  return r.rows.map((x) => ({
    id: x.id, initiativeId: x.initiative_id, kind: x.kind, description: x.description, lang: x.lang, amountOre: x.amount_ore, status: x.status,
    answer: null, answerLang: null, answeredAt: null, initiativeTitle: x.title, initiativeLang: x.initiative_lang, createdAt: x.created_at,
  }));
}

/** Agreements whose review date has come or comes within `days` days. */
export async function listReviewsDue(e: Executor, municipalityId: number, f: WorkspaceFilter, days = 30, limit = 20): Promise<(InitiativeSummary & { reviewDate: string })[]> {
  const r = await sql<SummaryRow & { review_date: string }>`select ${summaryColumns}, i.review_date from initiatives i
    where ${workspaceWhere(municipalityId, f)} and i.review_date is not null and i.review_date <= current_date + ${days}::int
      and i.state in ('agreed', 'active', 'paused')
    order by i.review_date, i.id limit ${limit}`.execute(e);
  return r.rows.map((x) => ({ ...toSummary(x), reviewDate: x.review_date }));
}
