import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareRationals, formatRational, gcd, lowestTerms, rational } from './rational.js';

test('comparison is exact, also between values not in lowest terms', () => {
  assert.equal(compareRationals(rational(3n, 10n), rational(30n, 100n)), 0);
  assert.equal(compareRationals(rational(1n, 3n), rational(333333333n, 1000000000n)), 1);
  assert.equal(compareRationals(rational(-1n, 2n), rational(1n, -3n)), -1);
});

test('the denominator is kept positive and never zero', () => {
  assert.deepEqual(rational(1n, -2n), { num: -1n, den: 2n });
  assert.throws(() => rational(1n, 0n), RangeError);
});

test('lowest terms and gcd', () => {
  assert.equal(gcd(84n, -36n), 12n);
  assert.equal(gcd(0n, 5n), 5n);
  assert.deepEqual(lowestTerms(rational(84n, 36n)), { num: 7n, den: 3n });
  assert.deepEqual(lowestTerms(rational(0n, 7n)), { num: 0n, den: 1n });
});

test('formatting rounds half away from zero and drops trailing zeros', () => {
  const cases: [bigint, bigint, number, string][] = [
    [20n, 3n, 2, '6.67'],
    [1n, 8n, 2, '0.13'],
    [-1n, 8n, 2, '-0.13'],
    [-1n, 1000n, 2, '0'],
    [5n, 2n, 0, '3'],
    [12n, 4n, 2, '3'],
    [1459n, 10n, 2, '145.9'],
  ];
  for (const [num, den, digits, text] of cases) assert.equal(formatRational(rational(num, den), digits), text, `${num}/${den}`);
});
