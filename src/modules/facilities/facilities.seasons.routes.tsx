// Seasonal allocation pages under /m/:slug/facilities/seasons: anyone signed in sees them, group
// coordinators ask for weekly slots, staff create seasons, allocate, decline and copy last season.
import type { Hono } from 'hono';
import type { AppContext, AppDeps, AppEnv } from '../../core/http/context.js';
import { state } from '../../core/http/context.js';
import { field, type FormFields } from '../../core/http/form.js';
import { errorPage, html, redirectWithFlash } from '../../core/http/respond.js';
import type { FieldErrors } from '../../core/views/forms.js';
import type { Municipality } from '../municipalities/index.js';
import { allocateSeasonRequest, copyLastSeason, createSeason, declineSeasonRequest, requestSeasonSlot } from './commands/seasons.js';
import { can } from './facilities.policy.js';
import { getCoordinatedGroups, getFacilities, getSeasons, getSeasonWithRequests } from './facilities.queries.js';
import { facilitiesPage, idParam, needSignIn, place } from './facilities.http.js';
import { dateInWords, facilitiesBase } from './views/shared.js';
import { SeasonPage, SeasonsPage, type SeasonFormValues, type SlotFormValues } from './views/season-pages.js';

const emptySlot: SlotFormValues = { facility: '', group: '', weekday: '', start: '', end: '', purpose: '' };

export function registerSeasonRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const base = '/m/:slug/facilities/seasons';
  const form = (c: AppContext): FormFields => state(c).form ?? {};

  const signedIn = async (c: AppContext) => {
    const m = await place(c, deps);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    return { m, actor, isStaff: can(actor, 'manage_facilities', m.id) };
  };

  const listPage = async (c: AppContext, m: Municipality, isStaff: boolean, values: SeasonFormValues, errors?: FieldErrors, status: 200 | 422 = 200) =>
    html(c, SeasonsPage({ page: facilitiesPage(c, m, 'seasons'), place: m, seasons: await getSeasons(deps, m.id), isStaff, values, ...(errors ? { errors } : {}) }), status);

  app.get(base, async (c) => {
    const s = await signedIn(c);
    if (s instanceof Response) return s;
    return listPage(c, s.m, s.isStaff, { name: '', startsOn: '', endsOn: '' });
  });

  app.post(base, async (c) => {
    const s = await signedIn(c);
    if (s instanceof Response) return s;
    if (!s.isStaff) return errorPage(c, 403, { municipality: s.m });
    const { t } = state(c).i18n;
    const values = { name: field(form(c), 'name').trim(), startsOn: field(form(c), 'startsOn').trim(), endsOn: field(form(c), 'endsOn').trim() };
    if (values.name.length < 2 || values.name.length > 80) return listPage(c, s.m, true, values, { name: t('facilities.seasons.error.name') }, 422);
    const r = await createSeason(deps.db, s.actor, s.m.id, values);
    if (!r.ok) {
      const errors: FieldErrors =
        r.error === 'name_taken' ? { name: t('facilities.seasons.error.nameTaken') } : r.error === 'invalid_dates' ? { startsOn: t('facilities.error.invalid_date') } : r.error === 'forbidden' ? {} : { endsOn: t(`facilities.seasons.error.${r.error}`) };
      if (r.error === 'forbidden') return errorPage(c, 403, { municipality: s.m });
      return listPage(c, s.m, true, values, errors, 422);
    }
    return redirectWithFlash(c, `${facilitiesBase(s.m)}/seasons/${r.value.id}`, 'success', 'facilities.seasons.created');
  });

  const seasonPage = async (c: AppContext, s: { m: Municipality; actor: { id: number }; isStaff: boolean }, seasonId: number, extra: { values?: SlotFormValues; errors?: FieldErrors; error?: string } = {}, status: 200 | 409 | 422 = 200) => {
    const data = await getSeasonWithRequests(deps, s.m.id, seasonId);
    if (!data) return errorPage(c, 404, { municipality: s.m });
    const groups = await getCoordinatedGroups(deps, s.m.id, s.actor.id);
    const facilities = await getFacilities(deps, s.m.id);
    return html(
      c,
      SeasonPage({ page: facilitiesPage(c, s.m, 'seasons'), place: s.m, season: data.season, requests: data.requests, isStaff: s.isStaff, facilities, groups, values: extra.values ?? emptySlot, ...(extra.errors ? { errors: extra.errors } : {}), ...(extra.error ? { error: extra.error } : {}) }),
      status,
    );
  };

  app.get(`${base}/:sid{[0-9]+}`, async (c) => {
    const s = await signedIn(c);
    if (s instanceof Response) return s;
    return seasonPage(c, s, idParam(c, 'sid') ?? 0);
  });

  app.post(`${base}/:sid{[0-9]+}/requests`, async (c) => {
    const s = await signedIn(c);
    if (s instanceof Response) return s;
    const seasonId = idParam(c, 'sid') ?? 0;
    const { t } = state(c).i18n;
    const f = form(c);
    const values: SlotFormValues = { facility: field(f, 'facility'), group: field(f, 'group'), weekday: field(f, 'weekday'), start: field(f, 'start'), end: field(f, 'end'), purpose: field(f, 'purpose').trim() };
    const errors: FieldErrors = {};
    if (!/^\d{1,9}$/.test(values.facility)) errors.facility = t('facilities.seasons.error.facility');
    if (!/^\d{1,9}$/.test(values.group)) errors.group = t('facilities.book.error.group');
    if (!/^[1-7]$/.test(values.weekday)) errors.weekday = t('facilities.seasons.error.weekday');
    if (values.purpose.length < 2 || values.purpose.length > 200) errors.purpose = t('facilities.book.error.purposeRequired');
    if (Object.keys(errors).length > 0) return seasonPage(c, s, seasonId, { values, errors }, 422);
    const r = await requestSeasonSlot(deps.db, s.actor, s.m.id, { seasonId, facilityId: Number(values.facility), groupId: Number(values.group), weekday: Number(values.weekday), start: values.start, end: values.end, purpose: values.purpose });
    if (!r.ok) {
      if (r.error === 'season_not_found') return errorPage(c, 404, { municipality: s.m });
      if (r.error === 'forbidden') return errorPage(c, 403, { municipality: s.m });
      const target = r.error === 'facility_not_found' ? 'facility' : r.error === 'not_group_coordinator' || r.error === 'groups_not_allowed' ? 'group' : r.error === 'end_before_start' || r.error === 'invalid_end' ? 'end' : r.error === 'closed_weekday' ? 'weekday' : 'start';
      const key = r.error === 'facility_not_found' ? 'facilities.seasons.error.facility' : `facilities.error.${r.error}`;
      return seasonPage(c, s, seasonId, { values, errors: { [target]: t(key) } }, 422);
    }
    return redirectWithFlash(c, `${facilitiesBase(s.m)}/seasons/${seasonId}`, 'success', 'facilities.seasons.requested');
  });

  const staff = async (c: AppContext) => {
    const s = await signedIn(c);
    if (s instanceof Response) return s;
    if (!s.isStaff) return errorPage(c, 403, { municipality: s.m });
    return s;
  };

  app.post(`${base}/:sid{[0-9]+}/requests/:rid{[0-9]+}/allocate`, async (c) => {
    const s = await staff(c);
    if (s instanceof Response) return s;
    const seasonId = idParam(c, 'sid') ?? 0;
    const r = await allocateSeasonRequest(deps.db, s.actor, s.m.id, s.m.timeZone, idParam(c, 'rid') ?? 0);
    const back = `${facilitiesBase(s.m)}/seasons/${seasonId}`;
    if (!r.ok) {
      const { t } = state(c).i18n;
      if (r.error === 'request_not_found') return errorPage(c, 404, { municipality: s.m });
      if (r.error === 'not_requested') return redirectWithFlash(c, back, 'info', 'facilities.seasons.alreadyDecided');
      if (r.error === 'forbidden') return errorPage(c, 403, { municipality: s.m });
      const dates = r.detail.dates.map((d) => dateInWords(state(c).i18n, d, 'long')).join(', ');
      const error = r.error === 'no_dates' ? t('facilities.seasons.error.noDates') : t('facilities.seasons.error.taken', { dates: dates || '–' });
      return seasonPage(c, s, seasonId, { error }, 409);
    }
    return redirectWithFlash(c, back, 'success', 'facilities.seasons.allocated');
  });

  app.post(`${base}/:sid{[0-9]+}/requests/:rid{[0-9]+}/decline`, async (c) => {
    const s = await staff(c);
    if (s instanceof Response) return s;
    const back = `${facilitiesBase(s.m)}/seasons/${idParam(c, 'sid') ?? 0}`;
    const r = await declineSeasonRequest(deps.db, s.actor, s.m.id, idParam(c, 'rid') ?? 0);
    if (!r.ok && r.error === 'forbidden') return errorPage(c, 403, { municipality: s.m });
    return redirectWithFlash(c, back, r.ok ? 'success' : 'info', r.ok ? 'facilities.seasons.declined' : 'facilities.seasons.alreadyDecided');
  });

  app.post(`${base}/:sid{[0-9]+}/copy`, async (c) => {
    const s = await staff(c);
    if (s instanceof Response) return s;
    const seasonId = idParam(c, 'sid') ?? 0;
    const r = await copyLastSeason(deps.db, s.actor, s.m.id, seasonId);
    if (!r.ok) {
      if (r.error === 'season_not_found') return errorPage(c, 404, { municipality: s.m });
      if (r.error === 'forbidden') return errorPage(c, 403, { municipality: s.m });
      return seasonPage(c, s, seasonId, { error: state(c).i18n.t('facilities.seasons.error.noPrevious') }, 409);
    }
    return redirectWithFlash(c, `${facilitiesBase(s.m)}/seasons/${seasonId}`, 'success', r.value.copied > 0 ? 'facilities.seasons.copiedFlash' : 'facilities.seasons.copiedNone');
  });
}
