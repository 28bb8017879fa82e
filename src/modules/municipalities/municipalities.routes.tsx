// Public pages (the network front page, each municipality's home page), the network admin's form for
// adding a municipality, and the admin screens and JSON API, which live in their own files.
import type { Hono } from 'hono';
import type { AppContext, AppDeps, AppEnv } from '../../core/http/context.js';
import { pageContext, state } from '../../core/http/context.js';
import { field, validateForm } from '../../core/http/form.js';
import { errorPage, html, redirectWithFlash } from '../../core/http/respond.js';
import { createMunicipality } from './commands/create-municipality.js';
import { registerMunicipalitiesAdminRoutes } from './municipalities.admin.routes.js';
import { registerMunicipalitiesApi } from './municipalities.api.js';
import { can } from './municipalities.policy.js';
import { getAreasAndThemes, getMunicipalities, loadMunicipality } from './municipalities.queries.js';
import { newMunicipalityFormSchema } from './municipalities.schemas.js';
import { FrontPage } from './views/front-page.js';
import { MunicipalityHomePage } from './views/municipality-home-page.js';
import { emptyNewMunicipality, NewMunicipalityPage } from './views/new-municipality-page.js';

export function registerMunicipalitiesRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/', async (c) => {
    const municipalities = await getMunicipalities(deps);
    return html(c, FrontPage({ page: pageContext(c), municipalities, canAddMunicipality: can(state(c).actor, 'create_municipality') }));
  });

  app.get('/m/:slug', async (c) => {
    const municipality = await loadMunicipality(deps, c.req.param('slug'));
    if (!municipality) return errorPage(c, 404);
    const { areas, themes } = await getAreasAndThemes(deps, municipality.id);
    const page = pageContext(c, { municipality });
    return html(c, MunicipalityHomePage({ page, municipality, areas, themes, canAdminister: can(state(c).actor, 'view_admin', municipality.id) }));
  });

  const newPath = '/network/admin/municipalities/new';
  const gate = (c: AppContext) => {
    const actor = state(c).actor;
    if (!actor) return c.req.method === 'GET' ? c.redirect(`/login?next=${encodeURIComponent(newPath)}`, 302) : errorPage(c, 401);
    if (!can(actor, 'create_municipality')) return errorPage(c, 403);
    return null;
  };

  app.get(newPath, (c) => gate(c) ?? html(c, NewMunicipalityPage({ page: pageContext(c), values: emptyNewMunicipality })));

  app.post(newPath, async (c) => {
    const refused = gate(c);
    if (refused) return refused;
    const { t } = state(c).i18n;
    const fields = state(c).form ?? {};
    const values = { slug: field(fields, 'slug'), name: field(fields, 'name'), region: field(fields, 'region'), inhabitants: field(fields, 'inhabitants') };
    const again = (errors: Record<string, string>) => html(c, NewMunicipalityPage({ page: pageContext(c), values, errors }), 422);
    const v = validateForm(newMunicipalityFormSchema, fields);
    if (!v.ok) return again(Object.fromEntries(Object.entries(v.errors).map(([k, key]) => [k, t(key)])));
    const result = await createMunicipality(deps.db, state(c).actor, v.data);
    if (!result.ok) {
      if (result.error === 'municipality_slug_taken') return again({ slug: t('municipalities.new.error.slugTaken') });
      return errorPage(c, 403);
    }
    return redirectWithFlash(c, `/m/${result.value.slug}`, 'success', 'municipalities.new.created');
  });

  registerMunicipalitiesAdminRoutes(app, deps);
  registerMunicipalitiesApi(app, deps);
}
