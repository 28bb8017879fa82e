// Pages of the workdays module under /m/:slug/workdays. Each route goes load municipality → authorize
// → validate → command → view; forms post back to their own address or redirect (Post/Redirect/Get).
import crypto from 'node:crypto';
import type { Hono } from 'hono';
import type { Actor } from '../../core/auth/actor.js';
import type { AppContext, AppDeps, AppEnv } from '../../core/http/context.js';
import { pageContext, state } from '../../core/http/context.js';
import { field, validateForm, type FieldErrors, type FormFields } from '../../core/http/form.js';
import { errorPage, html, redirectWithFlash } from '../../core/http/respond.js';
import type { NavItem } from '../../core/views/page-context.js';
import { serializeCalendar, type IcalEvent } from '../../core/ical/ical.js';
import { findGroup, listGroupsForUser } from '../groups/index.js';
import { listInitiativesForOwnerSelect } from '../initiatives/index.js';
import { listAreas, loadMunicipality, type Municipality } from '../municipalities/index.js';
import { assignStaff } from './commands/assign-staff.js';
import { cancelSignup, cancelWithToken, peekToken } from './commands/cancel-signup.js';
import { createWorkDay } from './commands/create-work-day.js';
import { recordAttendance, type AttendanceEntry } from './commands/record-attendance.js';
import { signUpForShift } from './commands/sign-up-for-shift.js';
import { verifyHours } from './commands/verify-hours.js';
import { sendPromotionMail, sendSignupMail } from './workdays.mail.js';
import { can } from './workdays.policy.js';
import { loadDay, loadDayPage, myShifts, upcomingDays } from './workdays.queries.js';
import { findSignup } from './workdays.repository.js';
import { dayFormSchema, guestFormSchema, parseHours, SHIFT_ROWS, shiftRowSchema, staffFormSchema } from './workdays.schemas.js';
import type { ShiftInput } from './workdays.plan.js';
import { DayPage, type DayPageProps } from './views/day-page.js';
import { AttendancePage, CantComePage, emptyDayForm, MyShiftsPage, NewDayPage, type DayFormValues } from './views/form-pages.js';
import { ListPage } from './views/list-page.js';
import { formatWhen, urls } from './views/shared.js';

export function nav(c: AppContext, m: Municipality): NavItem[] {
  const { t } = state(c).i18n;
  return [
    { href: `/m/${encodeURIComponent(m.slug)}`, label: t('workdays.nav.home') },
    { href: urls.list(m.slug), label: t('workdays.nav.workdays'), current: true },
  ];
}
export const page = (c: AppContext, m: Municipality) => pageContext(c, { municipality: m, nav: nav(c, m) });
const translate = (c: AppContext, errors: Record<string, string>): FieldErrors => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, state(c).i18n.t(v)]));

export async function municipalityOf(c: AppContext, deps: AppDeps): Promise<Municipality | null> {
  return loadMunicipality(deps, c.req.param('slug') ?? '');
}

/** The sign-in page for an anonymous GET; 401 for an anonymous POST, whose form data cannot survive a detour. */
export function needSignIn(c: AppContext, m: Municipality): Response {
  if (c.req.method === 'GET') {
    const url = new URL(c.req.url);
    return c.redirect(urls.login(url.pathname + url.search), 302);
  }
  return errorPage(c, 401, { municipality: m, nav: nav(c, m) });
}

export const idParam = (c: AppContext, name: string): number => Number(c.req.param(name));
const form = (c: AppContext): FormFields => state(c).form ?? {};

function feedMac(deps: AppDeps, mid: number, userId: number): string {
  return crypto.createHmac('sha256', deps.secret).update(`workdays-feed:${mid}:${userId}`).digest('base64url').slice(0, 32);
}

/** A work day or personal shift feed; generated on each fetch, so DTSTAMP is now. */
const workdaysCalendar = (name: string, events: IcalEvent[]): string => serializeCalendar({ prodId: '-//Samskab//Workdays//DA', name, stamp: new Date(), events });

async function coordinatedGroups(deps: AppDeps, mid: number, userId: number, extra: number | null, actor: Actor | null = null) {
  return deps.db.transaction({ municipalityId: mid, userId }, async (tx) => {
    // The initiatives the person may organise for (all open ones for facilitators).
    const initiatives = actor ? await listInitiativesForOwnerSelect(tx, mid, actor) : [];
    const mine = (await listGroupsForUser(tx, mid, userId)).filter((g) => g.membership.role === 'coordinator' && g.membership.status === 'active').map((g) => ({ id: g.group.id, name: g.group.name }));
    if (extra !== null && !mine.some((g) => g.id === extra)) {
      const g = await findGroup(tx, mid, extra);
      if (g) mine.push({ id: g.id, name: g.name });
    }
    return { groups: mine, initiatives, areas: (await listAreas(tx, mid)).map((a) => ({ id: a.id, name: a.name })) };
  });
}

export function registerWorkdaysRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const base = '/m/:slug/workdays';

  app.get(base, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    const items = await upcomingDays(deps, m.id, new Date());
    const owners = actor ? await coordinatedGroups(deps, m.id, actor.id, null, actor) : null;
    const coordinates = owners !== null && owners.groups.length > 0;
    const organises = owners !== null && owners.initiatives.length > 0;
    return html(
      c,
      ListPage({
        page: page(c, m),
        municipality: m,
        items,
        canCreate: can(actor, 'create_day', m.id, { coordinatesGroup: coordinates, createdDay: false, organisesInitiative: organises }),
        signedIn: !!actor,
        staff: { reports: can(actor, 'handle_reports', m.id), hours: can(actor, 'verify_hours', m.id), settings: can(actor, 'manage_settings', m.id) },
      }),
    );
  });

  // New work day or round --------------------------------------------------------------------

  const newDayPage = async (c: AppContext, m: Municipality, values: DayFormValues, errors?: FieldErrors) => {
    const actor = state(c).actor!;
    const extra = /^[1-9]\d{0,8}$/.test(values.groupId ?? '') ? Number(values.groupId) : null;
    const { groups, initiatives, areas } = await coordinatedGroups(deps, m.id, actor.id, extra, actor);
    return html(c, NewDayPage({ page: page(c, m), municipality: m, groups, initiatives, areas, values, ...(errors ? { errors } : {}) }), errors ? 422 : 200);
  };

  app.get(`${base}/new`, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    if (!state(c).actor) return needSignIn(c, m);
    return newDayPage(c, m, { ...emptyDayForm(c.req.query('group') ?? ''), initiativeId: (c.req.query('initiative') ?? '').slice(0, 10) });
  });

  app.post(`${base}/new`, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    const f = form(c);
    const values: DayFormValues = Object.fromEntries(Object.keys(f).filter((k) => k !== '_csrf').map((k) => [k, field(f, k)]));
    const errors: Record<string, string> = {};
    const v = validateForm(dayFormSchema, f);
    if (!v.ok) Object.assign(errors, v.errors);
    const shifts: ShiftInput[] = [];
    for (let n = 1; n <= SHIFT_ROWS; n++) {
      const row = { label: field(f, `shift${n}Label`), startTime: field(f, `shift${n}Start`), endTime: field(f, `shift${n}End`), capacity: field(f, `shift${n}Capacity`) };
      if (n > 1 && row.label.trim() === '') continue;
      const r = validateForm(shiftRowSchema, row);
      if (!r.ok) {
        const names: Record<string, string> = { label: 'Label', startTime: 'Start', endTime: 'End', capacity: 'Capacity' };
        for (const [k, key] of Object.entries(r.errors)) errors[`shift${n}${names[k] ?? 'Label'}`] ??= key;
      } else shifts.push(r.data);
    }
    if (!v.ok || Object.keys(errors).length > 0) return newDayPage(c, m, values, translate(c, errors));
    const d = v.data;
    const result = await createWorkDay(
      deps.db,
      actor,
      m,
      { title: d.title, description: d.description, lang: state(c).lang, groupId: d.groupId, initiativeId: d.initiativeId, areaId: d.areaId, address: d.address, meetingPoint: d.meetingPoint, tasks: d.tasks, equipment: d.equipment, bring: d.bring },
      {
        date: d.date,
        startTime: d.startTime,
        endTime: d.endTime,
        shifts,
        repeat: d.repeat === 'weekly' ? { everyWeeks: Number(d.everyWeeks), count: d.count === '' ? null : Number(d.count), until: d.until === '' ? null : d.until } : null,
      },
    );
    if (!result.ok) {
      if (result.error === 'forbidden') return newDayPage(c, m, values, translate(c, Object.keys(result.detail).length > 0 ? result.detail : { groupId: 'workdays.error.owner' }));
      const mapped = Object.fromEntries(Object.entries(result.detail).map(([k, key]) => [k === 'owner' ? 'groupId' : k, key]));
      return newDayPage(c, m, values, translate(c, mapped));
    }
    const first = result.value.dayIds[0]!;
    return redirectWithFlash(c, urls.day(m.slug, first), 'success', result.value.roundId ? 'workdays.flash.roundCreated' : 'workdays.flash.created');
  });

  // One day ----------------------------------------------------------------------------------

  const dayPage = async (c: AppContext, m: Municipality, dayId: number, extra: Partial<Pick<DayPageProps, 'guest' | 'staff'>> = {}, status: 200 | 409 | 422 = 200) => {
    const data = await loadDayPage(deps, m.id, dayId, state(c).actor);
    if (!data) return errorPage(c, 404, { municipality: m, nav: nav(c, m) });
    const areaName = data.day.areaId === null ? null : ((await deps.db.transaction({ municipalityId: m.id }, (tx) => listAreas(tx, m.id))).find((a) => a.id === data.day.areaId)?.name ?? null);
    return html(c, DayPage({ page: page(c, m), municipality: m, data, now: new Date(), areaName, ...extra }), status);
  };

  app.get(`${base}/:id{[0-9]{1,9}}`, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    return dayPage(c, m, idParam(c, 'id'));
  });

  app.get(`${base}/:id{[0-9]{1,9}}/calendar.ics`, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    const found = await loadDay(deps, m.id, idParam(c, 'id'));
    if (!found) return errorPage(c, 404, { municipality: m });
    const { day, shifts } = found;
    const url = `${deps.config.baseUrl}${urls.day(m.slug, day.id)}`;
    const location = [day.address, day.meetingPoint].filter(Boolean).join(', ');
    const events: IcalEvent[] = shifts.map((s) => ({ uid: `workday-${m.id}-${day.id}-shift-${s.id}@samskab`, start: s.startsAt, end: s.endsAt, summary: `${day.title}: ${s.label}`, description: [day.tasks, day.bring].filter(Boolean).join('\n\n'), location, url, status: 'CONFIRMED' }));
    return c.body(workdaysCalendar(day.title, events), 200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="workday-${day.id}.ics"` });
  });

  app.post(`${base}/:id{[0-9]{1,9}}/shifts/:shift{[0-9]{1,9}}/signup`, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    const dayId = idParam(c, 'id');
    const r = await signUpForShift(deps.db, actor, m.id, idParam(c, 'shift'), { kind: 'user', userId: actor.id }, { lang: state(c).lang });
    if (!r.ok) {
      if (r.error === 'not_found') return errorPage(c, 404, { municipality: m, nav: nav(c, m) });
      const key = r.error === 'already_signed_up' ? 'workdays.error.alreadySignedUp' : r.error === 'shift_past' ? 'workdays.error.shiftPast' : null;
      return key ? redirectWithFlash(c, urls.day(m.slug, dayId), 'error', key) : errorPage(c, 403, { municipality: m, nav: nav(c, m) });
    }
    await sendSignupMail(deps, m, r.value.signupId, r.value.status, null);
    return redirectWithFlash(c, urls.day(m.slug, r.value.dayId), 'success', r.value.status === 'confirmed' ? 'workdays.flash.signedUp' : 'workdays.flash.waitlisted');
  });

  app.post(`${base}/:id{[0-9]{1,9}}/guest`, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    const f = form(c);
    const dayId = idParam(c, 'id');
    const values = { name: field(f, 'name'), email: field(f, 'email'), shiftId: field(f, 'shiftId') };
    const v = validateForm(guestFormSchema, f);
    if (!v.ok) return dayPage(c, m, dayId, { guest: { values, errors: translate(c, v.errors) } }, 422);
    const r = await signUpForShift(deps.db, null, m.id, v.data.shiftId, { kind: 'guest', name: v.data.name, email: v.data.email }, { lang: state(c).lang });
    if (!r.ok) {
      if (r.error === 'not_found') return errorPage(c, 404, { municipality: m, nav: nav(c, m) });
      if (r.error === 'guests_not_allowed') return errorPage(c, 403, { municipality: m, nav: nav(c, m) });
      const key = r.error === 'already_signed_up' ? 'workdays.error.alreadySignedUp' : 'workdays.error.shiftPast';
      return dayPage(c, m, dayId, { guest: { values, errors: translate(c, { email: key }) } }, 409);
    }
    await sendSignupMail(deps, m, r.value.signupId, r.value.status, r.value.cantComeToken);
    return redirectWithFlash(c, urls.day(m.slug, r.value.dayId), 'success', r.value.status === 'confirmed' ? 'workdays.flash.guestSignedUp' : 'workdays.flash.waitlisted');
  });

  app.post(`${base}/:id{[0-9]{1,9}}/shifts/:shift{[0-9]{1,9}}/staff`, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    if (!can(actor, 'assign_staff', m.id)) return errorPage(c, 403, { municipality: m, nav: nav(c, m) });
    const dayId = idParam(c, 'id');
    const shiftId = idParam(c, 'shift');
    const value = field(form(c), 'email');
    const again = (key: string, status: 409 | 422) => dayPage(c, m, dayId, { staff: { shiftId, value, error: state(c).i18n.t(key) } }, status);
    const v = validateForm(staffFormSchema, form(c));
    if (!v.ok) return again('workdays.error.unknownPerson', 422);
    const r = await assignStaff(deps.db, actor, m.id, shiftId, v.data.email);
    if (!r.ok) {
      if (r.error === 'not_found') return errorPage(c, 404, { municipality: m, nav: nav(c, m) });
      if (r.error === 'forbidden') return errorPage(c, 403, { municipality: m, nav: nav(c, m) });
      const key = { unknown_person: 'workdays.error.unknownPerson', already_signed_up: 'workdays.error.alreadySignedUp', shift_full: 'workdays.error.shiftFull', shift_past: 'workdays.error.shiftPast' }[r.error];
      return again(key, r.error === 'unknown_person' ? 422 : 409);
    }
    await sendSignupMail(deps, m, r.value.signupId, 'confirmed', null);
    return redirectWithFlash(c, urls.day(m.slug, dayId), 'success', 'workdays.flash.staffAssigned');
  });

  app.post(`${base}/signups/:signup{[0-9]{1,9}}/cancel`, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    const signupId = idParam(c, 'signup');
    const own = await deps.db.transaction({ municipalityId: m.id }, (tx) => findSignup(tx, m.id, signupId));
    const r = await cancelSignup(deps.db, actor, m.id, signupId);
    if (!r.ok) {
      if (r.error === 'not_found') return errorPage(c, 404, { municipality: m, nav: nav(c, m) });
      if (r.error === 'forbidden') return errorPage(c, 403, { municipality: m, nav: nav(c, m) });
      return redirectWithFlash(c, own ? urls.day(m.slug, own.dayId) : urls.mine(m.slug), 'error', 'workdays.error.shiftPast');
    }
    if (r.value.promotedSignupId !== null) await sendPromotionMail(deps, m, r.value.promotedSignupId);
    const self = own?.userId === actor.id;
    return redirectWithFlash(c, urls.day(m.slug, r.value.dayId), 'success', self ? 'workdays.flash.cancelled' : 'workdays.flash.removed');
  });

  // Attendance and hours ---------------------------------------------------------------------

  const attendancePage = async (c: AppContext, m: Municipality, dayId: number, values?: Record<string, string>, errors?: FieldErrors) => {
    const data = await loadDayPage(deps, m.id, dayId, state(c).actor);
    if (!data) return errorPage(c, 404, { municipality: m, nav: nav(c, m) });
    if (!data.canManage) return errorPage(c, 403, { municipality: m, nav: nav(c, m) });
    return html(
      c,
      AttendancePage({ page: page(c, m), municipality: m, day: data.day, shifts: data.shifts, signups: data.signups, started: data.day.startsAt.getTime() <= Date.now(), canVerify: data.canVerify, ...(values ? { values } : {}), ...(errors ? { errors } : {}) }),
      errors ? 422 : 200,
    );
  };

  app.get(`${base}/:id{[0-9]{1,9}}/attendance`, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    if (!state(c).actor) return needSignIn(c, m);
    return attendancePage(c, m, idParam(c, 'id'));
  });

  app.post(`${base}/:id{[0-9]{1,9}}/attendance`, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    const dayId = idParam(c, 'id');
    const f = form(c);
    const ids = ([] as string[]).concat(f.signup ?? []).filter((s) => /^[1-9]\d{0,8}$/.test(s)).map(Number);
    const values = Object.fromEntries(Object.keys(f).filter((k) => k.startsWith('came-') || k.startsWith('hours-')).map((k) => [k, field(f, k)]));
    const entries: AttendanceEntry[] = [];
    const errors: Record<string, string> = {};
    for (const id of ids) {
      const h = parseHours(field(f, `hours-${id}`));
      if (!h.ok) errors[`hours-${id}`] = 'workdays.error.hours';
      else entries.push({ signupId: id, attended: field(f, `came-${id}`) === 'yes', minutes: h.minutes });
    }
    if (Object.keys(errors).length > 0) return attendancePage(c, m, dayId, values, translate(c, errors));
    const r = await recordAttendance(deps.db, actor, m.id, dayId, entries);
    if (!r.ok) {
      if (r.error === 'not_found' || r.error === 'unknown_signup') return errorPage(c, 404, { municipality: m, nav: nav(c, m) });
      if (r.error === 'forbidden') return errorPage(c, 403, { municipality: m, nav: nav(c, m) });
      if (r.error === 'not_started') return errorPage(c, 409, { municipality: m, nav: nav(c, m) });
      return attendancePage(c, m, dayId, values, translate(c, { [`hours-${r.detail.signupId}`]: 'workdays.error.tooLongHours' }));
    }
    return redirectWithFlash(c, urls.attendance(m.slug, dayId), 'success', 'workdays.flash.attendanceSaved');
  });

  app.post(`${base}/:id{[0-9]{1,9}}/verify`, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    const r = await verifyHours(deps.db, actor, m.id, idParam(c, 'id'));
    if (!r.ok) return errorPage(c, r.error === 'forbidden' ? 403 : 404, { municipality: m, nav: nav(c, m) });
    return redirectWithFlash(c, urls.attendance(m.slug, idParam(c, 'id')), 'success', 'workdays.flash.verified');
  });

  // My shifts and my calendar feed -----------------------------------------------------------

  app.get(`${base}/mine`, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    const shifts = await myShifts(deps, m.id, actor.id, new Date());
    const feedUrl = `${deps.config.baseUrl}/m/${encodeURIComponent(m.slug)}/workdays/feed/${actor.id}/${feedMac(deps, m.id, actor.id)}.ics`;
    return html(c, MyShiftsPage({ page: page(c, m), municipality: m, shifts, feedUrl }));
  });

  // Calendar apps fetch feeds without cookies, so the address itself carries a MAC of the person.
  app.get(`${base}/feed/:user{[0-9]{1,12}}/:mac{[A-Za-z0-9_-]{32}\\.ics}`, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    const userId = idParam(c, 'user');
    const given = Buffer.from(c.req.param('mac').slice(0, -4));
    const expected = Buffer.from(feedMac(deps, m.id, userId));
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return errorPage(c, 404, { municipality: m });
    const shifts = await myShifts(deps, m.id, userId, new Date(Date.now() - 30 * 86_400_000));
    const events: IcalEvent[] = shifts
      .filter((s) => s.status === 'confirmed')
      .map((s) => ({
        uid: `workday-${m.id}-shift-${s.shift.id}-signup-${s.signupId}@samskab`,
        start: s.shift.startsAt,
        end: s.shift.endsAt,
        summary: `${s.day.title}: ${s.shift.label}`,
        location: [s.day.address, s.day.meetingPoint].filter(Boolean).join(', '),
        url: `${deps.config.baseUrl}${urls.day(m.slug, s.day.id)}`,
        status: 'CONFIRMED',
      }));
    return c.body(workdaysCalendar(`${state(c).i18n.t('workdays.mine.title')} – ${m.name}`, events), 200, { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300' });
  });

  // "Can't come" from the e-mail link: a page that changes nothing, then a POST that does ---------

  const tokenPattern = `${base}/cant-come/:token{[A-Za-z0-9_-]{43}}`;
  app.get(tokenPattern, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    const token = c.req.param('token');
    const peek = await peekToken(deps.db, m.id, token);
    let found = null;
    if (peek.ok) {
      const d = await loadDay(deps, m.id, peek.value.dayId);
      const shift = d?.shifts.find((s) => s.id === peek.value.shiftId);
      if (d && shift) found = { dayTitle: d.day.title, shiftLabel: shift.label, when: formatWhen(state(c).i18n, m.timeZone, shift.startsAt, shift.endsAt) };
    }
    // The token is a credential: keep it out of Referer headers of any link on the page.
    c.header('referrer-policy', 'no-referrer');
    return html(c, CantComePage({ page: page(c, m), municipality: m, token, found }), found ? 200 : 404);
  });

  app.post(tokenPattern, async (c) => {
    const m = await municipalityOf(c, deps);
    if (!m) return errorPage(c, 404);
    const token = c.req.param('token');
    const r = await cancelWithToken(deps.db, m.id, token);
    c.header('referrer-policy', 'no-referrer');
    if (!r.ok) return html(c, CantComePage({ page: page(c, m), municipality: m, token, found: null }), r.error === 'not_found' ? 404 : 409);
    if (r.value.promotedSignupId !== null) await sendPromotionMail(deps, m, r.value.promotedSignupId);
    return redirectWithFlash(c, urls.day(m.slug, r.value.dayId), 'success', 'workdays.cantCome.done');
  });

}
