// Public JSON API of the groups module: a municipality's groups and one group. Public data only: no
// person is named (not even members who agreed to be shown on the page), no discussion.
import type { Hono } from 'hono';
import { z } from 'zod';
import { apiError, apiGet, openApiRegistry } from '../../core/http/api.js';
import type { AppDeps, AppEnv } from '../../core/http/context.js';
import { listAreas, listThemes, loadMunicipality, type Area, type Theme } from '../municipalities/index.js';
import { listGroupsPage, findGroupSummary } from './groups.queries.js';
import { findGroupBySlug, listUpcomingActivities } from './groups.repository.js';
import { groupKinds, membershipPolicies, type GroupSummary } from './groups.types.js';
import { urls } from './groups.urls.js';

const MAX_AGE = 60;
const API_PAGE_SIZE = 50;

const namedRef = z.object({ id: z.number().int().positive(), name: z.string() });
const themeRef = z.object({ key: z.string(), name: z.object({ da: z.string(), en: z.string() }) });

export const groupSummarySchema = z.object({
  slug: z.string().describe('The group’s address within its municipality: /m/{municipality}/groups/{slug}.'),
  name: z.string(),
  kind: z.enum(groupKinds).describe('informal, association, or local_council (the municipality’s recognised partner for an area).'),
  membershipPolicy: z.enum(membershipPolicies),
  area: namedRef.nullable(),
  theme: themeRef.nullable(),
  memberCount: z.number().int().nonnegative(),
  excerpt: z.string().describe('The start of the description, as the group wrote it.'),
  language: z.enum(['da', 'en']).describe('The language the group wrote its description in.'),
  links: z.object({ html: z.string(), api: z.string() }),
});

export const groupActivitySchema = z.object({
  title: z.string(),
  startsAt: z.string().describe('ISO 8601 date and time (UTC).'),
  place: z.string(),
});

export const groupDetailSchema = groupSummarySchema.extend({
  description: z.string(),
  cvr: z.string().nullable().describe('Danish CVR number of an association, if it has one.'),
  statutes: z.string(),
  upcomingActivities: z.array(groupActivitySchema),
});

export const groupListSchema = z.object({
  groups: z.array(groupSummarySchema),
  page: z.number().int().positive(),
  totalPages: z.number().int().positive(),
  total: z.number().int().nonnegative(),
});

const municipalityParam = z.string().regex(/^[a-z0-9-]{1,60}$/).describe('The municipality’s slug, e.g. hedensted.');
const listParams = z.object({ slug: municipalityParam });
const groupParams = z.object({ slug: municipalityParam, group: z.string().regex(/^[a-z0-9-]{1,80}$/).describe('The group’s slug.') });
const listQuery = z.object({
  area: z.string().regex(/^[1-9][0-9]{0,8}$/).optional().describe('Only groups in this local area (its id).'),
  theme: z.string().regex(/^[a-z0-9-]{1,60}$/).optional().describe('Only groups with this theme (its key, e.g. mobility).'),
  kind: z.enum(groupKinds).optional(),
  page: z.string().regex(/^[1-9][0-9]{0,5}$/).optional().describe(`Page number; ${API_PAGE_SIZE} groups a page.`),
});

function summaryOf(mSlug: string, g: GroupSummary, areas: Area[], themes: Theme[]): z.input<typeof groupSummarySchema> {
  const area = g.areaId ? areas.find((a) => a.id === g.areaId) : undefined;
  const theme = g.themeId ? themes.find((t) => t.id === g.themeId) : undefined;
  return {
    slug: g.slug,
    name: g.name,
    kind: g.kind,
    membershipPolicy: g.membershipPolicy,
    area: area ? { id: area.id, name: area.name } : null,
    theme: theme ? { key: theme.key, name: theme.name } : null,
    memberCount: g.memberCount,
    excerpt: g.excerpt,
    language: g.excerptLang,
    links: { html: urls.group(mSlug, g.slug), api: `/api/v1/municipalities/${encodeURIComponent(mSlug)}/groups/${encodeURIComponent(g.slug)}` },
  };
}

export function registerGroupsApi(app: Hono<AppEnv>, deps: AppDeps): void {
  const openApi = openApiRegistry(app);
  openApi.tag('groups', 'Local groups, associations and local councils in a municipality.');
  openApi.schema('GroupSummary', groupSummarySchema);
  openApi.schema('GroupActivity', groupActivitySchema);
  openApi.schema('Group', groupDetailSchema);
  openApi.schema('GroupList', groupListSchema);

  apiGet(
    app,
    {
      path: '/municipalities/:slug/groups',
      operationId: 'listGroups',
      summary: 'List a municipality’s local groups',
      description: 'Local councils first, then by name. Filter by area, theme and kind.',
      tags: ['groups'],
      params: listParams,
      query: listQuery,
      response: groupListSchema,
      errors: [404],
      publicMaxAge: MAX_AGE,
    },
    async (c, { params, query }) => {
      const m = await loadMunicipality(deps, params.slug);
      if (!m) return apiError(c, 404, 'groups.api.municipalityNotFound');
      return deps.db.transaction({ municipalityId: m.id }, async (tx) => {
        const [areas, themes] = await Promise.all([listAreas(tx, m.id), listThemes(tx, m.id)]);
        const themeId = query.theme ? (themes.find((t) => t.key === query.theme)?.id ?? -1) : null;
        if (themeId === -1) return { groups: [], page: 1, totalPages: 1, total: 0 };
        const list = await listGroupsPage(tx, m.id, { areaId: query.area ? Number(query.area) : null, themeId, kind: query.kind ?? null }, Number(query.page ?? 1), API_PAGE_SIZE);
        return { groups: list.groups.map((g) => summaryOf(m.slug, g, areas, themes)), page: list.page, totalPages: list.totalPages, total: list.total };
      });
    },
  );

  apiGet(
    app,
    {
      path: '/municipalities/:slug/groups/:group',
      operationId: 'getGroup',
      summary: 'Get one local group with its description and upcoming activities',
      tags: ['groups'],
      params: groupParams,
      response: groupDetailSchema,
      errors: [404],
      publicMaxAge: MAX_AGE,
    },
    async (c, { params }) => {
      const m = await loadMunicipality(deps, params.slug);
      if (!m) return apiError(c, 404, 'groups.api.municipalityNotFound');
      const found = await deps.db.transaction({ municipalityId: m.id }, async (tx) => {
        const group = await findGroupBySlug(tx, m.id, params.group);
        if (!group) return null;
        const [summary, activities, areas, themes] = await Promise.all([
          findGroupSummary(tx, m.id, group.id),
          listUpcomingActivities(tx, m.id, group.id),
          listAreas(tx, m.id),
          listThemes(tx, m.id),
        ]);
        return { group, summary: summary!, activities, areas, themes };
      });
      if (!found) return apiError(c, 404, 'groups.api.notFound');
      const { group, summary, activities, areas, themes } = found;
      return {
        ...summaryOf(m.slug, summary, areas, themes),
        description: group.description,
        cvr: group.cvr,
        statutes: group.statutes,
        upcomingActivities: activities.map((a) => ({ title: a.title, startsAt: a.startsAt.toISOString(), place: a.place })),
      };
    },
  );
}
