// Concurrent payouts from one pot on real PostgreSQL (PGlite has one connection, so nothing runs in
// parallel there): the pot never goes negative, exactly the affordable number succeed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { loadConfig } from '../../core/config/config.js';
import { testDatabase, type TestDatabase } from '../../testing/test-db.js';
import { reverseTransaction } from './commands/reverse-transaction.js';
import { accountBalance } from './ledger.posting.js';
import { account, bookTotals, ledgerMunicipality, officerActor, post, rawOutcome } from './ledger.testkit.js';

const skip = loadConfig().databaseUrl ? false : 'needs PostgreSQL (DATABASE_URL)';

let db: TestDatabase;
before(async () => {
  db = await testDatabase();
});
after(async () => {
  await db.destroy();
});

test('concurrency: 100 parallel payouts from a pot that covers 37 → 37 succeed, 63 ledger.overdrawn, pot at 0', { skip }, async () => {
  const { mid, officer } = await ledgerMunicipality(db, 'rush');
  const budget = await account(db, mid, { kind: 'municipal_budget', name: 'Kassen' });
  const pot = await account(db, mid, { kind: 'pot', name: 'Lokal pulje' });
  const paid = await account(db, mid, { kind: 'grants_paid', name: 'Udbetalte tilskud' });
  const payout = 100_000n; // 1.000 kr.
  assert.ok((await post(db, mid, officer.id, [{ accountId: budget, amountOre: -37n * payout }, { accountId: pot, amountOre: 37n * payout }], 'opening')).ok);

  const results = await Promise.all(
    Array.from({ length: 100 }, (_, i) => post(db, mid, officer.id, [{ accountId: pot, amountOre: -payout }, { accountId: paid, amountOre: payout }], 'grant_payout', `payout ${i}`)),
  );
  const outcomes = results.map((r) => (r.ok ? 'ok' : r.error));
  assert.equal(outcomes.filter((o) => o === 'ok').length, 37);
  assert.equal(outcomes.filter((o) => o === 'ledger.overdrawn').length, 63);
  const [potBalance, paidBalance] = await db.transaction({ municipalityId: mid }, async (trx) => [await accountBalance(trx, mid, pot), await accountBalance(trx, mid, paid)]);
  assert.equal(potBalance, 0n);
  assert.equal(paidBalance, 37n * payout);
  const books = await bookTotals(db, mid);
  assert.equal(books.transactions.length, 38);
  assert.equal(books.total, 0n);
});

test('concurrency: writers that skip postTransaction are stopped by the database at commit', { skip }, async () => {
  const { mid, officer } = await ledgerMunicipality(db, 'raw');
  const budget = await account(db, mid, { kind: 'municipal_budget', name: 'Kassen' });
  const pot = await account(db, mid, { kind: 'pot', name: 'Pulje' });
  assert.ok((await post(db, mid, officer.id, [{ accountId: budget, amountOre: -2500n }, { accountId: pot, amountOre: 2500n }])).ok);
  // 60 raw transactions of 100 øre each, no locks taken by the writer: the deferred trigger locks the
  // pot at commit and sums what is committed, so exactly 25 fit.
  const outcomes = await Promise.all(
    Array.from({ length: 60 }, () =>
      rawOutcome(db, mid, async (trx) => {
        const t = await sql<{ id: number }>`insert into ledger_transactions (municipality_id, posted_by, memo, kind) values (${mid}, ${officer.id}, 'raw', 'manual') returning id`.execute(trx);
        await sql`insert into ledger_entries (municipality_id, transaction_id, line, account_id, amount_ore) values (${mid}, ${t.rows[0]!.id}, 1, ${pot}, -100), (${mid}, ${t.rows[0]!.id}, 2, ${budget}, 100)`.execute(trx);
      }),
    ),
  );
  assert.equal(outcomes.filter((o) => o === 'committed').length, 25, JSON.stringify(outcomes));
  assert.equal(outcomes.filter((o) => o === 'ledger_overdrawn').length, 35);
  assert.equal(await db.transaction({ municipalityId: mid }, (trx) => accountBalance(trx, mid, pot)), 0n);
});

test('concurrency: 20 parallel reversals of one transaction → exactly one', { skip }, async () => {
  const { mid, officer } = await ledgerMunicipality(db, 'rev');
  const budget = await account(db, mid, { kind: 'municipal_budget', name: 'Kassen' });
  const pot = await account(db, mid, { kind: 'pot', name: 'Pulje' });
  const r = await post(db, mid, officer.id, [{ accountId: budget, amountOre: -500n }, { accountId: pot, amountOre: 500n }]);
  assert.ok(r.ok);
  const actor = officerActor(officer.id, mid);
  const results = await Promise.all(Array.from({ length: 20 }, () => reverseTransaction(db, actor, mid, r.value.transactionId, 'Fejlpostering')));
  const outcomes = results.map((x) => (x.ok ? 'ok' : x.error));
  assert.equal(outcomes.filter((o) => o === 'ok').length, 1);
  assert.equal(outcomes.filter((o) => o === 'ledger.reversal.already').length, 19, JSON.stringify(outcomes));
  assert.equal(await db.transaction({ municipalityId: mid }, (trx) => accountBalance(trx, mid, pot)), 0n);
});
