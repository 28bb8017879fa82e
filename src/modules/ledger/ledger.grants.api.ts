// Public JSON API of grant pools: a municipality's pools with their rules and money. No applicant is
// named; applications are not public.
import type { Hono } from 'hono';
import { z } from 'zod';
import { apiError, apiGet, openApiRegistry } from '../../core/http/api.js';
import type { AppDeps, AppEnv } from '../../core/http/context.js';
import { loadMunicipality } from '../municipalities/index.js';
import { poolsList } from './ledger.grants.queries.js';
import { grantUrls } from './views/grants-shared.js';

const ore = z.string().regex(/^-?\d+$/).describe('An amount in øre (1/100 krone), as a string of digits.');

export const grantPoolSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  description: z.string(),
  language: z.enum(['da', 'en']).describe('The language name and description were written in.'),
  status: z.enum(['open', 'closed']),
  rules: z.object({
    maxGrantOre: ore,
    cofinancingBasisPoints: z.number().int().min(0).max(9900).describe('Required co-financing as a share of the project’s total budget (2500 = 25 %).'),
    mayApply: z.array(z.enum(['group', 'association', 'resident'])),
    deadline: z.string().describe('Last day to apply (YYYY-MM-DD, municipality’s time zone).'),
    fastTrackOre: ore.describe('Applications of at most this amount may be approved by one facilitator; "0" means no fast track.'),
    reportDueDays: z.number().int().positive(),
  }),
  balanceOre: ore,
  committedOre: ore.describe('Granted but not yet paid out.'),
  links: z.object({ html: z.string() }),
});

export const grantPoolListSchema = z.object({ pools: z.array(grantPoolSchema) });

const params = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,60}$/).describe('The municipality’s slug, e.g. hedensted.') });
const query = z.object({ status: z.enum(['open', 'all']).optional().describe('open (default) or all.') });

export function registerGrantsApi(app: Hono<AppEnv>, deps: AppDeps): void {
  const openApi = openApiRegistry(app);
  openApi.tag('ledger', 'Money of a municipality: public totals and grant pools.');
  openApi.schema('GrantPool', grantPoolSchema);
  openApi.schema('GrantPoolList', grantPoolListSchema);
  apiGet(
    app,
    {
      path: '/m/:slug/ledger/grants/pools',
      operationId: 'listGrantPools',
      summary: 'List a municipality’s grant pools with their rules and money',
      description: 'Open pools by deadline; with status=all the closed ones too.',
      tags: ['ledger'],
      params,
      query,
      response: grantPoolListSchema,
      errors: [404],
      publicMaxAge: 60,
    },
    async (c, input) => {
      const m = await loadMunicipality(deps, input.params.slug);
      if (!m) return apiError(c, 404);
      const pools = await poolsList(deps, m.id, input.query.status === 'all');
      return {
        pools: pools.map((p) => ({
          id: p.id,
          name: p.name,
          description: p.description,
          language: p.lang,
          status: p.status,
          rules: {
            maxGrantOre: p.maxGrantOre.toString(),
            cofinancingBasisPoints: p.cofinancingBp,
            mayApply: [...(p.allowGroups ? ['group' as const] : []), ...(p.allowAssociations ? ['association' as const] : []), ...(p.allowResidents ? ['resident' as const] : [])],
            deadline: p.deadline,
            fastTrackOre: p.fastTrackOre.toString(),
            reportDueDays: p.reportDueDays,
          },
          balanceOre: p.balanceOre.toString(),
          committedOre: p.committedOre.toString(),
          links: { html: grantUrls.pool(m.slug, p.id) },
        })),
      };
    },
  );
}
