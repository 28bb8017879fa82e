// Field reports and the pages for facilitators and admins: the report form (multipart, with an
// optional photo), the reporter's own reports, the operations queue, the photo itself, the guest
// setting, volunteer arrangements, and verified hours.
import type { Hono } from 'hono';
import type { AppContext, AppDeps, AppEnv } from '../../core/http/context.js';
import { state } from '../../core/http/context.js';
import { field, validateForm, type FieldErrors, type FormFields } from '../../core/http/form.js';
import { errorPage, html, redirectWithFlash } from '../../core/http/respond.js';
import type { Municipality } from '../municipalities/index.js';
import { saveArrangement } from './commands/save-arrangement.js';
import { setGuestsAllowed } from './commands/set-guests-allowed.js';
import { submitReport } from './commands/submit-report.js';
import { updateReportStatus } from './commands/update-report-status.js';
import { can } from './workdays.policy.js';
import { arrangementOf, hoursOverview, isGuestsAllowed, reportPhotoFor, reportQueue, reportsOf } from './workdays.queries.js';
import { municipalityOf, idParam, nav, needSignIn, page } from './workdays.routes.js';
import { arrangementSchema, reportFormSchema, reportStatusSchema } from './workdays.schemas.js';
import { reportCategories, reportStatuses, type Arrangement, type ReportCategory, type ReportStatus } from './workdays.types.js';
import { ArrangementPage, HoursPage, SettingsPage, type ArrangementValues } from './views/admin-pages.js';
import { MyReportsPage, QueuePage, ReportNewPage, type ReportFormValues } from './views/report-pages.js';
import { urls } from './views/shared.js';

/** The one route that takes a file; core applies this limit and checks CSRF before the route runs. */
export const REPORT_UPLOAD = { pattern: /^\/m\/[^/]+\/workdays\/reports\/new$/, maxSize: 6 * 1024 * 1024 };

const form = (c: AppContext): FormFields => state(c).form ?? {};
const translate = (c: AppContext, errors: Record<string, string>): FieldErrors => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, state(c).i18n.t(v)]));
const dayIdOf = (s: string): number | null => (/^[1-9]\d{0,8}$/.test(s) ? Number(s) : null);

/** The uploaded photo, or null when the field was left empty (browsers then send an empty, nameless file). */
async function uploadedPhoto(c: AppContext): Promise<Uint8Array | null> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'multipart/form-data') return null;
  const body = await c.req.parseBody({ all: true });
  const value = body.photo;
  const file = (Array.isArray(value) ? value : [value]).find((v): v is File => typeof v === 'object' && v !== null);
  if (!file || (file.size === 0 && file.name === '')) return null;
  return new Uint8Array(await file.arrayBuffer());
}

export function registerReportAndAdminRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const base = '/m/:slug/workdays';
  const forbidden = (c: AppContext, m: Municipality) => errorPage(c, 403, { municipality: m, nav: nav(c, m) });
  const notFound = (c: AppContext, m: Municipality) => errorPage(c, 404, { municipality: m, nav: nav(c, m) });

  // Field reports -----------------------------------------------------------------------------

  const newReportPage = (c: AppContext, m: Municipality, dayId: number | null, values: ReportFormValues = {}, errors?: FieldErrors) =>
    html(c, ReportNewPage({ page: page(c, m), municipality: m, dayId, values, ...(errors ? { errors } : {}) }), errors ? 422 : 200);

  app.get(`${base}/reports/new`, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    if (!state(c).actor) return needSignIn(c, m);
    return newReportPage(c, m, dayIdOf(c.req.query('day') ?? ''));
  });

  app.post(`${base}/reports/new`, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    const f = form(c);
    const dayId = dayIdOf(field(f, 'dayId'));
    const values = { category: field(f, 'category'), place: field(f, 'place'), description: field(f, 'description') };
    const v = validateForm(reportFormSchema, f);
    const photo = await uploadedPhoto(c);
    if (!v.ok) return newReportPage(c, m, dayId, values, translate(c, v.errors));
    const r = await submitReport(deps.db, actor, m.id, { dayId, category: v.data.category, place: v.data.place, description: v.data.description, lang: state(c).lang, photo });
    if (!r.ok) {
      if (r.error === 'not_found') return notFound(c, m);
      if (r.error === 'forbidden') return forbidden(c, m);
      return newReportPage(c, m, dayId, values, translate(c, { photo: `workdays.error.image.${r.error.slice('image_'.length)}` }));
    }
    return redirectWithFlash(c, urls.reportsMine(m.slug), 'success', 'workdays.flash.reportSent');
  });

  app.get(`${base}/reports/mine`, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    return html(c, MyReportsPage({ page: page(c, m), municipality: m, reports: await reportsOf(deps, m.id, actor.id) }));
  });

  const queuePage = async (c: AppContext, m: Municipality, failed?: { id: number; values: Record<string, string>; errors: FieldErrors }) => {
    const status = c.req.query('status') ?? '';
    const category = c.req.query('category') ?? '';
    const filter = {
      status: (reportStatuses as readonly string[]).includes(status) ? (status as ReportStatus) : null,
      category: (reportCategories as readonly string[]).includes(category) ? (category as ReportCategory) : null,
    };
    const reports = await reportQueue(deps, m.id, filter);
    return html(c, QueuePage({ page: page(c, m), municipality: m, reports, filter: { status: filter.status ?? '', category: filter.category ?? '' }, ...(failed ? { failed } : {}) }), failed ? 422 : 200);
  };

  app.get(`${base}/reports`, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    if (!can(actor, 'handle_reports', m.id)) return forbidden(c, m);
    return queuePage(c, m);
  });

  app.post(`${base}/reports/:report{[0-9]{1,9}}`, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    if (!can(actor, 'handle_reports', m.id)) return forbidden(c, m);
    const id = idParam(c, 'report');
    const f = form(c);
    const v = validateForm(reportStatusSchema, f);
    if (!v.ok) return queuePage(c, m, { id, values: { status: field(f, 'status'), note: field(f, 'note') }, errors: translate(c, v.errors) });
    const r = await updateReportStatus(deps.db, actor, m.id, id, v.data.status, v.data.note);
    if (!r.ok) return r.error === 'forbidden' ? forbidden(c, m) : notFound(c, m);
    return redirectWithFlash(c, urls.reportsQueue(m.slug), 'success', 'workdays.flash.reportUpdated');
  });

  // Only the reporter and those who handle reports see a photo; to anyone else it does not exist.
  app.get(`${base}/reports/:report{[0-9]{1,9}}/image`, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    const photo = await reportPhotoFor(deps, m.id, idParam(c, 'report'), actor);
    if (!photo) return notFound(c, m);
    return c.body(new Uint8Array(photo.bytes), 200, {
      'content-type': photo.type,
      'x-content-type-options': 'nosniff',
      'content-disposition': 'inline',
      'cache-control': 'private, max-age=300',
      'content-security-policy': "default-src 'none'; sandbox",
    });
  });

  // Settings --------------------------------------------------------------------------------------

  app.get(`${base}/settings`, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    if (!can(actor, 'manage_settings', m.id)) return forbidden(c, m);
    return html(c, SettingsPage({ page: page(c, m), municipality: m, guestsAllowed: await isGuestsAllowed(deps, m.id) }));
  });

  app.post(`${base}/settings`, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    const r = await setGuestsAllowed(deps.db, actor, m.id, field(form(c), 'guestsAllowed') === 'yes');
    if (!r.ok) return forbidden(c, m);
    return redirectWithFlash(c, urls.settings(m.slug), 'success', 'workdays.flash.settingsSaved');
  });

  // Volunteer arrangements ------------------------------------------------------------------------

  const arrangementPage = async (c: AppContext, m: Municipality, userId: number, values?: ArrangementValues, errors?: FieldErrors) => {
    const found = await arrangementOf(deps, m.id, userId);
    if (!found) return notFound(c, m);
    const a = found.arrangement;
    const shown: ArrangementValues = values ?? {
      roleType: a?.roleType ?? '',
      associationName: a?.associationName ?? '',
      managerApproved: a?.managerApproved ? 'yes' : '',
      worksWithChildren: a?.worksWithChildren ? 'yes' : '',
      childCheckStatus: a?.childCheckStatus ?? 'not_required',
      childCheckDate: a?.childCheckDate ?? '',
    };
    return html(c, ArrangementPage({ page: page(c, m), municipality: m, userId, name: found.name, values: shown, ...(errors ? { errors } : {}) }), errors ? 422 : 200);
  };

  app.get(`${base}/people/:user{[0-9]{1,12}}/arrangement`, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    if (!can(actor, 'manage_arrangements', m.id)) return forbidden(c, m);
    return arrangementPage(c, m, idParam(c, 'user'));
  });

  app.post(`${base}/people/:user{[0-9]{1,12}}/arrangement`, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    if (!can(actor, 'manage_arrangements', m.id)) return forbidden(c, m);
    const userId = idParam(c, 'user');
    const f = form(c);
    const values = Object.fromEntries(['roleType', 'associationName', 'managerApproved', 'worksWithChildren', 'childCheckStatus', 'childCheckDate'].map((k) => [k, field(f, k)]));
    const v = validateForm(arrangementSchema, f);
    if (!v.ok) return arrangementPage(c, m, userId, values, translate(c, v.errors));
    if (!(await arrangementOf(deps, m.id, userId))) return notFound(c, m);
    const d = v.data;
    const a: Arrangement = {
      userId,
      roleType: d.roleType,
      associationName: d.roleType === 'association' ? d.associationName : '',
      managerApproved: d.managerApproved,
      worksWithChildren: d.worksWithChildren,
      childCheckStatus: d.childCheckStatus,
      childCheckDate: d.childCheckDate === '' ? null : d.childCheckDate,
    };
    const r = await saveArrangement(deps.db, actor, m.id, a);
    if (!r.ok) return forbidden(c, m);
    return redirectWithFlash(c, urls.arrangement(m.slug, userId), 'success', 'workdays.flash.arrangementSaved');
  });

  // Verified hours --------------------------------------------------------------------------------

  // Those who verify hours see the totals; dashboards for everyone else come from the insights module.
  app.get(`${base}/hours`, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    if (!can(actor, 'verify_hours', m.id)) return forbidden(c, m);
    return html(c, HoursPage({ page: page(c, m), municipality: m, hours: await hoursOverview(deps, m.id) }));
  });
}
