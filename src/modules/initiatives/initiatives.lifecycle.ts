// The life of an initiative as a pure state machine: which step may follow which, and what a step
// needs before it can be taken. Who may take a step is the policy's business (initiatives.policy.ts).
export const states = ['idea', 'open_for_support', 'in_dialogue', 'agreed', 'active', 'completed', 'evaluated', 'declined', 'paused'] as const;
export type State = (typeof states)[number];

export function isState(value: unknown): value is State {
  return typeof value === 'string' && (states as readonly string[]).includes(value);
}

/** The main road, in order; declined and paused are side roads. */
export const mainRoad: readonly State[] = ['idea', 'open_for_support', 'in_dialogue', 'agreed', 'active', 'completed', 'evaluated'];

/** States from which an initiative may be paused, and so the states a pause can return to. */
export const pausable: readonly State[] = ['open_for_support', 'in_dialogue', 'agreed', 'active'];

/** Nothing follows these. */
export const terminal: readonly State[] = ['evaluated', 'declined'];

const forward: Record<State, readonly State[]> = {
  idea: ['open_for_support', 'declined'],
  open_for_support: ['in_dialogue', 'declined', 'paused'],
  in_dialogue: ['agreed', 'declined', 'paused'],
  agreed: ['active', 'paused'],
  active: ['completed', 'paused'],
  completed: ['evaluated'],
  evaluated: [],
  declined: [],
  // Resuming returns to where the pause began; see nextStates.
  paused: [],
};

/** What the lifecycle needs to know about an initiative to decide a step. */
export interface LifecycleSnapshot {
  state: State;
  /** Where a paused initiative returns to. */
  pausedFrom: State | null;
  hasFacilitator: boolean;
  hasAgreement: boolean;
}

/** The states an initiative in `snapshot` may move to next, before asking who is acting. */
export function nextStates(snapshot: Pick<LifecycleSnapshot, 'state' | 'pausedFrom'>): State[] {
  if (snapshot.state === 'paused') return snapshot.pausedFrom && pausable.includes(snapshot.pausedFrom) ? [snapshot.pausedFrom] : [];
  return [...forward[snapshot.state]];
}

export function isTransition(from: State, to: State, pausedFrom: State | null = null): boolean {
  return nextStates({ state: from, pausedFrom }).includes(to);
}

/** Input a step may carry. */
export interface TransitionInput {
  /** Public reason; required for declined. */
  reason?: string;
  /** Outcomes; required for evaluated. */
  outcomes?: string;
}

export type TransitionProblem =
  | 'transition_not_allowed'
  | 'reason_required'
  | 'outcomes_required'
  | 'facilitator_required'
  | 'agreement_required';

/**
 * Decides whether `to` may follow the snapshot's state. In dialogue means a facilitator is assigned;
 * agreed means the co-production agreement is written down; declined is explained in public;
 * evaluated records outcomes.
 */
export function checkTransition(snapshot: LifecycleSnapshot, to: State, input: TransitionInput = {}): TransitionProblem | null {
  if (!isTransition(snapshot.state, to, snapshot.pausedFrom)) return 'transition_not_allowed';
  if (to === 'declined' && !input.reason?.trim()) return 'reason_required';
  if (to === 'evaluated' && !input.outcomes?.trim()) return 'outcomes_required';
  if (to === 'in_dialogue' && !snapshot.hasFacilitator) return 'facilitator_required';
  if (to === 'agreed' && !snapshot.hasAgreement) return 'agreement_required';
  return null;
}

/** States in which people may support an initiative. */
export const supportable: readonly State[] = ['open_for_support', 'in_dialogue', 'agreed', 'active'];

/** States in which the co-production agreement may be written or revised. */
export const agreementEditable: readonly State[] = ['in_dialogue', 'agreed', 'active', 'paused'];

/** States that wait for the municipality to act (the facilitator workspace's triage list). */
export const awaitingTriage: readonly State[] = ['idea', 'open_for_support'];

/** States that can be "stuck": still moving, not finished. */
export const inProgress: readonly State[] = ['idea', 'open_for_support', 'in_dialogue', 'agreed', 'active', 'completed', 'paused'];
