// Paths of the network's pages. A case is addressed across the network as
// /network/cases/<municipality_id>-<id> (its primary key), so no global id is needed.
import type { CaseRef } from './network.types.js';

export const networkHomeUrl = '/network';
export const caseListUrl = '/network/cases';
export const newCaseUrl = '/network/cases/new';

export function caseRef(ref: CaseRef): string {
  return `${ref.municipalityId}-${ref.id}`;
}

/** Parses the <municipality_id>-<id> part of a case path; null when it is not one. */
export function parseCaseRef(text: string): CaseRef | null {
  const m = /^([1-9]\d{0,9})-([1-9]\d{0,9})$/.exec(text);
  if (!m) return null;
  const municipalityId = Number(m[1]);
  const id = Number(m[2]);
  if (municipalityId > 2147483647 || id > 2147483647) return null;
  return { municipalityId, id };
}

export function caseUrl(ref: CaseRef): string {
  return `/network/cases/${caseRef(ref)}`;
}

export function caseEditUrl(ref: CaseRef): string {
  return `${caseUrl(ref)}/edit`;
}

export function caseAdoptUrl(ref: CaseRef): string {
  return `${caseUrl(ref)}/adopt`;
}

export function caseCommentsUrl(ref: CaseRef): string {
  return `${caseUrl(ref)}/comments`;
}

export function caseFollowUrl(ref: CaseRef): string {
  return `${caseUrl(ref)}/follow`;
}

export function caseRefreshUrl(ref: CaseRef): string {
  return `${caseUrl(ref)}/refresh-evidence`;
}

/** The form that publishes an initiative of a municipality as a case. */
export function publishInitiativeUrl(slug: string, initiativeId: number): string {
  return `/network/publish/${slug}/${initiativeId}`;
}
