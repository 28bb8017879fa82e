// Pages of savings agreements, sign-off, pots, reinvestment, the money trail and the savings CSV,
// under /m/:slug/ledger. Each route goes load municipality → authorize → validate → command → view;
// forms redirect after success (Post/Redirect/Get) and re-render with errors (422) otherwise.
import type { Hono } from 'hono';
import { hasRole } from '../../core/auth/actor.js';
import type { AppContext, AppDeps, AppEnv } from '../../core/http/context.js';
import { pageContext, state } from '../../core/http/context.js';
import { field, validateForm, type FieldErrors, type FormFields } from '../../core/http/form.js';
import { errorPage, html, redirectWithFlash } from '../../core/http/respond.js';
import { displayNames } from '../accounts/index.js';
import { setInitiativeAsideProvider } from '../initiatives/index.js';
import { loadMunicipality, type Municipality } from '../municipalities/index.js';
import { agreeAgreement } from './commands/agree-agreement.js';
import { enterActualCosts } from './commands/enter-actual-costs.js';
import { fundFromPot } from './commands/fund-from-pot.js';
import { saveAgreement } from './commands/save-agreement.js';
import { setVolunteerRate } from './commands/set-volunteer-rate.js';
import { signOffPeriod } from './commands/sign-off-period.js';
import { formatOreInput } from './ledger.money.js';
import { savingsCsv } from './ledger.savings.csv.js';
import { can } from './ledger.savings.policy.js';
import { loadAgreementFormData, loadAgreementList, loadAgreementPage, loadInitiativeTrail, loadPots, loadPotTrail, loadReinvestForm } from './ledger.savings.queries.js';
import { initiativeMoneySummary } from './ledger.savings.queries.js';
import { findAgreement, listSignedOff, volunteerHourRate } from './ledger.savings.repository.js';
import { formatOre } from './ledger.money.js';
import { agreementSchema, exportRangeSchema, hourRateSchema, parseSplits, periodSchema, reinvestSchema } from './ledger.savings.schemas.js';
import {
  agreementValues,
  AgreementFormPage,
  AgreementPage,
  AgreementsListPage,
  emptyAgreementValues,
  emptyPeriodValues,
  emptyReinvestValues,
  PotsPage,
  ReinvestPage,
  VolunteerRatePage,
} from './views/savings-pages.js';
import { savingsNav, savingsUrls as urls } from './views/savings-shared.js';
import { InitiativeTrailPage, PotTrailPage } from './views/trail-pages.js';

type Values = Record<string, string>;

export function registerSavingsRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const base = '/m/:slug/ledger';
  registerInitiativeAside();
  const idp = '{[1-9][0-9]{0,8}}';

  const municipality = (c: AppContext) => loadMunicipality(deps, c.req.param('slug') ?? '');
  const page = (c: AppContext, m: Municipality, current: 'agreements' | 'pots' | null = null) => pageContext(c, { municipality: m, nav: savingsNav(state(c).i18n, m.slug, current) });
  const lang = (c: AppContext): 'da' | 'en' => (state(c).lang === 'en' ? 'en' : 'da');
  const form = (c: AppContext): FormFields => state(c).form ?? {};
  const values = (f: FormFields): Values => Object.fromEntries(Object.keys(f).filter((k) => k !== '_csrf').map((k) => [k, field(f, k)]));
  const translate = (c: AppContext, errors: Record<string, string>): FieldErrors => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, state(c).i18n.t(v)]));
  const num = (c: AppContext, name: string) => Number(c.req.param(name));
  const notFound = (c: AppContext, m: Municipality) => errorPage(c, 404, { municipality: m, nav: savingsNav(state(c).i18n, m.slug, null) });
  const forbidden = (c: AppContext, m: Municipality) => errorPage(c, 403, { municipality: m, nav: savingsNav(state(c).i18n, m.slug, null) });
  /** The sign-in page for an anonymous GET; 401 for an anonymous POST. */
  const signIn = (c: AppContext, m: Municipality) => {
    if (c.req.method === 'GET') {
      const url = new URL(c.req.url);
      return c.redirect(urls.login(url.pathname + url.search), 302);
    }
    return errorPage(c, 401, { municipality: m });
  };

  // Agreements ------------------------------------------------------------------------------------

  app.get(`${base}/agreements`, async (c) => {
    const m = await municipality(c);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    const items = await loadAgreementList(deps, m.id, can(actor, 'see_drafts', m.id));
    return html(c, AgreementsListPage({ page: page(c, m, 'agreements'), municipality: m, items, canCreate: can(actor, 'edit_agreement', m.id), canExport: can(actor, 'export', m.id), canSettings: can(actor, 'manage_settings', m.id) }));
  });

  const formPage = async (c: AppContext, m: Municipality, agreementId: number | null, v: Values, errors?: FieldErrors) =>
    html(c, AgreementFormPage({ page: page(c, m, 'agreements'), municipality: m, data: await loadAgreementFormData(deps, m.id), values: v, agreementId, ...(errors ? { errors } : {}) }), errors ? 422 : 200);

  const saveFromForm = async (c: AppContext, m: Municipality, agreementId: number | null) => {
    const f = form(c);
    const v = values(f);
    const parsed = validateForm(agreementSchema(lang(c)), f);
    const splits = parseSplits(f, lang(c));
    const errors = { ...(parsed.ok ? {} : parsed.errors), ...splits.errors };
    if (!parsed.ok || Object.keys(errors).length > 0) return formPage(c, m, agreementId, v, translate(c, errors));
    const d = parsed.data;
    const r = await saveAgreement(deps.db, state(c).actor, m.id, agreementId, {
      initiativeId: d.initiativeId,
      title: d.title,
      serviceAccountId: d.serviceAccountId,
      newServiceName: d.newServiceName,
      newServiceCode: d.newServiceCode,
      baselineAnnualOre: d.baselineAnnual,
      baselineSource: d.baselineSource,
      proposedAnnualOre: d.proposedAnnual,
      startsOn: d.startsOn,
      endsOn: d.endsOn,
      splits: splits.splits,
    });
    if (!r.ok) {
      if (r.error === 'forbidden') return forbidden(c, m);
      if (r.error === 'not_found') return notFound(c, m);
      if (r.error === 'frozen') return redirectWithFlash(c, urls.agreement(m.slug, agreementId ?? 0), 'error', 'ledger.savings.error.frozen');
      return formPage(c, m, agreementId, v, translate(c, r.detail));
    }
    return redirectWithFlash(c, urls.agreement(m.slug, r.value.agreementId), 'success', agreementId === null ? 'ledger.savings.flash.created' : 'ledger.savings.flash.saved');
  };

  app.get(`${base}/agreements/new`, async (c) => {
    const m = await municipality(c);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return signIn(c, m);
    if (!can(actor, 'edit_agreement', m.id)) return forbidden(c, m);
    return formPage(c, m, null, emptyAgreementValues(/^[1-9]\d{0,8}$/.test(c.req.query('initiative') ?? '') ? c.req.query('initiative') : ''));
  });

  app.post(`${base}/agreements/new`, async (c) => {
    const m = await municipality(c);
    if (!m) return errorPage(c, 404);
    if (!state(c).actor) return signIn(c, m);
    if (!can(state(c).actor, 'edit_agreement', m.id)) return forbidden(c, m);
    return saveFromForm(c, m, null);
  });

  app.get(`${base}/agreements/:id${idp}/edit`, async (c) => {
    const m = await municipality(c);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return signIn(c, m);
    if (!can(actor, 'edit_agreement', m.id)) return forbidden(c, m);
    const a = await deps.db.transaction({ municipalityId: m.id }, (tx) => findAgreement(tx, m.id, num(c, 'id')));
    if (!a) return notFound(c, m);
    if (a.status !== 'draft') return redirectWithFlash(c, urls.agreement(m.slug, a.id), 'error', 'ledger.savings.error.frozen');
    return formPage(c, m, a.id, agreementValues(a, lang(c)));
  });

  app.post(`${base}/agreements/:id${idp}/edit`, async (c) => {
    const m = await municipality(c);
    if (!m) return errorPage(c, 404);
    if (!state(c).actor) return signIn(c, m);
    if (!can(state(c).actor, 'edit_agreement', m.id)) return forbidden(c, m);
    return saveFromForm(c, m, num(c, 'id'));
  });

  const agreementPage = async (c: AppContext, m: Municipality, id: number, periodValues: Values = emptyPeriodValues(), periodErrors?: FieldErrors) => {
    const actor = state(c).actor;
    const data = await loadAgreementPage(deps, m.id, id);
    if (!data || (data.agreement.status === 'draft' && !can(actor, 'see_drafts', m.id))) return notFound(c, m);
    const flags = {
      canEdit: can(actor, 'edit_agreement', m.id),
      canAgree: can(actor, 'agree', m.id),
      canEnterCosts: can(actor, 'enter_costs', m.id),
      isFinanceOfficer: hasRole(actor, m.id, 'finance_officer'),
      actorId: actor?.id ?? null,
    };
    return html(c, AgreementPage({ page: page(c, m, 'agreements'), municipality: m, data, flags, periodValues, ...(periodErrors ? { periodErrors } : {}) }), periodErrors ? 422 : 200);
  };

  app.get(`${base}/agreements/:id${idp}`, async (c) => {
    const m = await municipality(c);
    if (!m) return errorPage(c, 404);
    return agreementPage(c, m, num(c, 'id'));
  });

  app.post(`${base}/agreements/:id${idp}/agree`, async (c) => {
    const m = await municipality(c);
    if (!m) return errorPage(c, 404);
    if (!state(c).actor) return signIn(c, m);
    const id = num(c, 'id');
    const r = await agreeAgreement(deps.db, state(c).actor, m.id, id);
    if (!r.ok) {
      if (r.error === 'forbidden') return forbidden(c, m);
      if (r.error === 'not_found') return notFound(c, m);
      return redirectWithFlash(c, urls.agreement(m.slug, id), 'error', r.error === 'already_agreed' ? 'ledger.savings.error.alreadyAgreed' : 'ledger.split.sum');
    }
    return redirectWithFlash(c, urls.agreement(m.slug, id), 'success', 'ledger.savings.flash.agreed');
  });

  app.post(`${base}/agreements/:id${idp}/periods`, async (c) => {
    const m = await municipality(c);
    if (!m) return errorPage(c, 404);
    if (!state(c).actor) return signIn(c, m);
    if (!can(state(c).actor, 'enter_costs', m.id)) return forbidden(c, m);
    const id = num(c, 'id');
    const f = form(c);
    const v = values(f);
    const parsed = validateForm(periodSchema(lang(c)), f);
    if (!parsed.ok) return agreementPage(c, m, id, v, translate(c, parsed.errors));
    const d = parsed.data;
    const r = await enterActualCosts(deps.db, state(c).actor, m.id, id, { label: d.label, startsOn: d.startsOn, endsOn: d.endsOn, actualOre: d.actual, sourceNote: d.sourceNote });
    if (!r.ok) {
      if (r.error === 'forbidden') return forbidden(c, m);
      if (r.error === 'not_found') return notFound(c, m);
      if (r.error === 'invalid') return agreementPage(c, m, id, v, translate(c, r.detail));
      return redirectWithFlash(c, urls.agreement(m.slug, id), 'error', r.error === 'not_agreed' ? 'ledger.savings.error.notAgreed' : 'ledger.savings.error.signedOff');
    }
    return redirectWithFlash(c, urls.agreement(m.slug, id), 'success', 'ledger.savings.flash.costsEntered');
  });

  app.post(`${base}/agreements/:id${idp}/periods/:period${idp}/sign-off`, async (c) => {
    const m = await municipality(c);
    if (!m) return errorPage(c, 404);
    if (!state(c).actor) return signIn(c, m);
    const id = num(c, 'id');
    const { t } = state(c).i18n;
    const r = await signOffPeriod(deps.db, state(c).actor, m.id, id, num(c, 'period'), (title, label) => t('ledger.savings.signOffMemo', { title, label }));
    if (!r.ok) {
      if (r.error === 'forbidden') return forbidden(c, m);
      if (r.error === 'not_found') return notFound(c, m);
      const key = {
        own_entry: 'ledger.savings.error.ownEntry',
        already_signed_off: 'ledger.savings.error.alreadySignedOff',
        no_saving: 'ledger.savings.error.noSaving',
      }[r.error as string];
      return redirectWithFlash(c, urls.agreement(m.slug, id), 'error', key ?? 'ledger.savings.error.postingFailed');
    }
    return redirectWithFlash(c, urls.agreement(m.slug, id), 'success', 'ledger.savings.flash.signedOff');
  });

  // Pots and reinvestment ---------------------------------------------------------------------------

  app.get(`${base}/pots`, async (c) => {
    const m = await municipality(c);
    if (!m) return errorPage(c, 404);
    const { pots, envelopes } = await loadPots(deps, m.id);
    return html(c, PotsPage({ page: page(c, m, 'pots'), municipality: m, pots, envelopes, canReinvest: can(state(c).actor, 'reinvest', m.id) }));
  });

  const reinvestPage = async (c: AppContext, m: Municipality, potId: number, v: Values, errors?: FieldErrors) => {
    const data = await loadReinvestForm(deps, m.id, potId);
    if (!data) return notFound(c, m);
    return html(c, ReinvestPage({ page: page(c, m, 'pots'), municipality: m, data, values: v, ...(errors ? { errors } : {}) }), errors ? 422 : 200);
  };

  app.get(`${base}/pots/:id${idp}/reinvest`, async (c) => {
    const m = await municipality(c);
    if (!m) return errorPage(c, 404);
    if (!state(c).actor) return signIn(c, m);
    if (!can(state(c).actor, 'reinvest', m.id)) return forbidden(c, m);
    return reinvestPage(c, m, num(c, 'id'), emptyReinvestValues());
  });

  app.post(`${base}/pots/:id${idp}/reinvest`, async (c) => {
    const m = await municipality(c);
    if (!m) return errorPage(c, 404);
    if (!state(c).actor) return signIn(c, m);
    if (!can(state(c).actor, 'reinvest', m.id)) return forbidden(c, m);
    const potId = num(c, 'id');
    const f = form(c);
    const v = values(f);
    const parsed = validateForm(reinvestSchema(lang(c)), f);
    if (!parsed.ok) return reinvestPage(c, m, potId, v, translate(c, parsed.errors));
    const d = parsed.data;
    const target = d.target === 'initiative' ? { kind: 'initiative' as const, initiativeId: d.initiativeId! } : { kind: 'pb' as const, processId: d.processId! };
    const r = await fundFromPot(deps.db, state(c).actor, m.id, { potId, target, amountOre: d.amount, memo: d.memo });
    if (!r.ok) {
      if (r.error === 'forbidden') return forbidden(c, m);
      if (r.error === 'not_found') return notFound(c, m);
      return reinvestPage(c, m, potId, v, translate(c, r.detail));
    }
    return redirectWithFlash(c, urls.potTrail(m.slug, potId), 'success', d.target === 'initiative' ? 'ledger.reinvest.flash.initiative' : 'ledger.reinvest.flash.pb');
  });

  // The money trail (public) -------------------------------------------------------------------------

  app.get(`${base}/trail/pot/:id${idp}`, async (c) => {
    const m = await municipality(c);
    if (!m) return errorPage(c, 404);
    const data = await loadPotTrail(deps, m.id, num(c, 'id'));
    if (!data) return notFound(c, m);
    return html(c, PotTrailPage({ page: page(c, m, 'pots'), municipality: m, data }));
  });

  app.get(`${base}/trail/initiative/:id${idp}`, async (c) => {
    const m = await municipality(c);
    if (!m) return errorPage(c, 404);
    const data = await loadInitiativeTrail(deps, m.id, num(c, 'id'));
    if (!data) return notFound(c, m);
    return html(c, InitiativeTrailPage({ page: page(c, m), municipality: m, data }));
  });

  // Export and settings ------------------------------------------------------------------------------

  app.get(`${base}/savings.csv`, async (c) => {
    const m = await municipality(c);
    if (!m) return errorPage(c, 404);
    if (!state(c).actor) return signIn(c, m);
    if (!can(state(c).actor, 'export', m.id)) return forbidden(c, m);
    const range = exportRangeSchema.safeParse({ from: c.req.query('from') ?? '', to: c.req.query('to') ?? '' });
    if (!range.success) return errorPage(c, 400, { municipality: m, messageKey: 'ledger.savings.error.date' });
    const csv = await deps.db.transaction({ municipalityId: m.id }, async (tx) => {
      const rows = await listSignedOff(tx, m.id, range.data);
      return savingsCsv(rows, await displayNames(tx, rows.flatMap((r) => [r.enteredBy, r.signedOffBy])));
    });
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="besparelser-${m.slug}.csv"`);
    return c.body(csv);
  });

  app.get(`${base}/settings/volunteer-rate`, async (c) => {
    const m = await municipality(c);
    if (!m) return errorPage(c, 404);
    if (!state(c).actor) return signIn(c, m);
    if (!can(state(c).actor, 'manage_settings', m.id)) return forbidden(c, m);
    const rate = await deps.db.transaction({ municipalityId: m.id }, (tx) => volunteerHourRate(tx, m.id));
    return html(c, VolunteerRatePage({ page: page(c, m, 'agreements'), municipality: m, value: formatOreInput(rate, lang(c)) }));
  });

  app.post(`${base}/settings/volunteer-rate`, async (c) => {
    const m = await municipality(c);
    if (!m) return errorPage(c, 404);
    if (!state(c).actor) return signIn(c, m);
    const f = form(c);
    const parsed = validateForm(hourRateSchema(lang(c)), f);
    if (!parsed.ok) return html(c, VolunteerRatePage({ page: page(c, m, 'agreements'), municipality: m, value: field(f, 'rate'), errors: translate(c, parsed.errors) }), 422);
    const r = await setVolunteerRate(deps.db, state(c).actor, m.id, parsed.data.rate);
    if (!r.ok) return forbidden(c, m);
    return redirectWithFlash(c, urls.agreements(m.slug), 'success', 'ledger.volunteer.flash.saved');
  });
}

/** The "Money" section of an initiative's page (initiatives cannot import the ledger, so it asks through a slot). */
function registerInitiativeAside(): void {
  setInitiativeAsideProvider('ledger', async (tx, ref, { actor, i18n }) => {
    const { t } = i18n;
    const money = await initiativeMoneySummary(tx, ref.municipalityId, ref.initiativeId);
    const staff = can(actor, 'edit_agreement', ref.municipalityId);
    const any = money.agreements > 0 || money.receivedOre > 0n;
    if (!any && !staff) return null;
    const l = i18n.lang === 'en' ? 'en' : 'da';
    const lines: { text: string; href?: string }[] = [];
    if (money.agreements > 0) lines.push({ text: t('ledger.aside.savings', { amount: formatOre(money.savingsOre, l) }) });
    if (money.receivedOre > 0n) lines.push({ text: t('ledger.aside.received', { amount: formatOre(money.receivedOre, l) }) });
    if (!any) lines.push({ text: t('ledger.aside.none') });
    const actions = [{ label: t('ledger.trail.initiativeLink'), href: urls.initiativeTrail(ref.municipalitySlug, ref.initiativeId) }];
    if (staff) actions.push({ label: t('ledger.aside.newAgreement'), href: urls.newAgreement(ref.municipalitySlug, ref.initiativeId) });
    return { id: 'ledger-money', heading: t('ledger.aside.heading'), lines, actions };
  });
}
