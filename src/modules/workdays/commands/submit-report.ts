// A field report from a round, with an optional photo. The photo is checked by its bytes and stripped
// of metadata (EXIF with GPS, XMP, comments) by rewriting the file before anything is stored; a file
// that fails the check stores nothing.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { sanitiseImage, type ImageError } from '../../../core/images/sanitise-image.js';
import { findDay, insertReport } from '../workdays.repository.js';
import type { ReportCategory } from '../workdays.types.js';

export interface ReportInput {
  dayId: number | null;
  category: ReportCategory;
  place: string;
  description: string;
  lang: 'da' | 'en';
  /** The uploaded file's bytes, or null when no photo was chosen. */
  photo: Uint8Array | null;
}

export type SubmitReportError = 'forbidden' | 'not_found' | `image_${ImageError}`;

export async function submitReport(db: Database, actor: Actor | null, municipalityId: number, input: ReportInput): Promise<Result<{ reportId: number }, SubmitReportError>> {
  if (!actor) return err('forbidden');
  let image: { bytes: Buffer; type: string } | null = null;
  if (input.photo !== null) {
    const clean = sanitiseImage(input.photo);
    if (!clean.ok) return err(`image_${clean.error}`);
    image = { bytes: clean.value.bytes, type: clean.value.type };
  }
  return db.transaction({ municipalityId, userId: actor.id }, async (tx) => {
    if (input.dayId !== null && !(await findDay(tx, municipalityId, input.dayId))) return err('not_found');
    const reportId = await insertReport(tx, municipalityId, {
      dayId: input.dayId,
      reporterId: actor.id,
      category: input.category,
      description: input.description,
      lang: input.lang,
      place: input.place,
      image: image?.bytes ?? null,
      imageType: image?.type ?? null,
    });
    return ok({ reportId });
  });
}
