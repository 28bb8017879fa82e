// A resident proposes a project while the process takes proposals, optionally with an image. The image
// is checked by its bytes and stripped of metadata by rewriting the file before anything is stored; a
// file that fails the check stores nothing, not even the proposal.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { sanitiseImage, type ImageError } from '../../../core/images/sanitise-image.js';
import { can } from '../budgeting.policy.js';
import { findProcess, insertProject, insertProjectImage, type ProjectFields, type ProjectImage } from '../budgeting.repository.js';
import type { Project } from '../budgeting.types.js';

/** The uploaded file's bytes and its alt text (already required by the caller). */
export interface ProposedImage {
  bytes: Uint8Array;
  alt: string;
}

export type ProposeProjectError = 'forbidden' | 'not_found' | 'proposals_closed' | `image_${ImageError}`;

export async function proposeProject(
  db: Database,
  actor: Actor | null,
  municipalityId: number,
  processId: number,
  fields: ProjectFields,
  upload: ProposedImage | null = null,
): Promise<Result<Project, ProposeProjectError>> {
  if (!can(actor, 'propose', municipalityId)) return err('forbidden');
  let image: ProjectImage | null = null;
  if (upload !== null) {
    const clean = sanitiseImage(upload.bytes);
    if (!clean.ok) return err(`image_${clean.error}`);
    image = { type: clean.value.type, bytes: clean.value.bytes, width: clean.value.width, height: clean.value.height, alt: upload.alt };
  }
  return db.transaction({ municipalityId, userId: actor!.id }, async (tx) => {
    const process = await findProcess(tx, municipalityId, processId, 'share');
    if (!process) return err('not_found');
    if (process.phase !== 'proposals') return err('proposals_closed');
    const project = await insertProject(tx, municipalityId, processId, { ...fields, proposedBy: actor!.id });
    if (image) await insertProjectImage(tx, municipalityId, project.id, image);
    return ok(project);
  });
}
