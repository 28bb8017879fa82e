// Domain types of grant pools (puljer) and their applications.

export const applicantKinds = ['group', 'association', 'resident'] as const;
export type ApplicantKind = (typeof applicantKinds)[number];

export const poolStatuses = ['open', 'closed'] as const;
export type PoolStatus = (typeof poolStatuses)[number];

export const applicationStatuses = [
  'submitted',
  'in_triage',
  'approved',
  'fast_track_approved',
  'declined',
  'paid',
  'reported',
  'repayment_due',
  'closed',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** States in which a decision may still be made. */
export const undecided: readonly ApplicationStatus[] = ['submitted', 'in_triage'];
/** States in which the grant may be paid out. */
export const payable: readonly ApplicationStatus[] = ['approved', 'fast_track_approved'];
/** States in which the final report may be filed. */
export const reportable: readonly ApplicationStatus[] = ['paid', 'repayment_due'];
/** States in which a repayment may be recorded. */
export const repayable: readonly ApplicationStatus[] = ['repayment_due', 'reported'];

export type TextLang = 'da' | 'en';

export interface PoolRules {
  maxGrantOre: bigint;
  /** Required co-financing as a share of the project's total budget, in basis points. */
  cofinancingBp: number;
  allowGroups: boolean;
  allowAssociations: boolean;
  allowResidents: boolean;
  /** Last day to apply, YYYY-MM-DD in the municipality's time zone. */
  deadline: string;
  /** 0 means no fast track. */
  fastTrackOre: bigint;
  reportDueDays: number;
}

export interface GrantPool extends PoolRules {
  municipalityId: number;
  id: number;
  name: string;
  description: string;
  lang: TextLang;
  accountId: number;
  status: PoolStatus;
  createdAt: Date;
}

export interface PoolWithBalance extends GrantPool {
  balanceOre: bigint;
  /** Granted but not yet paid out: money the pool has promised. */
  committedOre: bigint;
  applicationCount: number;
}

export interface MoneyLine {
  line: number;
  description: string;
  amountOre: bigint;
}

export interface TriageNote {
  id: number;
  authorName: string | null;
  note: string;
  lang: TextLang;
  createdAt: Date;
}

export interface Receipt {
  id: number;
  fileName: string;
  contentType: ReceiptType;
  size: number;
  createdAt: Date;
}

export const receiptTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type ReceiptType = (typeof receiptTypes)[number];

export interface GrantApplication {
  municipalityId: number;
  id: number;
  poolId: number;
  poolName: string;
  poolLang: TextLang;
  applicantId: number;
  applicantName: string;
  applicantKind: ApplicantKind;
  groupId: number | null;
  groupName: string | null;
  title: string;
  purpose: string;
  lang: TextLang;
  amountRequestedOre: bigint;
  cofinancingOre: bigint;
  status: ApplicationStatus;
  decidingBody: string | null;
  decisionDate: string | null;
  decisionNote: string;
  amountGrantedOre: bigint | null;
  fastTrack: boolean;
  decidedByName: string | null;
  decidedAt: Date | null;
  payoutTransactionId: number | null;
  paidAt: Date | null;
  reportDueOn: string | null;
  reportNarrative: string | null;
  reportLang: TextLang | null;
  reportedAt: Date | null;
  repaymentFlaggedAt: Date | null;
  repaymentTransactionId: number | null;
  closedAt: Date | null;
  createdAt: Date;
}

export interface ApplicationDetail extends GrantApplication {
  budgetLines: MoneyLine[];
  spendingLines: MoneyLine[];
  triageNotes: TriageNote[];
  receipts: Receipt[];
  /** Amount of the repayment transaction, when one was recorded. */
  repaidOre: bigint | null;
}
