// Domain types of the facilities module, apart from row types (snake_case in the repository).
import type { ClosedDate, OpeningHours } from './facilities.opening.js';

export const facilityKinds = ['room', 'equipment'] as const;
export type FacilityKind = (typeof facilityKinds)[number];

export const bookingStatuses = ['pending', 'confirmed', 'rejected', 'cancelled'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

export interface Facility {
  municipalityId: number;
  id: number;
  slug: string;
  kind: FacilityKind;
  name: string;
  institution: string;
  address: string;
  description: string;
  capacity: number;
  accessibility: string;
  houseRules: string;
  depositNote: string;
  needsApproval: boolean;
  allowResidents: boolean;
  allowGroups: boolean;
  allowAssociations: boolean;
  horizonDays: number;
  priorityHorizonDays: number;
  cancelDeadlineHours: number;
}

export interface FacilityDetail extends Facility {
  hours: OpeningHours[];
  closed: ClosedDate[];
}

export interface Booking {
  municipalityId: number;
  id: number;
  facilityId: number;
  bookedBy: number | null;
  groupId: number | null;
  seasonRequestId: number | null;
  purpose: string;
  attendees: number | null;
  startsAt: Date;
  endsAt: Date;
  status: BookingStatus;
  decisionNote: string;
  createdAt: Date;
}

export interface Season {
  municipalityId: number;
  id: number;
  name: string;
  startsOn: string;
  endsOn: string;
}

export type SeasonRequestStatus = 'requested' | 'allocated' | 'declined';

export interface SeasonRequest {
  municipalityId: number;
  id: number;
  seasonId: number;
  facilityId: number;
  groupId: number;
  requestedBy: number | null;
  weekday: number;
  startMin: number;
  endMin: number;
  purpose: string;
  status: SeasonRequestStatus;
  copiedFrom: number | null;
}
