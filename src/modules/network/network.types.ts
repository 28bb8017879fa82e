// Domain types of the practice library (row types stay in the repository).

export type TextLang = 'da' | 'en';
export const textLangs: readonly TextLang[] = ['da', 'en'];

export const caseStatuses = ['idea', 'running', 'proven', 'paused', 'stopped'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** The network's fixed theme keys (the same in every municipality, unlike municipalities' own themes). */
export const caseThemes = ['mobility', 'food', 'environment', 'culture', 'care', 'nature', 'housing', 'democracy'] as const;
export type CaseTheme = (typeof caseThemes)[number];

/** The network's guiding questions: partnership structure, professional roles, quality, incentives, scaling. */
export const caseTags = ['partnership', 'professional_roles', 'quality', 'incentives', 'scaling'] as const;
export type CaseTag = (typeof caseTags)[number];

export const municipalitySizes = ['small', 'medium', 'large'] as const;
export type MunicipalitySize = (typeof municipalitySizes)[number];

export const settings = ['urban', 'rural', 'mixed'] as const;
export type Setting = (typeof settings)[number];

/** The narrative sections of a case, in the order the case page shows them (after title and summary). */
export const narrativeFields = ['problem', 'context', 'approach', 'actors', 'municipalContribution', 'costs', 'results', 'dos', 'donts'] as const;
export type NarrativeField = (typeof narrativeFields)[number];
/** Every translatable text of a case. */
export const caseTextFields = ['title', 'summary', ...narrativeFields] as const;
export type CaseTextField = (typeof caseTextFields)[number];

/** One text in both languages; null where that language version is not written. */
export interface Bilingual {
  da: string | null;
  en: string | null;
}

/** Addresses a case across the network: the owning municipality and its id there. */
export interface CaseRef {
  municipalityId: number;
  id: number;
}

/** Live or snapshot figures measured on the platform for one initiative. */
export interface Evidence {
  /** Verified volunteer hours. */
  hours: number;
  participants: number;
  /** Signed-off savings in øre. */
  savingsOre: number;
  reinvestedOre: number;
}

export interface EvidenceSnapshot extends Evidence {
  refreshedAt: Date;
}

export interface Case extends CaseRef {
  municipalityName: string;
  municipalitySlug: string;
  initiativeId: number | null;
  status: CaseStatus;
  published: boolean;
  publishedAt: Date | null;
  createdBy: number | null;
  createdAt: Date;
  updatedAt: Date;
  text: Record<CaseTextField, Bilingual>;
  contactName: string | null;
  contactEmail: string | null;
  municipalitySize: MunicipalitySize | null;
  setting: Setting | null;
  themes: CaseTheme[];
  tags: CaseTag[];
  statedSavingsOre: number | null;
  /** Null when nothing has been measured (no initiative behind the case). */
  evidence: EvidenceSnapshot | null;
}

/** A line in a list of cases. */
export interface CaseSummary extends CaseRef {
  municipalityName: string;
  municipalitySlug: string;
  title: Bilingual;
  summary: Bilingual;
  status: CaseStatus;
  themes: CaseTheme[];
  publishedAt: Date | null;
  adoptionCount: number;
  evidenceHours: number | null;
  evidenceSavingsOre: number | null;
}

/** The texts and fields a person writes in the case form (and publishing prefills). */
export interface CaseFields {
  text: Record<CaseTextField, Bilingual>;
  status: CaseStatus;
  contactName: string | null;
  contactEmail: string | null;
  municipalitySize: MunicipalitySize | null;
  setting: Setting | null;
  themes: CaseTheme[];
  tags: CaseTag[];
  statedSavingsOre: number | null;
}

export interface Adoption {
  municipalityId: number;
  id: number;
  municipalityName: string;
  municipalitySlug: string;
  caseMunicipalityId: number;
  caseId: number;
  initiativeId: number;
  adoptedBy: number | null;
  adoptedAt: Date;
}

export interface CaseComment {
  id: number;
  authorId: number;
  authorName: string;
  body: string;
  lang: TextLang;
  createdAt: Date;
}
