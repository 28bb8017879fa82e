// Reads that assemble what pages, the API and other modules need. Names of people appear only where
// the person agreed to be shown, or where the reader is one of the group's coordinators.
import type { Executor } from '../../core/db/database.js';
import { excerpt } from './views/plain-text.js';
import { displayNames } from './groups.people.js';
import { isCoordinator as isCoordinatorFacts, maySeeAllMembers, type Viewer } from './groups.policy.js';
import {
  countMembers,
  findMembership,
  listBoard,
  listGroupSummaries,
  listMemberships,
  listMembershipsOfUser,
  listThreads,
  listUpcomingActivities,
  type GroupFilter,
  type MemberCounts,
} from './groups.repository.js';
import type { Activity, BoardMember, Group, GroupSummary, Member, Membership, Post, Thread } from './groups.types.js';

export const LIST_PAGE_SIZE = 20;
export const THREADS_PAGE_SIZE = 10;

export async function listGroupsPage(
  e: Executor,
  municipalityId: number,
  filter: GroupFilter,
  page: number,
  pageSize = LIST_PAGE_SIZE,
): Promise<{ groups: GroupSummary[]; total: number; totalPages: number; page: number }> {
  const first = await listGroupSummaries(e, municipalityId, filter, { limit: pageSize, offset: (page - 1) * pageSize }, (t) => excerpt(t, 220));
  const totalPages = Math.max(1, Math.ceil(first.total / pageSize));
  if (page > totalPages && first.total > 0) return listGroupsPage(e, municipalityId, filter, totalPages, pageSize);
  return { groups: first.rows, total: first.total, totalPages, page };
}

/** One group as a summary (public data), for other modules. */
export async function findGroupSummary(e: Executor, municipalityId: number, groupId: number): Promise<GroupSummary | null> {
  const r = await listGroupSummaries(e, municipalityId, { ids: [groupId] }, { limit: 1, offset: 0 }, (t) => excerpt(t, 220));
  return r.rows[0] ?? null;
}

export interface GroupOfUser {
  group: GroupSummary;
  membership: Membership;
}

/** The groups a person is in, has asked to join or is invited to, in one municipality. */
export async function listGroupsForUser(e: Executor, municipalityId: number, userId: number): Promise<GroupOfUser[]> {
  const memberships = await listMembershipsOfUser(e, municipalityId, userId);
  if (memberships.length === 0) return [];
  const r = await listGroupSummaries(e, municipalityId, { ids: memberships.map((m) => m.groupId) }, { limit: memberships.length, offset: 0 }, (t) => excerpt(t, 220));
  const byGroup = new Map(memberships.map((m) => [m.groupId, m]));
  return r.rows.map((group) => ({ group, membership: byGroup.get(group.id)! }));
}

/** The people who are active members of a group (for other modules' notifications). */
export async function listActiveMemberIds(e: Executor, municipalityId: number, groupId: number): Promise<number[]> {
  return (await listMemberships(e, municipalityId, groupId, { status: 'active' })).map((m) => m.userId);
}

export async function isCoordinator(e: Executor, municipalityId: number, groupId: number, userId: number): Promise<boolean> {
  const m = await findMembership(e, municipalityId, groupId, userId);
  return isCoordinatorFacts(m ? { role: m.role, status: m.status } : null);
}

export interface GroupPageData {
  group: Group;
  membership: Membership | null;
  counts: MemberCounts;
  /** Active members the reader may see by name (all of them for coordinators). */
  members: Member[];
  /** Requests and invitations, for coordinators only; empty for everyone else. */
  pending: Member[];
  /** Current board positions; names only where the holder agreed to be shown. */
  board: BoardMember[];
  activities: Activity[];
  threads: Thread[];
  threadTotal: number;
  threadPages: number;
  threadPage: number;
}

export async function loadGroupPage(e: Executor, group: Group, viewer: Viewer, options: { threadPage: number; today: string }): Promise<GroupPageData> {
  const mid = group.municipalityId;
  const membership = viewer.userId === null ? null : await findMembership(e, mid, group.id, viewer.userId);
  const facts = membership ? { role: membership.role, status: membership.status } : null;
  const seeAll = maySeeAllMembers(viewer, facts);
  const [counts, rows, board, activities] = await Promise.all([
    countMembers(e, mid, group.id),
    listMemberships(e, mid, group.id, seeAll ? {} : { onlyPublic: true, status: 'active' }),
    listBoard(e, mid, group.id, { currentOn: options.today }),
    listUpcomingActivities(e, mid, group.id),
  ]);
  const threadPage = Math.max(1, options.threadPage);
  const posts = await listThreads(e, mid, group.id, { limit: THREADS_PAGE_SIZE, offset: (threadPage - 1) * THREADS_PAGE_SIZE });
  const memberOf = new Map(rows.map((r) => [r.userId, r]));
  const names = await displayNames(e, [...rows.map((r) => r.userId), ...board.map((b) => b.userId), ...[...posts.threads, ...posts.replies].map((p) => p.authorId ?? 0)]);
  const named = (m: Membership): Member => ({ ...m, displayName: names.get(m.userId) ?? '' });

  const withAuthor = (p: Omit<Post, 'authorName'>): Post => ({
    ...p,
    authorName: p.authorId === null ? null : (names.get(p.authorId) ?? null),
    // A hidden post keeps its place in the thread but not its words.
    body: p.hiddenAt !== null ? '' : p.body,
  });
  const replies = new Map<number, Post[]>();
  for (const r of posts.replies) {
    const list = replies.get(r.parentId!) ?? [];
    list.push(withAuthor(r));
    replies.set(r.parentId!, list);
  }

  return {
    group,
    membership,
    counts,
    members: rows.filter((r) => r.status === 'active').map(named),
    pending: seeAll ? rows.filter((r) => r.status !== 'active').map(named) : [],
    board: board.map((b) => {
      const holder = memberOf.get(b.userId);
      const visible = seeAll || holder?.showPublicly === true;
      return { ...b, displayName: visible ? (names.get(b.userId) ?? null) : null };
    }),
    activities,
    threads: posts.threads.map((t) => ({ ...withAuthor(t), replies: replies.get(t.id) ?? [] })),
    threadTotal: posts.total,
    threadPages: Math.max(1, Math.ceil(posts.total / THREADS_PAGE_SIZE)),
    threadPage,
  };
}

/** Everything the member administration page shows; only for coordinators (the route checks). */
export async function loadMembersAdmin(e: Executor, group: Group): Promise<{ members: Member[]; requested: Member[]; invited: Member[]; board: BoardMember[] }> {
  const mid = group.municipalityId;
  const [rows, board] = await Promise.all([listMemberships(e, mid, group.id), listBoard(e, mid, group.id)]);
  const names = await displayNames(e, rows.map((r) => r.userId));
  const named = (m: Membership): Member => ({ ...m, displayName: names.get(m.userId) ?? '' });
  return {
    members: rows.filter((r) => r.status === 'active').map(named),
    requested: rows.filter((r) => r.status === 'requested').map(named),
    invited: rows.filter((r) => r.status === 'invited').map(named),
    board: board.map((b) => ({ ...b, displayName: names.get(b.userId) ?? null })),
  };
}
