// Admin screens under /m/:slug/admin: overview, local areas, themes and settings.
// Each route goes load municipality → authorize → validate → command → view; forms post back to their
// own address, so a failed form re-renders where it was, with status 422.
import type { Hono } from 'hono';
import type { Actor } from '../../core/auth/actor.js';
import type { AppContext, AppDeps, AppEnv } from '../../core/http/context.js';
import { pageContext, state } from '../../core/http/context.js';
import { field, validateForm, type FormFields } from '../../core/http/form.js';
import { errorPage, html, redirectWithFlash } from '../../core/http/respond.js';
import type { FieldErrors } from '../../core/views/forms.js';
import type { I18n } from '../../core/i18n/i18n.js';
import { createArea } from './commands/create-area.js';
import { createTheme } from './commands/create-theme.js';
import { deleteArea } from './commands/delete-area.js';
import { deleteTheme } from './commands/delete-theme.js';
import { updateArea } from './commands/update-area.js';
import { updateMunicipalitySettings } from './commands/update-municipality-settings.js';
import { updateTheme } from './commands/update-theme.js';
import { parseBoundary } from './municipalities.boundary.js';
import { can, type MunicipalitiesAction } from './municipalities.policy.js';
import { getArea, getAreasAndThemes, getTheme, loadMunicipality } from './municipalities.queries.js';
import { areaFormSchema, settingsFormSchema, themeFormSchema } from './municipalities.schemas.js';
import type { Municipality } from './municipalities.types.js';
import { adminBase, adminCrumbs, adminNav, type AdminSection } from './views/admin-frame.js';
import { AdminOverviewPage } from './views/admin-overview-page.js';
import { AreaFormPage, areaFormValues, type AreaFormValues } from './views/area-form-page.js';
import { AreasPage } from './views/areas-page.js';
import { ConfirmDeletePage } from './views/confirm-delete-page.js';
import { boundaryErrorMessage } from './views/messages.js';
import { SettingsPage, settingsFormValues, type SettingsFormValues } from './views/settings-page.js';
import { ThemeFormPage, themeFormValues, type ThemeFormValues } from './views/theme-form-page.js';
import { ThemesPage } from './views/themes-page.js';

interface Admin {
  municipality: Municipality;
  actor: Actor;
}

/**
 * The municipality named in the URL and the actor, if the actor may `action` there. Otherwise the
 * answer to send: 404 for an unknown municipality, the sign-in page for an anonymous GET, 401 for an
 * anonymous POST (its form data cannot survive a detour), 403 for everyone else.
 */
export async function authorizeAdmin(c: AppContext, deps: AppDeps, action: MunicipalitiesAction): Promise<Admin | Response> {
  const municipality = await loadMunicipality(deps, c.req.param('slug') ?? '');
  if (!municipality) return errorPage(c, 404);
  const actor = state(c).actor;
  if (!actor) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      const url = new URL(c.req.url);
      return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 302);
    }
    return errorPage(c, 401, { municipality });
  }
  if (!can(actor, action, municipality.id)) return errorPage(c, 403, { municipality });
  return { municipality, actor };
}

function adminPage(c: AppContext, m: Municipality, section: AdminSection | null) {
  const { i18n, actor } = state(c);
  return pageContext(c, { municipality: m, nav: adminNav(i18n.t, m, section, can(actor, 'manage', m.id)) });
}

function translate(t: I18n['t'], errors: Record<string, string>): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, key]) => [k, t(key)]));
}

/** A positive database id from the URL, or null (which the routes answer with 404). */
function idParam(c: AppContext, name: string): number | null {
  const raw = c.req.param(name) ?? '';
  return /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
}

function form(c: AppContext): FormFields {
  return state(c).form ?? {};
}

function rawAreaValues(f: FormFields): AreaFormValues {
  return { name: field(f, 'name'), kind: field(f, 'kind'), inhabitants: field(f, 'inhabitants'), boundary: field(f, 'boundary') };
}
function rawThemeValues(f: FormFields): ThemeFormValues {
  return { key: field(f, 'key'), nameDa: field(f, 'nameDa'), nameEn: field(f, 'nameEn') };
}
function rawSettingsValues(f: FormFields): SettingsFormValues {
  return { name: field(f, 'name'), taglineDa: field(f, 'taglineDa'), taglineEn: field(f, 'taglineEn'), inhabitants: field(f, 'inhabitants'), defaultLang: field(f, 'defaultLang') };
}

/** Validates the area form and its boundary together, so every error shows on the first submit. */
function readAreaForm(t: I18n['t'], f: FormFields) {
  const v = validateForm(areaFormSchema, f);
  const b = parseBoundary(field(f, 'boundary'));
  const errors: FieldErrors = v.ok ? {} : translate(t, v.errors);
  if (!b.ok) errors.boundary = boundaryErrorMessage(t, b.error, b.detail);
  if (!v.ok || !b.ok) return { ok: false as const, errors };
  return { ok: true as const, fields: { name: v.data.name, kind: v.data.kind, inhabitants: v.data.inhabitants, boundary: b.value } };
}

export function registerMunicipalitiesAdminRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const base = '/m/:slug/admin';

  app.get(base, async (c) => {
    const a = await authorizeAdmin(c, deps, 'view_admin');
    if (a instanceof Response) return a;
    const { areas, themes } = await getAreasAndThemes(deps, a.municipality.id);
    const page = adminPage(c, a.municipality, 'overview');
    return html(c, AdminOverviewPage({ page, municipality: a.municipality, areas, themes, canManage: can(a.actor, 'manage', a.municipality.id) }));
  });

  // Local areas ------------------------------------------------------------------------------

  app.get(`${base}/areas`, async (c) => {
    const a = await authorizeAdmin(c, deps, 'manage');
    if (a instanceof Response) return a;
    const { areas } = await getAreasAndThemes(deps, a.municipality.id);
    return html(c, AreasPage({ page: adminPage(c, a.municipality, 'areas'), municipality: a.municipality, areas }));
  });

  app.get(`${base}/areas/new`, async (c) => {
    const a = await authorizeAdmin(c, deps, 'manage');
    if (a instanceof Response) return a;
    return html(c, AreaFormPage({ page: adminPage(c, a.municipality, 'areas'), municipality: a.municipality, area: null, values: areaFormValues(null) }));
  });

  app.post(`${base}/areas/new`, async (c) => {
    const a = await authorizeAdmin(c, deps, 'manage');
    if (a instanceof Response) return a;
    const m = a.municipality;
    const { t } = state(c).i18n;
    const again = (errors: FieldErrors) =>
      html(c, AreaFormPage({ page: adminPage(c, m, 'areas'), municipality: m, area: null, values: rawAreaValues(form(c)), errors }), 422);
    const input = readAreaForm(t, form(c));
    if (!input.ok) return again(input.errors);
    const result = await createArea(deps.db, a.actor, m.id, input.fields);
    if (!result.ok) {
      if (result.error === 'area_name_taken') return again({ name: t('municipalities.area.error.nameTaken') });
      return errorPage(c, 403, { municipality: m });
    }
    return redirectWithFlash(c, `${adminBase(m)}/areas`, 'success', 'municipalities.areas.created');
  });

  app.get(`${base}/areas/:id/edit`, async (c) => {
    const a = await authorizeAdmin(c, deps, 'manage');
    if (a instanceof Response) return a;
    const id = idParam(c, 'id');
    const area = id === null ? null : await getArea(deps, a.municipality.id, id);
    if (!area) return errorPage(c, 404, { municipality: a.municipality });
    return html(c, AreaFormPage({ page: adminPage(c, a.municipality, 'areas'), municipality: a.municipality, area, values: areaFormValues(area) }));
  });

  app.post(`${base}/areas/:id/edit`, async (c) => {
    const a = await authorizeAdmin(c, deps, 'manage');
    if (a instanceof Response) return a;
    const m = a.municipality;
    const id = idParam(c, 'id');
    const area = id === null ? null : await getArea(deps, m.id, id);
    if (!area) return errorPage(c, 404, { municipality: m });
    const { t } = state(c).i18n;
    const again = (errors: FieldErrors) => html(c, AreaFormPage({ page: adminPage(c, m, 'areas'), municipality: m, area, values: rawAreaValues(form(c)), errors }), 422);
    const input = readAreaForm(t, form(c));
    if (!input.ok) return again(input.errors);
    const result = await updateArea(deps.db, a.actor, m.id, area.id, input.fields);
    if (!result.ok) {
      if (result.error === 'area_name_taken') return again({ name: t('municipalities.area.error.nameTaken') });
      if (result.error === 'area_not_found') return errorPage(c, 404, { municipality: m });
      return errorPage(c, 403, { municipality: m });
    }
    return redirectWithFlash(c, `${adminBase(m)}/areas`, 'success', 'municipalities.areas.updated');
  });

  const areaDeletePage = (c: AppContext, m: Municipality, area: { id: number; name: string }, error?: string) => {
    const { t } = state(c).i18n;
    const list = `${adminBase(m)}/areas`;
    const title = t('municipalities.areas.deleteTitle', { name: area.name });
    return ConfirmDeletePage({
      page: adminPage(c, m, 'areas'),
      title,
      text: t('municipalities.areas.deleteText'),
      button: t('municipalities.areas.deleteButton'),
      action: `${list}/${area.id}/delete`,
      cancelHref: list,
      breadcrumbs: adminCrumbs(t, m, [{ label: t('municipalities.areas.title'), href: list }, { label: t('municipalities.admin.deleteLabel', { name: area.name }) }]),
      ...(error ? { error } : {}),
    });
  };

  app.get(`${base}/areas/:id/delete`, async (c) => {
    const a = await authorizeAdmin(c, deps, 'manage');
    if (a instanceof Response) return a;
    const id = idParam(c, 'id');
    const area = id === null ? null : await getArea(deps, a.municipality.id, id);
    if (!area) return errorPage(c, 404, { municipality: a.municipality });
    return html(c, areaDeletePage(c, a.municipality, area));
  });

  app.post(`${base}/areas/:id/delete`, async (c) => {
    const a = await authorizeAdmin(c, deps, 'manage');
    if (a instanceof Response) return a;
    const m = a.municipality;
    const id = idParam(c, 'id');
    const area = id === null ? null : await getArea(deps, m.id, id);
    // Already gone (a second click, another tab): the outcome the person wanted, so say so.
    if (!area) return redirectWithFlash(c, `${adminBase(m)}/areas`, 'success', 'municipalities.areas.deleted');
    const result = await deleteArea(deps.db, a.actor, m.id, area.id);
    if (!result.ok) {
      if (result.error === 'area_in_use') return html(c, areaDeletePage(c, m, area, state(c).i18n.t('municipalities.areas.inUse')), 409);
      if (result.error === 'forbidden') return errorPage(c, 403, { municipality: m });
    }
    return redirectWithFlash(c, `${adminBase(m)}/areas`, 'success', 'municipalities.areas.deleted');
  });

  // Themes -------------------------------------------------------------------------------------

  app.get(`${base}/themes`, async (c) => {
    const a = await authorizeAdmin(c, deps, 'manage');
    if (a instanceof Response) return a;
    const { themes } = await getAreasAndThemes(deps, a.municipality.id);
    return html(c, ThemesPage({ page: adminPage(c, a.municipality, 'themes'), municipality: a.municipality, themes }));
  });

  app.get(`${base}/themes/new`, async (c) => {
    const a = await authorizeAdmin(c, deps, 'manage');
    if (a instanceof Response) return a;
    return html(c, ThemeFormPage({ page: adminPage(c, a.municipality, 'themes'), municipality: a.municipality, theme: null, values: themeFormValues(null) }));
  });

  app.post(`${base}/themes/new`, async (c) => {
    const a = await authorizeAdmin(c, deps, 'manage');
    if (a instanceof Response) return a;
    const m = a.municipality;
    const { t } = state(c).i18n;
    const again = (errors: FieldErrors) => html(c, ThemeFormPage({ page: adminPage(c, m, 'themes'), municipality: m, theme: null, values: rawThemeValues(form(c)), errors }), 422);
    const v = validateForm(themeFormSchema, form(c));
    if (!v.ok) return again(translate(t, v.errors));
    const result = await createTheme(deps.db, a.actor, m.id, { key: v.data.key, name: { da: v.data.nameDa, en: v.data.nameEn } });
    if (!result.ok) {
      if (result.error === 'theme_key_taken') return again({ key: t('municipalities.theme.error.keyTaken') });
      return errorPage(c, 403, { municipality: m });
    }
    return redirectWithFlash(c, `${adminBase(m)}/themes`, 'success', 'municipalities.themes.created');
  });

  app.get(`${base}/themes/:id/edit`, async (c) => {
    const a = await authorizeAdmin(c, deps, 'manage');
    if (a instanceof Response) return a;
    const id = idParam(c, 'id');
    const theme = id === null ? null : await getTheme(deps, a.municipality.id, id);
    if (!theme) return errorPage(c, 404, { municipality: a.municipality });
    return html(c, ThemeFormPage({ page: adminPage(c, a.municipality, 'themes'), municipality: a.municipality, theme, values: themeFormValues(theme) }));
  });

  app.post(`${base}/themes/:id/edit`, async (c) => {
    const a = await authorizeAdmin(c, deps, 'manage');
    if (a instanceof Response) return a;
    const m = a.municipality;
    const id = idParam(c, 'id');
    const theme = id === null ? null : await getTheme(deps, m.id, id);
    if (!theme) return errorPage(c, 404, { municipality: m });
    const { t } = state(c).i18n;
    const again = (errors: FieldErrors) => html(c, ThemeFormPage({ page: adminPage(c, m, 'themes'), municipality: m, theme, values: rawThemeValues(form(c)), errors }), 422);
    const v = validateForm(themeFormSchema, form(c));
    if (!v.ok) return again(translate(t, v.errors));
    const result = await updateTheme(deps.db, a.actor, m.id, theme.id, { key: v.data.key, name: { da: v.data.nameDa, en: v.data.nameEn } });
    if (!result.ok) {
      if (result.error === 'theme_key_taken') return again({ key: t('municipalities.theme.error.keyTaken') });
      if (result.error === 'theme_not_found') return errorPage(c, 404, { municipality: m });
      return errorPage(c, 403, { municipality: m });
    }
    return redirectWithFlash(c, `${adminBase(m)}/themes`, 'success', 'municipalities.themes.updated');
  });

  const themeDeletePage = (c: AppContext, m: Municipality, theme: { id: number; name: { da: string; en: string } }, error?: string) => {
    const { t, lang } = state(c).i18n;
    const list = `${adminBase(m)}/themes`;
    const name = theme.name[lang];
    return ConfirmDeletePage({
      page: adminPage(c, m, 'themes'),
      title: t('municipalities.themes.deleteTitle', { name }),
      text: t('municipalities.themes.deleteText'),
      button: t('municipalities.themes.deleteButton'),
      action: `${list}/${theme.id}/delete`,
      cancelHref: list,
      breadcrumbs: adminCrumbs(t, m, [{ label: t('municipalities.themes.title'), href: list }, { label: t('municipalities.admin.deleteLabel', { name }) }]),
      ...(error ? { error } : {}),
    });
  };

  app.get(`${base}/themes/:id/delete`, async (c) => {
    const a = await authorizeAdmin(c, deps, 'manage');
    if (a instanceof Response) return a;
    const id = idParam(c, 'id');
    const theme = id === null ? null : await getTheme(deps, a.municipality.id, id);
    if (!theme) return errorPage(c, 404, { municipality: a.municipality });
    return html(c, themeDeletePage(c, a.municipality, theme));
  });

  app.post(`${base}/themes/:id/delete`, async (c) => {
    const a = await authorizeAdmin(c, deps, 'manage');
    if (a instanceof Response) return a;
    const m = a.municipality;
    const id = idParam(c, 'id');
    const theme = id === null ? null : await getTheme(deps, m.id, id);
    if (!theme) return redirectWithFlash(c, `${adminBase(m)}/themes`, 'success', 'municipalities.themes.deleted');
    const result = await deleteTheme(deps.db, a.actor, m.id, theme.id);
    if (!result.ok) {
      if (result.error === 'theme_in_use') return html(c, themeDeletePage(c, m, theme, state(c).i18n.t('municipalities.themes.inUse')), 409);
      if (result.error === 'forbidden') return errorPage(c, 403, { municipality: m });
    }
    return redirectWithFlash(c, `${adminBase(m)}/themes`, 'success', 'municipalities.themes.deleted');
  });

  // Settings -----------------------------------------------------------------------------------

  app.get(`${base}/settings`, async (c) => {
    const a = await authorizeAdmin(c, deps, 'manage');
    if (a instanceof Response) return a;
    return html(c, SettingsPage({ page: adminPage(c, a.municipality, 'settings'), municipality: a.municipality, values: settingsFormValues(a.municipality) }));
  });

  app.post(`${base}/settings`, async (c) => {
    const a = await authorizeAdmin(c, deps, 'manage');
    if (a instanceof Response) return a;
    const m = a.municipality;
    const { t } = state(c).i18n;
    const v = validateForm(settingsFormSchema, form(c));
    if (!v.ok) {
      return html(c, SettingsPage({ page: adminPage(c, m, 'settings'), municipality: m, values: rawSettingsValues(form(c)), errors: translate(t, v.errors) }), 422);
    }
    const d = v.data;
    const result = await updateMunicipalitySettings(deps.db, a.actor, m.id, {
      name: d.name,
      tagline: { da: d.taglineDa, en: d.taglineEn },
      inhabitants: d.inhabitants,
      defaultLang: d.defaultLang,
    });
    if (!result.ok) return errorPage(c, result.error === 'forbidden' ? 403 : 404, { municipality: m });
    return redirectWithFlash(c, `${adminBase(m)}/settings`, 'success', 'municipalities.settings.saved');
  });
}
