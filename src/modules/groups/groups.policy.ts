// Who may do what with a group. Pure functions of facts the caller has already loaded, so they can
// be tested as a table and used both to decide a request and to decide which buttons a page shows.
import type { GroupKind, MemberRole, MemberStatus, MembershipPolicy } from './groups.types.js';

export interface Viewer {
  /** Null for a visitor who is not signed in. */
  userId: number | null;
  /** A facilitator or admin of the group's municipality: facilitates and moderates, does not own. */
  facilitator: boolean;
}

export interface GroupFacts {
  kind: GroupKind;
  membershipPolicy: MembershipPolicy;
}

/** The viewer's own row in the group, if any. */
export type MembershipFacts = { role: MemberRole; status: MemberStatus } | null;

export const anonymous: Viewer = { userId: null, facilitator: false };

const signedIn = (v: Viewer) => v.userId !== null;
const active = (m: MembershipFacts) => m?.status === 'active';
export const isCoordinator = (m: MembershipFacts): boolean => active(m) && m?.role === 'coordinator';

export function mayCreateGroup(v: Viewer): boolean {
  return signedIn(v);
}

/** Only the municipality may call a group its recognised local council. */
export function mayChooseKind(v: Viewer, kind: GroupKind): boolean {
  return kind === 'local_council' ? v.facilitator : signedIn(v);
}

/** Join at once: an open group the viewer has no row in. */
export function mayJoin(v: Viewer, g: GroupFacts, m: MembershipFacts): boolean {
  return signedIn(v) && m === null && g.membershipPolicy === 'open';
}

/** Ask to join a group whose coordinators approve new members. */
export function mayRequest(v: Viewer, g: GroupFacts, m: MembershipFacts): boolean {
  return signedIn(v) && m === null && g.membershipPolicy === 'request';
}

/** Accept or decline an invitation: only the invited person. */
export function mayAnswerInvitation(v: Viewer, m: MembershipFacts): boolean {
  return signedIn(v) && m?.status === 'invited';
}

/**
 * Leave, withdraw a request or decline: anyone with a row, except the last coordinator, who must
 * hand over first so a group is never left without someone to run it.
 */
export function mayLeave(v: Viewer, m: MembershipFacts, activeCoordinators: number): boolean {
  if (!signedIn(v) || m === null) return false;
  return !(isCoordinator(m) && activeCoordinators <= 1);
}

export function mayApproveRequests(v: Viewer, m: MembershipFacts): boolean {
  return signedIn(v) && isCoordinator(m);
}

/** Invitations are open to coordinators whatever the policy: invite-only groups need them most. */
export function mayInvite(v: Viewer, m: MembershipFacts): boolean {
  return signedIn(v) && isCoordinator(m);
}

/** Promote, demote and remove members. */
export function mayManageMembers(v: Viewer, m: MembershipFacts): boolean {
  return signedIn(v) && isCoordinator(m);
}

/** Coordinators see every member; everyone else sees only those who agreed to be shown. */
export function maySeeAllMembers(v: Viewer, m: MembershipFacts): boolean {
  return signedIn(v) && isCoordinator(m);
}

export function mayEdit(v: Viewer, m: MembershipFacts): boolean {
  return signedIn(v) && isCoordinator(m);
}

/** Only associations and local councils have a board. */
export function hasBoard(kind: GroupKind): boolean {
  return kind === 'association' || kind === 'local_council';
}

export function mayManageBoard(v: Viewer, g: GroupFacts, m: MembershipFacts): boolean {
  return signedIn(v) && isCoordinator(m) && hasBoard(g.kind);
}

export function mayManageActivities(v: Viewer, m: MembershipFacts): boolean {
  return signedIn(v) && isCoordinator(m);
}

/** The discussion is for members. */
export function mayPost(v: Viewer, m: MembershipFacts): boolean {
  return signedIn(v) && active(m);
}

/** Authors edit their own posts while they are members and the post is not hidden. */
export function mayEditPost(v: Viewer, m: MembershipFacts, post: { authorId: number | null; hidden: boolean }): boolean {
  return signedIn(v) && active(m) && post.authorId === v.userId && !post.hidden;
}

/** Hide or restore a post: the group's coordinators and the municipality's facilitators. */
export function mayModerate(v: Viewer, m: MembershipFacts): boolean {
  return signedIn(v) && (isCoordinator(m) || v.facilitator);
}

/** Mark a group as the area's recognised local council, or withdraw that. */
export function mayRecognise(v: Viewer): boolean {
  return signedIn(v) && v.facilitator;
}
