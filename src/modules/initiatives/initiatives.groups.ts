// What this module needs from local groups, in one place: whether a person coordinates a group, the
// groups they coordinate (one of which may own an initiative), a group's name and link, and the
// "Initiatives" section of a group's page. Uses the groups module's index only.
import type { Executor } from '../../core/db/database.js';
import { findGroup, groupUrls, isCoordinator, listActiveMemberIds, listGroupsForUser, setGroupInitiativesProvider } from '../groups/index.js';
import { listInitiatives } from './initiatives.queries.js';
import { listAudience } from './initiatives.repository.js';

export async function coordinatesGroup(tx: Executor, municipalityId: number, groupId: number, userId: number): Promise<boolean> {
  return isCoordinator(tx, municipalityId, groupId, userId);
}

export async function groupsCoordinatedBy(tx: Executor, municipalityId: number, userId: number): Promise<{ id: number; name: string; areaId: number | null }[]> {
  const mine = await listGroupsForUser(tx, municipalityId, userId);
  return mine.filter((g) => g.membership.role === 'coordinator' && g.membership.status === 'active').map((g) => ({ id: g.group.id, name: g.group.name, areaId: g.group.areaId }));
}

/**
 * Who hears about the milestones of an initiative (state changes, updates, agreements): its followers
 * and the people behind it and, when a group owns it, the group's active members, whose initiative it is.
 * Comments go to followers only (listAudience): a busy discussion should not fill every member's inbox.
 */
export async function milestoneAudience(tx: Executor, municipalityId: number, initiative: { id: number; groupId: number | null }): Promise<number[]> {
  const [audience, members] = await Promise.all([
    listAudience(tx, municipalityId, initiative.id),
    initiative.groupId === null ? Promise.resolve([]) : listActiveMemberIds(tx, municipalityId, initiative.groupId),
  ]);
  return [...new Set([...audience, ...members])];
}

export async function groupLink(tx: Executor, m: { id: number; slug: string }, groupId: number): Promise<{ name: string; href: string } | null> {
  const g = await findGroup(tx, m.id, groupId);
  return g ? { name: g.name, href: groupUrls.group(m.slug, g.slug) } : null;
}

/** Fills the groups module's "Initiatives" section with the group's most recently active initiatives. */
export function provideGroupInitiatives(stateName: (lang: 'da' | 'en', state: string) => string): void {
  setGroupInitiativesProvider(async (tx, group, lang) => {
    const page = await listInitiatives(tx, group.municipalityId, { groupId: group.groupId, sort: 'active', page: 1, pageSize: 5 });
    const base = `/m/${encodeURIComponent(group.municipalitySlug)}/initiatives`;
    return {
      items: page.items.map((i) => ({ title: i.title, href: `${base}/${i.id}`, status: stateName(lang, i.state) })),
      total: page.total,
      moreHref: `${base}?group=${group.groupId}`,
    };
  });
}
