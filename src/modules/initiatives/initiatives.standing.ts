// How the acting person stands towards one initiative, read inside the command's transaction.
import type { Actor } from '../../core/auth/actor.js';
import type { Executor } from '../../core/db/database.js';
import { participation } from './initiatives.repository.js';
import { standingOf, type Standings } from './initiatives.policy.js';
import type { Initiative } from './initiatives.types.js';
import { coordinatesGroup } from './initiatives.groups.js';

/** An owner is one of the people behind the initiative, or a coordinator of the group that owns it. */
export async function isOwner(tx: Executor, initiative: Initiative, actor: Actor | null): Promise<boolean> {
  if (!actor) return false;
  const p = await participation(tx, initiative.municipalityId, initiative.id, actor.id);
  if (p.isMember) return true;
  return initiative.groupId !== null && (await coordinatesGroup(tx, initiative.municipalityId, initiative.groupId, actor.id));
}

export async function standingFor(tx: Executor, initiative: Initiative, actor: Actor | null): Promise<Standings> {
  return standingOf(actor, initiative.municipalityId, await isOwner(tx, initiative, actor));
}

/** The municipality a command works in: its id for the tenant and its slug for links in notifications. */
export interface Tenant {
  id: number;
  slug: string;
}

export function initiativePath(m: Tenant, id: number, anchor?: string): string {
  return `/m/${m.slug}/initiatives/${id}${anchor ? `#${anchor}` : ''}`;
}
