// Public JSON API of the municipalities module: the municipalities in the network, and one municipality
// with its local areas and themes. The schemas below shape the answers and describe them in the OpenAPI
// document; a field they do not name is never sent.
import type { Hono } from 'hono';
import { z } from 'zod';
import { apiError, apiGet, openApiRegistry } from '../../core/http/api.js';
import type { AppDeps, AppEnv } from '../../core/http/context.js';
import { getAreasAndThemes, getMunicipalities, loadMunicipality } from './municipalities.queries.js';
import { areaKinds, type Area, type Municipality, type Theme } from './municipalities.types.js';

/** Answers change rarely and are the same for everyone, so caches may keep them a minute. */
const MAX_AGE = 60;

export const localizedTextSchema = z.object({ da: z.string(), en: z.string() }).describe('The same text in Danish and English.');

const positionSchema = z.array(z.number()).min(2).max(3).describe('[longitude, latitude] in WGS 84, optionally with altitude.');
const ringSchema = z.array(positionSchema).min(4).describe('A closed ring: the last position equals the first.');
export const boundarySchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('Polygon'), coordinates: z.array(ringSchema).min(1) }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ringSchema).min(1)).min(1) }),
  ])
  .describe('A GeoJSON (RFC 7946) Polygon or MultiPolygon.');

export const municipalitySummarySchema = z.object({
  slug: z.string().describe('The municipality’s address: its page is /m/{slug}.'),
  name: z.string(),
  region: z.string().nullable(),
  inhabitants: z.number().int().nonnegative().nullable(),
  tagline: localizedTextSchema,
  defaultLanguage: z.enum(['da', 'en']),
  links: z.object({ html: z.string(), api: z.string() }),
});

export const areaSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  kind: z.enum(areaKinds),
  inhabitants: z.number().int().nonnegative().nullable(),
  boundary: boundarySchema.nullable(),
});

export const themeSchema = z.object({
  key: z.string().describe('Stable identifier, e.g. mobility.'),
  name: localizedTextSchema,
});

export const municipalityDetailSchema = municipalitySummarySchema.extend({
  areas: z.array(areaSchema),
  themes: z.array(themeSchema),
});

export const municipalityListSchema = z.object({ municipalities: z.array(municipalitySummarySchema) });

const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,60}$/).describe('The municipality’s slug, e.g. hedensted.') });

function summary(m: Municipality): z.input<typeof municipalitySummarySchema> {
  const slug = encodeURIComponent(m.slug);
  return {
    slug: m.slug,
    name: m.name,
    region: m.region,
    inhabitants: m.inhabitants,
    tagline: m.tagline,
    defaultLanguage: m.defaultLang,
    links: { html: `/m/${slug}`, api: `/api/v1/municipalities/${slug}` },
  };
}

const area = (a: Area): z.input<typeof areaSchema> => ({ id: a.id, name: a.name, kind: a.kind, inhabitants: a.inhabitants, boundary: a.boundary });
const theme = (t: Theme): z.input<typeof themeSchema> => ({ key: t.key, name: t.name });

export function registerMunicipalitiesApi(app: Hono<AppEnv>, deps: AppDeps): void {
  const openApi = openApiRegistry(app);
  openApi.tag('municipalities', 'The municipalities in the network, their local areas and themes.');
  openApi.schema('LocalizedText', localizedTextSchema);
  openApi.schema('Boundary', boundarySchema);
  openApi.schema('MunicipalitySummary', municipalitySummarySchema);
  openApi.schema('Area', areaSchema);
  openApi.schema('Theme', themeSchema);
  openApi.schema('Municipality', municipalityDetailSchema);
  openApi.schema('MunicipalityList', municipalityListSchema);

  apiGet(
    app,
    {
      path: '/municipalities',
      operationId: 'listMunicipalities',
      summary: 'List the municipalities in the network',
      tags: ['municipalities'],
      response: municipalityListSchema,
      publicMaxAge: MAX_AGE,
    },
    async () => ({ municipalities: (await getMunicipalities(deps)).map(summary) }),
  );

  apiGet(
    app,
    {
      path: '/municipalities/:slug',
      operationId: 'getMunicipality',
      summary: 'Get one municipality with its local areas and themes',
      tags: ['municipalities'],
      params: slugParams,
      response: municipalityDetailSchema,
      errors: [404],
      publicMaxAge: MAX_AGE,
    },
    async (c, { params }) => {
      const m = await loadMunicipality(deps, params.slug);
      if (!m) return apiError(c, 404, 'municipalities.api.notFound');
      const { areas, themes } = await getAreasAndThemes(deps, m.id);
      return { ...summary(m), areas: areas.map(area), themes: themes.map(theme) };
    },
  );
}
