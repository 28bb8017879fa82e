// Domain types of the accounts module, apart from the row types (snake_case, in the repository).
import type { MunicipalRole, NetworkRole } from '../../core/auth/actor.js';
import type { Lang } from '../../core/i18n/i18n.js';

export type { MunicipalRole, NetworkRole };

export interface User {
  id: number;
  email: string;
  emailVerified: boolean;
  displayName: string;
  /** null: follow the browser. */
  preferredLang: Lang | null;
  homeMunicipalityId: number | null;
  networkRole: NetworkRole | null;
  showInDirectory: boolean;
}

/** A user together with the password hash, for sign-in and password checks only. */
export interface UserWithSecret extends User {
  passwordHash: string | null;
}

export type TokenPurpose = 'verify_email' | 'reset_password';

export interface StaffMember {
  userId: number;
  displayName: string;
  email: string;
  roles: MunicipalRole[];
}

export interface NetworkMember {
  userId: number;
  displayName: string;
  email: string;
  role: NetworkRole;
}

export interface RoleGrant {
  municipalityId: number;
  role: MunicipalRole;
}
