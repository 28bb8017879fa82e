// Public JSON API of the initiatives module: a municipality's initiatives (filtered, sorted, searched,
// paginated) and one initiative. Public data only: no person is named (not the people behind it, not
// commenters, not the facilitator), no e-mail addresses, no comments, no reports.
import type { Hono } from 'hono';
import { z } from 'zod';
import { apiError, apiGet, openApiRegistry } from '../../core/http/api.js';
import type { AppDeps, AppEnv } from '../../core/http/context.js';
import { listAreas, listThemes, loadMunicipality, type Area, type Theme } from '../municipalities/index.js';
import { states } from './initiatives.lifecycle.js';
import { listInitiatives, listSorts } from './initiatives.queries.js';
import { findInitiative, listAgreementVersions, listAsks, listEvents, listPartners } from './initiatives.repository.js';
import { askKinds, askStatuses, partnerKinds, type InitiativeSummary } from './initiatives.types.js';

const MAX_AGE = 60;
export const API_PAGE_SIZE = 50;

const language = z.enum(['da', 'en']).describe('The language the text was written in.');
const areaRef = z.object({ id: z.number().int().positive(), name: z.string() });
const themeRef = z.object({ id: z.number().int().positive(), key: z.string(), name: z.object({ da: z.string(), en: z.string() }) });

export const initiativeSummarySchema = z.object({
  id: z.number().int().positive(),
  title: z.string(),
  excerpt: z.string().describe('The start of the problem description, as written.'),
  language,
  state: z.enum(states).describe('Where the initiative is in its lifecycle: idea → open_for_support → in_dialogue → agreed → active → completed → evaluated, or declined / paused.'),
  area: areaRef.nullable().describe('The local area; null means the whole municipality.'),
  theme: themeRef.nullable(),
  supportCount: z.number().int().nonnegative(),
  commentCount: z.number().int().nonnegative(),
  createdAt: z.string().describe('ISO 8601 date and time (UTC).'),
  stateChangedAt: z.string().describe('When it entered its current state (ISO 8601, UTC).'),
  lastActivityAt: z.string().describe('The last state change, update, comment or answer (ISO 8601, UTC).'),
  links: z.object({ html: z.string(), api: z.string() }),
});

export const initiativeListSchema = z.object({
  initiatives: z.array(initiativeSummarySchema),
  page: z.number().int().positive(),
  totalPages: z.number().int().positive(),
  total: z.number().int().nonnegative(),
});

const askSchema = z.object({
  kind: z.enum(askKinds),
  description: z.string(),
  language,
  amountOre: z.number().int().nonnegative().nullable().describe('For money: the amount in øre (1/100 DKK).'),
  status: z.enum(askStatuses),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
});

const partnerSchema = z.object({ kind: z.enum(partnerKinds), name: z.string(), contribution: z.string(), language });

const agreementSchema = z.object({
  version: z.number().int().positive(),
  citizensDeliver: z.string(),
  municipalityDelivers: z.string(),
  language,
  contact: z.object({ name: z.string(), title: z.string() }).describe('The named municipal contact (a member of staff).'),
  termStart: z.string().describe('YYYY-MM-DD'),
  termEnd: z.string().describe('YYYY-MM-DD'),
  reviewDate: z.string().describe('YYYY-MM-DD'),
  createdAt: z.string(),
});

const timelineSchema = z.object({
  kind: z.enum(['proposed', 'state_changed', 'facilitator_assigned', 'update', 'agreement', 'ask_answered', 'edited']),
  fromState: z.enum(states).nullable(),
  toState: z.enum(states).nullable(),
  text: z.string().describe('The public note, update, reason or answer, if any.'),
  language: language.nullable(),
  at: z.string(),
});

export const initiativeDetailSchema = initiativeSummarySchema.extend({
  problem: z.string(),
  proposal: z.string(),
  hasFacilitator: z.boolean(),
  declineReason: z.string().nullable(),
  outcomes: z.string().nullable(),
  asks: z.array(askSchema),
  partners: z.array(partnerSchema),
  agreement: agreementSchema.nullable().describe('The current co-production agreement.'),
  agreementVersions: z.number().int().nonnegative(),
  timeline: z.array(timelineSchema),
});

const municipalityParam = z.string().regex(/^[a-z0-9-]{1,60}$/).describe('The municipality’s slug, e.g. hedensted.');
const listParams = z.object({ slug: municipalityParam });
const detailParams = z.object({ slug: municipalityParam, id: z.string().regex(/^[1-9][0-9]{0,8}$/).describe('The initiative’s id.') });
const listQuery = z.object({
  q: z.string().max(200).optional().describe('Full-text search in Danish and English (title, problem, proposal).'),
  state: z.enum(states).optional(),
  area: z.string().regex(/^[1-9][0-9]{0,8}$/).optional().describe('Only initiatives in this local area (its id).'),
  theme: z.string().regex(/^[a-z0-9-]{1,60}$/).optional().describe('Only initiatives with this theme (its key, e.g. mobility).'),
  sort: z.enum(listSorts).optional().describe('relevant (with q), active (default without q), newest, supported.'),
  page: z.string().regex(/^[1-9][0-9]{0,5}$/).optional().describe(`Page number; ${API_PAGE_SIZE} initiatives a page.`),
});

const iso = (d: Date) => d.toISOString();

function summaryOf(mSlug: string, i: InitiativeSummary, areas: Area[], themes: Theme[]): z.input<typeof initiativeSummarySchema> {
  const area = i.areaId ? areas.find((a) => a.id === i.areaId) : undefined;
  const theme = i.themeId ? themes.find((t) => t.id === i.themeId) : undefined;
  const slug = encodeURIComponent(mSlug);
  return {
    id: i.id,
    title: i.title,
    excerpt: i.excerpt,
    language: i.lang,
    state: i.state,
    area: area ? { id: area.id, name: area.name } : null,
    theme: theme ? { id: theme.id, key: theme.key, name: theme.name } : null,
    supportCount: i.supportCount,
    commentCount: i.commentCount,
    createdAt: iso(i.createdAt),
    stateChangedAt: iso(i.stateChangedAt),
    lastActivityAt: iso(i.lastActivityAt),
    links: { html: `/m/${slug}/initiatives/${i.id}`, api: `/api/v1/municipalities/${slug}/initiatives/${i.id}` },
  };
}

export function registerInitiativesApi(app: Hono<AppEnv>, deps: AppDeps): void {
  const openApi = openApiRegistry(app);
  openApi.tag('Initiatives', 'Citizen initiatives: their lifecycle, what they ask the municipality for, partners, the co-production agreement and the public timeline.');
  openApi.schema('InitiativeSummary', initiativeSummarySchema);
  openApi.schema('InitiativeList', initiativeListSchema);
  openApi.schema('Initiative', initiativeDetailSchema);

  apiGet(
    app,
    {
      path: '/municipalities/:slug/initiatives',
      summary: 'List and search a municipality’s initiatives',
      description: `Filter by state, area and theme; sort; search in Danish and English with q. ${API_PAGE_SIZE} a page.`,
      tags: ['Initiatives'],
      params: listParams,
      query: listQuery,
      response: initiativeListSchema,
      errors: [404],
      publicMaxAge: MAX_AGE,
    },
    async (c, { params, query }) => {
      const m = await loadMunicipality(deps, params.slug);
      if (!m) return apiError(c, 404);
      const page = Number(query.page ?? 1);
      const q = query.q?.trim() || undefined;
      const data = await deps.db.transaction({ municipalityId: m.id }, async (tx) => {
        const [areas, themes] = await Promise.all([listAreas(tx, m.id), listThemes(tx, m.id)]);
        const themeId = query.theme ? themes.find((t) => t.key === query.theme)?.id ?? -1 : undefined;
        const list = await listInitiatives(tx, m.id, {
          q,
          state: query.state,
          areaId: query.area ? Number(query.area) : undefined,
          themeId,
          sort: query.sort ?? (q ? 'relevant' : 'active'),
          page,
          pageSize: API_PAGE_SIZE,
        });
        return { areas, themes, ...list };
      });
      return {
        initiatives: data.items.map((i) => summaryOf(m.slug, i, data.areas, data.themes)),
        page,
        totalPages: Math.max(1, Math.ceil(data.total / API_PAGE_SIZE)),
        total: data.total,
      };
    },
  );

  apiGet(
    app,
    {
      path: '/municipalities/:slug/initiatives/:id',
      summary: 'One initiative with its asks, partners, agreement and timeline',
      tags: ['Initiatives'],
      params: detailParams,
      response: initiativeDetailSchema,
      errors: [404],
      publicMaxAge: MAX_AGE,
    },
    async (c, { params }) => {
      const m = await loadMunicipality(deps, params.slug);
      if (!m) return apiError(c, 404);
      const id = Number(params.id);
      const data = await deps.db.transaction({ municipalityId: m.id }, async (tx) => {
        const ini = await findInitiative(tx, m.id, id);
        if (!ini) return null;
        const [areas, themes, asks, partners, agreements, events] = await Promise.all([
          listAreas(tx, m.id),
          listThemes(tx, m.id),
          listAsks(tx, m.id, id),
          listPartners(tx, m.id, id),
          listAgreementVersions(tx, m.id, id),
          listEvents(tx, m.id, id),
        ]);
        return { ini, areas, themes, asks, partners, agreements, events };
      });
      if (!data) return apiError(c, 404, 'initiatives.error.not_found');
      const { ini } = data;
      const current = data.agreements[0];
      return {
        ...summaryOf(m.slug, { ...ini, excerpt: ini.problem.slice(0, 220) }, data.areas, data.themes),
        problem: ini.problem,
        proposal: ini.proposal,
        hasFacilitator: ini.facilitator !== null,
        declineReason: ini.declineReason,
        outcomes: ini.outcomes,
        asks: data.asks.map((a) => ({
          kind: a.kind,
          description: a.description,
          language: a.lang,
          amountOre: a.amountOre,
          status: a.status,
          answer: a.answer,
          answeredAt: a.answeredAt ? iso(a.answeredAt) : null,
        })),
        partners: data.partners.map((p) => ({ kind: p.kind, name: p.name, contribution: p.contribution, language: p.lang })),
        agreement: current
          ? {
              version: current.version,
              citizensDeliver: current.citizensDeliver,
              municipalityDelivers: current.municipalityDelivers,
              language: current.lang,
              contact: { name: current.contactName, title: current.contactTitle },
              termStart: current.termStart,
              termEnd: current.termEnd,
              reviewDate: current.reviewDate,
              createdAt: iso(current.createdAt),
            }
          : null,
        agreementVersions: data.agreements.length,
        timeline: data.events.map((e) => ({ kind: e.kind, fromState: e.fromState, toState: e.toState, text: e.body, language: e.lang, at: iso(e.createdAt) })),
      };
    },
  );
}
