// What the library's pages read. Cases, adoptions and comments are readable without a tenant; the live
// state and figures of adopted initiatives are read in each adopting municipality's own scope.
import type { Actor } from '../../core/auth/actor.js';
import type { AppDeps } from '../../core/http/context.js';
import { initiativeHeadlines, type InitiativeHeadline } from '../initiatives/index.js';
import { listMunicipalities } from '../municipalities/index.js';
import { measureInitiatives, noEvidence, refreshCaseEvidenceIn } from './network.evidence.js';
import { can, municipalitiesActedFor } from './network.policy.js';
import {
  countPublishedCases,
  findCase,
  isFollowing,
  listAdoptions,
  listCasesOfMunicipality,
  listComments,
  listMostAdoptedCases,
  listNewestCases,
} from './network.repository.js';
import type { Adoption, Case, CaseComment, CaseRef, CaseSummary, Evidence } from './network.types.js';

export interface AdoptionView extends Adoption {
  initiative: InitiativeHeadline | null;
  evidence: Evidence;
}

export interface Pooled {
  count: number;
  totalSavingsOre: number;
  totalHours: number;
  medianHours: number | null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function pool(adoptions: readonly { evidence: Evidence }[]): Pooled {
  return {
    count: adoptions.length,
    totalSavingsOre: adoptions.reduce((n, a) => n + a.evidence.savingsOre, 0),
    totalHours: Math.round(adoptions.reduce((n, a) => n + a.evidence.hours, 0) * 100) / 100,
    medianHours: median(adoptions.map((a) => a.evidence.hours)),
  };
}

/** Adoptions of a case with each adopted initiative's current state and figures. */
export async function adoptionsWithEvidence(deps: Pick<AppDeps, 'db'>, ref: CaseRef): Promise<AdoptionView[]> {
  const adoptions = await deps.db.transaction({ municipalityId: null }, (tx) => listAdoptions(tx, ref));
  const byMunicipality = new Map<number, Adoption[]>();
  for (const a of adoptions) byMunicipality.set(a.municipalityId, [...(byMunicipality.get(a.municipalityId) ?? []), a]);
  const views = new Map<string, AdoptionView>();
  for (const [mid, list] of byMunicipality) {
    await deps.db.transaction({ municipalityId: mid }, async (tx) => {
      const ids = list.map((a) => a.initiativeId);
      const [heads, measured] = await Promise.all([initiativeHeadlines(tx, mid, ids), measureInitiatives(tx, mid, ids)]);
      for (const a of list) views.set(`${a.municipalityId}-${a.id}`, { ...a, initiative: heads.get(a.initiativeId) ?? null, evidence: measured.get(a.initiativeId) ?? noEvidence });
    });
  }
  return adoptions.map((a) => views.get(`${a.municipalityId}-${a.id}`)!);
}

export interface CasePageData {
  case: Case;
  adoptions: AdoptionView[];
  pooled: Pooled;
  comments: CaseComment[];
  following: boolean;
  canWrite: boolean;
  /** Municipalities (id, name, slug) the viewer may adopt the case into, its own excluded. */
  adoptInto: { id: number; name: string; slug: string; adoption: AdoptionView | null }[];
  /** The viewer's initiative of this municipality, when it adopted the case: for a link. */
  municipalities: Map<number, { name: string; slug: string }>;
}

/**
 * Everything the case page shows, or null when there is no such case or the viewer may not see it
 * (a draft). Staff of the owning municipality refresh the case's evidence on every view.
 */
export async function loadCasePage(deps: Pick<AppDeps, 'db'>, ref: CaseRef, actor: Actor | null): Promise<CasePageData | null> {
  const canWrite = can(actor, 'write_case', ref.municipalityId);
  const found = await deps.db.transaction({ municipalityId: ref.municipalityId, userId: actor?.id ?? null }, async (tx) => {
    const c = await findCase(tx, ref);
    if (!c || (!c.published && !canWrite)) return null;
    if (canWrite && c.initiativeId !== null) await refreshCaseEvidenceIn(tx, ref, c.initiativeId);
    const [comments, following] = await Promise.all([listComments(tx, ref), actor ? isFollowing(tx, ref, actor.id) : Promise.resolve(false)]);
    return { case: canWrite && c.initiativeId !== null ? (await findCase(tx, ref))! : c, comments, following };
  });
  if (!found) return null;
  const adoptions = await adoptionsWithEvidence(deps, ref);
  const municipalities = new Map((await deps.db.transaction({ municipalityId: null }, (tx) => listMunicipalities(tx))).map((m) => [m.id, { name: m.name, slug: m.slug }]));
  const adoptInto = municipalitiesActedFor(actor)
    .filter((mid) => mid !== ref.municipalityId && municipalities.has(mid))
    .map((mid) => ({ id: mid, ...municipalities.get(mid)!, adoption: adoptions.find((a) => a.municipalityId === mid) ?? null }));
  return { ...found, adoptions, pooled: pool(adoptions), canWrite, adoptInto, municipalities };
}

export interface HomeData {
  stats: { cases: number; municipalities: number; adoptions: number };
  newest: CaseSummary[];
  mostAdopted: CaseSummary[];
  /** For staff: their municipalities' own cases, drafts included. */
  own: { id: number; name: string; slug: string; cases: CaseSummary[] }[];
}

export async function loadHome(deps: Pick<AppDeps, 'db'>, actor: Actor | null): Promise<HomeData> {
  const base = await deps.db.transaction({ municipalityId: null }, async (tx) => {
    const [stats, newest, mostAdopted, municipalities] = await Promise.all([countPublishedCases(tx), listNewestCases(tx, 6), listMostAdoptedCases(tx, 6), listMunicipalities(tx)]);
    return { stats, newest, mostAdopted, municipalities };
  });
  const own: HomeData['own'] = [];
  for (const mid of municipalitiesActedFor(actor)) {
    const m = base.municipalities.find((x) => x.id === mid);
    if (!m) continue;
    const cases = await deps.db.transaction({ municipalityId: mid }, (tx) => listCasesOfMunicipality(tx, mid));
    own.push({ id: mid, name: m.name, slug: m.slug, cases });
  }
  return { stats: base.stats, newest: base.newest, mostAdopted: base.mostAdopted, own };
}
