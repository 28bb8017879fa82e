// Pages under /m/:slug/facilities: the list, a facility with its availability, booking, the person's
// bookings, the staff queue, the iCalendar feed and the printable day sheet; seasons in their own file.
// Each route goes load municipality → authorize → validate → command → view (Post/Redirect/Get).
import type { Hono } from 'hono';
import type { AppContext, AppDeps, AppEnv } from '../../core/http/context.js';
import { state } from '../../core/http/context.js';
import { field, validateForm } from '../../core/http/form.js';
import { errorPage, html, redirectWithFlash } from '../../core/http/respond.js';
import type { FieldErrors } from '../../core/views/forms.js';
import { cancelBooking } from './commands/cancel-booking.js';
import { decideBooking } from './commands/decide-booking.js';
import { requestBooking, type RequestBookingError } from './commands/request-booking.js';
import { serializeCalendar } from '../../core/ical/ical.js';
import { deliverInBackground } from '../notifications/index.js';
import { can } from './facilities.policy.js';
import { describeBookings, getCoordinatedGroups, getDayBookings, getFacilities, getFacility, getFeedBookings, getMyBookings, getPendingBookings } from './facilities.queries.js';
import { bookFormSchema, facilityFormSchema, type FacilityForm } from './facilities.schemas.js';
import { createFacility, type FacilityHours } from './commands/create-facility.js';
import { updateFacility } from './commands/update-facility.js';
import { closeDates, type CloseDatesError } from './commands/close-dates.js';
import { reopenDate } from './commands/reopen-date.js';
import { emptyFacilityForm, facilityFormValues, NewFacilityPage } from './views/new-facility-page.js';
import { ClosedDatesPage, type ClosedFormValues } from './views/closed-dates-page.js';
import type { FacilityFields } from './facilities.repository.js';
import { addDays, isDate, mondayOf, startOfDay, todayIn } from './facilities.time.js';
import { registerSeasonRoutes } from './facilities.seasons.routes.js';
import { facilitiesPage, idParam, needSignIn, place, PRINT_CSS_PATH } from './facilities.http.js';
import { BookPage, MyBookingsPage, RequestsPage, type BookFormValues } from './views/booking-pages.js';
import { DaySheet, PRINT_CSS } from './views/day-sheet.js';
import { dayRows, FacilitiesListPage, FacilityPage, type AvailabilityView } from './views/facility-pages.js';
import { facilitiesBase, type Place } from './views/shared.js';

const fieldOf: Record<RequestBookingError, keyof BookFormValues | null> = {
  forbidden: null,
  facility_not_found: null,
  invalid_date: 'date',
  closed_weekday: 'date',
  closed_date: 'date',
  in_past: 'start',
  beyond_horizon: 'date',
  invalid_start: 'start',
  start_nonexistent: 'start',
  outside_hours: 'start',
  invalid_end: 'end',
  end_nonexistent: 'end',
  end_before_start: 'end',
  over_capacity: 'attendees',
  residents_not_allowed: 'group',
  groups_not_allowed: 'group',
  not_group_coordinator: 'group',
  slot_taken: 'start',
};

/** The stored fields and weekly hours of a validated facility form (new or edit). */
function fromForm(d: FacilityForm): { fields: Omit<FacilityFields, 'slug'>; hours: FacilityHours[] } {
  const rec = d as unknown as Record<string, string>;
  const minutes = (x: string) => Number(x.slice(0, 2)) * 60 + Number(x.slice(3, 5));
  const hours = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => (rec[`opens_${weekday}`] ? [{ weekday, opensMin: minutes(rec[`opens_${weekday}`]!), closesMin: minutes(rec[`closes_${weekday}`]!) }] : []));
  return {
    hours,
    fields: {
      kind: d.kind,
      name: d.name,
      institution: d.institution,
      address: d.address,
      description: d.description,
      capacity: d.capacity,
      accessibility: d.accessibility,
      houseRules: d.houseRules,
      depositNote: d.depositNote,
      needsApproval: d.needsApproval,
      allowResidents: d.who.includes('residents'),
      allowGroups: d.who.includes('groups'),
      allowAssociations: d.who.includes('associations'),
      horizonDays: d.horizonDays,
      priorityHorizonDays: d.priorityHorizonDays,
      cancelDeadlineHours: d.cancelDeadlineHours,
    },
  };
}

const closedFieldOf: Record<Exclude<CloseDatesError, 'forbidden' | 'facility_not_found' | 'has_bookings'>, keyof ClosedFormValues> = {
  invalid_from: 'from',
  in_past: 'from',
  already_closed: 'from',
  invalid_to: 'to',
  to_before_from: 'to',
  too_long: 'to',
  reason_too_long: 'reason',
};

/** A URL name from a facility name: Danish letters spelled out, the rest dashes. */
function slugify(name: string): string {
  const s = name.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');
  return s || 'facilitet';
}

export function registerFacilitiesRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const base = '/m/:slug/facilities';

  app.get(PRINT_CSS_PATH, (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(PRINT_CSS);
  });

  app.get(base, async (c) => {
    const m = await place(c, deps);
    if (!m) return errorPage(c, 404);
    const facilities = await getFacilities(deps, m.id);
    return html(c, FacilitiesListPage({ page: facilitiesPage(c, m, 'list'), place: m, facilities }));
  });

  app.get(`${base}/:id{[0-9]+}`, async (c) => {
    const m = await place(c, deps);
    const id = idParam(c, 'id');
    const facility = m && id !== null ? await getFacility(deps, m.id, id) : null;
    if (!m || !facility) return errorPage(c, 404, { municipality: m });
    const today = todayIn(new Date(), m.timeZone);
    const view: AvailabilityView = c.req.query('view') === 'week' ? 'week' : 'day';
    const asked = c.req.query('date') ?? '';
    const date = isDate(asked) ? asked : today;
    const first = view === 'week' ? mondayOf(date) : date;
    const dates = Array.from({ length: view === 'week' ? 7 : 1 }, (_, i) => addDays(first, i));
    const actor = state(c).actor;
    const isStaff = can(actor, 'manage_bookings', m.id);
    const bookings = await getDayBookings(deps, m.id, facility.id, startOfDay(dates[0]!, m.timeZone), startOfDay(addDays(dates[dates.length - 1]!, 1), m.timeZone));
    const rows = dayRows(facility, bookings, dates, m.timeZone, isStaff);
    return html(c, FacilityPage({ page: facilitiesPage(c, m, 'list'), place: m, facility, view, date, today, rows, canBook: can(actor, 'book', m.id), isStaff }));
  });

  const staffOnly = async (c: AppContext) => {
    const m = await place(c, deps);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    if (!can(actor, 'manage_bookings', m.id)) return errorPage(c, 403, { municipality: m });
    return { m, actor };
  };

  // New facility (staff) ----------------------------------------------------------------------------

  app.get(`${base}/new`, async (c) => {
    const s = await staffOnly(c);
    if (s instanceof Response) return s;
    return html(c, NewFacilityPage({ page: facilitiesPage(c, s.m, 'new'), place: s.m, values: emptyFacilityForm }));
  });

  app.post(`${base}/new`, async (c) => {
    const s = await staffOnly(c);
    if (s instanceof Response) return s;
    const { t } = state(c).i18n;
    const f = state(c).form ?? {};
    const again = (errors: FieldErrors) => html(c, NewFacilityPage({ page: facilitiesPage(c, s.m, 'new'), place: s.m, values: f, errors }), 422);
    const v = validateForm(facilityFormSchema, f);
    if (!v.ok) return again(Object.fromEntries(Object.entries(v.errors).map(([k, key]) => [k, t(key)])));
    const { fields, hours } = fromForm(v.data);
    const result = await createFacility(deps.db, s.actor, s.m.id, { slug: slugify(v.data.name), ...fields }, hours);
    if (!result.ok) {
      if (result.error === 'slug_taken') return again({ name: t('facilities.form.error.nameTaken') });
      return errorPage(c, 403, { municipality: s.m });
    }
    return redirectWithFlash(c, `${facilitiesBase(s.m)}/${result.value.id}`, 'success', 'facilities.form.created');
  });

  // Edit a facility (staff) ------------------------------------------------------------------------

  const staffFacility = async (c: AppContext) => {
    const s = await staffOnly(c);
    if (s instanceof Response) return s;
    if (!can(s.actor, 'manage_facilities', s.m.id)) return errorPage(c, 403, { municipality: s.m });
    const id = idParam(c, 'id');
    const facility = id === null ? null : await getFacility(deps, s.m.id, id);
    if (!facility) return errorPage(c, 404, { municipality: s.m });
    return { ...s, facility };
  };

  app.get(`${base}/:id{[0-9]+}/edit`, async (c) => {
    const s = await staffFacility(c);
    if (s instanceof Response) return s;
    const edit = { id: s.facility.id, name: s.facility.name };
    return html(c, NewFacilityPage({ page: facilitiesPage(c, s.m, null), place: s.m, values: facilityFormValues(s.facility), edit }));
  });

  app.post(`${base}/:id{[0-9]+}/edit`, async (c) => {
    const s = await staffFacility(c);
    if (s instanceof Response) return s;
    const { t } = state(c).i18n;
    const f = state(c).form ?? {};
    const edit = { id: s.facility.id, name: s.facility.name };
    const again = (errors: FieldErrors) => html(c, NewFacilityPage({ page: facilitiesPage(c, s.m, null), place: s.m, values: f, errors, edit }), 422);
    const v = validateForm(facilityFormSchema, f);
    if (!v.ok) return again(Object.fromEntries(Object.entries(v.errors).map(([k, key]) => [k, t(key)])));
    const { fields, hours } = fromForm(v.data);
    const result = await updateFacility(deps.db, s.actor, s.m, s.facility.id, fields, hours);
    if (!result.ok) {
      if (result.error === 'facility_not_found') return errorPage(c, 404, { municipality: s.m });
      if (result.error === 'invalid') return again({ capacity: t('facilities.form.error.capacityPositive') });
      return errorPage(c, 403, { municipality: s.m });
    }
    return redirectWithFlash(c, `${facilitiesBase(s.m)}/${s.facility.id}`, result.value.bookingsOutsideHours > 0 ? 'warning' : 'success', result.value.bookingsOutsideHours > 0 ? 'facilities.edit.savedOutside' : 'facilities.edit.saved');
  });

  // Closed dates (staff) -----------------------------------------------------------------------------

  app.get(`${base}/:id{[0-9]+}/closed`, async (c) => {
    const s = await staffFacility(c);
    if (s instanceof Response) return s;
    const today = todayIn(new Date(), s.m.timeZone);
    return html(c, ClosedDatesPage({ page: facilitiesPage(c, s.m, null), place: s.m, facility: s.facility, today, values: { from: '', to: '', reason: '' } }));
  });

  app.post(`${base}/:id{[0-9]+}/closed`, async (c) => {
    const s = await staffFacility(c);
    if (s instanceof Response) return s;
    const { t } = state(c).i18n;
    const f = state(c).form ?? {};
    const values: ClosedFormValues = { from: field(f, 'from').slice(0, 20), to: field(f, 'to').slice(0, 20), reason: field(f, 'reason').slice(0, 400) };
    const confirmed = field(f, 'confirm') === 'yes';
    const raw = f.cancel;
    const cancelIds = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((x): x is string => typeof x === 'string' && /^[1-9]\d{0,8}$/.test(x)).map(Number);
    const today = todayIn(new Date(), s.m.timeZone);
    const again = (status: 409 | 422, extra: { errors?: FieldErrors; conflicts?: Awaited<ReturnType<typeof describeBookings>> }) =>
      html(c, ClosedDatesPage({ page: facilitiesPage(c, s.m, null), place: s.m, facility: s.facility, today, values, ...extra }), status);
    const result = await closeDates(deps.db, s.actor, s.m, { facilityId: s.facility.id, from: values.from, to: values.to, reason: values.reason, cancelBookings: confirmed ? cancelIds : null });
    if (!result.ok) {
      if (result.error === 'forbidden') return errorPage(c, 403, { municipality: s.m });
      if (result.error === 'facility_not_found') return errorPage(c, 404, { municipality: s.m });
      if (result.error === 'has_bookings') {
        const conflicts = await describeBookings(deps, s.m.id, result.detail.bookings ?? []);
        return again(409, { conflicts, ...(confirmed ? { errors: { from: t('facilities.closedDates.changed') } } : {}) });
      }
      return again(422, { errors: { [closedFieldOf[result.error]]: t(`facilities.closedDates.error.${result.error}`) } });
    }
    if (result.value.cancelled.length > 0) deliverInBackground(deps, s.m.id);
    return redirectWithFlash(c, `${facilitiesBase(s.m)}/${s.facility.id}/closed`, 'success', result.value.cancelled.length > 0 ? 'facilities.closedDates.addedCancelled' : 'facilities.closedDates.added');
  });

  app.post(`${base}/:id{[0-9]+}/closed/:date{[0-9]{4}-[0-9]{2}-[0-9]{2}}/delete`, async (c) => {
    const s = await staffFacility(c);
    if (s instanceof Response) return s;
    const back = `${facilitiesBase(s.m)}/${s.facility.id}/closed`;
    const result = await reopenDate(deps.db, s.actor, s.m.id, s.facility.id, c.req.param('date') ?? '');
    if (!result.ok) {
      if (result.error === 'forbidden') return errorPage(c, 403, { municipality: s.m });
      if (result.error === 'facility_not_found') return errorPage(c, 404, { municipality: s.m });
      return redirectWithFlash(c, back, 'info', 'facilities.closedDates.notClosed');
    }
    return redirectWithFlash(c, back, 'success', 'facilities.closedDates.removed');
  });

  // Booking ----------------------------------------------------------------------------------------

  const bookingContext = async (c: AppContext) => {
    const m = await place(c, deps);
    const id = idParam(c, 'id');
    const facility = m && id !== null ? await getFacility(deps, m.id, id) : null;
    if (!m || !facility) return errorPage(c, 404, { municipality: m });
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    const groups = await getCoordinatedGroups(deps, m.id, actor.id);
    return { m, facility, actor, groups };
  };

  app.get(`${base}/:id{[0-9]+}/book`, async (c) => {
    const ctx = await bookingContext(c);
    if (ctx instanceof Response) return ctx;
    const q = (k: string) => (c.req.query(k) ?? '').slice(0, 20);
    const values: BookFormValues = { date: q('date'), start: q('start'), end: q('end'), purpose: '', attendees: '', group: '' };
    return html(c, BookPage({ page: facilitiesPage(c, ctx.m, 'list'), place: ctx.m, facility: ctx.facility, values, groups: ctx.groups }));
  });

  app.post(`${base}/:id{[0-9]+}/book`, async (c) => {
    const ctx = await bookingContext(c);
    if (ctx instanceof Response) return ctx;
    const { m, facility, actor, groups } = ctx;
    const { t } = state(c).i18n;
    const f = state(c).form ?? {};
    const values: BookFormValues = { date: field(f, 'date'), start: field(f, 'start'), end: field(f, 'end'), purpose: field(f, 'purpose'), attendees: field(f, 'attendees'), group: field(f, 'group') };
    const again = (errors: FieldErrors, status: 409 | 422 = 422, conflict = false) =>
      html(c, BookPage({ page: facilitiesPage(c, m, 'list'), place: m, facility, values, groups, errors, conflict }), status);
    const v = validateForm(bookFormSchema, f);
    if (!v.ok) return again(Object.fromEntries(Object.entries(v.errors).map(([k, key]) => [k, t(key)])));
    const result = await requestBooking(deps.db, actor, m.id, m.timeZone, {
      facilityId: facility.id,
      date: v.data.date,
      start: v.data.start,
      end: v.data.end,
      purpose: v.data.purpose,
      attendees: v.data.attendees,
      groupId: v.data.group,
    });
    if (!result.ok) {
      const target = fieldOf[result.error];
      if (!target) return errorPage(c, result.error === 'forbidden' ? 403 : 404, { municipality: m });
      const message = t(`facilities.error.${result.error}`, { days: result.detail.horizonDays ?? 0, capacity: result.detail.capacity ?? 0 });
      return again({ [target]: message }, result.error === 'slot_taken' ? 409 : 422, result.error === 'slot_taken');
    }
    return redirectWithFlash(c, `${facilitiesBase(m)}/bookings`, 'success', result.value.status === 'pending' ? 'facilities.flash.requested' : 'facilities.flash.booked');
  });

  app.get(`${base}/bookings`, async (c) => {
    const m = await place(c, deps);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    const bookings = await getMyBookings(deps, m.id, actor.id, new Date(Date.now() - 7 * 86_400_000));
    return html(c, MyBookingsPage({ page: facilitiesPage(c, m, 'mine'), place: m, bookings }));
  });

  app.post(`${base}/bookings/:bid{[0-9]+}/cancel`, async (c) => {
    const m = await place(c, deps);
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return needSignIn(c, m);
    const id = idParam(c, 'bid');
    if (id === null) return errorPage(c, 404, { municipality: m });
    const result = await cancelBooking(deps.db, actor, m.id, id);
    if (!result.ok) {
      if (result.error === 'booking_not_found') return errorPage(c, 404, { municipality: m });
      if (result.error === 'forbidden') return errorPage(c, 403, { municipality: m });
      if (result.error === 'not_active') return redirectWithFlash(c, `${facilitiesBase(m)}/bookings`, 'info', 'facilities.flash.alreadyCancelled');
      const bookings = await getMyBookings(deps, m.id, actor.id, new Date(Date.now() - 7 * 86_400_000));
      return html(c, MyBookingsPage({ page: facilitiesPage(c, m, 'mine'), place: m, bookings, error: state(c).i18n.t('facilities.error.past_deadline') }), 409);
    }
    const back = can(actor, 'manage_bookings', m.id) && result.value.bookedBy !== actor.id ? `${facilitiesBase(m)}/requests` : `${facilitiesBase(m)}/bookings`;
    return redirectWithFlash(c, back, 'success', 'facilities.flash.cancelled');
  });

  // Staff: approval --------------------------------------------------------------------------------

  app.get(`${base}/requests`, async (c) => {
    const s = await staffOnly(c);
    if (s instanceof Response) return s;
    return html(c, RequestsPage({ page: facilitiesPage(c, s.m, 'requests'), place: s.m, bookings: await getPendingBookings(deps, s.m.id) }));
  });

  for (const decision of ['approve', 'reject'] as const) {
    app.post(`${base}/bookings/:bid{[0-9]+}/${decision}`, async (c) => {
      const s = await staffOnly(c);
      if (s instanceof Response) return s;
      const id = idParam(c, 'bid');
      const result = id === null ? null : await decideBooking(deps.db, s.actor, s.m, id, decision);
      if (!result || (!result.ok && result.error === 'booking_not_found')) return errorPage(c, 404, { municipality: s.m });
      if (!result.ok) {
        if (result.error === 'forbidden') return errorPage(c, 403, { municipality: s.m });
        if (result.error === 'not_pending') return redirectWithFlash(c, `${facilitiesBase(s.m)}/requests`, 'info', 'facilities.flash.alreadyDecided');
        const { t } = state(c).i18n;
        const bookings = await getPendingBookings(deps, s.m.id);
        return html(c, RequestsPage({ page: facilitiesPage(c, s.m, 'requests'), place: s.m, bookings, error: t('facilities.error.approve_slot_taken') }), 409);
      }
      deliverInBackground(deps, s.m.id);
      return redirectWithFlash(c, `${facilitiesBase(s.m)}/requests`, 'success', decision === 'approve' ? 'facilities.flash.approved' : 'facilities.flash.rejected');
    });
  }

  // iCalendar feed and day sheet ---------------------------------------------------------------------

  app.get(`${base}/:id{[0-9]+}/calendar.ics`, async (c) => {
    const m = await place(c, deps);
    const id = idParam(c, 'id');
    const facility = m && id !== null ? await getFacility(deps, m.id, id) : null;
    if (!m || !facility) return errorPage(c, 404, { municipality: m });
    const { t } = state(c).i18n;
    const now = new Date();
    const bookings = await getFeedBookings(deps, m.id, facility.id, new Date(now.getTime() - 30 * 86_400_000));
    const host = new URL(deps.config.baseUrl).hostname || 'samskab';
    // Public feed: times and "booked" only, never who booked or why.
    const body = serializeCalendar({
      prodId: '-//Samskab//Facilities//DA',
      name: `${facility.name} – ${facility.institution}`,
      stamp: now,
      events: bookings.map((b) => ({
        uid: `facility-booking-${m.id}-${b.id}@${host}`,
        start: b.startsAt,
        end: b.endsAt,
        summary: t('facilities.ical.booked', { name: facility.name }),
        location: [facility.institution, facility.address].filter(Boolean).join(', '),
        status: 'CONFIRMED' as const,
      })),
    });
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    c.header('Content-Disposition', `inline; filename="facility-${facility.id}.ics"`);
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(body);
  });

  app.get(`${base}/:id{[0-9]+}/day-sheet`, async (c) => {
    const s = await staffOnly(c);
    if (s instanceof Response) return s;
    const m = s.m;
    const id = idParam(c, 'id');
    const facility = id === null ? null : await getFacility(deps, m.id, id);
    if (!facility) return errorPage(c, 404, { municipality: m });
    const asked = c.req.query('date') ?? '';
    const date = isDate(asked) ? asked : todayIn(new Date(), m.timeZone);
    const bookings = await getDayBookings(deps, m.id, facility.id, startOfDay(date, m.timeZone), startOfDay(addDays(date, 1), m.timeZone));
    const p: Place = m;
    return html(c, DaySheet({ page: facilitiesPage(c, m, null), place: p, facility, date, bookings, cssHref: PRINT_CSS_PATH }));
  });

  registerSeasonRoutes(app, deps);
}
