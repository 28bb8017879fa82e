// Public JSON API of the facilities module: a municipality's rooms and equipment, one of them with its
// opening hours and coming closed dates, and its availability over a range of days. Public data only:
// availability says when it is booked or requested, never by whom or for what.
import type { Hono } from 'hono';
import { z } from 'zod';
import { apiError, apiGet, openApiRegistry } from '../../core/http/api.js';
import type { AppDeps, AppEnv } from '../../core/http/context.js';
import { loadMunicipality } from '../municipalities/index.js';
import { getBookingsBetween, getFacilities, getFacility } from './facilities.queries.js';
import { addDays, daysBetween, isDate, startOfDay, timeOf, todayIn, weekdayOf } from './facilities.time.js';
import { facilityKinds, type Facility } from './facilities.types.js';
import { dayRows } from './views/facility-pages.js';
import { facilitiesBase } from './views/shared.js';

const MAX_AGE = 60;
/** The longest range one availability call covers. */
export const MAX_RANGE_DAYS = 31;

const hhmm = z.string().describe('Local wall-clock time HH:MM in the municipality’s time zone (closing may be 24:00).');
const localDay = z.string().describe('A local date, YYYY-MM-DD.');

export const facilitySummarySchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  kind: z.enum(facilityKinds).describe('room, or equipment that is lent out.'),
  institution: z.string().describe('The school, library or depot that owns it.'),
  address: z.string(),
  capacity: z.number().int().positive().describe('People a room holds, or the number of items of equipment.'),
  needsApproval: z.boolean().describe('Bookings are requests until staff approve them.'),
  whoMayBook: z.object({ residents: z.boolean(), groups: z.boolean(), associations: z.boolean() }),
  links: z.object({ html: z.string(), api: z.string(), availability: z.string(), ical: z.string() }),
});

const openingHoursSchema = z.object({ weekday: z.number().int().min(1).max(7).describe('ISO weekday: 1 = Monday … 7 = Sunday. Weekdays not listed are closed.'), opens: hhmm, closes: hhmm });
const closedDateSchema = z.object({ date: localDay, reason: z.string() });

export const facilityDetailSchema = facilitySummarySchema.extend({
  description: z.string(),
  accessibility: z.string(),
  houseRules: z.string(),
  depositNote: z.string().describe('Deposit and cleaning, as staff wrote it.'),
  horizonDays: z.number().int().describe('How many days ahead a resident may book.'),
  priorityHorizonDays: z.number().int().describe('How many days ahead groups and approved initiatives may book.'),
  cancelDeadlineHours: z.number().int().describe('A booker may cancel until this many hours before the start.'),
  timeZone: z.string().describe('The IANA time zone all local times are in, e.g. Europe/Copenhagen.'),
  openingHours: z.array(openingHoursSchema),
  closedDates: z.array(closedDateSchema).describe('Closed dates from today on (at most 100).'),
});

const intervalSchema = z.object({ start: hhmm, end: hhmm });
export const availabilitySchema = z.object({
  facility: z.object({ id: z.number().int().positive(), name: z.string() }),
  timeZone: z.string(),
  from: localDay,
  to: localDay,
  days: z.array(
    z.object({
      date: localDay,
      weekday: z.number().int().min(1).max(7),
      open: intervalSchema.nullable().describe('The opening hours that day; null when closed.'),
      closedReason: z.string().nullable().describe('Set when the day is a closed date.'),
      busy: z.array(intervalSchema.extend({ status: z.enum(['booked', 'requested']).describe('booked = confirmed; requested = waiting for approval (does not block).') })),
      free: z.array(intervalSchema).describe('Open time not yet booked and not yet passed.'),
    }),
  ),
});

export const facilityListSchema = z.object({ facilities: z.array(facilitySummarySchema), total: z.number().int().nonnegative() });

const municipalityParam = z.string().regex(/^[a-z0-9-]{1,60}$/).describe('The municipality’s slug, e.g. hedensted.');
const listParams = z.object({ slug: municipalityParam });
const facilityParams = z.object({ slug: municipalityParam, id: z.string().regex(/^[1-9][0-9]{0,8}$/).describe('The facility’s id.') });
const rangeQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe('First local date (YYYY-MM-DD); default today.'),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe(`Last local date (YYYY-MM-DD); default six days after from; at most ${MAX_RANGE_DAYS} days in all.`),
});

function summaryOf(mSlug: string, f: Facility): z.input<typeof facilitySummarySchema> {
  const html = `${facilitiesBase({ slug: mSlug })}/${f.id}`;
  const api = `/api/v1/municipalities/${encodeURIComponent(mSlug)}/facilities/${f.id}`;
  return {
    id: f.id,
    name: f.name,
    kind: f.kind,
    institution: f.institution,
    address: f.address,
    capacity: f.capacity,
    needsApproval: f.needsApproval,
    whoMayBook: { residents: f.allowResidents, groups: f.allowGroups, associations: f.allowAssociations },
    links: { html, api, availability: `${api}/availability`, ical: `${html}/calendar.ics` },
  };
}

export function registerFacilitiesApi(app: Hono<AppEnv>, deps: AppDeps): void {
  const openApi = openApiRegistry(app);
  openApi.tag('facilities', 'Rooms and equipment a municipality lends out, their opening hours and availability.');
  openApi.schema('FacilitySummary', facilitySummarySchema);
  openApi.schema('Facility', facilityDetailSchema);
  openApi.schema('FacilityList', facilityListSchema);
  openApi.schema('FacilityAvailability', availabilitySchema);

  apiGet(
    app,
    {
      path: '/municipalities/:slug/facilities',
      operationId: 'listFacilities',
      summary: 'List a municipality’s rooms and equipment',
      description: 'By institution, then name.',
      tags: ['facilities'],
      params: listParams,
      response: facilityListSchema,
      errors: [404],
      publicMaxAge: MAX_AGE,
    },
    async (c, { params }) => {
      const m = await loadMunicipality(deps, params.slug);
      if (!m) return apiError(c, 404, 'facilities.api.municipalityNotFound');
      const list = await getFacilities(deps, m.id);
      return { facilities: list.map((f) => summaryOf(m.slug, f)), total: list.length };
    },
  );

  apiGet(
    app,
    {
      path: '/municipalities/:slug/facilities/:id',
      operationId: 'getFacility',
      summary: 'Get one room or piece of equipment with its rules, opening hours and coming closed dates',
      tags: ['facilities'],
      params: facilityParams,
      response: facilityDetailSchema,
      errors: [404],
      publicMaxAge: MAX_AGE,
    },
    async (c, { params }) => {
      const m = await loadMunicipality(deps, params.slug);
      if (!m) return apiError(c, 404, 'facilities.api.municipalityNotFound');
      const f = await getFacility(deps, m.id, Number(params.id));
      if (!f) return apiError(c, 404, 'facilities.api.facilityNotFound');
      const today = todayIn(new Date(), m.timeZone);
      return {
        ...summaryOf(m.slug, f),
        description: f.description,
        accessibility: f.accessibility,
        houseRules: f.houseRules,
        depositNote: f.depositNote,
        horizonDays: f.horizonDays,
        priorityHorizonDays: f.priorityHorizonDays,
        cancelDeadlineHours: f.cancelDeadlineHours,
        timeZone: m.timeZone,
        openingHours: f.hours,
        closedDates: f.closed.filter((d) => d.date >= today).slice(0, 100),
      };
    },
  );

  apiGet(
    app,
    {
      path: '/municipalities/:slug/facilities/:id/availability',
      operationId: 'getFacilityAvailability',
      summary: 'Free and busy times of a room or piece of equipment, day by day',
      description: `At most ${MAX_RANGE_DAYS} days per call. Times are local to the municipality. Says only when it is booked or requested, never by whom.`,
      tags: ['facilities'],
      params: facilityParams,
      query: rangeQuery,
      response: availabilitySchema,
      errors: [404],
      publicMaxAge: MAX_AGE,
    },
    async (c, { params, query }) => {
      const m = await loadMunicipality(deps, params.slug);
      if (!m) return apiError(c, 404, 'facilities.api.municipalityNotFound');
      const from = query.from ?? todayIn(new Date(), m.timeZone);
      const to = query.to ?? addDays(from, 6);
      if (!isDate(from) || !isDate(to) || to < from || daysBetween(from, to) + 1 > MAX_RANGE_DAYS) return apiError(c, 400, 'facilities.api.badRange');
      const f = await getFacility(deps, m.id, Number(params.id));
      if (!f) return apiError(c, 404, 'facilities.api.facilityNotFound');
      const dates = Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));
      const bookings = await getBookingsBetween(deps, m.id, f.id, startOfDay(from, m.timeZone), startOfDay(addDays(to, 1), m.timeZone));
      // Names are never looked up: the rows are built without them.
      const rows = dayRows(f, bookings.map((b) => ({ ...b, facilityName: f.name, bookerName: null, groupName: null })), dates, m.timeZone, false);
      const interval = (i: { start: number; end: number }) => ({ start: timeOf(i.start), end: timeOf(i.end) });
      return {
        facility: { id: f.id, name: f.name },
        timeZone: m.timeZone,
        from,
        to,
        days: rows.map((r) => ({
          date: r.date,
          weekday: weekdayOf(r.date),
          open: r.open ? interval(r.open) : null,
          closedReason: f.closed.find((d) => d.date === r.date)?.reason ?? null,
          busy: r.busy.map((b) => ({ ...interval(b.interval), status: b.pending ? ('requested' as const) : ('booked' as const) })),
          free: r.free.map(interval),
        })),
      };
    },
  );
}
