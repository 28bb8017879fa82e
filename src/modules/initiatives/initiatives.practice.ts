// What the network module needs from initiatives, through index.ts: an initiative's material for a
// practice case, the state of several initiatives, and a draft initiative created from an adopted
// practice. All run in the caller's transaction, whose tenant must be `municipalityId`.
import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import type { State } from './initiatives.lifecycle.js';
import { findInitiative, insertEvent, insertFollow, insertInitiative, insertMember, listAgreementVersions, listPartners } from './initiatives.repository.js';
import type { PartnerKind, TextLang } from './initiatives.types.js';

/** An initiative as material for a practice case (public data only). */
export interface InitiativeForPractice {
  municipalityId: number;
  id: number;
  title: string;
  problem: string;
  proposal: string;
  lang: TextLang;
  state: State;
  outcomes: string | null;
  outcomesLang: TextLang | null;
  /** From the current co-production agreement, when there is one. */
  agreement: { citizensDeliver: string; municipalityDelivers: string; lang: TextLang; contactName: string; contactEmail: string } | null;
  partners: { kind: PartnerKind; name: string; contribution: string; lang: TextLang }[];
}

export async function initiativeForPractice(e: Executor, municipalityId: number, initiativeId: number): Promise<InitiativeForPractice | null> {
  const ini = await findInitiative(e, municipalityId, initiativeId);
  if (!ini) return null;
  const [agreements, partners] = await Promise.all([listAgreementVersions(e, municipalityId, initiativeId), listPartners(e, municipalityId, initiativeId)]);
  const a = agreements[0];
  return {
    municipalityId,
    id: ini.id,
    title: ini.title,
    problem: ini.problem,
    proposal: ini.proposal,
    lang: ini.lang,
    state: ini.state,
    outcomes: ini.outcomes,
    outcomesLang: ini.outcomesLang,
    agreement: a ? { citizensDeliver: a.citizensDeliver, municipalityDelivers: a.municipalityDelivers, lang: a.lang, contactName: a.contactName, contactEmail: a.contactEmail } : null,
    partners: partners.map((p) => ({ kind: p.kind, name: p.name, contribution: p.contribution, lang: p.lang })),
  };
}

export interface InitiativeHeadline {
  id: number;
  title: string;
  lang: TextLang;
  state: State;
}

/** Title and state of the given initiatives (missing ids are absent from the map). */
export async function initiativeHeadlines(e: Executor, municipalityId: number, ids: readonly number[]): Promise<Map<number, InitiativeHeadline>> {
  if (ids.length === 0) return new Map();
  const r = await sql<InitiativeHeadline>`select id, title, lang, state from initiatives
    where municipality_id = ${municipalityId} and id = any(${sql.val([...ids])}::int[])`.execute(e);
  return new Map(r.rows.map((x) => [x.id, x]));
}

/** The municipality's initiatives that have got somewhere (not ideas or declined), newest activity first. */
export async function listInitiativeHeadlines(e: Executor, municipalityId: number, limit = 200): Promise<InitiativeHeadline[]> {
  const r = await sql<InitiativeHeadline>`select id, title, lang, state from initiatives
    where municipality_id = ${municipalityId} and state not in ('idea', 'declined')
    order by last_activity_at desc, id desc limit ${limit}`.execute(e);
  return r.rows;
}

export interface DraftFromPractice {
  municipalityId: number;
  /** The person adopting: owner and follower of the draft. */
  actorId: number;
  title: string;
  problem: string;
  proposal: string;
  lang: TextLang;
  /** A line for the public timeline, e.g. "Adopted from <case> in <municipality>". */
  note: string;
  /** Makes creation idempotent, like the proposal form's hidden key. */
  creationKey: string;
}

/**
 * Creates an initiative in state 'idea' prefilled from a practice of another municipality, with the
 * adopting person as owner and follower and the origin on its timeline. Returns the existing one when
 * the same creation key was used before.
 */
export async function createDraftInitiativeFromPractice(e: Executor, d: DraftFromPractice): Promise<{ id: number; created: boolean }> {
  const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
  const title = clip(d.title.trim(), 140).padEnd(3, '.');
  const id = await insertInitiative(e, {
    municipalityId: d.municipalityId,
    title,
    problem: clip(d.problem.trim() || title, 10000),
    proposal: clip(d.proposal.trim() || title, 10000),
    lang: d.lang,
    areaId: null,
    themeId: null,
    groupId: null,
    createdBy: d.actorId,
    creationKey: d.creationKey,
  });
  if (id === null) {
    const r = await sql<{ id: number }>`select id from initiatives where municipality_id = ${d.municipalityId} and creation_key = ${d.creationKey}`.execute(e);
    return { id: r.rows[0]!.id, created: false };
  }
  await insertMember(e, d.municipalityId, id, d.actorId, 'owner');
  await insertFollow(e, d.municipalityId, id, d.actorId);
  await insertEvent(e, { municipalityId: d.municipalityId, initiativeId: id, kind: 'proposed', toState: 'idea', actorId: d.actorId });
  if (d.note.trim()) await insertEvent(e, { municipalityId: d.municipalityId, initiativeId: id, kind: 'update', body: clip(d.note.trim(), 10000), lang: d.lang, actorId: d.actorId });
  return { id, created: true };
}
