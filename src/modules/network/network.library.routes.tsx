// Pages of the practice library: the network home, a case, writing and editing a case, publishing an
// initiative as a case, adopting a case, comments and follows. Routes go load → authorize → validate →
// command → redirect (PRG), or re-render with the values and errors.
import { networkNav } from './network.nav.js';
import type { Hono } from 'hono';
import type { AppContext, AppDeps, AppEnv } from '../../core/http/context.js';
import { pageContext, state } from '../../core/http/context.js';
import { field, validateForm, type FieldErrors, type FormFields } from '../../core/http/form.js';
import { errorPage, html, redirectWithFlash } from '../../core/http/respond.js';
import type { Actor } from '../../core/auth/actor.js';
import { initiativeForPractice, setInitiativeAsideProvider } from '../initiatives/index.js';
import { listMunicipalities, loadMunicipality } from '../municipalities/index.js';
import { adoptCase } from './commands/adopt-case.js';
import { postCaseComment, setCaseFollowing } from './commands/discuss-case.js';
import { caseFieldsFromInitiative, publishInitiativeAsCase } from './commands/publish-initiative.js';
import { createCase, editCase } from './commands/save-case.js';
import { can, municipalitiesActedFor } from './network.policy.js';
import { loadCasePage, loadHome } from './network.queries.js';
import { findAdoptionOfInitiative, findCase, findCaseByInitiative } from './network.repository.js';
import { caseFormSchema, commentFormSchema, toCaseFields, toFormValues } from './network.schemas.js';
import { textIn } from './network.text.js';
import type { CaseRef } from './network.types.js';
import { caseEditUrl, caseUrl, newCaseUrl, parseCaseRef, publishInitiativeUrl } from './network.urls.js';
import { CaseFormPage, type CaseFormMode } from './views/case-form-page.js';
import { CasePage, type CasePageProps } from './views/case-page.js';
import { HomePage } from './views/home-page.js';
import { LIBRARY_STYLESHEET_PATH, libraryStylesheetBody } from './views/library-assets.js';

const REF = ':ref{[1-9][0-9]{0,9}-[1-9][0-9]{0,9}}';

const form = (c: AppContext): FormFields => state(c).form ?? {};
const translate = (c: AppContext, errors: Record<string, string>): FieldErrors => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, state(c).i18n.t(v)]));

function needSignIn(c: AppContext): Response {
  if (c.req.method === 'GET') {
    const url = new URL(c.req.url);
    return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 302);
  }
  return errorPage(c, 401);
}

function refOf(c: AppContext): CaseRef | null {
  return parseCaseRef(c.req.param('ref') ?? '');
}

export function registerLibraryRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const db = deps.db;
  registerInitiativeAside(deps);

  app.get(LIBRARY_STYLESHEET_PATH, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', c.req.query('v') ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    return c.body(new Uint8Array(libraryStylesheetBody));
  });

  // Home ------------------------------------------------------------------

  app.get('/network', async (c) => {
    const data = await loadHome(deps, state(c).actor);
    return html(c, HomePage({ page: pageContext(c, { nav: networkNav(c) }), data, links: { meetings: '/network/meetings', compare: '/network/compare', directory: '/network/members' } }));
  });

  // One case --------------------------------------------------------------

  async function renderCase(c: AppContext, ref: CaseRef, extra: Pick<CasePageProps, 'comment' | 'adopt'> = {}, status: 200 | 403 | 422 = 200): Promise<Response> {
    const actor = state(c).actor;
    const data = await loadCasePage(deps, ref, actor);
    if (!data) return errorPage(c, 404);
    return html(c, CasePage({ page: pageContext(c, { nav: networkNav(c) }), data, signedIn: !!actor, canDiscuss: can(actor, 'discuss', ref.municipalityId), ...extra }), status);
  }

  app.get(`/network/cases/${REF}`, async (c) => {
    const ref = refOf(c);
    if (!ref) return errorPage(c, 404);
    return renderCase(c, ref);
  });

  // Write, edit -----------------------------------------------------------

  async function municipalitiesFor(actor: Actor) {
    const ids = new Set(municipalitiesActedFor(actor));
    return (await db.transaction({ municipalityId: null }, (tx) => listMunicipalities(tx))).filter((m) => ids.has(m.id));
  }

  function formPage(c: AppContext, mode: CaseFormMode, action: string, values: FormFields, errors?: FieldErrors) {
    return html(c, CaseFormPage({ page: pageContext(c, { nav: networkNav(c) }), mode, action, values, ...(errors ? { errors } : {}) }), errors ? 422 : 200);
  }

  app.get(newCaseUrl, async (c) => {
    const actor = state(c).actor;
    if (!actor) return needSignIn(c);
    const mine = await municipalitiesFor(actor);
    if (mine.length === 0) return errorPage(c, 403, { messageKey: 'network.error.municipality' });
    const wanted = c.req.query('m');
    const values: FormFields = { municipality: mine.find((m) => m.slug === wanted)?.slug ?? (mine.length === 1 ? mine[0]!.slug : ''), status: 'running', publish: 'on' };
    return formPage(c, { kind: 'new', municipalities: mine }, newCaseUrl, values);
  });

  app.post(newCaseUrl, async (c) => {
    const actor = state(c).actor;
    if (!actor) return needSignIn(c);
    const mine = await municipalitiesFor(actor);
    if (mine.length === 0) return errorPage(c, 403, { messageKey: 'network.error.municipality' });
    const f = form(c);
    const mode: CaseFormMode = { kind: 'new', municipalities: mine };
    const target = mine.find((m) => m.slug === field(f, 'municipality'));
    const v = validateForm(caseFormSchema, f);
    const errors: Record<string, string> = v.ok ? {} : { ...v.errors };
    if (!target) errors.municipality = 'network.error.municipality';
    if (!v.ok || !target) return formPage(c, mode, newCaseUrl, f, translate(c, errors));
    const r = await createCase(db, actor, target.id, toCaseFields(v.data), v.data.publish);
    if (!r.ok) return errorPage(c, 403);
    return redirectWithFlash(c, caseUrl(r.value), 'success', 'network.flash.created');
  });

  app.on(['GET', 'POST'], `/network/cases/${REF}/edit`, async (c) => {
    const ref = refOf(c);
    if (!ref) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c);
    if (!can(actor, 'write_case', ref.municipalityId)) return errorPage(c, 403);
    const existing = await db.transaction({ municipalityId: ref.municipalityId, userId: actor.id }, (tx) => findCase(tx, ref));
    if (!existing) return errorPage(c, 404);
    const mode: CaseFormMode = { kind: 'edit', cancelHref: caseUrl(ref) };
    if (c.req.method === 'GET') return formPage(c, mode, caseEditUrl(ref), toFormValues(existing, state(c).lang, existing.published));
    const f = form(c);
    const v = validateForm(caseFormSchema, f);
    if (!v.ok) return formPage(c, mode, caseEditUrl(ref), f, translate(c, v.errors));
    const r = await editCase(db, actor, ref, toCaseFields(v.data), v.data.publish);
    if (!r.ok) return r.error === 'not_found' ? errorPage(c, 404) : errorPage(c, 403);
    return redirectWithFlash(c, caseUrl(ref), 'success', 'network.flash.saved');
  });

  // Publish an initiative as a case ---------------------------------------

  app.on(['GET', 'POST'], '/network/publish/:slug/:id{[1-9][0-9]{0,8}}', async (c) => {
    const m = await loadMunicipality(deps, c.req.param('slug') ?? '');
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c);
    if (!can(actor, 'write_case', m.id)) return errorPage(c, 403);
    const initiativeId = Number(c.req.param('id'));
    const found = await db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => {
      const ini = await initiativeForPractice(tx, m.id, initiativeId);
      return ini ? { ini, existing: await findCaseByInitiative(tx, m.id, initiativeId) } : null;
    });
    if (!found) return errorPage(c, 404, { messageKey: 'network.error.initiativeNotFound' });
    const action = publishInitiativeUrl(m.slug, initiativeId);
    const mode: CaseFormMode = { kind: 'publish', initiativeTitle: found.ini.title, cancelHref: `/m/${encodeURIComponent(m.slug)}/initiatives/${initiativeId}` };
    if (c.req.method === 'GET') {
      const fields = found.existing ?? caseFieldsFromInitiative(found.ini);
      return formPage(c, mode, action, toFormValues(fields, state(c).lang, true));
    }
    const f = form(c);
    const v = validateForm(caseFormSchema, f);
    if (!v.ok) return formPage(c, mode, action, f, translate(c, v.errors));
    const r = await publishInitiativeAsCase(db, actor, m.id, initiativeId, toCaseFields(v.data));
    if (!r.ok) return r.error === 'forbidden' ? errorPage(c, 403) : errorPage(c, 404, { messageKey: 'network.error.initiativeNotFound' });
    return redirectWithFlash(c, caseUrl(r.value.ref), 'success', r.value.created ? 'network.flash.published' : 'network.flash.republished');
  });

  // Adopt -----------------------------------------------------------------

  app.post(`/network/cases/${REF}/adopt`, async (c) => {
    const ref = refOf(c);
    if (!ref) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c);
    const raw = field(form(c), 'municipality');
    const into = /^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : null;
    if (into === null) return renderCase(c, ref, { adopt: { value: raw, error: state(c).i18n.t('network.error.municipality') } }, 422);
    const r = await adoptCase(db, deps.catalog, actor, ref, into, state(c).lang);
    if (!r.ok) {
      if (r.error === 'not_found') return errorPage(c, 404);
      return errorPage(c, 403, { messageKey: r.error === 'own_case' ? 'network.error.ownCase' : 'network.error.noRoleInMunicipality' });
    }
    const a = r.value.adoption;
    return redirectWithFlash(c, `/m/${encodeURIComponent(a.municipalitySlug)}/initiatives/${a.initiativeId}`, 'success', r.value.created ? 'network.flash.adopted' : 'network.flash.alreadyAdopted');
  });

  // Discussion ------------------------------------------------------------

  app.post(`/network/cases/${REF}/comments`, async (c) => {
    const ref = refOf(c);
    if (!ref) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c);
    if (!can(actor, 'discuss', ref.municipalityId)) return errorPage(c, 403);
    const f = form(c);
    const v = validateForm(commentFormSchema, f);
    if (!v.ok) return renderCase(c, ref, { comment: { value: field(f, 'body'), errors: translate(c, v.errors) } }, 422);
    const r = await postCaseComment(db, actor, ref, v.data.body, state(c).lang);
    if (!r.ok) return r.error === 'not_found' ? errorPage(c, 404) : errorPage(c, 403);
    return redirectWithFlash(c, `${caseUrl(ref)}#comment-${r.value.id}`, 'success', 'network.flash.commented');
  });

  app.post(`/network/cases/${REF}/follow`, async (c) => {
    const ref = refOf(c);
    if (!ref) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c);
    const follow = field(form(c), 'action') !== 'unfollow';
    const r = await setCaseFollowing(db, actor, ref, follow);
    if (!r.ok) return r.error === 'not_found' ? errorPage(c, 404) : errorPage(c, 403);
    return redirectWithFlash(c, `${caseUrl(ref)}#discussion-heading`, 'success', follow ? 'network.flash.following' : 'network.flash.unfollowed');
  });
}

/** The initiative page's network section: where an adopted initiative came from, and for staff, publishing it as a case. */
function registerInitiativeAside(_deps: AppDeps): void {
  setInitiativeAsideProvider('network', async (tx, ref, { actor, i18n }) => {
    const { t } = i18n;
    const lines: { text: string; lang?: string; href?: string }[] = [];
    const actions: { label: string; href: string }[] = [];
    const adoption = await findAdoptionOfInitiative(tx, ref.municipalityId, ref.initiativeId);
    if (adoption) {
      const origin = await findCase(tx, { municipalityId: adoption.caseMunicipalityId, id: adoption.caseId });
      if (origin) {
        const title = textIn(origin.text.title, i18n.lang);
        lines.push({ text: t('network.aside.adoptedFrom', { title: title.text, municipality: origin.municipalityName }), href: caseUrl(origin) });
      }
    }
    const staff = can(actor, 'write_case', ref.municipalityId);
    const own = await findCaseByInitiative(tx, ref.municipalityId, ref.initiativeId);
    if (own && (own.published || staff)) {
      const title = textIn(own.text.title, i18n.lang);
      lines.push({ text: t(own.published ? 'network.aside.published' : 'network.aside.draft', { title: title.text }), href: caseUrl(own) });
    }
    if (staff) actions.push({ label: t(own ? 'network.aside.republish' : 'network.aside.publish'), href: publishInitiativeUrl(ref.municipalitySlug, ref.initiativeId) });
    if (lines.length === 0 && actions.length === 0) return null;
    return { id: 'network', heading: t(adoption ? 'network.aside.adoptedHeading' : 'network.aside.caseHeading'), lines, actions };
  });
}
