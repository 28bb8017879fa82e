// Who may do what with an initiative. Pure functions of the actor's standing; the lifecycle says which
// steps exist at all, this file says who may take them. Tested by a table over every role and step.
import { hasRole, type Actor } from '../../core/auth/actor.js';
import { checkTransition, isTransition, nextStates, supportable, terminal, type LifecycleSnapshot, type State, type TransitionInput, type TransitionProblem } from './initiatives.lifecycle.js';

/**
 * How the actor stands towards one initiative. `owner` means one of the people behind it (or a
 * coordinator of the group that owns it); the rest are roles in the initiative's municipality.
 */
export const standings = ['visitor', 'resident', 'owner', 'facilitator', 'finance_officer', 'admin'] as const;
export type Standing = (typeof standings)[number];
export type Standings = ReadonlySet<Standing>;

export function standingOf(actor: Actor | null, municipalityId: number, isOwner: boolean): Standings {
  if (!actor) return new Set<Standing>(['visitor']);
  const s = new Set<Standing>(['resident']);
  if (isOwner) s.add('owner');
  if (hasRole(actor, municipalityId, 'facilitator')) s.add('facilitator');
  if (hasRole(actor, municipalityId, 'finance_officer')) s.add('finance_officer');
  if (hasRole(actor, municipalityId, 'admin')) s.add('admin');
  return s;
}

const any = (s: Standings, ...roles: Standing[]) => roles.some((r) => s.has(r));
const signedIn = (s: Standings) => !s.has('visitor');
/** Municipal staff who facilitate. Admins may do whatever a facilitator may. */
export const facilitates = (s: Standings) => any(s, 'facilitator', 'admin');

/**
 * The steps only the municipality takes: entering dialogue (a facilitator takes it on), agreeing
 * (the municipality commits) and declining (the municipality explains why). The people behind an
 * initiative take every other step of their own initiative: opening it for support, starting,
 * completing, evaluating, pausing and resuming.
 */
const municipalityOnly: readonly State[] = ['in_dialogue', 'agreed', 'declined'];

/** Whether someone with these standings may move an initiative from `from` to `to` (the lifecycle permitting). */
export function mayTransition(s: Standings, from: State, to: State): boolean {
  if (from !== 'paused' && municipalityOnly.includes(to)) return facilitates(s);
  return facilitates(s) || s.has('owner');
}

/** Anyone who may take some step of this initiative: sees the management panel. */
export function mayManage(s: Standings): boolean {
  return facilitates(s) || s.has('owner');
}

export type TransitionDecision = TransitionProblem | 'forbidden' | null;

/**
 * The full decision for a state change: forbidden (403) for people with no say over the initiative
 * or over this step; transition_not_allowed (409) when the current state does not lead there;
 * otherwise what the step still lacks (422), or null when it may be taken.
 */
export function decideTransition(s: Standings, snapshot: LifecycleSnapshot, to: State, input: TransitionInput = {}): TransitionDecision {
  if (!mayManage(s)) return 'forbidden';
  if (!isTransition(snapshot.state, to, snapshot.pausedFrom)) return 'transition_not_allowed';
  if (!mayTransition(s, snapshot.state, to)) return 'forbidden';
  return checkTransition(snapshot, to, input);
}

/** The steps this actor could take now (for the buttons on the initiative page). */
export function availableSteps(s: Standings, snapshot: Pick<LifecycleSnapshot, 'state' | 'pausedFrom'>): State[] {
  if (!mayManage(s)) return [];
  const out: State[] = [];
  for (const to of nextStates(snapshot)) if (mayTransition(s, snapshot.state, to)) out.push(to);
  return out;
}

export const mayPropose = signedIn;
export const mayFollow = signedIn;

export function maySupport(s: Standings, state: State): boolean {
  return signedIn(s) && supportable.includes(state);
}

/** Withdrawing a support is always possible, so a person can take back what they gave. */
export const mayWithdrawSupport = signedIn;

export function mayComment(s: Standings, state: State): boolean {
  return signedIn(s) && state !== 'declined';
}

export function mayEditComment(s: Standings, isAuthor: boolean, hidden: boolean): boolean {
  return signedIn(s) && isAuthor && !hidden;
}

export function mayReportComment(s: Standings, isAuthor: boolean): boolean {
  return signedIn(s) && !isAuthor;
}

export const mayModerate = facilitates;

export function mayPostUpdate(s: Standings, state: State): boolean {
  return mayManage(s) && state !== 'declined' && state !== 'idea';
}

/** A facilitator takes an initiative on themselves; only while it is still moving. */
export function mayAssignSelf(s: Standings, state: State): boolean {
  return facilitates(s) && !terminal.includes(state);
}

/** The co-production agreement is the municipality's written commitment; a facilitator records it. */
export const mayRecordAgreement = facilitates;

export const mayAnswerAsk = facilitates;

export function mayEditDetails(s: Standings, state: State): boolean {
  return mayManage(s) && !terminal.includes(state);
}

export const mayUseWorkspace = facilitates;
