import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkSplit, daysInclusive, formatPercent, isIsoDate, parsePercent, proratedBaseline, realisedSaving, splitByBasisPoints, volunteerValueOre } from './ledger.savings.js';

test('a whole calendar year is exactly the annual baseline, leap year or not', () => {
  assert.equal(proratedBaseline(1_520_000_00n, '2025-01-01', '2025-12-31'), 1_520_000_00n);
  assert.equal(proratedBaseline(1_520_000_00n, '2024-01-01', '2024-12-31'), 1_520_000_00n);
  assert.equal(proratedBaseline(1_000n, '2023-01-01', '2024-12-31'), 2_000n);
});

test('a period is pro-rated by days of its year and rounded once to the nearest øre', () => {
  // First half of 2025: 181 of 365 days.
  assert.equal(proratedBaseline(365_00n, '2025-01-01', '2025-06-30'), 181_00n);
  // 1 øre a year for one day rounds to 0; 183 øre for half of 365 days rounds half up.
  assert.equal(proratedBaseline(1n, '2025-03-01', '2025-03-01'), 0n);
  assert.equal(proratedBaseline(2n, '2025-01-01', '2025-07-02'), 1n);
  // Across New Year: Dec 2024 (31/366) + Jan 2025 (31/365).
  const annual = 365n * 366n * 100n;
  assert.equal(proratedBaseline(annual, '2024-12-01', '2025-01-31'), 31n * 365n * 100n + 31n * 366n * 100n);
  assert.throws(() => proratedBaseline(1n, '2025-02-01', '2025-01-01'), RangeError);
  assert.throws(() => proratedBaseline(1n, '2025-02-30', '2025-03-01'), RangeError);
});

test('dates: real ISO dates only, inclusive day counts', () => {
  assert.equal(isIsoDate('2024-02-29'), true);
  assert.equal(isIsoDate('2025-02-29'), false);
  assert.equal(isIsoDate('2025-1-01'), false);
  assert.equal(daysInclusive('2025-01-01', '2025-12-31'), 365);
});

test('the realised saving may be zero or negative', () => {
  assert.equal(realisedSaving(100n, 40n), 60n);
  assert.equal(realisedSaving(100n, 100n), 0n);
  assert.equal(realisedSaving(100n, 130n), -30n);
});

test('split by basis points: largest remainder, ties to the first listed', () => {
  assert.deepEqual(splitByBasisPoints(100n, [{ key: 'a', bp: 10000 }]), [{ key: 'a', amountOre: 100n }]);
  assert.deepEqual(splitByBasisPoints(101n, [{ key: 'a', bp: 5000 }, { key: 'b', bp: 5000 }]), [{ key: 'a', amountOre: 51n }, { key: 'b', amountOre: 50n }]);
  // 100 × 1/3 each: remainders equal, the one øre left goes to the first.
  assert.deepEqual(
    splitByBasisPoints(100n, [{ key: 'a', bp: 3333 }, { key: 'b', bp: 3333 }, { key: 'c', bp: 3334 }]).map((p) => p.amountOre),
    [33n, 33n, 34n],
  );
  // 7 øre at 20/30/50 %: exact 1.4 / 2.1 / 3.5 → floors 1/2/3, the left-over øre to the largest remainder (0.5).
  assert.deepEqual(splitByBasisPoints(7n, [{ key: 'a', bp: 2000 }, { key: 'b', bp: 3000 }, { key: 'c', bp: 5000 }]).map((p) => p.amountOre), [1n, 2n, 4n]);
  assert.deepEqual(splitByBasisPoints(0n, [{ key: 'a', bp: 4000 }, { key: 'b', bp: 6000 }]).map((p) => p.amountOre), [0n, 0n]);
  assert.throws(() => splitByBasisPoints(10n, [{ key: 'a', bp: 5000 }]), /ledger.split.sum/);
  assert.throws(() => splitByBasisPoints(-1n, [{ key: 'a', bp: 10000 }]), RangeError);
});

test('checkSplit names what is wrong', () => {
  assert.equal(checkSplit([]), 'ledger.split.empty');
  assert.equal(checkSplit([{ key: 1, bp: 0 }, { key: 2, bp: 10000 }]), 'ledger.split.share');
  assert.equal(checkSplit([{ key: 1, bp: 5000 }, { key: 1, bp: 5000 }]), 'ledger.split.duplicate');
  assert.equal(checkSplit([{ key: 1, bp: 5000 }, { key: 2, bp: 4999 }]), 'ledger.split.sum');
  assert.equal(checkSplit([{ key: 1, bp: 5000 }, { key: 2, bp: 5000 }]), null);
});

/** Any valid split: 1–6 shares of at least 1 bp summing to 10000. */
const splitArb = fc
  .array(fc.integer({ min: 1, max: 9999 }), { minLength: 0, maxLength: 5 })
  .map((cuts) => {
    const points = [...new Set(cuts)].sort((a, b) => a - b);
    const bounds = [0, ...points, 10000];
    return bounds.slice(1).map((b, i) => ({ key: i, bp: b - bounds[i]! }));
  });

test('property: a split always sums exactly to the whole and each part is within one øre of its exact share', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), splitArb, (amount, shares) => {
      const parts = splitByBasisPoints(amount, shares);
      assert.equal(parts.reduce((n, p) => n + p.amountOre, 0n), amount);
      for (const [i, p] of parts.entries()) {
        const exactTimes10000 = amount * BigInt(shares[i]!.bp);
        const diff = p.amountOre * 10000n - exactTimes10000;
        assert.ok(diff > -10000n && diff < 10000n, `part ${i} off by ${diff}/10000`);
        assert.ok(p.amountOre >= 0n);
      }
    }),
    { numRuns: 500 },
  );
});

test('property: consecutive periods add up to the pro-rated whole within one øre per period', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 700 }), fc.integer({ min: 1, max: 400 }), (annual, offset, cut) => {
      const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
      const whole = proratedBaseline(annual, day(offset), day(offset + 400));
      const sum = proratedBaseline(annual, day(offset), day(offset + cut - 1)) + proratedBaseline(annual, day(offset + cut), day(offset + 400));
      assert.ok(sum - whole >= -1n && sum - whole <= 1n);
    }),
    { numRuns: 300 },
  );
});

test('percent input: Danish and English decimals, at most two, 0.01–100 %', () => {
  assert.equal(parsePercent('100', 'da'), 10000);
  assert.equal(parsePercent('50 %', 'da'), 5000);
  assert.equal(parsePercent('33,33', 'da'), 3333);
  assert.equal(parsePercent('12,5', 'da'), 1250);
  assert.equal(parsePercent('12.5', 'en'), 1250);
  assert.equal(parsePercent('12.5', 'da'), null);
  assert.equal(parsePercent('12,345', 'da'), null);
  assert.equal(parsePercent('0', 'da'), null);
  assert.equal(parsePercent('100,01', 'da'), null);
  assert.equal(parsePercent('', 'da'), null);
  assert.equal(formatPercent(5000, 'da'), '50');
  assert.equal(formatPercent(3333, 'da'), '33,33');
  assert.equal(formatPercent(1250, 'en'), '12.5');
});

test('volunteer time at an hourly rate, to the nearest øre', () => {
  assert.equal(volunteerValueOre(90, 150_00n), 225_00n);
  assert.equal(volunteerValueOre(1, 100n), 2n);
  assert.equal(volunteerValueOre(0, 150_00n), 0n);
});
