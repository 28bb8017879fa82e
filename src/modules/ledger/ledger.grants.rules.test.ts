import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, checkApplication, checkReceipt, cleanFileName, cofinancingMet, MAX_RECEIPT_BYTES, minimumCofinancing } from './ledger.grants.rules.js';
import { tinyPdf, tinyPng } from './ledger.grants.testkit.js';

const pool = { status: 'open' as const, deadline: '2030-06-30', maxGrantOre: 1_000_000n, cofinancingBp: 2500, allowGroups: true, allowAssociations: false, allowResidents: false };
const fine = { applicantKind: 'group' as const, amountRequestedOre: 750_000n, cofinancingOre: 250_000n, budgetTotalOre: 1_000_000n };

test('an application within the rules has no errors; each broken rule names its field', () => {
  assert.deepEqual(checkApplication(pool, fine, '2030-06-30'), {});
  assert.deepEqual(checkApplication(pool, fine, '2030-07-01'), { _form: 'ledger.grants.error.afterDeadline' });
  assert.deepEqual(checkApplication({ ...pool, status: 'closed' }, fine, '2030-01-01'), { _form: 'ledger.grants.error.poolClosed' });
  assert.deepEqual(checkApplication(pool, { ...fine, applicantKind: 'association' }, '2030-01-01'), { applicant: 'ledger.grants.error.applicantNotAllowed' });
  assert.deepEqual(checkApplication(pool, { ...fine, amountRequestedOre: 1_000_001n, cofinancingOre: 400_000n, budgetTotalOre: 1_400_001n }, '2030-01-01'), { amountRequested: 'ledger.grants.error.overMaximum' });
  assert.deepEqual(checkApplication(pool, { ...fine, cofinancingOre: 249_999n, budgetTotalOre: 999_999n }, '2030-01-01'), { cofinancing: 'ledger.grants.error.cofinancingTooLow' });
  assert.deepEqual(checkApplication(pool, { ...fine, budgetTotalOre: 999_999n }, '2030-01-01'), { budget: 'ledger.grants.error.budgetMismatch' });
});

test('co-financing: the minimum always meets the rule and one øre less never does', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 9900 }), fc.bigInt({ min: 1n, max: 10_000_000_000n }), (bp, req) => {
      const min = minimumCofinancing(bp, req);
      assert.ok(cofinancingMet(bp, req, min));
      if (min > 0n) assert.ok(!cofinancingMet(bp, req, min - 1n));
    }),
  );
  assert.ok(cofinancingMet(0, 100n, 0n));
  assert.equal(minimumCofinancing(2500, 750_000n), 250_000n);
});

test('addDays crosses months, years and leap days', () => {
  assert.equal(addDays('2026-01-05', 30), '2026-02-04');
  assert.equal(addDays('2027-12-31', 1), '2028-01-01');
  assert.equal(addDays('2028-02-28', 1), '2028-02-29');
});

test('receipts: PDF by magic bytes, images sanitised, disguised and oversized files refused', () => {
  const pdf = checkReceipt('Kvittering marts.pdf', tinyPdf());
  assert.ok(pdf.ok && pdf.value.contentType === 'application/pdf' && pdf.value.fileName === 'Kvittering marts.pdf');
  const png = checkReceipt('bon.PNG', tinyPng('secret location'));
  assert.ok(png.ok && png.value.contentType === 'image/png');
  assert.ok(png.ok && !png.value.bytes.toString('latin1').includes('secret location'));
  assert.deepEqual(checkReceipt('faktura.pdf', Buffer.from('<html><body>hi</body></html>')), { ok: false, error: 'receipt_disguised' });
  assert.deepEqual(checkReceipt('bon.pdf', tinyPng()), { ok: false, error: 'receipt_disguised' }, 'a PNG named .pdf');
  assert.deepEqual(checkReceipt('bon.jpg', tinyPdf()), { ok: false, error: 'receipt_disguised' });
  assert.deepEqual(checkReceipt('script.exe', Buffer.from('MZ\x90\x00')), { ok: false, error: 'receipt_type' });
  assert.deepEqual(checkReceipt('noname', tinyPdf()), { ok: false, error: 'receipt_type' });
  assert.deepEqual(checkReceipt('tom.pdf', new Uint8Array(0)), { ok: false, error: 'receipt_empty' });
  const big = Buffer.concat([tinyPdf(), Buffer.alloc(MAX_RECEIPT_BYTES)]);
  assert.deepEqual(checkReceipt('stor.pdf', big), { ok: false, error: 'receipt_too_large' });
  assert.deepEqual(checkReceipt('broken.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])), { ok: false, error: 'receipt_malformed' });
});

test('file names lose paths, quotes and control characters', () => {
  assert.equal(cleanFileName('C:\\Users\\kim\\bon.pdf'), 'bon.pdf');
  assert.equal(cleanFileName('../../etc/"x"\r\n.pdf'), 'x.pdf');
  assert.equal(cleanFileName(''), 'receipt');
});
