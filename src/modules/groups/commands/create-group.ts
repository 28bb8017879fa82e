// A resident creates a group and becomes its first coordinator. The form carries a creation key, so
// the same form sent twice (a double click, a retried request) creates one group, not two.
import { err, ok, type Result } from '../../../core/errors/result.js';
import { hitRateLimit } from '../../../core/http/rate-limit.js';
import { listAreas, listThemes } from '../../municipalities/index.js';
import { mayChooseKind, mayCreateGroup } from '../groups.policy.js';
import { findGroupByCreationKey, findGroupById, findLocalCouncil, insertGroup, insertMembership, lockGroupCreation, slugsStartingWith, tryConstraint } from '../groups.repository.js';
import type { CreateGroupInput } from '../groups.schemas.js';
import { slugify, uniqueSlug } from '../groups.slug.js';
import type { Group } from '../groups.types.js';
import { viewerOf, type CommandContext } from './context.js';

export type CreateGroupError = 'forbidden' | 'kind_forbidden' | 'area_not_found' | 'theme_not_found' | 'council_exists' | 'rate_limited';

/** Path segments under /groups/ that are pages, not groups. */
const RESERVED_SLUGS = ['new'];

export const CREATE_LIMIT = { limit: 20, windowSeconds: 3600 };

export async function createGroup(ctx: CommandContext, input: CreateGroupInput): Promise<Result<{ group: Group; created: boolean }, CreateGroupError>> {
  const { tx, municipalityId: mid, actor } = ctx;
  const viewer = viewerOf(actor, mid);
  if (!mayCreateGroup(viewer)) return err('forbidden');
  if (!mayChooseKind(viewer, input.kind)) return err('kind_forbidden');

  await lockGroupCreation(tx, mid);
  const existing = await findGroupByCreationKey(tx, mid, input.creationKey);
  if (existing) {
    // Someone else's key is not a way to reach their group: treat it as a fresh form that expired.
    if (existing.createdBy !== actor.id) return err('forbidden');
    return ok({ group: existing, created: false });
  }
  if (!(await hitRateLimit(tx, `groups:create:${actor.id}`, CREATE_LIMIT))) return err('rate_limited');

  if (input.areaId !== null && !(await listAreas(tx, mid)).some((a) => a.id === input.areaId)) return err('area_not_found');
  if (input.themeId !== null && !(await listThemes(tx, mid)).some((t) => t.id === input.themeId)) return err('theme_not_found');
  if (input.kind === 'local_council' && input.areaId !== null && (await findLocalCouncil(tx, mid, input.areaId))) return err('council_exists');

  const base = slugify(input.name);
  const slug = uniqueSlug(base, new Set([...(await slugsStartingWith(tx, mid, base)), ...RESERVED_SLUGS]));
  const inserted = await tryConstraint(tx, () =>
    insertGroup(tx, {
      municipalityId: mid,
      slug,
      kind: input.kind,
      name: input.name,
      description: input.description,
      descriptionLang: input.descriptionLang,
      areaId: input.areaId,
      themeId: input.themeId,
      membershipPolicy: input.membershipPolicy,
      cvr: input.kind === 'informal' ? null : input.cvr,
      statutes: input.kind === 'informal' ? '' : input.statutes,
      recognisedBy: input.kind === 'local_council' ? actor.id : null,
      createdBy: actor.id,
      creationKey: input.creationKey,
    }),
  );
  if (!inserted.ok) {
    // The creation lock rules out a slug or key clash; what is left is a council recognised meanwhile.
    if (inserted.state === '23505') return err('council_exists');
    throw new Error(`creating a group violated constraint ${inserted.state}`);
  }
  await insertMembership(tx, { municipalityId: mid, groupId: inserted.value, userId: actor.id, role: 'coordinator', status: 'active', showPublicly: input.showPublicly });
  const group = await findGroupById(tx, mid, inserted.value);
  return ok({ group: group!, created: true });
}
