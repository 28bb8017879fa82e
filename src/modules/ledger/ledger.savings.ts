// The arithmetic of savings, pure and exact in integer øre: the baseline pro-rated to a period, the
// realised saving, splitting an amount by basis points so the parts always sum to the whole, and the
// value of volunteer time. No I/O, so it can be tested (and property-tested) alone.

/** Days in a calendar year. */
function yearLength(year: number): number {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD); NaN if it is not a real date. */
export function dayNumber(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) return Number.NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return Number.NaN;
  return t / DAY_MS;
}

export function isIsoDate(iso: string): boolean {
  return !Number.isNaN(dayNumber(iso));
}

/** Days from `from` to `to`, both included. */
export function daysInclusive(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

/** Rounds num/den (both ≥ 0, den > 0) to the nearest integer, halves up. */
function roundDiv(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den);
}

/**
 * The part of an annual cost that falls in a period (both dates included): each day counts as
 * 1/365 (1/366 in a leap year) of the year it is in, so a whole calendar year is exactly the annual
 * amount. Rounded once, to the nearest øre.
 */
export function proratedBaseline(annualOre: bigint, from: string, to: string): bigint {
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) throw new RangeError(`not a period: ${from}..${to}`);
  if (annualOre < 0n) throw new RangeError('negative annual amount');
  // Sum of days_y / length_y over the years touched, over the common denominator 365 × 366.
  const common = 365n * 366n;
  let share = 0n;
  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(to.slice(0, 4));
  for (let y = firstYear; y <= lastYear; y++) {
    const yStart = Math.max(start, Date.UTC(y, 0, 1) / DAY_MS);
    const yEnd = Math.min(end, Date.UTC(y, 11, 31) / DAY_MS);
    const days = BigInt(yEnd - yStart + 1);
    share += (days * common) / BigInt(yearLength(y));
  }
  return roundDiv(annualOre * share, common);
}

/** The realised saving of a period: the pro-rated baseline minus the actual cost. May be zero or negative. */
export function realisedSaving(baselineOre: bigint, actualOre: bigint): bigint {
  return baselineOre - actualOre;
}

export interface Share<K> {
  key: K;
  /** Basis points: 10000 is 100 %. */
  bp: number;
}

/** Why a list of shares is not a valid split; the values are i18n keys. */
export type SplitError = 'ledger.split.empty' | 'ledger.split.share' | 'ledger.split.duplicate' | 'ledger.split.sum';

/** Checks a split: at least one share, each 1–10000 bp, no account twice, summing to exactly 10000. */
export function checkSplit<K>(shares: Share<K>[]): SplitError | null {
  if (shares.length === 0) return 'ledger.split.empty';
  if (shares.some((s) => !Number.isInteger(s.bp) || s.bp < 1 || s.bp > 10000)) return 'ledger.split.share';
  if (new Set(shares.map((s) => s.key)).size !== shares.length) return 'ledger.split.duplicate';
  if (shares.reduce((n, s) => n + s.bp, 0) !== 10000) return 'ledger.split.sum';
  return null;
}

/**
 * Splits a whole amount of øre by basis points with the largest-remainder method: everyone gets the
 * floor of their exact share, and the øre left over go one each to the largest remainders (ties to
 * the one listed first). The parts always sum to exactly the amount, and each part differs from its
 * exact share by less than one øre.
 */
export function splitByBasisPoints<K>(amountOre: bigint, shares: Share<K>[]): { key: K; amountOre: bigint }[] {
  const invalid = checkSplit(shares);
  if (invalid) throw new RangeError(invalid);
  if (amountOre < 0n) throw new RangeError('negative amount');
  const parts = shares.map((s, index) => {
    const exact = amountOre * BigInt(s.bp);
    return { key: s.key, index, amountOre: exact / 10000n, remainder: exact % 10000n };
  });
  let left = amountOre - parts.reduce((n, p) => n + p.amountOre, 0n);
  const order = [...parts].sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const p of order) {
    if (left === 0n) break;
    p.amountOre += 1n;
    left -= 1n;
  }
  return parts.map((p) => ({ key: p.key, amountOre: p.amountOre }));
}

/**
 * A share typed as a percentage with up to two decimals ("50", "33,34" in Danish, "33.34" in
 * English) as basis points; null if it is not one.
 */
export function parsePercent(input: string, lang: 'da' | 'en'): number | null {
  const s = input.trim().replace(/\s*%$/, '');
  const decimal = lang === 'da' ? ',' : '.';
  const re = lang === 'da' ? /^(\d{1,3})(?:,(\d{1,2}))?$/ : /^(\d{1,3})(?:\.(\d{1,2}))?$/;
  const m = re.exec(s);
  if (!m || (s.includes(decimal) && !m[2])) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp >= 1 && bp <= 10000 ? bp : null;
}

/** Basis points as a percentage text: 5000 → "50", 3333 → "33,33" (da) / "33.33" (en). */
export function formatPercent(bp: number, lang: 'da' | 'en'): string {
  const whole = Math.floor(bp / 100);
  const rest = bp % 100;
  if (rest === 0) return String(whole);
  return `${whole}${lang === 'da' ? ',' : '.'}${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** The value of volunteer minutes at an hourly rate, to the nearest øre. A value, never money that moved. */
export function volunteerValueOre(minutes: number, hourRateOre: bigint): bigint {
  if (!Number.isInteger(minutes) || minutes < 0) throw new RangeError('minutes');
  return roundDiv(BigInt(minutes) * hourRateOre, 60n);
}
