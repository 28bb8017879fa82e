// Exact rationals over bigint. Ties in real elections are exact (two projects with the same votes,
// two equal prices ρ), so every comparison a tally decides on is made on integers or on these,
// never on floating point, where 1/3 + 1/3 + 1/3 !== 1 would silently pick a different winner.

/** num/den with den > 0. Not kept in lowest terms: comparisons cross-multiply, so none is needed. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

export function rational(num: bigint, den: bigint = 1n): Rational {
  if (den === 0n) throw new RangeError('rational with zero denominator');
  return den < 0n ? { num: -num, den: -den } : { num, den };
}

export function compareRationals(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function lowestTerms(r: Rational): Rational {
  const g = gcd(r.num, r.den);
  return g <= 1n ? r : { num: r.num / g, den: r.den / g };
}

/**
 * Decimal text rounded half away from zero to `digits` places, trailing zeros dropped: for people
 * reading an explanation ("each supporter paid 1459.85"), never for deciding anything.
 */
export function formatRational(r: Rational, digits = 2): string {
  const negative = r.num < 0n;
  const scale = 10n ** BigInt(digits);
  const magnitude = negative ? -r.num : r.num;
  const scaled = (magnitude * scale * 2n + r.den) / (2n * r.den);
  const whole = (scaled / scale).toString();
  const fraction = (scaled % scale).toString().padStart(digits, '0').replace(/0+$/, '');
  const text = fraction === '' ? whole : `${whole}.${fraction}`;
  return negative && scaled !== 0n ? `-${text}` : text;
}
