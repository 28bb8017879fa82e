// Domain types of the groups module, apart from the row types (snake_case) in the repository.
export const groupKinds = ['informal', 'association', 'local_council'] as const;
export type GroupKind = (typeof groupKinds)[number];

export const membershipPolicies = ['open', 'request', 'invite'] as const;
export type MembershipPolicy = (typeof membershipPolicies)[number];

export const memberRoles = ['member', 'coordinator'] as const;
export type MemberRole = (typeof memberRoles)[number];

export const memberStatuses = ['active', 'requested', 'invited'] as const;
export type MemberStatus = (typeof memberStatuses)[number];

export const boardRoles = ['chairperson', 'treasurer', 'secretary', 'member'] as const;
export type BoardRole = (typeof boardRoles)[number];

export type TextLang = 'da' | 'en';

export interface Group {
  municipalityId: number;
  id: number;
  slug: string;
  kind: GroupKind;
  name: string;
  description: string;
  descriptionLang: TextLang;
  areaId: number | null;
  themeId: number | null;
  membershipPolicy: MembershipPolicy;
  cvr: string | null;
  statutes: string;
  recognisedAt: Date | null;
  createdBy: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What lists and other modules need to show a group: public data only. */
export interface GroupSummary {
  municipalityId: number;
  id: number;
  slug: string;
  name: string;
  kind: GroupKind;
  membershipPolicy: MembershipPolicy;
  areaId: number | null;
  themeId: number | null;
  /** Active members, counted whether or not they agreed to be shown. */
  memberCount: number;
  /** The first lines of the description, as the group wrote them. */
  excerpt: string;
  excerptLang: TextLang;
}

export interface Membership {
  groupId: number;
  userId: number;
  role: MemberRole;
  status: MemberStatus;
  showPublicly: boolean;
  joinedAt: Date | null;
  createdAt: Date;
}

export interface Member extends Membership {
  displayName: string;
}

export interface BoardPosition {
  id: number;
  groupId: number;
  userId: number;
  role: BoardRole;
  termStart: string;
  termEnd: string | null;
}

export interface BoardMember extends BoardPosition {
  /** Null when the person has not agreed to be shown. */
  displayName: string | null;
}

export interface Post {
  id: number;
  groupId: number;
  parentId: number | null;
  authorId: number | null;
  /** Null when the author's account is gone. */
  authorName: string | null;
  body: string;
  lang: TextLang;
  createdAt: Date;
  editedAt: Date | null;
  hiddenAt: Date | null;
}

export interface Thread extends Post {
  replies: Post[];
}

export interface Activity {
  id: number;
  groupId: number;
  title: string;
  startsAt: Date;
  place: string;
}
