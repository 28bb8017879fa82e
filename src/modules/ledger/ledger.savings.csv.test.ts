import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, decimalComma, savingsCsv } from './ledger.savings.csv.js';

test('decimal comma without grouping', () => {
  assert.equal(decimalComma(123450n), '1234,50');
  assert.equal(decimalComma(5n), '0,05');
  assert.equal(decimalComma(-5n), '-0,05');
  assert.equal(decimalComma(38_000_000n), '380000,00');
});

test('fields with separators, quotes or formulas are made safe', () => {
  assert.equal(csvField('Bus; rute 312'), '"Bus; rute 312"');
  assert.equal(csvField('Sagt "ja"'), '"Sagt ""ja"""');
  assert.equal(csvField('=SUM(A1)'), "'=SUM(A1)");
  assert.equal(csvField('Almindelig'), 'Almindelig');
});

test('the savings CSV: BOM, semicolons, CRLF, one row per signed-off period', () => {
  const csv = savingsCsv(
    [
      {
        periodId: 3,
        agreementId: 1,
        agreementTitle: 'Bybussen; ny rute',
        initiativeId: 9,
        serviceAccountName: 'Buslinje 312',
        serviceAccountCode: '5.32.30',
        label: '1. halvår 2025',
        startsOn: '2025-01-01',
        endsOn: '2025-06-30',
        baselineOre: 724_000_00n,
        actualOre: 520_000_00n,
        savingOre: 204_000_00n,
        enteredBy: 1,
        signedOffBy: 2,
        signedOffAt: new Date('2025-07-15T10:00:00Z'),
        transactionId: 77,
      },
    ],
    new Map([
      [1, 'Lene Vestergaard'],
      [2, 'Per Holm'],
    ]),
  );
  assert.ok(csv.startsWith('\uFEFFperiode_id;aftale_id;'));
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines.length, 3);
  assert.equal(lines[2], '');
  assert.equal(lines[1], '3;1;"Bybussen; ny rute";9;Buslinje 312;5.32.30;1. halvår 2025;2025-01-01;2025-06-30;724000,00;520000,00;204000,00;Lene Vestergaard;Per Holm;2025-07-15T10:00:00.000Z;77');
});
