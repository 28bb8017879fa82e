// Pages of grant pools under /m/:slug/ledger/grants. Each route goes load municipality → authorize →
// validate → command → view; forms post back to their own address and redirect when they succeed
// (Post/Redirect/Get); a failed form comes back with status 422, the values and its errors.
import type { Hono } from 'hono';
import type { AppContext, AppDeps, AppEnv } from '../../core/http/context.js';
import { pageContext, state } from '../../core/http/context.js';
import { field, validateForm, type FieldErrors, type FormFields } from '../../core/http/form.js';
import { errorPage, html, redirectWithFlash } from '../../core/http/respond.js';
import { isStaff } from '../../core/auth/actor.js';
import { todayIn } from '../../core/time/zoned-time.js';
import type { NavItem } from '../../core/views/page-context.js';
import { loadMunicipality, type Municipality } from '../municipalities/index.js';
import { applyForGrant } from './commands/apply-for-grant.js';
import { closeGrant } from './commands/close-grant.js';
import { createGrantPool } from './commands/create-grant-pool.js';
import { decideGrantApplication } from './commands/decide-grant-application.js';
import { eligibleForFastTrack, fastTrackGrant } from './commands/fast-track-grant.js';
import { fileGrantReport } from './commands/file-grant-report.js';
import { flagOverdueGrantReports } from './commands/flag-overdue-grant-reports.js';
import { fundGrantPool } from './commands/fund-grant-pool.js';
import { payOutGrant } from './commands/pay-out-grant.js';
import { recordGrantRepayment } from './commands/record-grant-repayment.js';
import { setGrantPoolStatus } from './commands/set-grant-pool-status.js';
import { triageGrantApplication } from './commands/triage-grant-application.js';
import { formatOre } from './ledger.money.js';
import { can } from './ledger.grants.policy.js';
import { applicantChoices, applicationFor, fundingSources, myApplications, poolApplications, poolsList, poolWithBalance, receiptFor } from './ledger.grants.queries.js';
import { MAX_RECEIPT_BYTES, MAX_RECEIPTS_PER_REPORT, minimumCofinancing } from './ledger.grants.rules.js';
import {
  applyFormSchema,
  BUDGET_ROWS,
  decideFormSchema,
  fastTrackFormSchema,
  fundFormSchema,
  poolFormSchema,
  poolStatusFormSchema,
  readLines,
  repaymentFormSchema,
  reportFormSchema,
  SPENDING_ROWS,
  triageFormSchema,
  whoMayApplyError,
} from './ledger.grants.schemas.js';
import { payable, reportable, repayable, undecided, type PoolWithBalance } from './ledger.grants.types.js';
import { ApplicationPage, ApplyPage, MyApplicationsPage, ReportPage, type ActionForm } from './views/grants-applications.js';
import { FundPage, PoolFormPage, PoolPage, PoolsPage, type Values } from './views/grants-pools.js';
import { grantUrls } from './views/grants-shared.js';
import { registerGrantsApi } from './ledger.grants.api.js';

/** The report form is the one grant route that takes files; core applies this limit and checks CSRF first. */
export const GRANT_REPORT_UPLOAD = {
  pattern: /^\/m\/[^/]+\/ledger\/grants\/applications\/[0-9]{1,9}\/report$/,
  maxSize: MAX_RECEIPTS_PER_REPORT * MAX_RECEIPT_BYTES + 1024 * 1024,
};

const ID = '{[1-9][0-9]{0,8}}';

const form = (c: AppContext): FormFields => state(c).form ?? {};
const valuesOf = (f: FormFields): Values => Object.fromEntries(Object.keys(f).filter((k) => k !== '_csrf').map((k) => [k, field(f, k)]));

function nav(c: AppContext, m: Municipality): NavItem[] {
  const { t } = state(c).i18n;
  const items: NavItem[] = [{ href: grantUrls.pools(m.slug), label: t('ledger.grants.title') }];
  if (state(c).actor) items.push({ href: grantUrls.mine(m.slug), label: t('ledger.grants.mine') });
  const path = new URL(c.req.url).pathname;
  return items.map((i) => ({ ...i, current: path === i.href }));
}

const page = (c: AppContext, m: Municipality) => pageContext(c, { municipality: m, nav: nav(c, m) });

function needSignIn(c: AppContext, m: Municipality): Response {
  if (c.req.method === 'GET') {
    const url = new URL(c.req.url);
    return c.redirect(grantUrls.login(url.pathname + url.search), 302);
  }
  return errorPage(c, 401, { municipality: m, nav: nav(c, m) });
}

/** The ledger's shared codes (amounts, overdraw) have their messages in this file's texts too. */
const grantKey = (key: string): string => (key === 'ledger.overdrawn' || key.startsWith('ledger.amount.') ? `ledger.grants.error.${key.slice('ledger.'.length)}` : key);

/** Error keys → messages in the page's language, with the pool's figures for messages that name them. */
function translate(c: AppContext, errors: Record<string, string>, pool?: PoolWithBalance): FieldErrors {
  const { t, lang } = state(c).i18n;
  const values = pool ? { max: formatOre(pool.maxGrantOre, lang), percent: pool.cofinancingBp / 100, deadline: pool.deadline, threshold: formatOre(pool.fastTrackOre, lang) } : {};
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, t(grantKey(v), values)]));
}

/** The uploaded files of a multipart field; an untouched file input sends one empty, nameless file. */
async function uploadedFiles(c: AppContext, name: string): Promise<{ name: string; bytes: Uint8Array }[]> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'multipart/form-data') return [];
  const body = await c.req.parseBody({ all: true });
  const value = body[name];
  const files = (Array.isArray(value) ? value : [value]).filter((v): v is File => typeof v === 'object' && v !== null);
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const f of files) {
    if (f.size === 0 && f.name === '') continue;
    out.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
  }
  return out;
}

export function registerGrantRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  registerGrantsApi(app, deps);
  const base = '/m/:slug/ledger/grants';
  const municipalityOf = (c: AppContext) => loadMunicipality(deps, c.req.param('slug') ?? '');
  const forbidden = (c: AppContext, m: Municipality) => errorPage(c, 403, { municipality: m, nav: nav(c, m) });
  const notFound = (c: AppContext, m: Municipality) => errorPage(c, 404, { municipality: m, nav: nav(c, m) });
  const idOf = (c: AppContext, name: string) => Number(c.req.param(name));
  const lang = (c: AppContext) => state(c).lang;
  const tz = (m: Municipality) => ({ id: m.id, timeZone: m.timeZone });

  // Pools ------------------------------------------------------------------------------------------

  app.get(base, async (c) => {
    const m = await municipalityOf(c);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    const pools = await poolsList(deps, m.id, true);
    return html(
      c,
      PoolsPage({
        page: page(c, m),
        municipality: m,
        open: pools.filter((p) => p.status === 'open'),
        closed: pools.filter((p) => p.status === 'closed'),
        signedIn: !!actor,
        canCreate: can(actor, 'manage_pool', m.id),
      }),
    );
  });

  const poolFormPage = (c: AppContext, m: Municipality, values: Values, errors?: FieldErrors) =>
    html(c, PoolFormPage({ page: page(c, m), municipality: m, values, ...(errors ? { errors } : {}) }), errors ? 422 : 200);

  app.get(`${base}/new`, async (c) => {
    const m = await municipalityOf(c);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    if (!can(actor, 'manage_pool', m.id)) return forbidden(c, m);
    return poolFormPage(c, m, { allowGroups: 'yes', allowAssociations: 'yes', reportDueDays: '90', cofinancingPercent: '0' });
  });

  app.post(`${base}/new`, async (c) => {
    const m = await municipalityOf(c);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    if (!can(actor, 'manage_pool', m.id)) return forbidden(c, m);
    const f = form(c);
    const v = validateForm(poolFormSchema(lang(c)), f);
    if (!v.ok) {
      const who = whoMayApplyError(f);
      // In form order: the checkboxes come after the money fields.
      const order = ['name', 'description', 'maxGrant', 'cofinancingPercent', 'allowGroups', 'deadline', 'fastTrack', 'reportDueDays'];
      const all: Record<string, string> = { ...v.errors, ...(who ? { allowGroups: who } : {}) };
      const sorted = Object.fromEntries(Object.entries(all).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
      return poolFormPage(c, m, valuesOf(f), translate(c, sorted));
    }
    const d = v.data;
    const r = await createGrantPool(deps.db, actor, tz(m), {
      name: d.name,
      description: d.description,
      lang: lang(c),
      maxGrantOre: d.maxGrant,
      cofinancingBp: d.cofinancingPercent,
      allowGroups: d.allowGroups,
      allowAssociations: d.allowAssociations,
      allowResidents: d.allowResidents,
      deadline: d.deadline,
      fastTrackOre: d.fastTrack ?? 0n,
      reportDueDays: d.reportDueDays,
    });
    if (!r.ok) return r.error === 'forbidden' ? forbidden(c, m) : poolFormPage(c, m, valuesOf(f), translate(c, r.detail ?? {}));
    return redirectWithFlash(c, grantUrls.pool(m.slug, r.value.poolId), 'success', 'ledger.grants.flash.poolCreated');
  });

  app.get(`${base}/mine`, async (c) => {
    const m = await municipalityOf(c);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    return html(c, MyApplicationsPage({ page: page(c, m), municipality: m, applications: await myApplications(deps, m.id, actor.id) }));
  });

  const acceptsApplications = (pool: PoolWithBalance, m: Municipality) => pool.status === 'open' && todayIn(new Date(), m.timeZone) <= pool.deadline;

  app.get(`${base}/:pool${ID}`, async (c) => {
    const m = await municipalityOf(c);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    const poolId = idOf(c, 'pool');
    const staff = can(actor, 'list_applications', m.id);
    // Staff opening a pool page run the overdue check, so a late report is flagged without waiting for cron.
    const flagged = staff ? (await flagOverdueGrantReports(deps.db, tz(m), new Date(), actor!.id)).length : 0;
    const pool = await poolWithBalance(deps, m.id, poolId);
    if (!pool) return notFound(c, m);
    return html(
      c,
      PoolPage({
        page: page(c, m),
        municipality: m,
        pool,
        acceptsApplications: acceptsApplications(pool, m),
        staff: { applications: staff ? await poolApplications(deps, m.id, poolId) : null, canFund: can(actor, 'fund_pool', m.id), canManage: can(actor, 'manage_pool', m.id), flagged },
      }),
    );
  });

  app.post(`${base}/:pool${ID}/status`, async (c) => {
    const m = await municipalityOf(c);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    const v = validateForm(poolStatusFormSchema, form(c));
    if (!v.ok) return errorPage(c, 400, { municipality: m, nav: nav(c, m) });
    const r = await setGrantPoolStatus(deps.db, actor, m.id, idOf(c, 'pool'), v.data.status);
    if (!r.ok) return r.error === 'forbidden' ? forbidden(c, m) : notFound(c, m);
    return redirectWithFlash(c, grantUrls.pool(m.slug, idOf(c, 'pool')), 'success', v.data.status === 'open' ? 'ledger.grants.flash.poolOpened' : 'ledger.grants.flash.poolClosed');
  });

  const fundPage = async (c: AppContext, m: Municipality, pool: PoolWithBalance, values: Values, errors?: FieldErrors) =>
    html(c, FundPage({ page: page(c, m), municipality: m, pool, sources: await fundingSources(deps, m.id), values, ...(errors ? { errors } : {}) }), errors ? 422 : 200);

  app.get(`${base}/:pool${ID}/fund`, async (c) => {
    const m = await municipalityOf(c);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    if (!can(actor, 'fund_pool', m.id)) return forbidden(c, m);
    const pool = await poolWithBalance(deps, m.id, idOf(c, 'pool'));
    if (!pool) return notFound(c, m);
    return fundPage(c, m, pool, {});
  });

  app.post(`${base}/:pool${ID}/fund`, async (c) => {
    const m = await municipalityOf(c);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    if (!can(actor, 'fund_pool', m.id)) return forbidden(c, m);
    const pool = await poolWithBalance(deps, m.id, idOf(c, 'pool'));
    if (!pool) return notFound(c, m);
    const f = form(c);
    const v = validateForm(fundFormSchema(lang(c)), f);
    if (!v.ok) return fundPage(c, m, pool, valuesOf(f), translate(c, v.errors));
    const r = await fundGrantPool(deps.db, actor, m.id, pool.id, { sourceAccountId: v.data.sourceAccountId, amountOre: v.data.amount, memo: v.data.memo });
    if (!r.ok) {
      if (r.error === 'forbidden') return forbidden(c, m);
      if (r.error === 'not_found') return notFound(c, m);
      return fundPage(c, m, pool, valuesOf(f), translate(c, r.detail ?? {}));
    }
    return redirectWithFlash(c, grantUrls.pool(m.slug, pool.id), 'success', 'ledger.grants.flash.funded');
  });

  // Applying -----------------------------------------------------------------------------------------

  const applyPage = async (c: AppContext, m: Municipality, pool: PoolWithBalance, values: Values, errors?: FieldErrors) =>
    html(c, ApplyPage({ page: page(c, m), municipality: m, pool, choices: await applicantChoices(deps, m.id, state(c).actor!.id), values, ...(errors ? { errors } : {}) }), errors ? 422 : 200);

  app.get(`${base}/:pool${ID}/apply`, async (c) => {
    const m = await municipalityOf(c);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    const pool = await poolWithBalance(deps, m.id, idOf(c, 'pool'));
    if (!pool) return notFound(c, m);
    if (!acceptsApplications(pool, m)) return redirectWithFlash(c, grantUrls.pool(m.slug, pool.id), 'error', pool.status === 'open' ? 'ledger.grants.error.afterDeadline' : 'ledger.grants.error.poolClosed');
    return applyPage(c, m, pool, {});
  });

  app.post(`${base}/:pool${ID}/apply`, async (c) => {
    const m = await municipalityOf(c);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    const pool = await poolWithBalance(deps, m.id, idOf(c, 'pool'));
    if (!pool) return notFound(c, m);
    const f = form(c);
    const values = valuesOf(f);
    const v = validateForm(applyFormSchema(lang(c)), f);
    const lines = readLines(f, 'budget', BUDGET_ROWS, lang(c));
    const formErrors = { ...(v.ok ? {} : v.errors), ...lines.errors };
    if (!v.ok || Object.keys(lines.errors).length > 0) return applyPage(c, m, pool, values, translate(c, formErrors, pool));
    const d = v.data;
    const r = await applyForGrant(deps.db, actor, tz(m), pool.id, {
      groupId: d.applicant === 'resident' ? null : Number(d.applicant.slice(2)),
      title: d.title,
      purpose: d.purpose,
      lang: lang(c),
      amountRequestedOre: d.amountRequested,
      cofinancingOre: d.cofinancing ?? 0n,
      budget: lines.lines,
    });
    if (!r.ok) {
      if (r.error === 'forbidden') return forbidden(c, m);
      if (r.error === 'not_found') return notFound(c, m);
      const errors = translate(c, r.detail ?? {}, pool);
      if (r.detail?.cofinancing) errors.cofinancing = state(c).i18n.t('ledger.grants.error.cofinancingTooLowMin', { percent: pool.cofinancingBp / 100, min: formatOre(minimumCofinancing(pool.cofinancingBp, d.amountRequested), lang(c)) });
      return applyPage(c, m, pool, values, errors);
    }
    return redirectWithFlash(c, grantUrls.application(m.slug, r.value.applicationId), 'success', 'ledger.grants.flash.applied');
  });

  // One application ------------------------------------------------------------------------------------

  const applicationPage = async (c: AppContext, m: Municipality, applicationId: number, failed?: { form: ActionForm; values: Values; errors: FieldErrors }) => {
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    const view = await applicationFor(deps, m.id, applicationId, actor);
    if (!view) return notFound(c, m);
    const { application: a, facts } = view;
    const pool = (await poolWithBalance(deps, m.id, a.poolId))!;
    const open = undecided.includes(a.status);
    const actions = {
      seeNotes: isStaff(actor, m.id),
      triage: open && can(actor, 'triage', m.id, facts),
      decide: open && can(actor, 'decide', m.id, facts),
      fastTrack: open && can(actor, 'fast_track', m.id, facts) && eligibleForFastTrack(pool.fastTrackOre, a.amountRequestedOre),
      pay: payable.includes(a.status) && can(actor, 'pay', m.id, facts),
      repayment: repayable.includes(a.status) && can(actor, 'record_repayment', m.id, facts),
      close: a.status === 'reported' && can(actor, 'close', m.id, facts),
      report: reportable.includes(a.status) && can(actor, 'report', m.id, facts),
    };
    return html(
      c,
      ApplicationPage({ page: page(c, m), municipality: m, application: a, pool, actions, today: todayIn(new Date(), m.timeZone), ...(failed ? { failed } : {}) }),
      failed ? 422 : 200,
    );
  };

  app.get(`${base}/applications/:app${ID}`, async (c) => {
    const m = await municipalityOf(c);
    if (!m) return errorPage(c, 404);
    return applicationPage(c, m, idOf(c, 'app'));
  });

  /** Shared shape of the staff action posts: sign-in, then the command; refusals without a field go back as a flash. */
  const back = (c: AppContext, m: Municipality, id: number, kind: 'success' | 'error', key: string) => redirectWithFlash(c, grantUrls.application(m.slug, id), kind, grantKey(key));

  app.post(`${base}/applications/:app${ID}/triage`, async (c) => {
    const m = await municipalityOf(c);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    const id = idOf(c, 'app');
    const f = form(c);
    const v = validateForm(triageFormSchema, f);
    if (!v.ok) return applicationPage(c, m, id, { form: 'triage', values: valuesOf(f), errors: translate(c, v.errors) });
    const r = await triageGrantApplication(deps.db, actor, m.id, id, v.data.note, lang(c));
    if (!r.ok) return r.error === 'forbidden' ? forbidden(c, m) : r.error === 'not_found' ? notFound(c, m) : back(c, m, id, 'error', r.error);
    return back(c, m, id, 'success', 'ledger.grants.flash.triaged');
  });

  app.post(`${base}/applications/:app${ID}/decide`, async (c) => {
    const m = await municipalityOf(c);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    const id = idOf(c, 'app');
    const f = form(c);
    const v = validateForm(decideFormSchema(lang(c)), f);
    if (!v.ok) return applicationPage(c, m, id, { form: 'decide', values: valuesOf(f), errors: translate(c, v.errors) });
    const r = await decideGrantApplication(deps.db, actor, tz(m), id, { outcome: v.data.outcome, decidingBody: v.data.decidingBody, decisionDate: v.data.decisionDate, amountGrantedOre: v.data.amountGranted, note: v.data.note });
    if (!r.ok) {
      if (r.error === 'forbidden') return forbidden(c, m);
      if (r.error === 'not_found') return notFound(c, m);
      if (r.error === 'invalid') {
        const view = await applicationFor(deps, m.id, id, actor);
        const pool = view ? await poolWithBalance(deps, m.id, view.application.poolId) : null;
        return applicationPage(c, m, id, { form: 'decide', values: valuesOf(f), errors: translate(c, r.detail ?? {}, pool ?? undefined) });
      }
      return back(c, m, id, 'error', r.error);
    }
    return back(c, m, id, 'success', v.data.outcome === 'approve' ? 'ledger.grants.flash.approved' : 'ledger.grants.flash.declined');
  });

  app.post(`${base}/applications/:app${ID}/fast-track`, async (c) => {
    const m = await municipalityOf(c);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    const id = idOf(c, 'app');
    const f = form(c);
    const v = validateForm(fastTrackFormSchema, f);
    if (!v.ok) return applicationPage(c, m, id, { form: 'fast-track', values: valuesOf(f), errors: translate(c, v.errors) });
    const r = await fastTrackGrant(deps.db, actor, tz(m), id, v.data.reason);
    if (!r.ok) return r.error === 'forbidden' ? forbidden(c, m) : r.error === 'not_found' ? notFound(c, m) : back(c, m, id, 'error', r.error);
    return back(c, m, id, 'success', 'ledger.grants.flash.fastTracked');
  });

  app.post(`${base}/applications/:app${ID}/pay`, async (c) => {
    const m = await municipalityOf(c);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    const id = idOf(c, 'app');
    const r = await payOutGrant(deps.db, actor, tz(m), id);
    if (!r.ok) return r.error === 'forbidden' ? forbidden(c, m) : r.error === 'not_found' ? notFound(c, m) : back(c, m, id, 'error', r.error);
    return back(c, m, id, 'success', 'ledger.grants.flash.paid');
  });

  app.post(`${base}/applications/:app${ID}/repayment`, async (c) => {
    const m = await municipalityOf(c);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    const id = idOf(c, 'app');
    const f = form(c);
    const v = validateForm(repaymentFormSchema(lang(c)), f);
    if (!v.ok) return applicationPage(c, m, id, { form: 'repayment', values: valuesOf(f), errors: translate(c, v.errors) });
    const r = await recordGrantRepayment(deps.db, actor, m.id, id, { amountOre: v.data.amount, memo: v.data.memo });
    if (!r.ok) {
      if (r.error === 'forbidden') return forbidden(c, m);
      if (r.error === 'not_found') return notFound(c, m);
      if (r.error === 'invalid') return applicationPage(c, m, id, { form: 'repayment', values: valuesOf(f), errors: translate(c, r.detail ?? {}) });
      return back(c, m, id, 'error', r.error);
    }
    return back(c, m, id, 'success', 'ledger.grants.flash.repaid');
  });

  app.post(`${base}/applications/:app${ID}/close`, async (c) => {
    const m = await municipalityOf(c);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    const id = idOf(c, 'app');
    const r = await closeGrant(deps.db, actor, m.id, id);
    if (!r.ok) return r.error === 'forbidden' ? forbidden(c, m) : r.error === 'not_found' ? notFound(c, m) : back(c, m, id, 'error', r.error);
    return back(c, m, id, 'success', 'ledger.grants.flash.closed');
  });

  // The final report ---------------------------------------------------------------------------------

  const reportPage = async (c: AppContext, m: Municipality, id: number, values: Values, errors?: FieldErrors) => {
    const actor = state(c).actor!;
    const view = await applicationFor(deps, m.id, id, actor);
    if (!view) return notFound(c, m);
    if (!can(actor, 'report', m.id, view.facts)) return forbidden(c, m);
    if (!reportable.includes(view.application.status)) return back(c, m, id, 'error', 'ledger.grants.error.notReportable');
    return html(c, ReportPage({ page: page(c, m), municipality: m, application: view.application, values, ...(errors ? { errors } : {}) }), errors ? 422 : 200);
  };

  app.get(`${base}/applications/:app${ID}/report`, async (c) => {
    const m = await municipalityOf(c);
    if (!m) return errorPage(c, 404);
    if (!state(c).actor) return needSignIn(c, m);
    return reportPage(c, m, idOf(c, 'app'), {});
  });

  app.post(`${base}/applications/:app${ID}/report`, async (c) => {
    const m = await municipalityOf(c);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    const id = idOf(c, 'app');
    const f = form(c);
    const values = valuesOf(f);
    const v = validateForm(reportFormSchema, f);
    const lines = readLines(f, 'spending', SPENDING_ROWS, lang(c));
    const files = await uploadedFiles(c, 'receipts');
    if (!v.ok || Object.keys(lines.errors).length > 0) {
      const errors = { ...(v.ok ? {} : v.errors), ...lines.errors };
      if (files.length === 0) errors.receipts = 'ledger.grants.error.receiptMissing';
      return reportPage(c, m, id, values, translate(c, errors));
    }
    const r = await fileGrantReport(deps.db, actor, m.id, id, { narrative: v.data.narrative, lang: lang(c), spending: lines.lines, files });
    if (!r.ok) {
      if (r.error === 'forbidden') return forbidden(c, m);
      if (r.error === 'not_found') return notFound(c, m);
      if (r.error === 'invalid') return reportPage(c, m, id, values, translate(c, r.detail ?? {}));
      return back(c, m, id, 'error', r.error);
    }
    return back(c, m, id, 'success', 'ledger.grants.flash.reported');
  });

  // Only those who may see the application get a receipt; to anyone else it does not exist. PDFs are
  // always downloaded (never rendered in the site's origin); images are shown inline, sandboxed.
  app.get(`${base}/applications/:app${ID}/receipts/:receipt${ID}`, async (c) => {
    const m = await municipalityOf(c);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    const file = await receiptFor(deps, m.id, idOf(c, 'app'), idOf(c, 'receipt'), actor);
    if (!file) return notFound(c, m);
    const disposition = file.contentType === 'application/pdf' ? 'attachment' : 'inline';
    const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_');
    return c.body(new Uint8Array(file.bytes), 200, {
      'content-type': file.contentType,
      'x-content-type-options': 'nosniff',
      'content-disposition': `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'cache-control': 'private, max-age=300',
      'content-security-policy': "default-src 'none'; sandbox",
    });
  });
}
