// Pages and form posts of the groups module. Each route: municipality → actor → one transaction with
// the tenant set → command or query → Post/Redirect/Get, or the form again with 422 and its errors.
import crypto from 'node:crypto';
import type { Hono } from 'hono';
import type { Transaction } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import type { AnyDb } from '../../core/db/database.js';
import type { Result } from '../../core/errors/result.js';
import { pageContext, state, type AppContext, type AppDeps, type AppEnv } from '../../core/http/context.js';
import { field, validateForm, type FieldErrors, type FormFields } from '../../core/http/form.js';
import { errorPage, html, redirectWithFlash } from '../../core/http/respond.js';
import type { I18n } from '../../core/i18n/i18n.js';
import type { NavItem } from '../../core/views/page-context.js';
import { listAreas, listThemes, loadMunicipality, type Municipality } from '../municipalities/index.js';
import { acceptInvitation, declineInvitation } from './commands/answer-invitation.js';
import { addActivity, removeActivity } from './commands/add-activity.js';
import { addBoardPosition, endBoardTerm, removeBoardPosition } from './commands/add-board-position.js';
import { changeMember } from './commands/change-member.js';
import { factsOf, viewerOf, type CommandContext } from './commands/context.js';
import { createGroup } from './commands/create-group.js';
import { decideRequest } from './commands/decide-request.js';
import { editPost, moderatePost } from './commands/edit-post.js';
import { inviteMember } from './commands/invite-member.js';
import { joinGroup } from './commands/join-group.js';
import { leaveGroup } from './commands/leave-group.js';
import { postMessage } from './commands/post-message.js';
import { recogniseLocalCouncil, withdrawRecognition } from './commands/recognise-local-council.js';
import { setConsent } from './commands/set-member-consent.js';
import { updateGroupDetails } from './commands/update-group.js';
import * as policy from './groups.policy.js';
import { listGroupsForUser, listGroupsPage, loadGroupPage, loadMembersAdmin } from './groups.queries.js';
import { findGroupBySlug, findMembership, findPost } from './groups.repository.js';
import {
  activitySchema,
  boardPositionSchema,
  createGroupSchema,
  editGroupSchema,
  editPostSchema,
  inviteSchema,
  joinSchema,
  listQuerySchema,
  postSchema,
} from './groups.schemas.js';
import { groupInitiativesProvider } from './groups.slots.js';
import type { Group, GroupKind } from './groups.types.js';
import { urls } from './groups.urls.js';
import { BoardPage } from './views/board-page.js';
import { GroupFormPage, type GroupFormValues } from './views/group-form-page.js';
import { GroupPage, type GroupPermissions, type PostFormState } from './views/group-page.js';
import { GroupsListPage } from './views/groups-list-page.js';
import { MembersPage } from './views/members-page.js';
import { ActivityFormPage, EditPostPage } from './views/simple-form-pages.js';
import { todayIn } from './views/shared.js';

type Tx = Transaction<AnyDb>;
type ErrorStatus = 401 | 403 | 404 | 409 | 422 | 429;

/** Command errors every route answers the same way; the rest each route maps itself. */
const commonStatus: Record<string, ErrorStatus> = { not_found: 404, forbidden: 403, kind_forbidden: 403, rate_limited: 429 };

const translate = (t: I18n['t'], errors: FieldErrors): Record<string, string> => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, t(v)]));

/** The submitted text fields, to show a failed form again as it was typed. */
function valuesOf(fields: FormFields, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, field(fields, n)]));
}

const GROUP_FIELDS = ['name', 'kind', 'description', 'descriptionLang', 'areaId', 'themeId', 'membershipPolicy', 'cvr', 'statutes', 'showPublicly'];

export function registerGroupsRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const base = '/m/:slug/groups';
  const groupBase = `${base}/:group`;

  function nav(c: AppContext, m: Municipality): NavItem[] {
    const { t } = state(c).i18n;
    return [
      { href: `/m/${encodeURIComponent(m.slug)}`, label: t('groups.nav.home') },
      { href: urls.list(m.slug), label: t('groups.nav.groups'), current: true },
    ];
  }
  const page = (c: AppContext, m: Municipality) => pageContext(c, { municipality: m, nav: nav(c, m) });
  const fail = (c: AppContext, m: Municipality | null, status: ErrorStatus, messageKey?: string) =>
    errorPage(c, status, { ...(m ? { municipality: m, nav: nav(c, m) } : {}), ...(messageKey ? { messageKey } : {}) });

  function transaction<T>(m: Municipality, actor: Actor | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
    return deps.db.transaction({ municipalityId: m.id, userId: actor?.id ?? null }, fn);
  }

  /** Municipality and signed-in actor of a form post, or the error answer. */
  async function forPost(c: AppContext): Promise<{ m: Municipality; actor: Actor; fields: FormFields } | Response> {
    const m = await loadMunicipality(deps, c.req.param('slug') ?? '');
    if (!m) return fail(c, null, 404);
    const actor = state(c).actor;
    if (!actor) return fail(c, m, 401);
    return { m, actor, fields: state(c).form ?? {} };
  }

  /** Municipality for a page; pages that need a signed-in person send visitors to sign in first. */
  async function forPage(c: AppContext, signIn: boolean): Promise<{ m: Municipality; actor: Actor | null } | Response> {
    const m = await loadMunicipality(deps, c.req.param('slug') ?? '');
    if (!m) return fail(c, null, 404);
    const actor = state(c).actor;
    if (signIn && !actor) {
      const url = new URL(c.req.url);
      return c.redirect(urls.login(url.pathname + url.search), 303);
    }
    return { m, actor };
  }

  /**
   * Runs a command on the group named in the path. Returns the group (for the redirect) and the
   * command's result; a group that does not exist is not_found.
   */
  async function onGroup<T, E extends string>(
    m: Municipality,
    actor: Actor,
    groupSlug: string,
    run: (ctx: CommandContext, group: Group) => Promise<Result<T, E>>,
  ): Promise<{ group: Group | null; result: Result<T, E | 'not_found'> }> {
    return transaction(m, actor, async (tx) => {
      const group = await findGroupBySlug(tx, m.id, groupSlug);
      if (!group) return { group: null, result: { ok: false as const, error: 'not_found' as const, detail: undefined } };
      return { group, result: await run({ tx, municipalityId: m.id, actor }, group) };
    });
  }

  /** The answer to a one-button action: back to the group page with a message, or an error page. */
  function afterAction(c: AppContext, m: Municipality, outcome: { group: Group | null; result: Result<unknown, string> }, success: string, conflicts: Record<string, string> = {}, back?: string): Response {
    const { group, result } = outcome;
    const to = back ?? (group ? urls.group(m.slug, group.slug) : urls.list(m.slug));
    if (result.ok) return redirectWithFlash(c, to, 'success', success);
    const status = commonStatus[result.error];
    if (status) return fail(c, m, status);
    const key = conflicts[result.error];
    // An expected conflict (the last coordinator leaving, a request already decided): explain it where the person was.
    if (key) return redirectWithFlash(c, to, 'error', key);
    return fail(c, m, 409);
  }

  // ---- list, create ----

  app.get(base, async (c) => {
    const r = await forPage(c, false);
    if (r instanceof Response) return r;
    const { m, actor } = r;
    const q = listQuerySchema.parse(c.req.query());
    const { lang } = state(c).i18n;
    const data = await transaction(m, actor, async (tx) => {
      const [areas, themes] = await Promise.all([listAreas(tx, m.id), listThemes(tx, m.id)]);
      const list = await listGroupsPage(tx, m.id, { areaId: q.area ?? null, themeId: q.theme ?? null, kind: q.kind ?? null, q: q.q || null }, q.page ?? 1);
      const mine = actor ? await listGroupsForUser(tx, m.id, actor.id) : [];
      return { areas, themes, list, mine };
    });
    return html(
      c,
      GroupsListPage({
        page: page(c, m),
        municipality: m,
        groups: data.list.groups,
        total: data.list.total,
        pageNumber: data.list.page,
        totalPages: data.list.totalPages,
        filter: { areaId: q.area, themeId: q.theme, kind: q.kind, q: q.q || undefined },
        areas: data.areas.map((a) => ({ id: a.id, name: a.name })),
        themes: data.themes.map((th) => ({ id: th.id, name: th.name[lang] })),
        mine: data.mine.map((x) => ({ group: x.group, status: x.membership.status })),
        canCreate: policy.mayCreateGroup(viewerOf(actor, m.id)),
        signedIn: actor !== null,
      }),
    );
  });

  async function renderGroupForm(c: AppContext, m: Municipality, actor: Actor, mode: Parameters<typeof GroupFormPage>[0]['mode'], values: GroupFormValues, errors: FieldErrors, status: 200 | 422) {
    const { t, lang } = state(c).i18n;
    const [areas, themes] = await transaction(m, actor, (tx) => Promise.all([listAreas(tx, m.id), listThemes(tx, m.id)]));
    return html(
      c,
      GroupFormPage({
        page: page(c, m),
        municipality: m,
        mode,
        values,
        errors: translate(t, errors),
        areas: areas.map((a) => ({ id: a.id, name: a.name })),
        themes: themes.map((th) => ({ id: th.id, name: th.name[lang] })),
      }),
      status,
    );
  }

  const creatableKinds = (actor: Actor, m: Municipality): GroupKind[] =>
    (['informal', 'association', 'local_council'] as const).filter((k) => policy.mayChooseKind(viewerOf(actor, m.id), k));

  app.get(`${base}/new`, async (c) => {
    const r = await forPage(c, true);
    if (r instanceof Response) return r;
    const actor = r.actor!;
    return renderGroupForm(
      c,
      r.m,
      actor,
      { kind: 'create', creationKey: crypto.randomUUID(), kinds: creatableKinds(actor, r.m) },
      { kind: 'informal', membershipPolicy: 'open', descriptionLang: state(c).lang },
      {},
      200,
    );
  });

  app.post(`${base}/new`, async (c) => {
    const r = await forPost(c);
    if (r instanceof Response) return r;
    const { m, actor, fields } = r;
    const parsed = validateForm(createGroupSchema, fields);
    const creationKey = /^[0-9a-f-]{36}$/i.test(field(fields, 'creationKey')) ? field(fields, 'creationKey') : crypto.randomUUID();
    const mode = { kind: 'create' as const, creationKey, kinds: creatableKinds(actor, m) };
    if (!parsed.ok) return renderGroupForm(c, m, actor, mode, valuesOf(fields, GROUP_FIELDS), parsed.errors, 422);
    const result = await transaction(m, actor, (tx) => createGroup({ tx, municipalityId: m.id, actor }, parsed.data));
    if (!result.ok) {
      const fieldErrors: Record<string, FieldErrors> = {
        area_not_found: { areaId: 'groups.error.areaInvalid' },
        theme_not_found: { themeId: 'groups.error.themeInvalid' },
        council_exists: { areaId: 'groups.error.councilExists' },
        kind_forbidden: { kind: 'groups.error.kindForbidden' },
      };
      const errors = fieldErrors[result.error];
      if (errors) return renderGroupForm(c, m, actor, mode, valuesOf(fields, GROUP_FIELDS), errors, 422);
      return fail(c, m, commonStatus[result.error] ?? 409);
    }
    return redirectWithFlash(c, urls.group(m.slug, result.value.group.slug), 'success', 'groups.flash.created');
  });

  // ---- the group page ----

  async function renderGroupPage(c: AppContext, m: Municipality, actor: Actor | null, groupSlug: string, status: 200 | 422 = 200, postForm?: PostFormState): Promise<Response> {
    const { lang } = state(c).i18n;
    const viewer = viewerOf(actor, m.id);
    const threadPage = Number(/^[1-9][0-9]{0,5}$/.test(c.req.query('page') ?? '') ? c.req.query('page') : 1);
    const data = await transaction(m, actor, async (tx) => {
      const group = await findGroupBySlug(tx, m.id, groupSlug);
      if (!group) return null;
      const pageData = await loadGroupPage(tx, group, viewer, { threadPage, today: todayIn(m.timeZone) });
      const [areas, themes] = await Promise.all([group.areaId ? listAreas(tx, m.id) : [], group.themeId ? listThemes(tx, m.id) : []]);
      const provider = groupInitiativesProvider();
      const initiatives = provider ? await provider(tx, { municipalityId: m.id, municipalitySlug: m.slug, groupId: group.id, groupSlug: group.slug }, lang) : null;
      return {
        pageData,
        areaName: areas.find((a) => a.id === group.areaId)?.name ?? null,
        themeName: themes.find((th) => th.id === group.themeId)?.name[lang] ?? null,
        initiatives,
      };
    });
    if (!data) return fail(c, m, 404);
    const { group, membership, counts } = data.pageData;
    const facts = factsOf(membership);
    const can: GroupPermissions = {
      join: policy.mayJoin(viewer, group, facts),
      request: policy.mayRequest(viewer, group, facts),
      answerInvitation: policy.mayAnswerInvitation(viewer, facts),
      leave: policy.mayLeave(viewer, facts, counts.coordinators),
      edit: policy.mayEdit(viewer, facts),
      manageMembers: policy.mayManageMembers(viewer, facts),
      manageBoard: policy.mayManageBoard(viewer, group, facts),
      manageActivities: policy.mayManageActivities(viewer, facts),
      post: policy.mayPost(viewer, facts),
      moderate: policy.mayModerate(viewer, facts),
      recognise: policy.mayRecognise(viewer),
    };
    return html(
      c,
      GroupPage({
        page: page(c, m),
        municipality: m,
        data: data.pageData,
        areaName: data.areaName,
        themeName: data.themeName,
        can,
        viewerId: actor?.id ?? null,
        initiatives: data.initiatives,
        newKey: () => crypto.randomUUID(),
        ...(postForm ? { postForm } : {}),
      }),
      status,
    );
  }

  app.get(groupBase, async (c) => {
    const r = await forPage(c, false);
    if (r instanceof Response) return r;
    return renderGroupPage(c, r.m, r.actor, c.req.param('group'));
  });

  // ---- edit ----

  async function loadForCoordinator(m: Municipality, actor: Actor, groupSlug: string, allowed: (v: policy.Viewer, g: Group, f: policy.MembershipFacts) => boolean) {
    return transaction(m, actor, async (tx) => {
      const group = await findGroupBySlug(tx, m.id, groupSlug);
      if (!group) return { status: 404 as const };
      const membership = await findMembership(tx, m.id, group.id, actor.id);
      if (!allowed(viewerOf(actor, m.id), group, factsOf(membership))) return { status: 403 as const };
      const areaName = group.areaId ? ((await listAreas(tx, m.id)).find((a) => a.id === group.areaId)?.name ?? null) : null;
      return { status: 200 as const, group, areaName };
    });
  }

  const editMode = (group: Group, areaName: string | null) => ({ kind: 'edit' as const, groupSlug: group.slug, groupName: group.name, currentKind: group.kind, areaName });

  app.get(`${groupBase}/edit`, async (c) => {
    const r = await forPage(c, true);
    if (r instanceof Response) return r;
    const actor = r.actor!;
    const loaded = await loadForCoordinator(r.m, actor, c.req.param('group'), (v, _g, f) => policy.mayEdit(v, f));
    if (loaded.status !== 200) return fail(c, r.m, loaded.status);
    const g = loaded.group;
    const values: GroupFormValues = {
      name: g.name,
      kind: g.kind,
      description: g.description,
      descriptionLang: g.descriptionLang,
      areaId: g.areaId ? String(g.areaId) : '',
      themeId: g.themeId ? String(g.themeId) : '',
      membershipPolicy: g.membershipPolicy,
      cvr: g.cvr ?? '',
      statutes: g.statutes,
    };
    return renderGroupForm(c, r.m, actor, editMode(g, loaded.areaName), values, {}, 200);
  });

  app.post(`${groupBase}/edit`, async (c) => {
    const r = await forPost(c);
    if (r instanceof Response) return r;
    const { m, actor, fields } = r;
    const loaded = await loadForCoordinator(m, actor, c.req.param('group'), (v, _g, f) => policy.mayEdit(v, f));
    if (loaded.status !== 200) return fail(c, m, loaded.status);
    const mode = editMode(loaded.group, loaded.areaName);
    const parsed = validateForm(editGroupSchema, fields);
    if (!parsed.ok) return renderGroupForm(c, m, actor, mode, valuesOf(fields, GROUP_FIELDS), parsed.errors, 422);
    const { result } = await onGroup(m, actor, loaded.group.slug, (ctx, g) => updateGroupDetails(ctx, g.id, parsed.data));
    if (!result.ok) {
      const fieldErrors: Record<string, FieldErrors> = {
        area_not_found: { areaId: 'groups.error.areaInvalid' },
        theme_not_found: { themeId: 'groups.error.themeInvalid' },
        cvr_only_association: { cvr: 'groups.error.cvrOnlyAssociation' },
        statutes_only_association: { statutes: 'groups.error.statutesOnlyAssociation' },
      };
      const errors = fieldErrors[result.error];
      if (errors) return renderGroupForm(c, m, actor, mode, valuesOf(fields, GROUP_FIELDS), errors, 422);
      return fail(c, m, commonStatus[result.error] ?? 409);
    }
    return redirectWithFlash(c, urls.group(m.slug, loaded.group.slug), 'success', 'groups.flash.saved');
  });

  // ---- membership ----

  for (const action of ['join', 'request'] as const) {
    app.post(`${groupBase}/${action}`, async (c) => {
      const r = await forPost(c);
      if (r instanceof Response) return r;
      const parsed = joinSchema.parse(r.fields);
      const outcome = await onGroup(r.m, r.actor, c.req.param('group'), (ctx, g) => joinGroup(ctx, g.id, parsed));
      const success = outcome.result.ok && outcome.result.value.status === 'requested' ? 'groups.flash.requested' : 'groups.flash.joined';
      return afterAction(c, r.m, outcome, success, { already_member: 'groups.flash.alreadyMember' });
    });
  }

  app.post(`${groupBase}/accept`, async (c) => {
    const r = await forPost(c);
    if (r instanceof Response) return r;
    const parsed = joinSchema.parse(r.fields);
    const outcome = await onGroup(r.m, r.actor, c.req.param('group'), (ctx, g) => acceptInvitation(ctx, g.id, parsed));
    return afterAction(c, r.m, outcome, 'groups.flash.joined', { no_invitation: 'groups.flash.noInvitation' });
  });

  app.post(`${groupBase}/decline`, async (c) => {
    const r = await forPost(c);
    if (r instanceof Response) return r;
    const outcome = await onGroup(r.m, r.actor, c.req.param('group'), (ctx, g) => declineInvitation(ctx, g.id));
    return afterAction(c, r.m, outcome, 'groups.flash.declined', { no_invitation: 'groups.flash.noInvitation' });
  });

  app.post(`${groupBase}/leave`, async (c) => {
    const r = await forPost(c);
    if (r instanceof Response) return r;
    const outcome = await onGroup(r.m, r.actor, c.req.param('group'), (ctx, g) => leaveGroup(ctx, g.id));
    return afterAction(c, r.m, outcome, 'groups.flash.left', { last_coordinator: 'groups.flash.lastCoordinator', not_member: 'groups.flash.notMember' });
  });

  app.post(`${groupBase}/consent`, async (c) => {
    const r = await forPost(c);
    if (r instanceof Response) return r;
    const parsed = joinSchema.parse(r.fields);
    const outcome = await onGroup(r.m, r.actor, c.req.param('group'), (ctx, g) => setConsent(ctx, g.id, parsed.showPublicly));
    return afterAction(c, r.m, outcome, parsed.showPublicly ? 'groups.flash.consentOn' : 'groups.flash.consentOff', { not_member: 'groups.flash.notMember' });
  });

  // ---- member administration ----

  async function renderMembers(c: AppContext, m: Municipality, actor: Actor, groupSlug: string, invite: { values: { email?: string }; errors: FieldErrors }, status: 200 | 422) {
    const data = await transaction(m, actor, async (tx) => {
      const group = await findGroupBySlug(tx, m.id, groupSlug);
      if (!group) return { status: 404 as const };
      const membership = await findMembership(tx, m.id, group.id, actor.id);
      if (!policy.mayManageMembers(viewerOf(actor, m.id), factsOf(membership))) return { status: 403 as const };
      return { status: 200 as const, group, admin: await loadMembersAdmin(tx, group) };
    });
    if (data.status !== 200) return fail(c, m, data.status);
    const { t } = state(c).i18n;
    return html(
      c,
      MembersPage({
        page: page(c, m),
        municipality: m,
        group: data.group,
        members: data.admin.members,
        requested: data.admin.requested,
        invited: data.admin.invited,
        viewerId: actor.id,
        invite: { values: invite.values, errors: translate(t, invite.errors) },
      }),
      status,
    );
  }

  app.get(`${groupBase}/members`, async (c) => {
    const r = await forPage(c, true);
    if (r instanceof Response) return r;
    return renderMembers(c, r.m, r.actor!, c.req.param('group'), { values: {}, errors: {} }, 200);
  });

  app.post(`${groupBase}/invite`, async (c) => {
    const r = await forPost(c);
    if (r instanceof Response) return r;
    const { m, actor, fields } = r;
    const parsed = validateForm(inviteSchema, fields);
    if (!parsed.ok) return renderMembers(c, m, actor, c.req.param('group'), { values: { email: field(fields, 'email') }, errors: parsed.errors }, 422);
    const outcome = await onGroup(m, actor, c.req.param('group'), (ctx, g) => inviteMember(ctx, g.id, parsed.data));
    if (outcome.result.ok && outcome.result.value.notify && outcome.group) {
      // After the commit: the embedded database has one session, and a mail is no reason to hold a transaction.
      const person = outcome.result.value.notify;
      const lang = person.lang ?? state(c).lang;
      const link = `${deps.config.baseUrl}${urls.group(m.slug, outcome.group.slug)}`;
      const values = { group: outcome.group.name, municipality: m.name, inviter: actor.displayName, link };
      try {
        await deps.mailer.send({ to: person.email, subject: deps.catalog.format(lang, 'groups.mail.invite.subject', values), text: deps.catalog.format(lang, 'groups.mail.invite.text', values) });
      } catch (error) {
        deps.log.warn('invitation e-mail not sent', { error });
      }
    }
    return afterAction(c, m, outcome, 'groups.flash.invited', {}, outcome.group ? urls.action(m.slug, outcome.group.slug, 'members') : undefined);
  });

  const userIdParam = (c: AppContext): number | null => (/^[1-9][0-9]{0,15}$/.test(c.req.param('userId') ?? '') ? Number(c.req.param('userId')) : null);

  for (const decision of ['approve', 'reject'] as const) {
    app.post(`${groupBase}/members/:userId/${decision}`, async (c) => {
      const r = await forPost(c);
      if (r instanceof Response) return r;
      const userId = userIdParam(c);
      if (userId === null) return fail(c, r.m, 404);
      const outcome = await onGroup(r.m, r.actor, c.req.param('group'), (ctx, g) => decideRequest(ctx, g.id, userId, decision));
      const back = outcome.group ? urls.action(r.m.slug, outcome.group.slug, 'members') : undefined;
      return afterAction(c, r.m, outcome, decision === 'approve' ? 'groups.flash.approved' : 'groups.flash.rejected', { no_request: 'groups.flash.noRequest' }, back);
    });
  }

  app.post(`${groupBase}/members/:userId/role`, async (c) => {
    const r = await forPost(c);
    if (r instanceof Response) return r;
    const userId = userIdParam(c);
    const role = field(r.fields, 'role');
    if (userId === null) return fail(c, r.m, 404);
    if (role !== 'member' && role !== 'coordinator') return fail(c, r.m, 422);
    const outcome = await onGroup(r.m, r.actor, c.req.param('group'), (ctx, g) => changeMember(ctx, g.id, userId, { role }));
    const back = outcome.group ? urls.action(r.m.slug, outcome.group.slug, 'members') : undefined;
    return afterAction(c, r.m, outcome, 'groups.flash.roleChanged', { last_coordinator: 'groups.flash.lastCoordinator', no_member: 'groups.flash.notMember' }, back);
  });

  app.post(`${groupBase}/members/:userId/remove`, async (c) => {
    const r = await forPost(c);
    if (r instanceof Response) return r;
    const userId = userIdParam(c);
    if (userId === null) return fail(c, r.m, 404);
    const outcome = await onGroup(r.m, r.actor, c.req.param('group'), (ctx, g) => changeMember(ctx, g.id, userId, { remove: true }));
    const back = outcome.group ? urls.action(r.m.slug, outcome.group.slug, 'members') : undefined;
    return afterAction(c, r.m, outcome, 'groups.flash.removed', { last_coordinator: 'groups.flash.lastCoordinator', no_member: 'groups.flash.notMember' }, back);
  });

  // ---- board ----

  async function renderBoard(c: AppContext, m: Municipality, actor: Actor, groupSlug: string, values: Record<string, string>, errors: FieldErrors, status: 200 | 422) {
    const data = await transaction(m, actor, async (tx) => {
      const group = await findGroupBySlug(tx, m.id, groupSlug);
      if (!group) return { status: 404 as const };
      const membership = await findMembership(tx, m.id, group.id, actor.id);
      if (!policy.mayManageBoard(viewerOf(actor, m.id), group, factsOf(membership))) return { status: 403 as const };
      return { status: 200 as const, group, admin: await loadMembersAdmin(tx, group) };
    });
    if (data.status !== 200) return fail(c, m, data.status);
    const { t } = state(c).i18n;
    return html(
      c,
      BoardPage({ page: page(c, m), municipality: m, group: data.group, board: data.admin.board, members: data.admin.members, values, errors: translate(t, errors), today: todayIn(m.timeZone) }),
      status,
    );
  }

  app.get(`${groupBase}/board`, async (c) => {
    const r = await forPage(c, true);
    if (r instanceof Response) return r;
    return renderBoard(c, r.m, r.actor!, c.req.param('group'), { termStart: todayIn(r.m.timeZone) }, {}, 200);
  });

  app.post(`${groupBase}/board`, async (c) => {
    const r = await forPost(c);
    if (r instanceof Response) return r;
    const { m, actor, fields } = r;
    const values = valuesOf(fields, ['userId', 'role', 'termStart', 'termEnd']);
    const parsed = validateForm(boardPositionSchema, fields);
    if (!parsed.ok) return renderBoard(c, m, actor, c.req.param('group'), values, parsed.errors, 422);
    const outcome = await onGroup(m, actor, c.req.param('group'), (ctx, g) => addBoardPosition(ctx, g.id, parsed.data));
    if (!outcome.result.ok) {
      const fieldErrors: Record<string, FieldErrors> = { overlap: { termStart: 'groups.error.boardOverlap' }, not_member: { userId: 'groups.error.boardNotMember' } };
      const errors = fieldErrors[outcome.result.error];
      if (errors) return renderBoard(c, m, actor, c.req.param('group'), values, errors, 422);
    }
    return afterAction(c, m, outcome, 'groups.flash.boardAdded', {}, outcome.group ? urls.action(m.slug, outcome.group.slug, 'board') : undefined);
  });

  app.post(`${groupBase}/board/:positionId/delete`, async (c) => {
    const r = await forPost(c);
    if (r instanceof Response) return r;
    const id = /^[1-9][0-9]{0,9}$/.test(c.req.param('positionId') ?? '') ? Number(c.req.param('positionId')) : null;
    if (id === null) return fail(c, r.m, 404);
    const outcome = await onGroup(r.m, r.actor, c.req.param('group'), (ctx, g) => removeBoardPosition(ctx, g.id, id));
    const back = outcome.group ? urls.action(r.m.slug, outcome.group.slug, 'board') : undefined;
    return afterAction(c, r.m, outcome, 'groups.flash.boardRemoved', { no_position: 'groups.flash.gone' }, back);
  });

  app.post(`${groupBase}/board/:positionId/end`, async (c) => {
    const r = await forPost(c);
    if (r instanceof Response) return r;
    const id = /^[1-9][0-9]{0,9}$/.test(c.req.param('positionId') ?? '') ? Number(c.req.param('positionId')) : null;
    if (id === null) return fail(c, r.m, 404);
    const today = todayIn(r.m.timeZone);
    const outcome = await onGroup(r.m, r.actor, c.req.param('group'), (ctx, g) => endBoardTerm(ctx, g.id, id, today));
    const back = outcome.group ? urls.action(r.m.slug, outcome.group.slug, 'board') : undefined;
    return afterAction(c, r.m, outcome, 'groups.flash.boardEnded', { no_position: 'groups.flash.gone', not_current: 'groups.flash.termNotCurrent' }, back);
  });

  // ---- activities ----

  async function renderActivityForm(c: AppContext, m: Municipality, actor: Actor, groupSlug: string, values: Record<string, string>, errors: FieldErrors, status: 200 | 422) {
    const loaded = await loadForCoordinator(m, actor, groupSlug, (v, _g, f) => policy.mayManageActivities(v, f));
    if (loaded.status !== 200) return fail(c, m, loaded.status);
    const { t } = state(c).i18n;
    return html(c, ActivityFormPage({ page: page(c, m), municipality: m, group: loaded.group, values, errors: translate(t, errors) }), status);
  }

  app.get(`${groupBase}/activities/new`, async (c) => {
    const r = await forPage(c, true);
    if (r instanceof Response) return r;
    return renderActivityForm(c, r.m, r.actor!, c.req.param('group'), {}, {}, 200);
  });

  app.post(`${groupBase}/activities`, async (c) => {
    const r = await forPost(c);
    if (r instanceof Response) return r;
    const { m, actor, fields } = r;
    const values = valuesOf(fields, ['title', 'date', 'time', 'place']);
    const parsed = validateForm(activitySchema, fields);
    if (!parsed.ok) return renderActivityForm(c, m, actor, c.req.param('group'), values, parsed.errors, 422);
    const outcome = await onGroup(m, actor, c.req.param('group'), (ctx, g) => addActivity(ctx, g.id, parsed.data, m.timeZone));
    if (!outcome.result.ok && outcome.result.error === 'in_past') return renderActivityForm(c, m, actor, c.req.param('group'), values, { date: 'groups.error.activityInPast' }, 422);
    return afterAction(c, m, outcome, 'groups.flash.activityAdded');
  });

  app.post(`${groupBase}/activities/:activityId/delete`, async (c) => {
    const r = await forPost(c);
    if (r instanceof Response) return r;
    const id = /^[1-9][0-9]{0,9}$/.test(c.req.param('activityId') ?? '') ? Number(c.req.param('activityId')) : null;
    if (id === null) return fail(c, r.m, 404);
    const outcome = await onGroup(r.m, r.actor, c.req.param('group'), (ctx, g) => removeActivity(ctx, g.id, id));
    return afterAction(c, r.m, outcome, 'groups.flash.activityRemoved', { no_activity: 'groups.flash.gone' });
  });

  // ---- discussion ----

  app.post(`${groupBase}/posts`, async (c) => {
    const r = await forPost(c);
    if (r instanceof Response) return r;
    const { m, actor, fields } = r;
    const parsed = validateForm(postSchema, fields);
    if (!parsed.ok) {
      const { t } = state(c).i18n;
      const parentId = /^[1-9][0-9]*$/.test(field(fields, 'parentId')) ? Number(field(fields, 'parentId')) : null;
      const key = /^[0-9a-f-]{36}$/i.test(field(fields, 'postKey')) ? field(fields, 'postKey') : crypto.randomUUID();
      const message = parsed.errors.body ?? parsed.errors.postKey ?? parsed.errors.parentId ?? 'groups.error.bodyRequired';
      return renderGroupPage(c, m, actor, c.req.param('group'), 422, { parentId, body: field(fields, 'body'), error: t(message), key });
    }
    const outcome = await onGroup(m, actor, c.req.param('group'), (ctx, g) => postMessage(ctx, g.id, parsed.data, state(c).lang));
    const anchor = outcome.result.ok ? `#post-${outcome.result.value.id}` : '';
    return afterAction(c, m, outcome, 'groups.flash.posted', { no_parent: 'groups.flash.gone' }, outcome.group ? `${urls.group(m.slug, outcome.group.slug)}${anchor}` : undefined);
  });

  const postIdParam = (c: AppContext): number | null => (/^[1-9][0-9]{0,15}$/.test(c.req.param('postId') ?? '') ? Number(c.req.param('postId')) : null);

  async function renderEditPost(c: AppContext, m: Municipality, actor: Actor, groupSlug: string, postId: number, values: Record<string, string> | null, errors: FieldErrors, status: 200 | 422) {
    const data = await transaction(m, actor, async (tx) => {
      const group = await findGroupBySlug(tx, m.id, groupSlug);
      if (!group) return { status: 404 as const };
      const post = await findPost(tx, m.id, group.id, postId);
      if (!post) return { status: 404 as const };
      const membership = await findMembership(tx, m.id, group.id, actor.id);
      if (!policy.mayEditPost(viewerOf(actor, m.id), factsOf(membership), { authorId: post.authorId, hidden: post.hiddenAt !== null })) return { status: 403 as const };
      return { status: 200 as const, group, post };
    });
    if (data.status !== 200) return fail(c, m, data.status);
    const { t } = state(c).i18n;
    return html(c, EditPostPage({ page: page(c, m), municipality: m, group: data.group, postId, values: values ?? { body: data.post.body }, errors: translate(t, errors) }), status);
  }

  app.get(`${groupBase}/posts/:postId/edit`, async (c) => {
    const r = await forPage(c, true);
    if (r instanceof Response) return r;
    const postId = postIdParam(c);
    if (postId === null) return fail(c, r.m, 404);
    return renderEditPost(c, r.m, r.actor!, c.req.param('group'), postId, null, {}, 200);
  });

  app.post(`${groupBase}/posts/:postId/edit`, async (c) => {
    const r = await forPost(c);
    if (r instanceof Response) return r;
    const postId = postIdParam(c);
    if (postId === null) return fail(c, r.m, 404);
    const parsed = validateForm(editPostSchema, r.fields);
    if (!parsed.ok) return renderEditPost(c, r.m, r.actor, c.req.param('group'), postId, { body: field(r.fields, 'body') }, parsed.errors, 422);
    const outcome = await onGroup(r.m, r.actor, c.req.param('group'), (ctx, g) => editPost(ctx, g.id, postId, parsed.data));
    return afterAction(c, r.m, outcome, 'groups.flash.postSaved', {}, outcome.group ? `${urls.group(r.m.slug, outcome.group.slug)}#post-${postId}` : undefined);
  });

  for (const action of ['hide', 'show'] as const) {
    app.post(`${groupBase}/posts/:postId/${action}`, async (c) => {
      const r = await forPost(c);
      if (r instanceof Response) return r;
      const postId = postIdParam(c);
      if (postId === null) return fail(c, r.m, 404);
      const outcome = await onGroup(r.m, r.actor, c.req.param('group'), (ctx, g) => moderatePost(ctx, g.id, postId, action === 'hide'));
      return afterAction(c, r.m, outcome, action === 'hide' ? 'groups.flash.postHidden' : 'groups.flash.postShown', {}, outcome.group ? `${urls.group(r.m.slug, outcome.group.slug)}#post-${postId}` : undefined);
    });
  }

  // ---- recognition as local council ----

  app.post(`${groupBase}/recognise`, async (c) => {
    const r = await forPost(c);
    if (r instanceof Response) return r;
    const outcome = await onGroup(r.m, r.actor, c.req.param('group'), (ctx, g) => recogniseLocalCouncil(ctx, g.id));
    return afterAction(c, r.m, outcome, 'groups.flash.recognised', { needs_area: 'groups.council.needsArea', council_exists: 'groups.error.councilExists' });
  });

  app.post(`${groupBase}/unrecognise`, async (c) => {
    const r = await forPost(c);
    if (r instanceof Response) return r;
    const outcome = await onGroup(r.m, r.actor, c.req.param('group'), (ctx, g) => withdrawRecognition(ctx, g.id));
    return afterAction(c, r.m, outcome, 'groups.flash.unrecognised');
  });

}
