// Amount parsing and formatting: a table of what users type, in Danish and English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_AMOUNT_ORE, formatOre, formatOreInput, parseAmount, toOre, type AmountLang } from './ledger.money.js';

const cases: [input: string, lang: AmountLang, expected: bigint | string][] = [
  ['1.234,50', 'da', 123450n],
  ['1234,5', 'da', 123450n],
  ['1234,50', 'da', 123450n],
  ['1 234,50', 'da', 123450n],
  ['1\u00a0234,50', 'da', 123450n],
  ['0,01', 'da', 1n],
  ['0', 'da', 0n],
  ['12', 'da', 1200n],
  ['1.234', 'da', 123400n],
  ['1.234.567,89', 'da', 123456789n],
  ['  250,00 kr. ', 'da', 25000n],
  ['kr. 250', 'da', 25000n],
  ['1.2345', 'da', 'ledger.amount.format'],
  ['12,345', 'da', 'ledger.amount.decimals'],
  ['0,001', 'da', 'ledger.amount.decimals'],
  ['-5', 'da', 'ledger.amount.negative'],
  ['−5,00', 'da', 'ledger.amount.negative'],
  ['-abc', 'da', 'ledger.amount.format'],
  ['abc', 'da', 'ledger.amount.format'],
  ['', 'da', 'ledger.amount.format'],
  ['   ', 'da', 'ledger.amount.format'],
  ['1,234.50', 'da', 'ledger.amount.format'],
  ['1,2,3', 'da', 'ledger.amount.format'],
  ['12.34,5', 'da', 'ledger.amount.format'],
  ['1.234 567,00', 'da', 'ledger.amount.format'],
  ['1e5', 'da', 'ledger.amount.format'],
  ['+5', 'da', 'ledger.amount.format'],
  ['5,', 'da', 'ledger.amount.format'],
  [',5', 'da', 'ledger.amount.format'],
  ['999.999.999.999,99', 'da', 99_999_999_999_999n],
  ['1.000.000.000.000,00', 'da', 'ledger.amount.tooLarge'],
  ['99999999999999999999999', 'da', 'ledger.amount.tooLarge'],
  ['1,234.50', 'en', 123450n],
  ['1234.5', 'en', 123450n],
  ['1 234.50', 'en', 123450n],
  ['0.01', 'en', 1n],
  ['12,345', 'en', 1234500n],
  ['DKK 1,000', 'en', 100000n],
  ['1.2345', 'en', 'ledger.amount.decimals'],
  ['1.234,50', 'en', 'ledger.amount.format'],
  ['1,2345', 'en', 'ledger.amount.format'],
  ['-1.00', 'en', 'ledger.amount.negative'],
  ['abc', 'en', 'ledger.amount.format'],
];

for (const [input, lang, expected] of cases) {
  test(`parseAmount(${JSON.stringify(input)}, ${lang}) → ${String(expected)}`, () => {
    const r = parseAmount(input, lang);
    if (typeof expected === 'bigint') assert.deepEqual(r, { ok: true, value: expected });
    else assert.deepEqual(r.ok ? r : r.error, expected);
  });
}

test('formatOre writes Danish and English money', () => {
  assert.equal(formatOre(123450n, 'da'), '1.234,50 kr.');
  assert.equal(formatOre(123450n, 'en'), 'DKK 1,234.50');
  assert.equal(formatOre(1, 'da'), '0,01 kr.');
  assert.equal(formatOre(-100000000n, 'da'), '-1.000.000,00 kr.');
  assert.equal(formatOre(-5, 'en'), '-DKK 0.05');
  assert.equal(formatOreInput(123405n, 'da'), '1234,05');
  assert.equal(formatOreInput(123405n, 'en'), '1234.05');
});

test('toOre reads database values exactly', () => {
  assert.equal(toOre('-12345678901234'), -12345678901234n);
  assert.equal(toOre(42), 42n);
  assert.equal(toOre(null), 0n);
  assert.throws(() => toOre('1.5'));
});

test('property: every amount survives formatting and parsing in both languages', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: MAX_AMOUNT_ORE }), fc.constantFrom<AmountLang>('da', 'en'), (ore, lang) => {
      assert.deepEqual(parseAmount(formatOre(ore, lang), lang), { ok: true, value: ore });
      assert.deepEqual(parseAmount(formatOreInput(ore, lang), lang), { ok: true, value: ore });
    }),
  );
});
