// Domain types of the initiatives module, apart from row types (snake_case, in the repository).
import type { State } from './initiatives.lifecycle.js';

export type TextLang = 'da' | 'en';
export const textLangs: readonly TextLang[] = ['da', 'en'];

export const askKinds = ['money', 'premises', 'equipment', 'permission', 'staff_time'] as const;
export type AskKind = (typeof askKinds)[number];
export const askStatuses = ['open', 'granted', 'partly_granted', 'declined'] as const;
export type AskStatus = (typeof askStatuses)[number];

export const partnerKinds = ['association', 'business', 'municipal_unit', 'other'] as const;
export type PartnerKind = (typeof partnerKinds)[number];

export const reportReasons = ['spam', 'abuse', 'personal_data', 'off_topic', 'other'] as const;
export type ReportReason = (typeof reportReasons)[number];

export const sorts = ['active', 'newest', 'supported'] as const;
export type Sort = (typeof sorts)[number];

export interface PersonRef {
  id: number;
  displayName: string;
}

/** A line in a list: public data only. */
export interface InitiativeSummary {
  id: number;
  title: string;
  lang: TextLang;
  excerpt: string;
  state: State;
  areaId: number | null;
  themeId: number | null;
  supportCount: number;
  commentCount: number;
  createdAt: Date;
  lastActivityAt: Date;
  stateChangedAt: Date;
}

export interface Partner {
  id: number;
  kind: PartnerKind;
  name: string;
  contribution: string;
  lang: TextLang;
}

export interface Ask {
  id: number;
  initiativeId: number;
  kind: AskKind;
  description: string;
  lang: TextLang;
  amountOre: number | null;
  status: AskStatus;
  answer: string | null;
  answerLang: TextLang | null;
  answeredAt: Date | null;
}

export interface Agreement {
  version: number;
  citizensDeliver: string;
  municipalityDelivers: string;
  lang: TextLang;
  contactName: string;
  contactTitle: string;
  contactEmail: string;
  termStart: string;
  termEnd: string;
  reviewDate: string;
  changeNote: string;
  createdAt: Date;
}

export type EventKind = 'proposed' | 'state_changed' | 'facilitator_assigned' | 'update' | 'agreement' | 'ask_answered' | 'edited';

export interface TimelineEvent {
  id: number;
  kind: EventKind;
  fromState: State | null;
  toState: State | null;
  body: string;
  lang: TextLang | null;
  ref: number | null;
  actor: PersonRef | null;
  createdAt: Date;
}

export interface Initiative {
  municipalityId: number;
  id: number;
  title: string;
  problem: string;
  proposal: string;
  lang: TextLang;
  areaId: number | null;
  themeId: number | null;
  groupId: number | null;
  state: State;
  pausedFrom: State | null;
  facilitator: PersonRef | null;
  declineReason: string | null;
  declineReasonLang: TextLang | null;
  outcomes: string | null;
  outcomesLang: TextLang | null;
  supportCount: number;
  commentCount: number;
  agreementVersion: number | null;
  reviewDate: string | null;
  createdBy: number | null;
  createdAt: Date;
  stateChangedAt: Date;
  lastActivityAt: Date;
}

export interface Comment {
  id: number;
  parentId: number | null;
  author: PersonRef | null;
  body: string;
  lang: TextLang;
  version: number;
  createdAt: Date;
  editedAt: Date | null;
  hidden: boolean;
}

export interface CommentVersion {
  version: number;
  body: string;
  lang: TextLang;
  writtenAt: Date;
}

/** What a person has done on one initiative, for the buttons they see. */
export interface Participation {
  supports: boolean;
  follows: boolean;
  isMember: boolean;
}

export interface OpenReport {
  id: number;
  commentId: number;
  initiativeId: number;
  initiativeTitle: string;
  commentBody: string;
  commentLang: TextLang;
  commentAuthor: string | null;
  reason: ReportReason;
  note: string;
  reportCount: number;
  createdAt: Date;
}
