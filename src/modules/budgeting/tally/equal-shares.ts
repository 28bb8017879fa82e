// Method of Equal Shares (README "mes-cost"/"mes-approval"), in exact arithmetic.
//
// Every voter starts with the same money. Each round, for every candidate, find the least price ρ
// per unit of utility such that its supporters, each paying min(own money, ρ·u), cover its cost;
// buy the candidate with the least ρ. A candidate whose supporters together hold less than its
// cost is dropped for good (money only shrinks). u = c(p) for cost utility, 1 for approval.
//
// Exactness without slowness:
// - Money is kept per bloc of identical ballots (see Bloc), as bigint numerators over ONE shared
//   denominator, so comparing money is a plain bigint comparison. When a purchase price is not a
//   whole number of those units, the denominator is multiplied by the missing factor (at most
//   once per purchase); each bloc's numerator catches up with it only when it is next read.
// - A candidate's ρ never falls from one round to the next, so the ρ last computed is a lower
//   bound, and it is exact while none of its supporters has paid since. Each round visits
//   candidates by that bound, stops at the first whose bound exceeds the best exact ρ found so
//   far, and recomputes only candidates whose supporters paid for something.
//
// Probing for Add1, which reruns MES for per-voter budgets X, X+1, X+2, ...: while a run's
// decisions stay the same, every amount in it is an affine function of the starting budget X.
// A probe carries each amount's slope next to its value and, at every decision, notes how far X
// may grow before that decision could flip; below the least such point it selects exactly the
// same projects, so Add1 can jump past all those budgets. A probe also keeps a snapshot of its
// state at the start of each round: at a higher budget, the rounds whose decisions provably
// still hold are not replayed; the run resumes from the last such snapshot, its amounts moved
// along their slopes.
import { compareIds, type IndexedElection } from './election.js';
import { assembleOutcome, type EqualSharesVerdict, type Payment, type TallyOutcome } from './outcome.js';
import { compareRationals, rational, type Rational } from './rational.js';

export type Utility = 'cost' | 'approval';

/**
 * `id`: equal ρ goes to the smaller id (plain mes-cost / mes-approval).
 * `cost-votes-id`: equal ρ goes to the lower cost, then more votes, then the smaller id (the runs
 * inside the Add1 rules, as the equalshares.net tool and the Pabulib checker break them).
 */
export type TieBreak = 'id' | 'cost-votes-id';

export interface EqualSharesRun {
  /** Selected project indices: supported free projects first, then purchases in order. */
  readonly winners: readonly number[];
  readonly cost: bigint;
  readonly verdicts: readonly EqualSharesVerdict[];
}

/** What MES selects at one whole per-voter budget, and how far that budget may grow with it unchanged. */
export interface EqualSharesProbe {
  readonly perVoter: bigint;
  readonly winners: readonly number[];
  readonly cost: bigint;
  /**
   * MES selects the same projects for every per-voter budget in [perVoter, perVoter + stableFor);
   * undefined when no decision would ever flip.
   */
  readonly stableFor?: Rational;
  /** The probe at a per-voter budget not below this one, replaying only rounds that might differ. */
  at(perVoter: bigint): EqualSharesProbe;
}

/** A run's state at the start of a round, at per-voter budget `base`. */
interface Snapshot {
  readonly base: bigint;
  readonly round: number;
  readonly winnerCount: number;
  /** How far the budget may grow from base with every decision of the earlier rounds unchanged. */
  readonly stableFor: Rational | undefined;
  readonly den: bigint;
  readonly money: readonly bigint[];
  readonly slope: readonly bigint[];
  readonly epoch: readonly number[];
  readonly growth: readonly bigint[];
  readonly live: readonly number[];
  readonly rhoNum: readonly bigint[];
  readonly rhoSlope: readonly bigint[];
  readonly rhoDen: readonly bigint[];
}

const UNSUPPORTED: EqualSharesVerdict = { kind: 'unsupported' };
const FREE: EqualSharesVerdict = { kind: 'free' };

function smallGcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return Math.abs(a);
}

/**
 * `explain` records verdicts and payments for a results page; `probe` records slopes, stability
 * limits and snapshots for Add1. No caller needs both.
 */
interface RunSettings {
  readonly utility: Utility;
  readonly tieBreak: TieBreak;
  readonly mode: 'explain' | 'probe';
}

/** One run of MES: `start` or `resume`, then `play`. */
class Run {
  readonly verdicts: EqualSharesVerdict[] | undefined;
  readonly probing: boolean;
  snapshots: Snapshot[] = [];
  winners: number[] = [];
  live: number[] = [];
  round = 0;
  stableFor: Rational | undefined;

  // Each voter of bloc b holds held(b) / den. money[b] is that numerator as of refinement
  // `epoch[b]`; growth[e] is how much den has been multiplied by since refinement e.
  // slope[b] / den is how fast that money moves with the starting budget (probing only): one
  // for one until the bloc pays for something.
  den: bigint;
  money: bigint[];
  slope: bigint[];
  epoch: number[];
  growth: bigint[] = [1n];

  // Per candidate: ρ = rhoNum / rhoDen (a lower bound unless fresh) moving by rhoSlope / rhoDen,
  // and the per-supporter cap ρ·u from its last evaluation as (capNum + capSlope·ΔX) / capParts
  // in units of 1 / capUnitDen.
  rhoNum: bigint[];
  rhoSlope: bigint[];
  rhoDen: bigint[];
  readonly capNum: bigint[];
  readonly capSlope: bigint[];
  readonly capParts: bigint[];
  readonly capUnitDen: bigint[];
  readonly fresh: boolean[];
  // Marks blocs set aside as unable to pay during one evaluation; cleared before it returns.
  readonly short: Uint8Array;

  constructor(
    readonly election: IndexedElection,
    readonly settings: RunSettings,
    /** The per-voter budget; for probes, whole. */
    readonly perVoter: Rational,
  ) {
    const blocCount = election.blocs.length;
    const perProject = <T>(value: T): T[] => election.ids.map(() => value);
    this.probing = settings.mode === 'probe';
    this.verdicts = settings.mode === 'explain' ? perProject(UNSUPPORTED) : undefined;
    this.den = perVoter.den;
    this.money = new Array<bigint>(blocCount).fill(perVoter.num);
    this.slope = this.probing ? new Array<bigint>(blocCount).fill(perVoter.den) : [];
    this.epoch = new Array<number>(blocCount).fill(0);
    this.rhoNum = perProject(0n);
    this.rhoSlope = perProject(0n);
    this.rhoDen = perProject(1n);
    this.capNum = perProject(0n);
    this.capSlope = perProject(0n);
    this.capParts = perProject(1n);
    this.capUnitDen = perProject(1n);
    this.fresh = perProject(false);
    this.short = new Uint8Array(blocCount);
  }

  /** From the beginning: free supported projects are selected outright, the rest are candidates. */
  start(): this {
    const { ids, costs, votes } = this.election;
    for (let p = 0; p < ids.length; p++) {
      if (votes[p] === 0) continue;
      if (costs[p] === 0n) {
        // Nobody has to pay for it, so no round is needed: README "selected outright".
        this.winners.push(p);
        if (this.verdicts) this.verdicts[p] = FREE;
      } else {
        this.live.push(p);
        // Before anyone pays, the cap is at least an equal split c/k: ρ ≥ 1/k (cost), ρ ≥ c/k (approval).
        this.rhoNum[p] = this.settings.utility === 'cost' ? 1n : costs[p]!;
        this.rhoDen[p] = BigInt(votes[p]!);
      }
    }
    return this;
  }

  /**
   * From a probe's snapshot at a lower budget whose earlier rounds provably go the same way here:
   * its amounts move along their slopes to this budget. Every candidate's ρ moved along one set of
   * voters short of paying; another set may apply now, so each ρ is only a lower bound (not
   * fresh) until recomputed.
   */
  resume(from: Snapshot, earlier: readonly Snapshot[], winners: readonly number[]): this {
    const shift = this.perVoter.num - from.base;
    this.snapshots = [...earlier];
    this.round = from.round;
    this.winners = winners.slice(0, from.winnerCount);
    this.stableFor = from.stableFor && rational(from.stableFor.num - shift * from.stableFor.den, from.stableFor.den);
    this.den = from.den;
    this.money = from.money.map((m, b) => m + from.slope[b]! * shift);
    this.slope = [...from.slope];
    this.epoch = [...from.epoch];
    this.growth = [...from.growth];
    this.live = [...from.live];
    this.rhoNum = from.rhoNum.map((num, p) => num + from.rhoSlope[p]! * shift);
    this.rhoSlope = [...from.rhoSlope];
    this.rhoDen = [...from.rhoDen];
    return this;
  }

  private snapshot(): void {
    this.snapshots.push({
      base: this.perVoter.num,
      round: this.round,
      winnerCount: this.winners.length,
      stableFor: this.stableFor,
      den: this.den,
      money: [...this.money],
      slope: [...this.slope],
      epoch: [...this.epoch],
      growth: [...this.growth],
      live: [...this.live],
      rhoNum: [...this.rhoNum],
      rhoSlope: [...this.rhoSlope],
      rhoDen: [...this.rhoDen],
    });
  }

  private held(b: number): bigint {
    const since = this.epoch[b]!;
    const now = this.growth.length - 1;
    if (since === now) return this.money[b]!;
    this.epoch[b] = now;
    if (this.probing) this.slope[b]! *= this.growth[since]!;
    return (this.money[b]! *= this.growth[since]!);
  }

  private refineDenominator(factor: bigint): void {
    this.den *= factor;
    for (let e = 0; e < this.growth.length; e++) this.growth[e]! *= factor;
    this.growth.push(1n);
  }

  /**
   * A decision relied on value + slope·ΔX being positive (or non-negative) at ΔX = 0; it holds
   * until that root when the slope is negative, and for good otherwise.
   */
  private decided(value: bigint, valueSlope: bigint): void {
    if (valueSlope >= 0n) return;
    const root = rational(value, -valueSlope);
    if (this.stableFor === undefined || compareRationals(root, this.stableFor) < 0) this.stableFor = root;
  }

  private compareRho(p: number, q: number): number {
    const left = this.rhoNum[p]! * this.rhoDen[q]!;
    const right = this.rhoNum[q]! * this.rhoDen[p]!;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  private beats(p: number, q: number): boolean {
    const byRho = this.compareRho(p, q);
    if (byRho !== 0) return byRho < 0;
    const { costs, votes, ids } = this.election;
    if (this.settings.tieBreak === 'cost-votes-id') {
      if (costs[p] !== costs[q]) return costs[p]! < costs[q]!;
      if (votes[p] !== votes[q]) return votes[p]! > votes[q]!;
    }
    return compareIds(ids[p]!, ids[q]!) < 0;
  }

  /** Recomputes ρ for candidate p; false (and a verdict) if its supporters can no longer afford it. */
  private evaluate(p: number): boolean {
    const { blocs, supportingBlocs, costs, votes } = this.election;
    const { money, slope, short, probing } = this;
    const group = supportingBlocs[p]!;
    const price = costs[p]! * this.den;
    // Least cap t with Σ min(mᵢ, t) = price, by water-filling: whoever holds less than an equal
    // share of what is still missing pays all they have, which raises the share of the rest; a
    // voter below one share is below every later one, so each pass only sets more voters aside,
    // until nobody new falls short. A bloc's voters hold the same, so they go together. Money m
    // is short of missing/payers exactly when m < ⌈missing/payers⌉, as m is whole.
    // If the supporters cannot afford p at all, everyone ends up set aside, and what they paid is
    // all they hold; otherwise someone is left who can pay. So no separate total is needed.
    const everyone = BigInt(votes[p]!);
    let paid = 0n;
    let paidSlope = 0n;
    let payers = everyone;
    let out = 0n;
    for (const b of group) this.held(b);
    do {
      const threshold = (price - paid + payers - 1n) / payers;
      out = 0n;
      for (const b of group) {
        const m = money[b]!;
        if (short[b] === 1 || m >= threshold) continue;
        const w = blocs[b]!.weight;
        short[b] = 1;
        paid += w === 1n ? m : m * w;
        if (probing) paidSlope += slope[b]! * w;
        out += w;
      }
      payers -= out;
    } while (out > 0n && payers > 0n);
    if (payers < everyone) for (const b of group) short[b] = 0;
    if (payers === 0n) {
      if (probing) this.decided(price - paid, -paidSlope);
      if (this.verdicts) this.verdicts[p] = { kind: 'unaffordable', round: this.round, supportersMoney: rational(paid, this.den) };
      return false;
    }
    this.capNum[p] = price - paid;
    this.capSlope[p] = -paidSlope;
    this.capParts[p] = payers;
    this.capUnitDen[p] = this.den;
    this.rhoNum[p] = price - paid;
    this.rhoSlope[p] = -paidSlope;
    this.rhoDen[p] = payers * this.den * (this.settings.utility === 'cost' ? costs[p]! : 1n);
    this.fresh[p] = true;
    return true;
  }

  private buy(p: number): void {
    const { blocs, supportingBlocs } = this.election;
    const { money, slope, probing } = this;
    // The cap in today's units; if it is not whole, refine the shared denominator so it is.
    const catchUp = this.den / this.capUnitDen[p]!;
    let cap = this.capNum[p]! * catchUp;
    let capMoves = this.capSlope[p]! * catchUp;
    const parts = this.capParts[p]!;
    if (parts > 1n) {
      let common = smallGcd(Number(cap % parts), Number(parts));
      if (probing) common = smallGcd(Number(capMoves % parts), common);
      cap /= BigInt(common);
      capMoves /= BigInt(common);
      const refine = parts / BigInt(common);
      if (refine > 1n) this.refineDenominator(refine);
    }
    const payments: Payment[] = [];
    for (const b of supportingBlocs[p]!) {
      const m = this.held(b);
      let pays: bigint;
      if (m >= cap) {
        // Pays the full share; the cap was computed on the bloc staying able to.
        if (probing) this.decided(m - cap, slope[b]! - capMoves);
        pays = cap;
        money[b] = m - cap;
        if (probing) slope[b]! -= capMoves;
      } else {
        // Pays everything; the cap was computed on the bloc staying short of it.
        if (probing) this.decided(cap - m, capMoves - slope[b]!);
        pays = m;
        money[b] = 0n;
        if (probing) slope[b] = 0n;
      }
      if (pays === 0n) continue;
      if (this.verdicts) payments.push({ voters: blocs[b]!.voters, each: rational(pays, this.den) });
      for (const q of blocs[b]!.projects) this.fresh[q] = false;
    }
    if (this.verdicts) {
      const rho = rational(this.rhoNum[p]!, this.rhoDen[p]!);
      this.verdicts[p] = { kind: 'bought', round: this.round, rho, maxPayment: rational(cap, this.den), payments };
    }
    this.winners.push(p);
  }

  /** Plays rounds until no candidate is affordable. */
  play(): this {
    while (this.live.length > 0) {
      if (this.probing) this.snapshot();
      this.round += 1;
      this.live.sort((p, q) => this.compareRho(p, q));
      const next: number[] = [];
      let best = -1;
      for (let at = 0; at < this.live.length; at++) {
        const p = this.live[at]!;
        if (best >= 0 && this.compareRho(p, best) > 0) {
          // Sorted by lower bound: every candidate from here on is strictly worse than best.
          next.push(...this.live.slice(at));
          break;
        }
        if (!this.fresh[p] && !this.evaluate(p)) continue;
        next.push(p);
        if (best < 0 || this.beats(p, best)) best = p;
      }
      if (best < 0) break;
      this.live = next.filter((p) => p !== best);
      if (this.probing) {
        // Each rival's ρ, or its lower bound, must stay above best's. Where they are level now,
        // best won the tie, which it keeps as long as the rival does not move below it.
        const { rhoNum, rhoSlope, rhoDen } = this;
        for (const q of this.live) {
          this.decided(rhoNum[q]! * rhoDen[best]! - rhoNum[best]! * rhoDen[q]!, rhoSlope[q]! * rhoDen[best]! - rhoSlope[best]! * rhoDen[q]!);
        }
      }
      this.buy(best);
    }
    return this;
  }

  get cost(): bigint {
    return this.winners.reduce((sum, p) => sum + this.election.costs[p]!, 0n);
  }
}

/** One run of MES with every voter starting at `perVoter` (same units as the costs), explained. */
export function runEqualShares(election: IndexedElection, perVoter: Rational, utility: Utility, tieBreak: TieBreak): EqualSharesRun {
  const run = new Run(election, { utility, tieBreak, mode: 'explain' }, perVoter).start().play();
  return { winners: run.winners, cost: run.cost, verdicts: run.verdicts! };
}

function probeOf(run: Run): EqualSharesProbe {
  return {
    perVoter: run.perVoter.num,
    winners: run.winners,
    cost: run.cost,
    ...(run.stableFor === undefined ? {} : { stableFor: run.stableFor }),
    at(perVoter: bigint): EqualSharesProbe {
      if (perVoter < run.perVoter.num) throw new RangeError('a probe only moves to higher budgets');
      const next = new Run(run.election, run.settings, rational(perVoter));
      // Snapshot limits only shrink from round to round: resume from the last one that still
      // holds this far up. The first (before any decision) always does.
      const { snapshots } = run;
      const holds = (snapshot: Snapshot) =>
        snapshot.stableFor === undefined || compareRationals(rational(perVoter - snapshot.base), snapshot.stableFor) < 0;
      let from = snapshots.length - 1;
      while (from >= 0 && !holds(snapshots[from]!)) from -= 1;
      return probeOf(from < 0 ? next.start().play() : next.resume(snapshots[from]!, snapshots.slice(0, from), run.winners).play());
    },
  };
}

/** Starts probing MES at a whole per-voter budget (for the Add1 rules). */
export function probeEqualShares(election: IndexedElection, perVoter: bigint, utility: Utility, tieBreak: TieBreak): EqualSharesProbe {
  return probeOf(new Run(election, { utility, tieBreak, mode: 'probe' }, rational(perVoter)).start().play());
}

/** Each voter's equal share B/n. With no voters nothing is supported, so the share is never used. */
export function equalShare(election: IndexedElection): Rational {
  return election.voterCount === 0 ? rational(0n) : rational(election.budget, BigInt(election.voterCount));
}

/** `mes-cost` (utility = cost) and `mes-approval` (utility = 1): one run at B/n, ties by id. */
export function methodOfEqualShares(election: IndexedElection, utility: Utility): TallyOutcome {
  const perVoterBudget = equalShare(election);
  const run = runEqualShares(election, perVoterBudget, utility, 'id');
  return assembleOutcome(election, run.winners, { equalShares: run.verdicts, summary: { perVoterBudget } });
}
