// SQL for groups, members, boards, the discussion and activities. Knows nothing of permissions;
// callers pass the executor of a transaction whose tenant is already set. The tenant filter is
// repeated in every query although row-level security enforces it: two locks, one door.
import { sql, type Generated, type Selectable } from 'kysely';
import { tables, type Executor } from '../../core/db/database.js';
import type {
  Activity,
  BoardPosition,
  BoardRole,
  Group,
  GroupKind,
  GroupSummary,
  MemberRole,
  MemberStatus,
  Membership,
  MembershipPolicy,
  Post,
  TextLang,
} from './groups.types.js';

interface GroupRow {
  municipality_id: number;
  id: Generated<number>;
  slug: string;
  kind: GroupKind;
  name: string;
  description: string;
  description_lang: TextLang;
  area_id: number | null;
  theme_id: number | null;
  membership_policy: MembershipPolicy;
  cvr: string | null;
  statutes: string;
  recognised_at: Date | null;
  recognised_by: number | null;
  created_by: number | null;
  creation_key: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
interface MemberRow {
  municipality_id: number;
  group_id: number;
  user_id: number;
  role: MemberRole;
  status: MemberStatus;
  show_publicly: boolean;
  invited_by: number | null;
  created_at: Generated<Date>;
  joined_at: Date | null;
}
interface BoardRow {
  municipality_id: number;
  group_id: number;
  id: Generated<number>;
  user_id: number;
  role: BoardRole;
  term_start: string;
  term_end: string | null;
  created_at: Generated<Date>;
}
interface PostRow {
  municipality_id: number;
  group_id: number;
  id: Generated<number>;
  parent_id: number | null;
  author_id: number | null;
  body: string;
  lang: TextLang;
  post_key: string | null;
  created_at: Generated<Date>;
  edited_at: Date | null;
  hidden_at: Date | null;
  hidden_by: number | null;
}
interface ActivityRow {
  municipality_id: number;
  group_id: number;
  id: Generated<number>;
  title: string;
  starts_at: Date;
  place: string;
  created_by: number | null;
  created_at: Generated<Date>;
}
export interface GroupsTables {
  groups: GroupRow;
  groups_members: MemberRow;
  groups_board_positions: BoardRow;
  groups_posts: PostRow;
  groups_activities: ActivityRow;
}

const db = (e: Executor) => tables<GroupsTables>(e);

function toGroup(r: Selectable<GroupRow>): Group {
  return {
    municipalityId: r.municipality_id,
    id: r.id,
    slug: r.slug,
    kind: r.kind,
    name: r.name,
    description: r.description,
    descriptionLang: r.description_lang,
    areaId: r.area_id,
    themeId: r.theme_id,
    membershipPolicy: r.membership_policy,
    cvr: r.cvr,
    statutes: r.statutes,
    recognisedAt: r.recognised_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const toMembership = (r: Selectable<MemberRow>): Membership => ({
  groupId: r.group_id,
  userId: r.user_id,
  role: r.role,
  status: r.status,
  showPublicly: r.show_publicly,
  joinedAt: r.joined_at,
  createdAt: r.created_at,
});

const toBoard = (r: Selectable<BoardRow>): BoardPosition => ({
  id: r.id,
  groupId: r.group_id,
  userId: r.user_id,
  role: r.role,
  termStart: r.term_start,
  termEnd: r.term_end,
});

const toPost = (r: Selectable<PostRow>): Omit<Post, 'authorName'> => ({
  id: r.id,
  groupId: r.group_id,
  parentId: r.parent_id,
  authorId: r.author_id,
  body: r.body,
  lang: r.lang,
  createdAt: r.created_at,
  editedAt: r.edited_at,
  hiddenAt: r.hidden_at,
});

const toActivity = (r: Selectable<ActivityRow>): Activity => ({ id: r.id, groupId: r.group_id, title: r.title, startsAt: r.starts_at, place: r.place });

// ---- locks and savepoints ----

/**
 * Serialises group creation within one municipality, so choosing a free slug and honouring a
 * creation key cannot race. Creating groups is rare; the lock ends with the transaction.
 */
export async function lockGroupCreation(e: Executor, municipalityId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('groups:create'), ${municipalityId}::int)`.execute(e);
}

/** Locks the group row, so decisions about its coordinators or board are taken one at a time. */
export async function lockGroup(e: Executor, municipalityId: number, groupId: number): Promise<boolean> {
  const r = await sql<{ id: number }>`select id from groups where municipality_id = ${municipalityId} and id = ${groupId} for update`.execute(e);
  return r.rows.length > 0;
}

/** The SQLSTATE of a database error, if it is one. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Runs `fn` under a savepoint: when it throws a constraint violation the transaction stays usable
 * and the violation's SQLSTATE is returned instead, so a command can turn it into a result.
 */
export async function tryConstraint<T>(e: Executor, fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; state: string }> {
  await sql`savepoint groups_constraint`.execute(e);
  try {
    const value = await fn();
    await sql`release savepoint groups_constraint`.execute(e);
    return { ok: true, value };
  } catch (error) {
    const state = sqlState(error);
    if (!state || !state.startsWith('23')) throw error;
    await sql`rollback to savepoint groups_constraint`.execute(e);
    return { ok: false, state };
  }
}

// ---- groups ----

export interface NewGroup {
  municipalityId: number;
  slug: string;
  kind: GroupKind;
  name: string;
  description: string;
  descriptionLang: TextLang;
  areaId: number | null;
  themeId: number | null;
  membershipPolicy: MembershipPolicy;
  cvr: string | null;
  statutes: string;
  recognisedBy: number | null;
  createdBy: number | null;
  creationKey: string | null;
}

export async function insertGroup(e: Executor, g: NewGroup): Promise<number> {
  const row = await db(e)
    .insertInto('groups')
    .values({
      municipality_id: g.municipalityId,
      slug: g.slug,
      kind: g.kind,
      name: g.name,
      description: g.description,
      description_lang: g.descriptionLang,
      area_id: g.areaId,
      theme_id: g.themeId,
      membership_policy: g.membershipPolicy,
      cvr: g.cvr,
      statutes: g.statutes,
      recognised_at: g.kind === 'local_council' ? sql<Date>`now()` : null,
      recognised_by: g.kind === 'local_council' ? g.recognisedBy : null,
      created_by: g.createdBy,
      creation_key: g.creationKey,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findGroupByCreationKey(e: Executor, municipalityId: number, key: string): Promise<Group | null> {
  const row = await db(e).selectFrom('groups').selectAll().where('municipality_id', '=', municipalityId).where('creation_key', '=', key).executeTakeFirst();
  return row ? toGroup(row) : null;
}

/** Slugs in use that start with `base`, to pick a free one. */
export async function slugsStartingWith(e: Executor, municipalityId: number, base: string): Promise<Set<string>> {
  const rows = await db(e)
    .selectFrom('groups')
    .select('slug')
    .where('municipality_id', '=', municipalityId)
    .where(sql<boolean>`left(slug, ${base.length}) = ${base}`)
    .execute();
  return new Set(rows.map((r) => r.slug));
}

export async function findGroupBySlug(e: Executor, municipalityId: number, slug: string): Promise<Group | null> {
  const row = await db(e).selectFrom('groups').selectAll().where('municipality_id', '=', municipalityId).where('slug', '=', slug).executeTakeFirst();
  return row ? toGroup(row) : null;
}

export async function findGroupById(e: Executor, municipalityId: number, id: number): Promise<Group | null> {
  const row = await db(e).selectFrom('groups').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
  return row ? toGroup(row) : null;
}

export interface GroupChanges {
  kind: GroupKind;
  name: string;
  description: string;
  descriptionLang: TextLang;
  areaId: number | null;
  themeId: number | null;
  membershipPolicy: MembershipPolicy;
  cvr: string | null;
  statutes: string;
}

export async function updateGroup(e: Executor, municipalityId: number, id: number, c: GroupChanges): Promise<void> {
  await db(e)
    .updateTable('groups')
    .set({
      kind: c.kind,
      name: c.name,
      description: c.description,
      description_lang: c.descriptionLang,
      area_id: c.areaId,
      theme_id: c.themeId,
      membership_policy: c.membershipPolicy,
      cvr: c.cvr,
      statutes: c.statutes,
      updated_at: sql<Date>`now()`,
    })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .execute();
}

/** Makes the group its area's local council (by = who recognised it), or takes that back (by = null). */
export async function setRecognition(e: Executor, municipalityId: number, id: number, kind: GroupKind, by: number | null): Promise<void> {
  await db(e)
    .updateTable('groups')
    .set({
      kind,
      recognised_at: kind === 'local_council' ? sql<Date>`now()` : null,
      recognised_by: kind === 'local_council' ? by : null,
      updated_at: sql<Date>`now()`,
    })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .execute();
}

export async function findLocalCouncil(e: Executor, municipalityId: number, areaId: number): Promise<Group | null> {
  const row = await db(e)
    .selectFrom('groups')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('area_id', '=', areaId)
    .where('kind', '=', 'local_council')
    .executeTakeFirst();
  return row ? toGroup(row) : null;
}

export interface GroupFilter {
  areaId?: number | null;
  themeId?: number | null;
  kind?: GroupKind | null;
  /** Words to search for in name and description (stemmed, Danish and English); a part of the name also matches. */
  q?: string | null;
  /** Only groups with these ids (e.g. a person's groups). */
  ids?: number[];
}

function summaryQuery(e: Executor, municipalityId: number, f: GroupFilter) {
  let q = db(e).selectFrom('groups as g').where('g.municipality_id', '=', municipalityId);
  if (f.areaId) q = q.where('g.area_id', '=', f.areaId);
  if (f.themeId) q = q.where('g.theme_id', '=', f.themeId);
  if (f.kind) q = q.where('g.kind', '=', f.kind);
  if (f.q) {
    // Stemming finds "løbeklubben" from "løb"; the substring match finds a name typed in part ("Uld").
    const words = sql`(websearch_to_tsquery('danish', ${f.q}) || websearch_to_tsquery('english', ${f.q}))`;
    const like = `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    q = q.where(sql<boolean>`(g.search_vector @@ ${words} or g.name ilike ${like})`);
  }
  if (f.ids) q = f.ids.length === 0 ? q.where(sql<boolean>`false`) : q.where('g.id', 'in', f.ids);
  return q;
}

type SummaryRow = Pick<Selectable<GroupRow>, 'municipality_id' | 'id' | 'slug' | 'name' | 'kind' | 'membership_policy' | 'area_id' | 'theme_id' | 'description' | 'description_lang'> & {
  member_count: number;
};

const toSummary = (r: SummaryRow, excerptOf: (text: string) => string): GroupSummary => ({
  municipalityId: r.municipality_id,
  id: r.id,
  slug: r.slug,
  name: r.name,
  kind: r.kind,
  membershipPolicy: r.membership_policy,
  areaId: r.area_id,
  themeId: r.theme_id,
  memberCount: r.member_count,
  excerpt: excerptOf(r.description),
  excerptLang: r.description_lang,
});

/** Summaries, local councils first, then by name; `excerptOf` shortens the description. */
export async function listGroupSummaries(
  e: Executor,
  municipalityId: number,
  f: GroupFilter,
  page: { limit: number; offset: number },
  excerptOf: (text: string) => string,
): Promise<{ rows: GroupSummary[]; total: number }> {
  const [rows, total] = await Promise.all([
    summaryQuery(e, municipalityId, f)
      .select([
        'g.municipality_id', 'g.id', 'g.slug', 'g.name', 'g.kind', 'g.membership_policy', 'g.area_id', 'g.theme_id',
        // Only the start is needed for a list; the whole text can be 5,000 characters.
        sql<string>`left(g.description, 400)`.as('description'),
        'g.description_lang',
        sql<number>`(select count(*) from groups_members m where m.municipality_id = g.municipality_id and m.group_id = g.id and m.status = 'active')::int`.as('member_count'),
      ])
      .orderBy(sql`g.kind = 'local_council'`, 'desc')
      .orderBy(sql`lower(g.name)`)
      .orderBy('g.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    summaryQuery(e, municipalityId, f).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map((r) => toSummary(r as SummaryRow, excerptOf)), total: total.n };
}

// ---- members ----

export async function findMembership(e: Executor, municipalityId: number, groupId: number, userId: number): Promise<Membership | null> {
  const row = await db(e)
    .selectFrom('groups_members')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ? toMembership(row) : null;
}

export interface NewMembership {
  municipalityId: number;
  groupId: number;
  userId: number;
  role: MemberRole;
  status: MemberStatus;
  showPublicly: boolean;
  invitedBy?: number | null;
}

/** Inserts the row unless the person already has one (then false): parallel joins count once. */
export async function insertMembership(e: Executor, m: NewMembership): Promise<boolean> {
  const row = await db(e)
    .insertInto('groups_members')
    .values({
      municipality_id: m.municipalityId,
      group_id: m.groupId,
      user_id: m.userId,
      role: m.role,
      status: m.status,
      show_publicly: m.showPublicly,
      invited_by: m.invitedBy ?? null,
      joined_at: m.status === 'active' ? sql<Date>`now()` : null,
    })
    .onConflict((oc) => oc.columns(['municipality_id', 'group_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Turns a request or invitation into membership; false when the row was not in `from` any more. */
export async function activateMembership(e: Executor, municipalityId: number, groupId: number, userId: number, from: MemberStatus, showPublicly?: boolean): Promise<boolean> {
  const r = await db(e)
    .updateTable('groups_members')
    .set({ status: 'active', joined_at: sql<Date>`now()`, ...(showPublicly === undefined ? {} : { show_publicly: showPublicly }) })
    .where('municipality_id', '=', municipalityId)
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function setMemberRole(e: Executor, municipalityId: number, groupId: number, userId: number, role: MemberRole): Promise<boolean> {
  const r = await db(e)
    .updateTable('groups_members')
    .set({ role })
    .where('municipality_id', '=', municipalityId)
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function setMemberConsent(e: Executor, municipalityId: number, groupId: number, userId: number, showPublicly: boolean): Promise<boolean> {
  const r = await db(e)
    .updateTable('groups_members')
    .set({ show_publicly: showPublicly })
    .where('municipality_id', '=', municipalityId)
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteMembership(e: Executor, municipalityId: number, groupId: number, userId: number, status?: MemberStatus): Promise<boolean> {
  let q = db(e).deleteFrom('groups_members').where('municipality_id', '=', municipalityId).where('group_id', '=', groupId).where('user_id', '=', userId);
  if (status) q = q.where('status', '=', status);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function countActiveCoordinators(e: Executor, municipalityId: number, groupId: number): Promise<number> {
  const r = await db(e)
    .selectFrom('groups_members')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('municipality_id', '=', municipalityId)
    .where('group_id', '=', groupId)
    .where('status', '=', 'active')
    .where('role', '=', 'coordinator')
    .executeTakeFirstOrThrow();
  return r.n;
}

/** Every row of a group: coordinators first, then by when they joined or asked. */
export async function listMemberships(e: Executor, municipalityId: number, groupId: number, options: { onlyPublic?: boolean; status?: MemberStatus } = {}): Promise<Membership[]> {
  let q = db(e).selectFrom('groups_members').selectAll().where('municipality_id', '=', municipalityId).where('group_id', '=', groupId);
  if (options.status) q = q.where('status', '=', options.status);
  if (options.onlyPublic) q = q.where('show_publicly', '=', true);
  const rows = await q.orderBy(sql`role = 'coordinator'`, 'desc').orderBy(sql`coalesce(joined_at, created_at)`).orderBy('user_id').execute();
  return rows.map(toMembership);
}

export interface MemberCounts {
  active: number;
  coordinators: number;
  requested: number;
  invited: number;
}

export async function countMembers(e: Executor, municipalityId: number, groupId: number): Promise<MemberCounts> {
  const r = await db(e)
    .selectFrom('groups_members')
    .select([
      sql<number>`count(*) filter (where status = 'active')::int`.as('active'),
      sql<number>`count(*) filter (where status = 'active' and role = 'coordinator')::int`.as('coordinators'),
      sql<number>`count(*) filter (where status = 'requested')::int`.as('requested'),
      sql<number>`count(*) filter (where status = 'invited')::int`.as('invited'),
    ])
    .where('municipality_id', '=', municipalityId)
    .where('group_id', '=', groupId)
    .executeTakeFirstOrThrow();
  return r;
}

/** A person's rows in every group of the municipality. */
export async function listMembershipsOfUser(e: Executor, municipalityId: number, userId: number): Promise<Membership[]> {
  const rows = await db(e).selectFrom('groups_members').selectAll().where('municipality_id', '=', municipalityId).where('user_id', '=', userId).execute();
  return rows.map(toMembership);
}

// ---- board ----

export async function listBoard(e: Executor, municipalityId: number, groupId: number, options: { currentOn?: string } = {}): Promise<BoardPosition[]> {
  let q = db(e).selectFrom('groups_board_positions').selectAll().where('municipality_id', '=', municipalityId).where('group_id', '=', groupId);
  if (options.currentOn) {
    const day = options.currentOn;
    q = q.where('term_start', '<=', day).where((eb) => eb.or([eb('term_end', 'is', null), eb('term_end', '>=', day)]));
  }
  const rows = await q
    .orderBy(sql`array_position(array['chairperson','treasurer','secretary','member']::text[], role)`)
    .orderBy('term_start', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toBoard);
}

export interface NewBoardPosition {
  municipalityId: number;
  groupId: number;
  userId: number;
  role: BoardRole;
  termStart: string;
  termEnd: string | null;
}

export async function insertBoardPosition(e: Executor, p: NewBoardPosition): Promise<number> {
  const row = await db(e)
    .insertInto('groups_board_positions')
    .values({ municipality_id: p.municipalityId, group_id: p.groupId, user_id: p.userId, role: p.role, term_start: p.termStart, term_end: p.termEnd })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findBoardPosition(e: Executor, municipalityId: number, groupId: number, id: number): Promise<BoardPosition | null> {
  const row = await db(e)
    .selectFrom('groups_board_positions')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('group_id', '=', groupId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toBoard(row) : null;
}

/** Ends a current term on `day` (it then covers up to and including that day); false when it was not current. */
export async function endBoardPosition(e: Executor, municipalityId: number, groupId: number, id: number, day: string): Promise<boolean> {
  const r = await db(e)
    .updateTable('groups_board_positions')
    .set({ term_end: day })
    .where('municipality_id', '=', municipalityId)
    .where('group_id', '=', groupId)
    .where('id', '=', id)
    .where('term_start', '<=', day)
    .where((eb) => eb.or([eb('term_end', 'is', null), eb('term_end', '>', day)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteBoardPosition(e: Executor, municipalityId: number, groupId: number, id: number): Promise<boolean> {
  const r = await db(e)
    .deleteFrom('groups_board_positions')
    .where('municipality_id', '=', municipalityId)
    .where('group_id', '=', groupId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// ---- discussion ----

export interface NewPost {
  municipalityId: number;
  groupId: number;
  parentId: number | null;
  authorId: number;
  body: string;
  lang: TextLang;
  postKey: string | null;
  /** Only for demo data and imports; a post written now gets the current time. */
  createdAt?: Date;
}

/** The new post's id, or null when a post with the same key exists (the same form sent twice). */
export async function insertPost(e: Executor, p: NewPost): Promise<number | null> {
  const row = await db(e)
    .insertInto('groups_posts')
    .values({ municipality_id: p.municipalityId, group_id: p.groupId, parent_id: p.parentId, author_id: p.authorId, body: p.body, lang: p.lang, post_key: p.postKey, ...(p.createdAt ? { created_at: p.createdAt } : {}) })
    .onConflict((oc) => oc.columns(['municipality_id', 'post_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function findPostByKey(e: Executor, municipalityId: number, key: string): Promise<Omit<Post, 'authorName'> | null> {
  const row = await db(e).selectFrom('groups_posts').selectAll().where('municipality_id', '=', municipalityId).where('post_key', '=', key).executeTakeFirst();
  return row ? toPost(row) : null;
}

export async function findPost(e: Executor, municipalityId: number, groupId: number, id: number): Promise<Omit<Post, 'authorName'> | null> {
  const row = await db(e)
    .selectFrom('groups_posts')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('group_id', '=', groupId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toPost(row) : null;
}

export async function updatePostBody(e: Executor, municipalityId: number, groupId: number, id: number, body: string): Promise<void> {
  await db(e)
    .updateTable('groups_posts')
    .set({ body, edited_at: sql<Date>`now()` })
    .where('municipality_id', '=', municipalityId)
    .where('group_id', '=', groupId)
    .where('id', '=', id)
    .execute();
}

export async function setPostHidden(e: Executor, municipalityId: number, groupId: number, id: number, by: number | null): Promise<void> {
  await db(e)
    .updateTable('groups_posts')
    .set({ hidden_at: by === null ? null : sql<Date>`now()`, hidden_by: by })
    .where('municipality_id', '=', municipalityId)
    .where('group_id', '=', groupId)
    .where('id', '=', id)
    .execute();
}

/** Top-level posts, newest first, a page at a time, with all their replies (oldest first). */
export async function listThreads(
  e: Executor,
  municipalityId: number,
  groupId: number,
  page: { limit: number; offset: number },
): Promise<{ threads: Omit<Post, 'authorName'>[]; replies: Omit<Post, 'authorName'>[]; total: number }> {
  const base = db(e).selectFrom('groups_posts').where('municipality_id', '=', municipalityId).where('group_id', '=', groupId);
  const [threads, total] = await Promise.all([
    base.selectAll().where('parent_id', 'is', null).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).where('parent_id', 'is', null).executeTakeFirstOrThrow(),
  ]);
  const ids = threads.map((t) => t.id);
  const replies = ids.length === 0 ? [] : await base.selectAll().where('parent_id', 'in', ids).orderBy('created_at').orderBy('id').execute();
  return { threads: threads.map(toPost), replies: replies.map(toPost), total: total.n };
}

// ---- activities ----

/** The instant a local date and time (as typed, already validated) stand for in `timeZone`. */
export async function localInstant(e: Executor, localDate: string, localTime: string, timeZone: string): Promise<Date> {
  const r = await sql<{ at: Date }>`select (${localDate}::date + ${localTime}::time) at time zone ${timeZone} as at`.execute(e);
  return r.rows[0]!.at;
}

export interface NewActivity {
  municipalityId: number;
  groupId: number;
  title: string;
  startsAt: Date;
  place: string;
  createdBy: number | null;
}

/** The activity's id; an identical one (same title and start) is not added twice, its id is returned. */
export async function insertActivity(e: Executor, a: NewActivity): Promise<number> {
  const row = await db(e)
    .insertInto('groups_activities')
    .values({ municipality_id: a.municipalityId, group_id: a.groupId, title: a.title, starts_at: a.startsAt, place: a.place, created_by: a.createdBy })
    .onConflict((oc) => oc.columns(['municipality_id', 'group_id', 'starts_at', 'title']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row) return row.id;
  const existing = await db(e)
    .selectFrom('groups_activities')
    .select('id')
    .where('municipality_id', '=', a.municipalityId)
    .where('group_id', '=', a.groupId)
    .where('starts_at', '=', a.startsAt)
    .where('title', '=', a.title)
    .executeTakeFirstOrThrow();
  return existing.id;
}

export async function deleteActivity(e: Executor, municipalityId: number, groupId: number, id: number): Promise<boolean> {
  const r = await db(e).deleteFrom('groups_activities').where('municipality_id', '=', municipalityId).where('group_id', '=', groupId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Activities that have not started yet (or started within the last few hours, so today's still show). */
export async function listUpcomingActivities(e: Executor, municipalityId: number, groupId: number, limit = 20): Promise<Activity[]> {
  const rows = await db(e)
    .selectFrom('groups_activities')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('group_id', '=', groupId)
    .where('starts_at', '>=', sql<Date>`now() - interval '3 hours'`)
    .orderBy('starts_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toActivity);
}
