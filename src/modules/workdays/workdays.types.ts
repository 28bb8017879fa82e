// Domain types of the workdays module.
export type ParticipantKind = 'resident' | 'staff';
export type SignupStatus = 'confirmed' | 'waitlisted' | 'cancelled';
export const roleTypes = ['volunteer_work', 'municipal_insurance', 'association'] as const;
export type RoleType = (typeof roleTypes)[number];
export const childCheckStatuses = ['not_required', 'requested', 'approved', 'refused'] as const;
export type ChildCheckStatus = (typeof childCheckStatuses)[number];
export const reportCategories = ['broken_bench', 'pothole', 'litter', 'graffiti', 'lighting', 'vegetation', 'other'] as const;
export type ReportCategory = (typeof reportCategories)[number];
export const reportStatuses = ['received', 'in_progress', 'done', 'rejected'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export interface WorkDay {
  municipalityId: number;
  id: number;
  roundId: number | null;
  title: string;
  description: string;
  lang: 'da' | 'en';
  groupId: number | null;
  initiativeId: number | null;
  areaId: number | null;
  address: string;
  meetingPoint: string;
  tasks: string;
  equipment: string;
  bring: string;
  startsAt: Date;
  endsAt: Date;
  createdBy: number | null;
}

export interface Shift {
  id: number;
  dayId: number;
  label: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
}

export interface Signup {
  id: number;
  shiftId: number;
  userId: number | null;
  guestName: string | null;
  guestEmail: string | null;
  /** The name shown: the guest's from the repository; the queries fill in account names via the accounts module. */
  name: string;
  kind: ParticipantKind;
  status: SignupStatus;
  position: number;
  attended: boolean | null;
  minutes: number | null;
  verifiedAt: Date | null;
}

export interface Arrangement {
  userId: number;
  roleType: RoleType;
  associationName: string;
  managerApproved: boolean;
  worksWithChildren: boolean;
  childCheckStatus: ChildCheckStatus;
  childCheckDate: string | null;
}

export interface FieldReport {
  id: number;
  dayId: number | null;
  reporterId: number | null;
  category: ReportCategory;
  description: string;
  lang: 'da' | 'en';
  place: string;
  hasImage: boolean;
  status: ReportStatus;
  statusNote: string;
  statusChangedAt: Date;
  createdAt: Date;
}

/** Who asks for a place: a signed-in person, or a guest with a name and an e-mail address. */
export type Participant = { kind: 'user'; userId: number } | { kind: 'guest'; name: string; email: string };
