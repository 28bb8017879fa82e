// Pages of seasons, meetings and the member directory under /network, and the network admin's screens
// for them. Each route goes authorize → validate → command → view, with Post/Redirect/Get on success
// and a 422 re-render (values kept, errors by the fields) on failure.
import type { Hono } from 'hono';
import type { AppContext, AppDeps, AppEnv } from '../../core/http/context.js';
import { pageContext, state } from '../../core/http/context.js';
import { field, validateForm, type FieldErrors, type FormFields } from '../../core/http/form.js';
import { errorPage, html, redirectWithFlash } from '../../core/http/respond.js';
import { serializeCalendar } from '../../core/ical/ical.js';
import { toWallClock } from '../../core/time/zoned-time.js';
import { networkNav } from './network.nav.js';
import { cancelRegistration, cancelRegistrationAsAdmin } from './commands/cancel-registration.js';
import { addSeasonMember, removeSeasonMember } from './commands/change-season-members.js';
import { removeSeasonLeader, saveSeasonLeader } from './commands/change-season-leaders.js';
import { linkMeetingCase, unlinkMeetingCase } from './commands/link-meeting-case.js';
import { registerForMeeting } from './commands/register-for-meeting.js';
import { createMeeting, editMeeting } from './commands/save-meeting.js';
import { createSeason, editSeason } from './commands/save-season.js';
import { writeMinutes } from './commands/write-minutes.js';
import { meetingEvent } from './network.meetings.ical.js';
import { sendRegistrationMail } from './network.meetings.mail.js';
import { can } from './network.meetings.policy.js';
import { loadDirectory, loadFeedMeetings, loadMeetingFormChoices, loadMeetingPage, loadMeetings, loadSeasonAdmin, loadSeasonPage, loadSeasons } from './network.meetings.queries.js';
import { casesByTitle, findMeeting, linkedCases } from './network.meetings.repository.js';
import {
  caseRefSchema,
  leaderFormFields,
  leaderFormSchema,
  meetingFormFields,
  meetingFormSchema,
  meetingTimes,
  memberFormSchema,
  minutesFormSchema,
  removeLeaderSchema,
  seasonFormFields,
  seasonFormSchema,
} from './network.meetings.schemas.js';
import { NETWORK_TIME_ZONE, type Meeting, type Season } from './network.meetings.types.js';
import { meetingUrls as urls } from './network.meetings.urls.js';
import { MeetingFormPage, MinutesPage, SeasonFormPage, type Values } from './views/meetings-admin-pages.js';
import { DirectoryPage, MeetingPage, MeetingsPage, SeasonPage, SeasonsPage } from './views/meetings-pages.js';

const page = (c: AppContext) => pageContext(c, { nav: networkNav(c) });
const form = (c: AppContext): FormFields => state(c).form ?? {};
const idParam = (c: AppContext, name = 'id'): number => Number(c.req.param(name));
const translate = (c: AppContext, errors: Record<string, string>): FieldErrors => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, state(c).i18n.t(v)]));
const valuesOf = (f: FormFields, names: readonly string[]): Values => Object.fromEntries(names.map((n) => [n, field(f, n)]));

/** The sign-in page for an anonymous GET; 401 for an anonymous POST, whose form data cannot survive a detour. */
function needSignIn(c: AppContext): Response {
  if (c.req.method === 'GET') {
    const url = new URL(c.req.url);
    return c.redirect(urls.login(url.pathname + url.search), 303);
  }
  return errorPage(c, 401, { nav: networkNav(c) });
}

/** Signed out → sign in; signed in without the network admin role → 403. */
function requireAdmin(c: AppContext): Response | null {
  const actor = state(c).actor;
  if (!actor) return needSignIn(c);
  if (!can(actor, 'manage')) return errorPage(c, 403, { nav: networkNav(c) });
  return null;
}

const seasonValues = (s: Season): Values => ({
  name: s.name,
  startsOn: s.startsOn,
  endsOn: s.endsOn,
  themeDa: s.theme.da ?? '',
  themeEn: s.theme.en ?? '',
  descriptionDa: s.description.da ?? '',
  descriptionEn: s.description.en ?? '',
});

function meetingValues(m: Meeting): Values {
  const start = toWallClock(m.startsAt, NETWORK_TIME_ZONE);
  const end = toWallClock(m.endsAt, NETWORK_TIME_ZONE);
  const deadline = m.registrationDeadline ? toWallClock(m.registrationDeadline, NETWORK_TIME_ZONE) : null;
  return {
    seasonId: String(m.seasonId),
    hostMunicipalityId: m.hostMunicipalityId === null ? '' : String(m.hostMunicipalityId),
    title: m.title,
    lang: m.lang,
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    place: m.place,
    address: m.address ?? '',
    agenda: m.agenda ?? '',
    isPublic: m.isPublic ? 'yes' : '',
    capacity: String(m.capacity),
    deadlineDate: deadline?.date ?? '',
    deadlineTime: deadline?.time ?? '',
  };
}

const calendar = (name: string, events: ReturnType<typeof meetingEvent>[]) => serializeCalendar({ prodId: '-//Samskab//Network meetings//DA', name, stamp: new Date(), events });

export function registerMeetingsRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  // ---- seasons ----

  app.get(urls.seasons, async (c) => {
    const actor = state(c).actor;
    return html(c, SeasonsPage({ page: page(c), seasons: await loadSeasons(deps, actor, new Date()), canManage: can(actor, 'manage') }));
  });

  app.get('/network/seasons/:id{[0-9]{1,9}}', async (c) => {
    const actor = state(c).actor;
    const data = await loadSeasonPage(deps, actor, idParam(c));
    if (!data) return errorPage(c, 404, { nav: networkNav(c) });
    return html(c, SeasonPage({ page: page(c), data, canManage: can(actor, 'manage'), showsPeople: can(actor, 'view_directory_people'), now: new Date() }));
  });

  // ---- meetings ----

  app.get(urls.meetings, async (c) => {
    const actor = state(c).actor;
    const now = new Date();
    return html(c, MeetingsPage({ page: page(c), data: await loadMeetings(deps, actor, now), canManage: can(actor, 'manage'), now }));
  });

  app.get(urls.feed, async (c) => {
    const items = await loadFeedMeetings(deps, state(c).actor, new Date());
    const events = items.map((i) => meetingEvent(deps.config.baseUrl, i.meeting, i.hostName));
    return c.body(calendar(state(c).i18n.t('network.meetings.feedName'), events), 200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'inline; filename="network-meetings.ics"' });
  });

  const meetingPage = async (c: AppContext, status: 200 = 200) => {
    const actor = state(c).actor;
    const data = await loadMeetingPage(deps, actor, idParam(c));
    if (data === null) return errorPage(c, 404, { nav: networkNav(c) });
    if (data === 'forbidden') return actor ? errorPage(c, 404, { nav: networkNav(c) }) : needSignIn(c);
    return html(c, MeetingPage({ page: page(c), data, now: new Date(), canRegister: can(actor, 'register'), canManage: can(actor, 'manage') }), status);
  };

  app.get('/network/meetings/:id{[0-9]{1,9}}', (c) => meetingPage(c));

  app.get('/network/meetings/:id{[0-9]{1,9}}/calendar.ics', async (c) => {
    const actor = state(c).actor;
    const data = await loadMeetingPage(deps, actor, idParam(c));
    if (data === null || data === 'forbidden') return errorPage(c, 404, { nav: networkNav(c) });
    const event = meetingEvent(deps.config.baseUrl, data.meeting, data.hostName);
    return c.body(calendar(data.meeting.title, [event]), 200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="network-meeting-${data.meeting.id}.ics"` });
  });

  app.post('/network/meetings/:id{[0-9]{1,9}}/register', async (c) => {
    const actor = state(c).actor;
    if (!actor) return needSignIn(c);
    const id = idParam(c);
    const r = await registerForMeeting(deps.db, actor, id, { lang: state(c).lang });
    if (!r.ok) {
      if (r.error === 'not_found') return errorPage(c, 404, { nav: networkNav(c) });
      if (r.error === 'forbidden') return errorPage(c, 403, { nav: networkNav(c), messageKey: 'network.meetings.membersOnlyRegistration' });
      const keys = { already_registered: 'network.meetings.error.alreadyRegistered', meeting_past: 'network.meetings.registrationOver', registration_closed: 'network.meetings.registrationClosed' } as const;
      return redirectWithFlash(c, urls.meeting(id), 'error', keys[r.error]);
    }
    await sendRegistrationMail(deps, r.value.registrationId, r.value.status);
    return redirectWithFlash(c, urls.meeting(id), 'success', r.value.status === 'confirmed' ? 'network.meetings.flash.registered' : 'network.meetings.flash.waitlisted');
  });

  app.post('/network/meetings/:id{[0-9]{1,9}}/cancel', async (c) => {
    const actor = state(c).actor;
    if (!actor) return needSignIn(c);
    const id = idParam(c);
    const r = await cancelRegistration(deps.db, actor, id);
    if (!r.ok) {
      if (r.error === 'not_found') return errorPage(c, 404, { nav: networkNav(c) });
      if (r.error === 'forbidden') return errorPage(c, 403, { nav: networkNav(c) });
      return redirectWithFlash(c, urls.meeting(id), 'error', r.error === 'meeting_past' ? 'network.meetings.registrationOver' : 'network.meetings.error.notRegistered');
    }
    for (const promoted of r.value.promoted) await sendRegistrationMail(deps, promoted, 'promoted');
    return redirectWithFlash(c, urls.meeting(id), 'success', 'network.meetings.flash.cancelled');
  });

  // ---- the member directory ----

  app.get(urls.members, async (c) => html(c, DirectoryPage({ page: page(c), data: await loadDirectory(deps, state(c).actor, new Date()) })));

  // ---- network admin: seasons ----

  app.on(['GET', 'POST'], urls.admin.newSeason, async (c) => {
    const denied = requireAdmin(c);
    if (denied) return denied;
    const render = (values: Values, errors?: Record<string, string>) => html(c, SeasonFormPage({ page: page(c), values, ...(errors ? { errors: translate(c, errors) } : {}) }), errors ? 422 : 200);
    if (c.req.method === 'GET') return render({});
    const values = valuesOf(form(c), seasonFormFields);
    const v = validateForm(seasonFormSchema, form(c));
    if (!v.ok) return render(values, v.errors);
    const r = await createSeason(deps.db, state(c).actor, v.data);
    if (!r.ok) return r.error === 'name_taken' ? render(values, { name: 'network.meetings.error.seasonNameTaken' }) : errorPage(c, 403, { nav: networkNav(c) });
    return redirectWithFlash(c, urls.admin.season(r.value.seasonId), 'success', 'network.seasons.flash.created');
  });

  app.on(['GET', 'POST'], '/network/admin/seasons/:id{[0-9]{1,9}}', async (c) => {
    const denied = requireAdmin(c);
    if (denied) return denied;
    const actor = state(c).actor!;
    const seasonId = idParam(c);
    const self = urls.admin.season(seasonId);
    type Extra = { values?: Values; errors?: Record<string, string>; member?: { values: Values; errors: Record<string, string> }; leader?: { values: Values; errors: Record<string, string> }; alertKey?: string };
    const render = async (status: 200 | 409 | 422, extra: Extra = {}) => {
      const admin = await loadSeasonAdmin(deps, actor, seasonId);
      if (!admin) return errorPage(c, 404, { nav: networkNav(c) });
      return html(
        c,
        SeasonFormPage({
          page: page(c),
          admin,
          values: extra.values ?? seasonValues(admin.season),
          ...(extra.errors ? { errors: translate(c, extra.errors) } : {}),
          ...(extra.member ? { member: { values: extra.member.values, errors: translate(c, extra.member.errors) } } : {}),
          ...(extra.leader ? { leader: { values: extra.leader.values, errors: translate(c, extra.leader.errors) } } : {}),
          ...(extra.alertKey ? { alertKey: extra.alertKey } : {}),
        }),
        status,
      );
    };
    if (c.req.method === 'GET') return render(200);
    const f = form(c);
    const intent = field(f, 'intent');
    if (intent === 'season') {
      const values = valuesOf(f, seasonFormFields);
      const v = validateForm(seasonFormSchema, f);
      if (!v.ok) return render(422, { values, errors: v.errors });
      const r = await editSeason(deps.db, actor, seasonId, v.data);
      if (!r.ok) {
        if (r.error === 'not_found') return errorPage(c, 404, { nav: networkNav(c) });
        if (r.error === 'name_taken') return render(422, { values, errors: { name: 'network.meetings.error.seasonNameTaken' } });
        return errorPage(c, 403, { nav: networkNav(c) });
      }
      return redirectWithFlash(c, self, 'success', 'network.seasons.flash.saved');
    }
    if (intent === 'add-member') {
      const values = valuesOf(f, ['municipalityId']);
      const v = validateForm(memberFormSchema, f);
      if (!v.ok) return render(422, { member: { values, errors: v.errors } });
      const r = await addSeasonMember(deps.db, actor, seasonId, v.data.municipalityId);
      if (!r.ok) {
        if (r.error === 'not_found') return errorPage(c, 404, { nav: networkNav(c) });
        return render(422, { member: { values, errors: { municipalityId: 'network.meetings.error.municipality' } } });
      }
      return redirectWithFlash(c, self, 'success', 'network.seasons.flash.memberAdded');
    }
    if (intent === 'remove-member') {
      const v = validateForm(memberFormSchema, f);
      if (!v.ok) return errorPage(c, 400, { nav: networkNav(c) });
      const r = await removeSeasonMember(deps.db, actor, seasonId, v.data.municipalityId);
      if (!r.ok) {
        if (r.error === 'not_found') return errorPage(c, 404, { nav: networkNav(c) });
        return render(409, { alertKey: 'network.meetings.error.hostsMeetings' });
      }
      return redirectWithFlash(c, self, 'success', 'network.seasons.flash.memberRemoved');
    }
    if (intent === 'save-leader') {
      const values = valuesOf(f, leaderFormFields);
      const v = validateForm(leaderFormSchema, f);
      if (!v.ok) return render(422, { leader: { values, errors: v.errors } });
      const r = await saveSeasonLeader(deps.db, actor, { seasonId, ...v.data });
      if (!r.ok) {
        if (r.error === 'not_found') return errorPage(c, 404, { nav: networkNav(c) });
        const errors: Record<string, string> =
          r.error === 'not_a_member_municipality' ? { municipalityId: 'network.meetings.error.municipality' } : r.error === 'leads_other_municipality' ? { userId: 'network.meetings.error.leadsOther' } : { userId: 'network.meetings.error.person' };
        return render(422, { leader: { values, errors } });
      }
      return redirectWithFlash(c, self, 'success', r.value.change === 'added' ? 'network.seasons.flash.leaderAdded' : 'network.seasons.flash.leaderUpdated');
    }
    if (intent === 'remove-leader') {
      const v = validateForm(removeLeaderSchema, f);
      if (!v.ok) return errorPage(c, 400, { nav: networkNav(c) });
      const r = await removeSeasonLeader(deps.db, actor, { seasonId, ...v.data });
      if (!r.ok) return errorPage(c, 404, { nav: networkNav(c) });
      return redirectWithFlash(c, self, 'success', 'network.seasons.flash.leaderRemoved');
    }
    return errorPage(c, 400, { nav: networkNav(c) });
  });

  // ---- network admin: meetings ----

  const meetingForm = async (c: AppContext, values: Values, options: { meeting?: Meeting; errors?: Record<string, string> } = {}) => {
    const choices = await loadMeetingFormChoices(deps, state(c).actor!);
    return html(c, MeetingFormPage({ page: page(c), choices, values, ...(options.meeting ? { meeting: options.meeting } : {}), ...(options.errors ? { errors: translate(c, options.errors) } : {}) }), options.errors ? 422 : 200);
  };

  /** Validates the meeting form, including its local times; the fields for the command or the errors. */
  const readMeetingForm = (c: AppContext) => {
    const f = form(c);
    const values = valuesOf(f, meetingFormFields);
    const v = validateForm(meetingFormSchema, f);
    if (!v.ok) return { values, errors: v.errors } as const;
    const times = meetingTimes(v.data);
    if (!times.ok) return { values, errors: times.errors } as const;
    const d = v.data;
    return {
      values,
      fields: { seasonId: d.seasonId, hostMunicipalityId: d.hostMunicipalityId, title: d.title, lang: d.lang, place: d.place, address: d.address, agenda: d.agenda, isPublic: d.isPublic, capacity: d.capacity, ...times.value },
    } as const;
  };

  app.on(['GET', 'POST'], urls.admin.newMeeting, async (c) => {
    const denied = requireAdmin(c);
    if (denied) return denied;
    if (c.req.method === 'GET') {
      const choices = await loadMeetingFormChoices(deps, state(c).actor!);
      const current = choices.seasons.find((s) => s.endsOn >= toWallClock(new Date(), NETWORK_TIME_ZONE).date);
      return meetingForm(c, { seasonId: current ? String(current.id) : '', lang: state(c).lang, isPublic: 'yes', startTime: '10:00', endTime: '15:00', capacity: '40' });
    }
    const read = readMeetingForm(c);
    if (!read.fields) return meetingForm(c, read.values, { errors: read.errors });
    const r = await createMeeting(deps.db, state(c).actor, read.fields);
    if (!r.ok) return r.error === 'invalid' ? meetingForm(c, read.values, { errors: r.detail }) : errorPage(c, 403, { nav: networkNav(c) });
    return redirectWithFlash(c, urls.meeting(r.value.meetingId), 'success', 'network.meetings.flash.created');
  });

  app.on(['GET', 'POST'], '/network/admin/meetings/:id{[0-9]{1,9}}', async (c) => {
    const denied = requireAdmin(c);
    if (denied) return denied;
    const id = idParam(c);
    const meeting = await deps.db.transaction({ municipalityId: null }, (tx) => findMeeting(tx, id));
    if (!meeting) return errorPage(c, 404, { nav: networkNav(c) });
    if (c.req.method === 'GET') return meetingForm(c, meetingValues(meeting), { meeting });
    const read = readMeetingForm(c);
    if (!read.fields) return meetingForm(c, read.values, { meeting, errors: read.errors });
    const r = await editMeeting(deps.db, state(c).actor, id, read.fields);
    if (!r.ok) {
      if (r.error === 'not_found') return errorPage(c, 404, { nav: networkNav(c) });
      return r.error === 'invalid' ? meetingForm(c, read.values, { meeting, errors: r.detail }) : errorPage(c, 403, { nav: networkNav(c) });
    }
    for (const promoted of r.value.promoted) await sendRegistrationMail(deps, promoted, 'promoted');
    return redirectWithFlash(c, urls.meeting(id), 'success', 'network.meetings.flash.saved');
  });

  app.post('/network/admin/meetings/:id{[0-9]{1,9}}/registrations/:reg{[0-9]{1,9}}/cancel', async (c) => {
    const denied = requireAdmin(c);
    if (denied) return denied;
    const id = idParam(c);
    const r = await cancelRegistrationAsAdmin(deps.db, state(c).actor, idParam(c, 'reg'));
    if (!r.ok) {
      if (r.error === 'not_found' || r.error === 'forbidden') return errorPage(c, r.error === 'forbidden' ? 403 : 404, { nav: networkNav(c) });
      return redirectWithFlash(c, urls.meeting(id), 'error', r.error === 'meeting_past' ? 'network.meetings.registrationOver' : 'network.meetings.error.notRegistered');
    }
    for (const promoted of r.value.promoted) await sendRegistrationMail(deps, promoted, 'promoted');
    return redirectWithFlash(c, urls.meeting(r.value.meetingId), 'success', 'network.meetings.flash.registrantRemoved');
  });

  // ---- network admin: minutes and linked cases ----

  app.on(['GET', 'POST'], '/network/admin/meetings/:id{[0-9]{1,9}}/minutes', async (c) => {
    const denied = requireAdmin(c);
    if (denied) return denied;
    const actor = state(c).actor!;
    const id = idParam(c);
    const self = urls.admin.minutes(id);
    const render = async (status: 200 | 409 | 422, extra: { values?: Values; errors?: Record<string, string>; alertKey?: string } = {}) => {
      const query = (c.req.method === 'GET' ? (c.req.query('q') ?? '') : '').trim().slice(0, 100);
      const data = await deps.db.transaction({ municipalityId: null, userId: actor.id }, async (tx) => {
        const meeting = await findMeeting(tx, id);
        if (!meeting) return null;
        return { meeting, cases: await linkedCases(tx, id), results: query === '' ? null : await casesByTitle(tx, query, 20) };
      });
      if (!data) return errorPage(c, 404, { nav: networkNav(c) });
      return html(
        c,
        MinutesPage({
          page: page(c),
          meeting: data.meeting,
          cases: data.cases,
          values: extra.values ?? { minutes: data.meeting.minutes ?? '' },
          ...(extra.errors ? { errors: translate(c, extra.errors) } : {}),
          ...(extra.alertKey ? { alertKey: extra.alertKey } : {}),
          query,
          results: data.results,
        }),
        status,
      );
    };
    if (c.req.method === 'GET') return render(200);
    const f = form(c);
    const intent = field(f, 'intent');
    if (intent === 'minutes') {
      const values = valuesOf(f, ['minutes']);
      const v = validateForm(minutesFormSchema, f);
      if (!v.ok) return render(422, { values, errors: v.errors });
      const r = await writeMinutes(deps.db, actor, id, v.data.minutes);
      if (!r.ok) {
        if (r.error === 'not_found') return errorPage(c, 404, { nav: networkNav(c) });
        if (r.error === 'not_held_yet') return render(409, { values, errors: { minutes: 'network.meetings.error.notHeldYet' } });
        return errorPage(c, 403, { nav: networkNav(c) });
      }
      return redirectWithFlash(c, urls.meeting(id), 'success', 'network.meetings.flash.minutesSaved');
    }
    if (intent === 'link' || intent === 'unlink') {
      const v = validateForm(caseRefSchema, f);
      if (!v.ok) return errorPage(c, 400, { nav: networkNav(c) });
      const ref = { municipalityId: v.data.caseRef.municipalityId, caseId: v.data.caseRef.caseId };
      const r = intent === 'link' ? await linkMeetingCase(deps.db, actor, id, ref) : await unlinkMeetingCase(deps.db, actor, id, ref);
      if (!r.ok) {
        if (r.error === 'case_not_found') return render(422, { alertKey: 'network.meetings.error.case' });
        return errorPage(c, r.error === 'forbidden' ? 403 : 404, { nav: networkNav(c) });
      }
      return redirectWithFlash(c, self, 'success', intent === 'link' ? 'network.meetings.flash.caseLinked' : 'network.meetings.flash.caseUnlinked');
    }
    return errorPage(c, 400, { nav: networkNav(c) });
  });
}
