// Coordinators edit what the group says about itself. The slug stays, so links keep working; the kind
// may move between informal and association, but only the municipality makes or unmakes a local council
// and decides its area.
import { err, ok, type Result } from '../../../core/errors/result.js';
import { listAreas, listThemes } from '../../municipalities/index.js';
import { mayEdit } from '../groups.policy.js';
import { lockGroup, updateGroup } from '../groups.repository.js';
import type { EditGroupInput } from '../groups.schemas.js';
import type { GroupKind } from '../groups.types.js';
import { factsOf, isErr, loadForActor, type CommandContext } from './context.js';

export type UpdateGroupError = 'not_found' | 'forbidden' | 'area_not_found' | 'theme_not_found' | 'cvr_only_association' | 'statutes_only_association';

export async function updateGroupDetails(ctx: CommandContext, groupId: number, input: EditGroupInput): Promise<Result<undefined, UpdateGroupError>> {
  const { tx, municipalityId: mid } = ctx;
  if (!(await lockGroup(tx, mid, groupId))) return err('not_found');
  const loaded = await loadForActor(ctx, groupId);
  if (isErr(loaded)) return loaded;
  const { group, membership, viewer } = loaded;
  if (!mayEdit(viewer, factsOf(membership))) return err('forbidden');

  const kind: GroupKind = group.kind === 'local_council' ? 'local_council' : (input.kind ?? group.kind);
  if (kind === 'informal' && input.cvr) return err('cvr_only_association');
  if (kind === 'informal' && input.statutes) return err('statutes_only_association');
  // A council is recognised for its area; only the municipality can change that, by recognising anew.
  const areaId = kind === 'local_council' ? group.areaId : input.areaId;
  if (areaId !== null && areaId !== group.areaId && !(await listAreas(tx, mid)).some((a) => a.id === areaId)) return err('area_not_found');
  if (input.themeId !== null && !(await listThemes(tx, mid)).some((t) => t.id === input.themeId)) return err('theme_not_found');
  await updateGroup(tx, mid, groupId, {
    kind,
    name: input.name,
    description: input.description,
    descriptionLang: input.descriptionLang,
    areaId,
    themeId: input.themeId,
    membershipPolicy: input.membershipPolicy,
    cvr: kind === 'informal' ? null : input.cvr,
    statutes: kind === 'informal' ? '' : input.statutes,
  });
  return ok();
}
