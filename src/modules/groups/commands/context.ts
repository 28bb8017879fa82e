// What every command gets: the transaction (tenant already set), the municipality and the actor.
// Commands know nothing of HTTP; they check the policy themselves and return ok or an error code.
import type { Transaction } from 'kysely';
import type { AnyDb } from '../../../core/db/database.js';
import { hasRole, type Actor } from '../../../core/auth/actor.js';
import { err, type Err } from '../../../core/errors/result.js';
import type { MembershipFacts, Viewer } from '../groups.policy.js';
import { findGroupById, findMembership } from '../groups.repository.js';
import type { Group, Membership } from '../groups.types.js';

export interface CommandContext {
  tx: Transaction<AnyDb>;
  municipalityId: number;
  actor: Actor;
}

export function viewerOf(actor: Actor | null, municipalityId: number): Viewer {
  return { userId: actor?.id ?? null, facilitator: hasRole(actor, municipalityId, 'facilitator', 'admin') };
}

export function factsOf(m: Membership | null): MembershipFacts {
  return m ? { role: m.role, status: m.status } : null;
}

export interface Loaded {
  group: Group;
  membership: Membership | null;
  viewer: Viewer;
}

/** The group and the actor's own row in it, or not_found. */
export async function loadForActor(ctx: CommandContext, groupId: number): Promise<Loaded | Err<'not_found'>> {
  const group = await findGroupById(ctx.tx, ctx.municipalityId, groupId);
  if (!group) return err('not_found');
  const membership = await findMembership(ctx.tx, ctx.municipalityId, groupId, ctx.actor.id);
  return { group, membership, viewer: viewerOf(ctx.actor, ctx.municipalityId) };
}

export function isErr(x: unknown): x is Err<string> {
  return typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false;
}
