// Seasons, member municipalities and their leaders, meetings and registrations of the network.
import type { Lang } from '../../core/i18n/i18n.js';

export const NETWORK_TIME_ZONE = 'Europe/Copenhagen';

export interface Season {
  id: number;
  name: string;
  /** YYYY-MM-DD, inclusive. */
  startsOn: string;
  endsOn: string;
  theme: { da: string | null; en: string | null };
  description: { da: string | null; en: string | null };
}

export interface SeasonLeader {
  userId: number;
  displayName: string;
  roleText: string;
  /** The person's consent to be shown by name in directories. */
  showInDirectory: boolean;
}

export interface SeasonMember {
  municipalityId: number;
  name: string;
  slug: string;
  leaders: SeasonLeader[];
}

export type RegistrationStatus = 'confirmed' | 'waitlisted' | 'cancelled';

export interface Meeting {
  id: number;
  seasonId: number;
  hostMunicipalityId: number | null;
  title: string;
  lang: Lang;
  startsAt: Date;
  endsAt: Date;
  place: string;
  address: string | null;
  agenda: string | null;
  isPublic: boolean;
  capacity: number;
  confirmedCount: number;
  registrationDeadline: Date | null;
  minutes: string | null;
  minutesUpdatedAt: Date | null;
}

export interface Registration {
  id: number;
  meetingId: number;
  userId: number;
  status: RegistrationStatus;
  position: number;
  lang: Lang;
}

/** A case linked to a meeting, as shown on the meeting page. */
export interface LinkedCase {
  municipalityId: number;
  id: number;
  title: string;
}
