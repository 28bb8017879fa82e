// Staff publish one of their municipality's initiatives as a case: the case is prefilled from the
// initiative, linked to it (one case per initiative) and carries a snapshot of its live evidence.
// Publishing again updates the same case and refreshes the figures.
import { sql } from 'kysely';
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { initiativeForPractice, type InitiativeForPractice } from '../../initiatives/index.js';
import { refreshCaseEvidenceIn } from '../network.evidence.js';
import { can } from '../network.policy.js';
import { findCaseByInitiative, insertCase, setPublished, updateCase } from '../network.repository.js';
import { caseTextFields, type Bilingual, type CaseFields, type CaseRef, type CaseStatus, type CaseTextField } from '../network.types.js';

/** How far an initiative has come, as a case status. */
export function statusOfInitiative(state: InitiativeForPractice['state']): CaseStatus {
  switch (state) {
    case 'agreed':
    case 'active':
      return 'running';
    case 'completed':
    case 'evaluated':
      return 'proven';
    case 'paused':
      return 'paused';
    case 'declined':
      return 'stopped';
    default:
      return 'idea';
  }
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);

/** A first draft of the case, written from what the initiative already says, in the initiative's language. */
export function caseFieldsFromInitiative(ini: InitiativeForPractice): CaseFields {
  const text = {} as Record<CaseTextField, Bilingual>;
  for (const f of caseTextFields) text[f] = { da: null, en: null };
  const l = ini.lang;
  const set = (f: CaseTextField, v: string | null | undefined, max = 10000) => {
    if (v && v.trim()) text[f][l] = clip(v.trim(), max);
  };
  set('title', ini.title, 140);
  set('summary', ini.proposal.split(/\n\s*\n/)[0], 1000);
  set('problem', ini.problem);
  set('approach', ini.proposal);
  const actors = [
    ...(ini.agreement && ini.agreement.lang === l ? [ini.agreement.citizensDeliver] : []),
    ...ini.partners.filter((p) => p.lang === l).map((p) => (p.contribution ? `${p.name}: ${p.contribution}` : p.name)),
  ];
  set('actors', actors.join('\n'));
  if (ini.agreement && ini.agreement.lang === l) set('municipalContribution', ini.agreement.municipalityDelivers);
  if (ini.outcomes && ini.outcomesLang === l) set('results', ini.outcomes);
  return {
    text,
    status: statusOfInitiative(ini.state),
    contactName: ini.agreement?.contactName || null,
    contactEmail: ini.agreement?.contactEmail || null,
    municipalitySize: null,
    setting: null,
    themes: [],
    tags: [],
    statedSavingsOre: null,
  };
}

export type PublishError = 'forbidden' | 'initiative_not_found';

export async function publishInitiativeAsCase(
  db: Database,
  actor: Actor | null,
  municipalityId: number,
  initiativeId: number,
  fields: CaseFields,
): Promise<Result<{ ref: CaseRef; created: boolean }, PublishError>> {
  if (!actor || !can(actor, 'write_case', municipalityId)) return err('forbidden');
  return db.transaction({ municipalityId, userId: actor.id }, async (tx) => {
    const ini = await initiativeForPractice(tx, municipalityId, initiativeId);
    if (!ini) return err('initiative_not_found');
    // Two publishes of the same initiative at once: the second waits and then updates the first's case.
    await sql`select pg_advisory_xact_lock(${municipalityId}, ${initiativeId})`.execute(tx);
    const existing = await findCaseByInitiative(tx, municipalityId, initiativeId);
    let ref: CaseRef;
    if (existing) {
      ref = { municipalityId, id: existing.id };
      await updateCase(tx, ref, fields);
      await setPublished(tx, ref, true);
    } else {
      ref = { municipalityId, id: await insertCase(tx, municipalityId, fields, { initiativeId, published: true, createdBy: actor.id }) };
    }
    await refreshCaseEvidenceIn(tx, ref, initiativeId);
    return ok({ ref, created: !existing });
  });
}
