// Staff of one municipality adopt another municipality's case: a draft initiative is created in their
// municipality, prefilled from the case, and the adoption records the lineage. Adopting the same case
// into the same municipality again returns the existing adoption.
import crypto from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import type { Catalog, Lang } from '../../../core/i18n/i18n.js';
import { createDraftInitiativeFromPractice } from '../../initiatives/index.js';
import { notify } from '../../notifications/index.js';
import { can } from '../network.policy.js';
import { findAdoption, findCase, insertAdoption, listFollowerIds } from '../network.repository.js';
import { textIn } from '../network.text.js';
import type { Adoption, Case, CaseRef } from '../network.types.js';
import { caseUrl } from '../network.urls.js';

export type AdoptError = 'no_role' | 'not_found' | 'own_case';

/** A stable creation key per (adopter, case): the draft initiative is created once even if two requests race. */
function adoptionKey(adopterId: number, ref: CaseRef): string {
  const h = crypto.createHash('sha256').update(`network-adoption:${adopterId}:${ref.municipalityId}:${ref.id}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The draft's text: the case's own sections, in the adopter's language when the case has it. */
export function draftText(c: Case, lang: Lang): { title: string; problem: string; proposal: string; lang: Lang } {
  const title = textIn(c.text.title, lang);
  const l = title.lang;
  const pick = (f: keyof Case['text']) => c.text[f][l] ?? '';
  const section = (heading: string, body: string) => (body ? `${heading}\n${body}` : '');
  const proposal = [pick('approach') || pick('summary'), section('—', pick('dos'))].filter(Boolean).join('\n\n');
  return { title: title.text, problem: pick('problem') || pick('summary') || title.text, proposal: proposal || title.text, lang: l };
}

export async function adoptCase(
  db: Database,
  catalog: Pick<Catalog, 'format'>,
  actor: Actor | null,
  ref: CaseRef,
  intoMunicipalityId: number,
  lang: Lang,
): Promise<Result<{ adoption: Adoption; created: boolean }, AdoptError>> {
  if (!actor || !can(actor, 'adopt_into', intoMunicipalityId)) return err('no_role');
  if (intoMunicipalityId === ref.municipalityId) return err('own_case');
  const r = await db.transaction({ municipalityId: intoMunicipalityId, userId: actor.id }, async (tx) => {
    const c = await findCase(tx, ref);
    if (!c || !c.published) return err('not_found');
    const existing = await findAdoption(tx, intoMunicipalityId, ref);
    if (existing) return ok({ adoption: existing, created: false, case: c });
    const text = draftText(c, lang);
    const note = catalog.format(text.lang, 'network.adopt.note', { title: text.title, municipality: c.municipalityName, url: caseUrl(ref) });
    const draft = await createDraftInitiativeFromPractice(tx, {
      municipalityId: intoMunicipalityId,
      actorId: actor.id,
      ...text,
      note,
      creationKey: adoptionKey(intoMunicipalityId, ref),
    });
    const id = await insertAdoption(tx, { municipalityId: intoMunicipalityId, caseRef: ref, initiativeId: draft.id, adoptedBy: actor.id });
    // A parallel adoption of the same case may have won; then its row is the answer.
    const adoption = (await findAdoption(tx, intoMunicipalityId, ref))!;
    return ok({ adoption, created: id !== null, case: c });
  });
  if (!r.ok) return r;
  const { adoption, created, case: c } = r.value;
  if (created) {
    // Who follows a case is visible only in the case's own municipality, so they are told from there.
    await db.transaction({ municipalityId: ref.municipalityId, userId: actor.id }, async (tx) => {
      const audience = [...(c.createdBy !== null ? [c.createdBy] : []), ...(await listFollowerIds(tx, ref))];
      await notify(tx, {
        municipalityId: ref.municipalityId,
        userIds: audience,
        actorId: actor.id,
        messageKey: 'network.notify.adopted',
        params: { municipality: adoption.municipalityName, title: textIn(c.text.title, 'da').text },
        link: caseUrl(ref),
      });
    });
  }
  return ok({ adoption, created });
}
