// The initiative pages: list and search, propose, one initiative with everything around it, the step,
// agreement and comment-history pages, and the facilitator workspace. Routes go
// route → (validate) → command → redirect (PRG), or re-render with 422 and the values entered.
import crypto from 'node:crypto';
import type { Hono } from 'hono';
import type { AppDeps, AppEnv, AppContext } from '../../core/http/context.js';
import { pageContext, state } from '../../core/http/context.js';
import { errorPage, html, redirectWithFlash } from '../../core/http/respond.js';
import { field, validateForm, type FieldErrors, type FormFields } from '../../core/http/form.js';
import type { Actor } from '../../core/auth/actor.js';
import { hasRole } from '../../core/auth/actor.js';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { listAreas, listThemes, loadMunicipality, type Area, type Municipality, type Theme } from '../municipalities/index.js';
import { deliverInBackground } from '../notifications/index.js';
import { availableSteps, mayAnswerAsk, mayAssignSelf, mayComment, mayEditDetails, mayManage, mayModerate, mayPostUpdate, mayRecordAgreement, maySupport, mayUseWorkspace, standingOf } from './initiatives.policy.js';
import { isState } from './initiatives.lifecycle.js';
import {
  findComment,
  findInitiative,
  listAgreementVersions,
  listAsks,
  listCommentVersions,
  listComments,
  listEvents,
  listMembers,
  listOpenReports,
  listPartners,
  participation,
} from './initiatives.repository.js';
import { listAwaitingTriage, listInitiatives, listOpenAsks, listReviewsDue, listStuck, type ListSort } from './initiatives.queries.js';
import {
  agreementSchema,
  answerSchema,
  askSchema,
  commentSchema,
  editCommentSchema,
  listQuerySchema,
  moderateSchema,
  partnerSchema,
  proposeSchema,
  editTextSchema,
  reportSchema,
  stateSchema,
  updateSchema,
  PARTNER_ROWS,
} from './initiatives.schemas.js';
import { askKinds, partnerKinds, type AskKind, type PartnerKind } from './initiatives.types.js';
import { isOwner, standingFor, type Tenant } from './initiatives.standing.js';
import { groupLink, groupsCoordinatedBy, provideGroupInitiatives } from './initiatives.groups.js';
import { initiativeAsides } from './initiatives.slots.js';
import { proposeInitiative } from './commands/propose-initiative.js';
import { changeState } from './commands/change-state.js';
import { assignSelf } from './commands/assign-facilitator.js';
import { setFollowing, supportInitiative, withdrawSupport } from './commands/support-initiative.js';
import { editOwnComment, moderateComment, postComment, reportComment } from './commands/post-comment.js';
import { postUpdate } from './commands/post-update.js';
import { recordAgreement } from './commands/record-agreement.js';
import { answerAsk } from './commands/answer-ask.js';
import { addAsk, addPartner, removePartner } from './commands/edit-initiative.js';
import { editText } from './commands/edit-text.js';
import { EditPage } from './views/edit-page.js';
import { ListPage } from './views/list-page.js';
import { ProposePage } from './views/propose-page.js';
import { InitiativePage, type FailedForm } from './views/initiative-page.js';
import { AgreementPage, CommentHistoryPage, StepPage } from './views/forms-pages.js';
import { FacilitatePage } from './views/facilitate-page.js';
import { initiativesNav, type Names } from './views/shared.js';
import { STYLESHEET_PATH, stylesheetBody } from './views/assets.js';

export const PAGE_SIZE = 20;
const PLACE_CACHE_MS = 5_000;

const errorStatus: Record<string, 400 | 403 | 404 | 409 | 422> = {
  not_found: 404,
  parent_not_found: 404,
  forbidden: 403,
  group_forbidden: 403,
  transition_not_allowed: 409,
  facilitator_required: 409,
  agreement_required: 409,
  not_supportable: 409,
  already_answered: 409,
  reason_required: 422,
  outcomes_required: 422,
  invalid_dates: 422,
  unknown_area: 422,
  unknown_theme: 422,
};

const idParam = (value: string | undefined): number | null => (value && /^\d{1,9}$/.test(value) ? Number(value) : null);

export function registerInitiativesRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const db = deps.db;
  provideGroupInitiatives((lang, s) => deps.catalog.format(lang, `initiatives.state.${s}`));

  app.get(STYLESHEET_PATH, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', c.req.query('v') ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    return c.body(new Uint8Array(stylesheetBody));
  });

  /** The municipality of the URL, or a 404 answer. */
  async function tenant(c: AppContext): Promise<Municipality | Response> {
    const m = await loadMunicipality(deps, c.req.param('slug') ?? '');
    return m ?? errorPage(c, 404);
  }
  const nav = (c: AppContext, m: Municipality, current: 'propose' | 'list' | 'facilitate' | null) => {
    const actor = state(c).actor;
    return initiativesNav(state(c).i18n, m.slug, current, { signedIn: actor !== null, facilitates: hasRole(actor, m.id, 'facilitator', 'admin') });
  };
  const pageOf = (c: AppContext, m: Municipality, current: 'propose' | 'list' | 'facilitate' | null = 'list') => pageContext(c, { municipality: m, nav: nav(c, m, current) });
  const fail = (c: AppContext, m: Municipality, error: string): Response =>
    errorPage(c, errorStatus[error] ?? 400, { municipality: m, nav: nav(c, m, 'list'), messageKey: `initiatives.error.${error}` });
  const needActor = (c: AppContext, m: Municipality): Actor | Response => state(c).actor ?? errorPage(c, 401, { municipality: m, nav: nav(c, m, 'list') });
  const initiativeUrl = (m: Municipality, id: number, anchor = '') => `/m/${m.slug}/initiatives/${id}${anchor ? `#${anchor}` : ''}`;
  const t = (m: Municipality): Tenant => ({ id: m.id, slug: m.slug });
  // Areas and themes change seldom and every list card names them: kept for a few seconds per municipality,
  // as loadMunicipality keeps the municipality itself.
  const placeCache = new Map<number, { at: number; areas: Area[]; themes: Theme[] }>();
  const names = async (m: Municipality, lang: 'da' | 'en', tx: Parameters<Parameters<typeof db.transaction>[1]>[0]) => {
    let hit = placeCache.get(m.id);
    if (!hit || Date.now() - hit.at > PLACE_CACHE_MS) {
      const [a, th] = await Promise.all([listAreas(tx, m.id), listThemes(tx, m.id)]);
      hit = { at: Date.now(), areas: a, themes: th };
      placeCache.set(m.id, hit);
    }
    const { areas, themes } = hit;
    const n: Names = { areas: new Map(areas.map((a) => [a.id, a.name])), themes: new Map(themes.map((th) => [th.id, th.name[lang]])) };
    return { areas, themes, names: n };
  };
  const form = (c: AppContext): FormFields => state(c).form ?? {};

  // List and search -------------------------------------------------------

  app.get('/m/:slug/initiatives', async (c) => {
    const m = await tenant(c);
    if (m instanceof Response) return m;
    const q = listQuerySchema.parse(c.req.query());
    const sort: ListSort = q.sort ?? (q.q ? 'relevant' : 'active');
    const lang = state(c).lang;
    const data = await db.transaction({ municipalityId: m.id }, async (tx) => {
      const [n, list] = await Promise.all([
        names(m, lang, tx),
        listInitiatives(tx, m.id, { q: q.q || undefined, state: q.state, areaId: q.area, themeId: q.theme, groupId: q.group, sort, page: q.page, pageSize: PAGE_SIZE }),
      ]);
      return { ...n, ...list };
    });
    return html(
      c,
      ListPage({
        page: pageOf(c, m),
        municipality: m,
        areas: data.areas,
        themes: data.themes,
        names: data.names,
        query: { q: q.q, state: q.state, area: q.area, theme: q.theme, group: q.group, sort, page: q.page },
        items: data.items,
        total: data.total,
        pageSize: PAGE_SIZE,
      }),
    );
  });

  // Propose ---------------------------------------------------------------

  async function renderPropose(c: AppContext, m: Municipality, actor: Actor, values: FormFields, errors: FieldErrors, status: ContentfulStatusCode = 200) {
    const lang = state(c).lang;
    const data = await db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => ({ ...(await names(m, lang, tx)), groups: await groupsCoordinatedBy(tx, m.id, actor.id) }));
    const key = field(values, 'creation_key') || crypto.randomUUID();
    return html(c, ProposePage({ page: pageOf(c, m, 'propose'), municipality: m, areas: data.areas, themes: data.themes, groups: data.groups, values, errors, creationKey: key }), status);
  }

  app.get('/m/:slug/initiatives/new', async (c) => {
    const m = await tenant(c);
    if (m instanceof Response) return m;
    const actor = needActor(c, m);
    if (actor instanceof Response) return actor;
    return renderPropose(c, m, actor, {}, {});
  });

  app.post('/m/:slug/initiatives', async (c) => {
    const m = await tenant(c);
    if (m instanceof Response) return m;
    const actor = needActor(c, m);
    if (actor instanceof Response) return actor;
    const values = form(c);
    const parsed = validateForm(proposeSchema, values);
    if (!parsed.ok) return renderPropose(c, m, actor, values, parsed.errors, 422);
    const d = parsed.data as typeof parsed.data & Record<string, string>;
    const asks = askKinds
      .filter((k) => d[`ask_${k}`])
      .map((k: AskKind) => ({ kind: k, description: d[`ask_${k}`] as string, amountOre: k === 'money' ? d.ask_money_amount : null }));
    const partners: { kind: PartnerKind; name: string; contribution: string }[] = [];
    for (let i = 1; i <= PARTNER_ROWS; i++) {
      const name = d[`partner_name_${i}`];
      const kind = d[`partner_kind_${i}`] as PartnerKind;
      if (name && partnerKinds.includes(kind)) partners.push({ kind, name, contribution: d[`partner_contribution_${i}`] ?? '' });
    }
    const r = await proposeInitiative(db, t(m), actor, {
      title: d.title,
      problem: d.problem,
      proposal: d.proposal,
      lang: d.lang,
      areaId: d.area,
      themeId: d.theme,
      groupId: d.group,
      asks,
      partners,
      creationKey: d.creation_key,
    });
    if (!r.ok) {
      const fieldOf: Record<string, string> = { unknown_area: 'area', unknown_theme: 'theme', group_forbidden: 'group' };
      const f = fieldOf[r.error];
      if (f) return renderPropose(c, m, actor, values, { [f]: `initiatives.error.${r.error}` }, 422);
      return fail(c, m, r.error);
    }
    return redirectWithFlash(c, initiativeUrl(m, r.value.id), 'success', r.value.created ? 'initiatives.flash.proposed' : 'initiatives.flash.alreadyProposed');
  });

  // One initiative --------------------------------------------------------

  async function renderInitiative(c: AppContext, m: Municipality, id: number, failed?: FailedForm, status: ContentfulStatusCode = 200): Promise<Response> {
    const actor = state(c).actor;
    const lang = state(c).lang;
    const data = await db.transaction({ municipalityId: m.id, userId: actor?.id ?? null }, async (tx) => {
      const initiative = await findInitiative(tx, m.id, id);
      if (!initiative) return null;
      const [n, members, partners, asks, agreements, events, comments, mine, owner, group] = await Promise.all([
        names(m, lang, tx),
        listMembers(tx, m.id, id),
        listPartners(tx, m.id, id),
        listAsks(tx, m.id, id),
        listAgreementVersions(tx, m.id, id),
        listEvents(tx, m.id, id),
        listComments(tx, m.id, id),
        actor ? participation(tx, m.id, id, actor.id) : Promise.resolve(null),
        isOwner(tx, initiative, actor),
        initiative.groupId === null ? Promise.resolve(null) : groupLink(tx, m, initiative.groupId),
      ]);
      const asides = await initiativeAsides(tx, { municipalityId: m.id, municipalitySlug: m.slug, initiativeId: id }, { actor, i18n: state(c).i18n });
      return { initiative, ...n, members, partners, asks, agreements, events, comments, mine, owner, group, asides };
    });
    if (!data) return errorPage(c, 404, { municipality: m, nav: nav(c, m, 'list') });
    const s = standingOf(actor, m.id, data.owner);
    const ini = data.initiative;
    return html(
      c,
      InitiativePage({
        page: pageOf(c, m),
        municipality: m,
        initiative: ini,
        names: data.names,
        group: data.group,
        members: data.members,
        partners: data.partners,
        asks: data.asks,
        agreements: data.agreements,
        events: data.events,
        comments: data.comments,
        asides: data.asides,
        viewer: {
          userId: actor?.id ?? null,
          participation: data.mine,
          canSupport: maySupport(s, ini.state),
          canComment: mayComment(s, ini.state),
          canManage: mayManage(s),
          steps: availableSteps(s, ini),
          canPostUpdate: mayPostUpdate(s, ini.state),
          canAssignSelf: mayAssignSelf(s, ini.state),
          canRecordAgreement: mayRecordAgreement(s),
          canAnswer: mayAnswerAsk(s),
          canModerate: mayModerate(s),
          canEditDetails: mayEditDetails(s, ini.state),
        },
        failed,
        keys: { comment: crypto.randomUUID(), update: crypto.randomUUID() },
      }),
      status,
    );
  }

  /** Resolves the tenant, the initiative id and a signed-in actor for a post about one initiative. */
  async function postContext(c: AppContext): Promise<{ m: Municipality; id: number; actor: Actor } | Response> {
    const m = await tenant(c);
    if (m instanceof Response) return m;
    const id = idParam(c.req.param('id'));
    if (id === null) return errorPage(c, 404, { municipality: m });
    const actor = needActor(c, m);
    if (actor instanceof Response) return actor;
    return { m, id, actor };
  }

  app.get('/m/:slug/initiatives/:id', async (c) => {
    const m = await tenant(c);
    if (m instanceof Response) return m;
    const id = idParam(c.req.param('id'));
    if (id === null) return errorPage(c, 404, { municipality: m, nav: nav(c, m, 'list') });
    return renderInitiative(c, m, id);
  });

  // Correct the text ------------------------------------------------------

  async function renderEdit(c: AppContext, m: Municipality, id: number, actor: Actor, values: FormFields | null, errors: FieldErrors, status: ContentfulStatusCode = 200): Promise<Response> {
    const lang = state(c).lang;
    const data = await db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => {
      const initiative = await findInitiative(tx, m.id, id);
      if (!initiative) return null;
      const [n, owner] = await Promise.all([names(m, lang, tx), isOwner(tx, initiative, actor)]);
      return { initiative, ...n, owner };
    });
    if (!data) return errorPage(c, 404, { municipality: m, nav: nav(c, m, 'list') });
    const ini = data.initiative;
    if (!mayEditDetails(standingOf(actor, m.id, data.owner), ini.state)) return fail(c, m, 'forbidden');
    const current: FormFields = {
      title: ini.title,
      problem: ini.problem,
      proposal: ini.proposal,
      lang: ini.lang,
      area: ini.areaId === null ? '' : String(ini.areaId),
      theme: ini.themeId === null ? '' : String(ini.themeId),
    };
    const page = EditPage({ page: pageOf(c, m), municipality: m, initiativeId: id, currentTitle: ini.title, areas: data.areas, themes: data.themes, values: values ?? current, errors });
    return html(c, page, status);
  }

  app.get('/m/:slug/initiatives/:id/edit', async (c) => {
    const ctx = await postContext(c);
    if (ctx instanceof Response) return ctx;
    return renderEdit(c, ctx.m, ctx.id, ctx.actor, null, {});
  });

  app.post('/m/:slug/initiatives/:id/edit', async (c) => {
    const ctx = await postContext(c);
    if (ctx instanceof Response) return ctx;
    const { m, id, actor } = ctx;
    const values = form(c);
    const parsed = validateForm(editTextSchema, values);
    if (!parsed.ok) return renderEdit(c, m, id, actor, values, parsed.errors, 422);
    const d = parsed.data;
    const r = await editText(db, t(m), actor, id, { title: d.title, problem: d.problem, proposal: d.proposal, lang: d.lang, areaId: d.area, themeId: d.theme });
    if (!r.ok) {
      if (r.error === 'unknown_area' || r.error === 'unknown_theme') {
        return renderEdit(c, m, id, actor, values, { [r.error === 'unknown_area' ? 'area' : 'theme']: `initiatives.error.${r.error}` }, 422);
      }
      return fail(c, m, r.error);
    }
    return redirectWithFlash(c, initiativeUrl(m, id), r.value.changed ? 'success' : 'info', r.value.changed ? 'initiatives.flash.edited' : 'initiatives.flash.unchanged');
  });

  app.post('/m/:slug/initiatives/:id/support', async (c) => {
    const ctx = await postContext(c);
    if (ctx instanceof Response) return ctx;
    const { m, id, actor } = ctx;
    const withdraw = field(form(c), 'action') === 'withdraw';
    const r = withdraw ? await withdrawSupport(db, t(m), actor, id) : await supportInitiative(db, t(m), actor, id);
    if (!r.ok) return fail(c, m, r.error);
    return redirectWithFlash(c, initiativeUrl(m, id, 'support-heading'), 'success', withdraw ? 'initiatives.flash.supportWithdrawn' : 'initiatives.flash.supported');
  });

  app.post('/m/:slug/initiatives/:id/follow', async (c) => {
    const ctx = await postContext(c);
    if (ctx instanceof Response) return ctx;
    const { m, id, actor } = ctx;
    const follow = field(form(c), 'action') !== 'unfollow';
    const r = await setFollowing(db, t(m), actor, id, follow);
    if (!r.ok) return fail(c, m, r.error);
    return redirectWithFlash(c, initiativeUrl(m, id, 'support-heading'), 'success', follow ? 'initiatives.flash.following' : 'initiatives.flash.unfollowed');
  });

  // Steps -----------------------------------------------------------------

  async function renderStep(c: AppContext, m: Municipality, id: number, actor: Actor, values: FormFields, errors: FieldErrors, status: ContentfulStatusCode = 200) {
    const data = await db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => {
      const initiative = await findInitiative(tx, m.id, id);
      return initiative ? { initiative, standing: await standingFor(tx, initiative, actor) } : null;
    });
    if (!data) return errorPage(c, 404, { municipality: m, nav: nav(c, m, 'list') });
    if (!mayManage(data.standing)) return fail(c, m, 'forbidden');
    const steps = availableSteps(data.standing, data.initiative);
    return html(c, StepPage({ page: pageOf(c, m), municipality: m, initiative: data.initiative, steps, values, errors }), status);
  }

  app.get('/m/:slug/initiatives/:id/state', async (c) => {
    const ctx = await postContext(c);
    if (ctx instanceof Response) return ctx;
    const to = c.req.query('to');
    return renderStep(c, ctx.m, ctx.id, ctx.actor, to && isState(to) ? { to } : {}, {});
  });

  app.post('/m/:slug/initiatives/:id/state', async (c) => {
    const ctx = await postContext(c);
    if (ctx instanceof Response) return ctx;
    const { m, id, actor } = ctx;
    const values = form(c);
    const parsed = validateForm(stateSchema, values);
    if (!parsed.ok) return renderStep(c, m, id, actor, values, parsed.errors, 422);
    const r = await changeState(db, t(m), actor, { initiativeId: id, to: parsed.data.to, expectedFrom: parsed.data.from || null, text: parsed.data.text, lang: parsed.data.lang });
    if (!r.ok) {
      if (r.error === 'reason_required' || r.error === 'outcomes_required') return renderStep(c, m, id, actor, values, { text: `initiatives.error.${r.error}` }, 422);
      return fail(c, m, r.error);
    }
    deliverInBackground(deps, m.id);
    return redirectWithFlash(c, initiativeUrl(m, id, 'timeline'), 'success', `initiatives.flash.state.${r.value.to}`);
  });

  app.post('/m/:slug/initiatives/:id/assign', async (c) => {
    const ctx = await postContext(c);
    if (ctx instanceof Response) return ctx;
    const { m, id, actor } = ctx;
    const r = await assignSelf(db, t(m), actor, id);
    if (!r.ok) return fail(c, m, r.error);
    deliverInBackground(deps, m.id);
    const back = field(form(c), 'back') === 'facilitate' ? `/m/${m.slug}/facilitate` : initiativeUrl(m, id, 'manage');
    return redirectWithFlash(c, back, 'success', 'initiatives.flash.assigned');
  });

  app.post('/m/:slug/initiatives/:id/updates', async (c) => {
    const ctx = await postContext(c);
    if (ctx instanceof Response) return ctx;
    const { m, id, actor } = ctx;
    const values = form(c);
    const parsed = validateForm(updateSchema, values);
    if (!parsed.ok) return renderInitiative(c, m, id, { form: 'update', errors: parsed.errors, values }, 422);
    const r = await postUpdate(db, t(m), actor, { initiativeId: id, body: parsed.data.body, lang: parsed.data.lang, eventKey: parsed.data.event_key });
    if (!r.ok) return fail(c, m, r.error);
    deliverInBackground(deps, m.id);
    return redirectWithFlash(c, initiativeUrl(m, id, r.value.id ? `event-${r.value.id}` : 'timeline'), 'success', 'initiatives.flash.updatePosted');
  });

  // Agreement -------------------------------------------------------------

  async function renderAgreement(c: AppContext, m: Municipality, id: number, actor: Actor, values: FormFields | null, errors: FieldErrors, status: ContentfulStatusCode = 200) {
    const data = await db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => {
      const initiative = await findInitiative(tx, m.id, id);
      if (!initiative) return null;
      return { initiative, standing: await standingFor(tx, initiative, actor), versions: await listAgreementVersions(tx, m.id, id) };
    });
    if (!data) return errorPage(c, 404, { municipality: m, nav: nav(c, m, 'list') });
    if (!mayRecordAgreement(data.standing)) return fail(c, m, 'forbidden');
    if (!['in_dialogue', 'agreed', 'active', 'paused'].includes(data.initiative.state)) return fail(c, m, 'transition_not_allowed');
    return html(c, AgreementPage({ page: pageOf(c, m), municipality: m, initiative: data.initiative, current: data.versions[0] ?? null, values, errors }), status);
  }

  app.get('/m/:slug/initiatives/:id/agreement', async (c) => {
    const ctx = await postContext(c);
    if (ctx instanceof Response) return ctx;
    return renderAgreement(c, ctx.m, ctx.id, ctx.actor, null, {});
  });

  app.post('/m/:slug/initiatives/:id/agreement', async (c) => {
    const ctx = await postContext(c);
    if (ctx instanceof Response) return ctx;
    const { m, id, actor } = ctx;
    const values = form(c);
    const parsed = validateForm(agreementSchema, values);
    if (!parsed.ok) return renderAgreement(c, m, id, actor, values, parsed.errors, 422);
    const a = parsed.data;
    const r = await recordAgreement(db, t(m), actor, {
      initiativeId: id,
      markAgreed: a.mark_agreed,
      agreement: {
        citizensDeliver: a.citizens_deliver,
        municipalityDelivers: a.municipality_delivers,
        lang: a.lang,
        contactName: a.contact_name,
        contactTitle: a.contact_title,
        contactEmail: a.contact_email,
        termStart: a.term_start,
        termEnd: a.term_end,
        reviewDate: a.review_date,
        changeNote: a.change_note,
      },
    });
    if (!r.ok) return fail(c, m, r.error);
    deliverInBackground(deps, m.id);
    return redirectWithFlash(c, initiativeUrl(m, id, 'agreement'), 'success', r.value.agreed ? 'initiatives.flash.agreed' : 'initiatives.flash.agreementSaved');
  });

  // Asks and partners -----------------------------------------------------

  app.post('/m/:slug/initiatives/:id/asks', async (c) => {
    const ctx = await postContext(c);
    if (ctx instanceof Response) return ctx;
    const { m, id, actor } = ctx;
    const values = form(c);
    const parsed = validateForm(askSchema, values);
    if (!parsed.ok) return renderInitiative(c, m, id, { form: 'add-ask', errors: parsed.errors, values }, 422);
    const r = await addAsk(db, t(m), actor, id, { kind: parsed.data.kind, description: parsed.data.description, amountOre: parsed.data.amount, lang: parsed.data.lang });
    if (!r.ok) return fail(c, m, r.error);
    return redirectWithFlash(c, initiativeUrl(m, id, `ask-${r.value}`), 'success', 'initiatives.flash.askAdded');
  });

  app.post('/m/:slug/initiatives/:id/asks/:askId/answer', async (c) => {
    const ctx = await postContext(c);
    if (ctx instanceof Response) return ctx;
    const { m, id, actor } = ctx;
    const askId = idParam(c.req.param('askId'));
    if (askId === null) return fail(c, m, 'not_found');
    const values = form(c);
    const parsed = validateForm(answerSchema, values);
    if (!parsed.ok) return renderInitiative(c, m, id, { form: `answer-${askId}`, errors: parsed.errors, values }, 422);
    const r = await answerAsk(db, t(m), actor, { initiativeId: id, askId, ...parsed.data });
    if (!r.ok) return fail(c, m, r.error);
    deliverInBackground(deps, m.id);
    return redirectWithFlash(c, initiativeUrl(m, id, `ask-${askId}`), 'success', 'initiatives.flash.answered');
  });

  app.post('/m/:slug/initiatives/:id/partners', async (c) => {
    const ctx = await postContext(c);
    if (ctx instanceof Response) return ctx;
    const { m, id, actor } = ctx;
    const values = form(c);
    const parsed = validateForm(partnerSchema, values);
    if (!parsed.ok) return renderInitiative(c, m, id, { form: 'add-partner', errors: parsed.errors, values }, 422);
    const r = await addPartner(db, t(m), actor, id, parsed.data);
    if (!r.ok) return fail(c, m, r.error);
    return redirectWithFlash(c, initiativeUrl(m, id, 'partners'), 'success', 'initiatives.flash.partnerAdded');
  });

  app.post('/m/:slug/initiatives/:id/partners/:partnerId/remove', async (c) => {
    const ctx = await postContext(c);
    if (ctx instanceof Response) return ctx;
    const { m, id, actor } = ctx;
    const partnerId = idParam(c.req.param('partnerId'));
    if (partnerId === null) return fail(c, m, 'not_found');
    const r = await removePartner(db, t(m), actor, id, partnerId);
    if (!r.ok) return fail(c, m, r.error);
    return redirectWithFlash(c, initiativeUrl(m, id, 'partners'), 'success', 'initiatives.flash.partnerRemoved');
  });

  // Comments --------------------------------------------------------------

  app.post('/m/:slug/initiatives/:id/comments', async (c) => {
    const ctx = await postContext(c);
    if (ctx instanceof Response) return ctx;
    const { m, id, actor } = ctx;
    const values = form(c);
    const parsed = validateForm(commentSchema, values);
    const formId = (p: string) => (/^\d{1,9}$/.test(p) ? `reply-${p}` : 'comment-form');
    if (!parsed.ok) return renderInitiative(c, m, id, { form: formId(field(values, 'parent')), errors: parsed.errors, values }, 422);
    const r = await postComment(db, t(m), actor, { initiativeId: id, parentId: parsed.data.parent, body: parsed.data.body, lang: parsed.data.lang, commentKey: parsed.data.comment_key });
    if (!r.ok) return fail(c, m, r.error);
    deliverInBackground(deps, m.id);
    return redirectWithFlash(c, initiativeUrl(m, id, `comment-${r.value.id}`), 'success', 'initiatives.flash.commented');
  });

  /** postContext plus the comment the post is about; an id that is not a number is a 404. */
  async function commentPostContext(c: AppContext): Promise<{ m: Municipality; id: number; actor: Actor; commentId: number } | Response> {
    const ctx = await postContext(c);
    if (ctx instanceof Response) return ctx;
    const commentId = idParam(c.req.param('commentId'));
    if (commentId === null) return fail(c, ctx.m, 'not_found');
    return { ...ctx, commentId };
  }

  app.post('/m/:slug/initiatives/:id/comments/:commentId/edit', async (c) => {
    const ctx = await commentPostContext(c);
    if (ctx instanceof Response) return ctx;
    const { m, id, actor, commentId } = ctx;
    const values = form(c);
    const parsed = validateForm(editCommentSchema, values);
    if (!parsed.ok) return renderInitiative(c, m, id, { form: `edit-${commentId}`, errors: parsed.errors, values }, 422);
    const r = await editOwnComment(db, t(m), actor, { initiativeId: id, commentId, ...parsed.data });
    if (!r.ok) return fail(c, m, r.error);
    return redirectWithFlash(c, initiativeUrl(m, id, `comment-${commentId}`), 'success', 'initiatives.flash.commentEdited');
  });

  app.post('/m/:slug/initiatives/:id/comments/:commentId/report', async (c) => {
    const ctx = await commentPostContext(c);
    if (ctx instanceof Response) return ctx;
    const { m, id, actor, commentId } = ctx;
    const values = form(c);
    const parsed = validateForm(reportSchema, values);
    if (!parsed.ok) return renderInitiative(c, m, id, { form: `report-${commentId}`, errors: parsed.errors, values }, 422);
    const r = await reportComment(db, t(m), actor, { initiativeId: id, commentId, ...parsed.data });
    if (!r.ok) return fail(c, m, r.error);
    return redirectWithFlash(c, initiativeUrl(m, id, `comment-${commentId}`), 'success', 'initiatives.flash.reported');
  });

  app.post('/m/:slug/initiatives/:id/comments/:commentId/moderate', async (c) => {
    const ctx = await commentPostContext(c);
    if (ctx instanceof Response) return ctx;
    const { m, id, actor, commentId } = ctx;
    const parsed = validateForm(moderateSchema, form(c));
    if (!parsed.ok) return fail(c, m, 'not_found');
    const r = await moderateComment(db, t(m), actor, { initiativeId: id, commentId, decision: parsed.data.decision });
    if (!r.ok) return fail(c, m, r.error);
    const back = field(form(c), 'back') === 'facilitate' ? `/m/${m.slug}/facilitate` : initiativeUrl(m, id, `comment-${commentId}`);
    return redirectWithFlash(c, back, 'success', `initiatives.flash.moderated.${parsed.data.decision}`);
  });

  app.get('/m/:slug/initiatives/:id/comments/:commentId/history', async (c) => {
    const m = await tenant(c);
    if (m instanceof Response) return m;
    const id = idParam(c.req.param('id'));
    const commentId = idParam(c.req.param('commentId'));
    if (id === null || commentId === null) return errorPage(c, 404, { municipality: m });
    const data = await db.transaction({ municipalityId: m.id }, async (tx) => {
      const initiative = await findInitiative(tx, m.id, id);
      const comment = initiative ? await findComment(tx, m.id, id, commentId) : null;
      if (!initiative || !comment || comment.hidden) return null;
      return { initiative, comment, versions: await listCommentVersions(tx, m.id, commentId) };
    });
    if (!data) return errorPage(c, 404, { municipality: m, nav: nav(c, m, 'list') });
    return html(c, CommentHistoryPage({ page: pageOf(c, m), municipality: m, ...data }));
  });

  // Facilitator workspace -------------------------------------------------

  app.get('/m/:slug/facilitate', async (c) => {
    const m = await tenant(c);
    if (m instanceof Response) return m;
    const actor = needActor(c, m);
    if (actor instanceof Response) return actor;
    if (!mayUseWorkspace(standingOf(actor, m.id, false))) return errorPage(c, 403, { municipality: m, nav: nav(c, m, null), messageKey: 'initiatives.error.workspaceForbidden' });
    const q = listQuerySchema.parse(c.req.query());
    const filter = { areaId: q.area, themeId: q.theme };
    const lang = state(c).lang;
    const data = await db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => {
      const [n, triage, stuck, asks, reviews, reports] = await Promise.all([
        names(m, lang, tx),
        listAwaitingTriage(tx, m.id, filter),
        listStuck(tx, m.id, filter),
        listOpenAsks(tx, m.id, filter),
        listReviewsDue(tx, m.id, filter),
        listOpenReports(tx, m.id),
      ]);
      return { ...n, triage, stuck, asks, reviews, reports };
    });
    return html(c, FacilitatePage({ page: pageOf(c, m, 'facilitate'), municipality: m, filter: { area: q.area, theme: q.theme }, now: new Date(), ...data }));
  });
}
