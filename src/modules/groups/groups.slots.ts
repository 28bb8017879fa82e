// Extension points other modules fill in without groups depending on them (initiatives depends on
// groups, so groups may not import initiatives). Set once at start-up, from the other module's routes().
import type { Executor } from '../../core/db/database.js';
import type { Lang } from '../../core/i18n/i18n.js';
import type { InitiativesSlot } from './views/group-page.js';

export type { InitiativesSlot };

export interface GroupRef {
  municipalityId: number;
  municipalitySlug: string;
  groupId: number;
  groupSlug: string;
}

/**
 * Supplies the "Initiatives" section of a group page: a few of the group's initiatives and a link to
 * the initiatives module's own page with all of them. Runs inside the page's transaction.
 */
export type GroupInitiativesProvider = (tx: Executor, group: GroupRef, lang: Lang) => Promise<InitiativesSlot>;

let initiativesProvider: GroupInitiativesProvider | null = null;

export function setGroupInitiativesProvider(provider: GroupInitiativesProvider | null): void {
  initiativesProvider = provider;
}

export function groupInitiativesProvider(): GroupInitiativesProvider | null {
  return initiativesProvider;
}
