// postTransaction, accountBalance, ensureAccount and the database invariants of 0001_ledger.sql,
// on a real migrated database (PGlite, or PostgreSQL when DATABASE_URL is set).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testDatabase, type TestDatabase } from '../../testing/test-db.js';
import { accountBalance, ledgerDbError, postTransaction } from './ledger.posting.js';
import { balancesByAccount, checkEntries, isBalanced, reversalLines } from './ledger.balancing.js';
import { account, allEntries, ledgerMunicipality, post, rawOutcome } from './ledger.testkit.js';

let db: TestDatabase;
before(async () => {
  db = await testDatabase();
});
after(async () => {
  await db.destroy();
});

test('balancing: shape rules and balances per account (pure)', () => {
  assert.deepEqual(checkEntries([{ amountOre: 5n }]), { ok: false, error: 'ledger.tooFewEntries', detail: undefined });
  assert.equal(checkEntries([{ amountOre: 5n }, { amountOre: 0n }, { amountOre: -5n }]).ok, false);
  assert.deepEqual(checkEntries([{ amountOre: 5n }, { amountOre: -4n }]), { ok: false, error: 'ledger.unbalanced', detail: undefined });
  assert.equal(checkEntries([{ amountOre: 5n }, { amountOre: -2n }, { amountOre: -3n }]).ok, true);
  assert.equal(isBalanced([]), true);
  const lines = [
    { accountId: 1, amountOre: -100n },
    { accountId: 2, amountOre: 60n },
    { accountId: 2, amountOre: 40n },
  ];
  assert.deepEqual([...balancesByAccount(lines)], [[1, -100n], [2, 100n]]);
  assert.deepEqual(balancesByAccount([...lines, ...reversalLines(lines)]), new Map([[1, 0n], [2, 0n]]));
});

test('postTransaction posts a balanced transaction; balances are sums of entries', async () => {
  const { mid, officer } = await ledgerMunicipality(db);
  const budget = await account(db, mid, { kind: 'municipal_budget', name: 'Kassen' });
  const pot = await account(db, mid, { kind: 'pot', name: 'Lokal pulje' });
  const r = await post(db, mid, officer.id, [
    { accountId: budget, amountOre: -150000n },
    { accountId: pot, amountOre: 150000n },
  ]);
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(typeof r.value.transactionId, 'number');
  const [b, p] = await db.transaction({ municipalityId: mid }, async (trx) => [await accountBalance(trx, mid, budget), await accountBalance(trx, mid, pot)]);
  assert.equal(b, -150000n);
  assert.equal(p, 150000n);
  const tx = await db.transaction({ municipalityId: mid }, (trx) => sql<{ posted_by: number; memo: string; kind: string }>`select posted_by, memo, kind from ledger_transactions`.execute(trx));
  assert.deepEqual(tx.rows, [{ posted_by: officer.id, memo: 'test', kind: 'manual' }]);
});

test('postTransaction refuses bad postings and stores nothing', async () => {
  const { mid, officer } = await ledgerMunicipality(db);
  const budget = await account(db, mid, { kind: 'service_budget', name: 'Bus route 312' });
  const pot = await account(db, mid, { kind: 'pot', name: 'Pot' });
  const other = await ledgerMunicipality(db);
  const foreign = await account(db, other.mid, { kind: 'pot', name: 'Foreign pot' });
  const cases: [Parameters<typeof post>[3], string][] = [
    [[{ accountId: budget, amountOre: -100n }, { accountId: pot, amountOre: 99n }], 'ledger.unbalanced'],
    [[{ accountId: budget, amountOre: 100n }], 'ledger.tooFewEntries'],
    [[], 'ledger.tooFewEntries'],
    [[{ accountId: budget, amountOre: 0n }, { accountId: pot, amountOre: 0n }], 'ledger.zeroAmount'],
    [[{ accountId: budget, amountOre: 100n }, { accountId: pot, amountOre: -100n }], 'ledger.overdrawn'],
    [[{ accountId: budget, amountOre: -100n }, { accountId: 999999, amountOre: 100n }], 'ledger.unknownAccount'],
    [[{ accountId: budget, amountOre: -100n }, { accountId: foreign, amountOre: 100n }], 'ledger.unknownAccount'],
  ];
  for (const [entries, code] of cases) {
    const r = await post(db, mid, officer.id, entries);
    assert.deepEqual(r.ok ? 'ok' : r.error, code, JSON.stringify(entries, (_k, v) => (typeof v === 'bigint' ? String(v) : v)));
  }
  assert.deepEqual(await allEntries(db, mid), []);
  // A pot may be emptied exactly to zero, not beyond.
  assert.ok((await post(db, mid, officer.id, [{ accountId: budget, amountOre: -500n }, { accountId: pot, amountOre: 500n }])).ok);
  assert.ok((await post(db, mid, officer.id, [{ accountId: pot, amountOre: -500n }, { accountId: budget, amountOre: 500n }])).ok);
  const again = await post(db, mid, officer.id, [{ accountId: pot, amountOre: -1n }, { accountId: budget, amountOre: 1n }]);
  assert.deepEqual(again.ok ? 'ok' : again.error, 'ledger.overdrawn');
});

test('ensureAccount is idempotent by kind+name, or by owner (initiative / process / area / group)', async () => {
  const { mid } = await ledgerMunicipality(db);
  const a = await account(db, mid, { kind: 'pot', name: 'Lokal pulje' });
  const b = await account(db, mid, { kind: 'pot', name: ' lokal PULJE ' });
  assert.equal(a, b);
  const c = await account(db, mid, { kind: 'municipal_budget', name: 'Lokal pulje' });
  assert.notEqual(a, c);
  const kinds = await db.transaction({ municipalityId: mid }, (trx) => sql<{ id: number; may_go_negative: boolean }>`select id, may_go_negative from ledger_accounts order by id`.execute(trx));
  assert.deepEqual(kinds.rows, [{ id: a, may_go_negative: false }, { id: c, may_go_negative: true }]);
  // Concurrent calls create one account.
  const ids = await Promise.all(Array.from({ length: 8 }, () => account(db, mid, { kind: 'spending', name: 'Udgifter' })));
  assert.equal(new Set(ids).size, 1);
});

test('database: unbalanced, too few, zero-amount entries are refused at commit', async () => {
  const { mid, officer } = await ledgerMunicipality(db);
  const x = await account(db, mid, { kind: 'external', name: 'X' });
  const y = await account(db, mid, { kind: 'spending', name: 'Y' });
  const insertTx = (trx: Parameters<Parameters<TestDatabase['transaction']>[1]>[0]) =>
    sql<{ id: number }>`insert into ledger_transactions (municipality_id, posted_by, memo, kind) values (${mid}, ${officer.id}, 'raw', 'manual') returning id`.execute(trx).then((r) => r.rows[0]!.id);
  assert.equal(
    await rawOutcome(db, mid, async (trx) => {
      const id = await insertTx(trx);
      await sql`insert into ledger_entries (municipality_id, transaction_id, line, account_id, amount_ore) values (${mid}, ${id}, 1, ${x}, -100), (${mid}, ${id}, 2, ${y}, 90)`.execute(trx);
    }),
    'ledger_unbalanced',
  );
  assert.equal(await rawOutcome(db, mid, async (trx) => void (await insertTx(trx))), 'ledger_too_few_entries');
  assert.equal(
    await rawOutcome(db, mid, async (trx) => {
      const id = await insertTx(trx);
      await sql`insert into ledger_entries (municipality_id, transaction_id, line, account_id, amount_ore) values (${mid}, ${id}, 1, ${x}, 0), (${mid}, ${id}, 2, ${y}, 0)`.execute(trx);
    }),
    '23514',
  );
  // Balanced in the end, though unbalanced between statements: fine (the check is deferred to commit).
  assert.equal(
    await rawOutcome(db, mid, async (trx) => {
      const id = await insertTx(trx);
      await sql`insert into ledger_entries (municipality_id, transaction_id, line, account_id, amount_ore) values (${mid}, ${id}, 1, ${x}, -100)`.execute(trx);
      await sql`insert into ledger_entries (municipality_id, transaction_id, line, account_id, amount_ore) values (${mid}, ${id}, 2, ${y}, 100)`.execute(trx);
    }),
    'committed',
  );
  assert.equal((await allEntries(db, mid)).length, 2);
});

test('database: transactions and entries are append-only; no entry can be added to a posted transaction', async () => {
  const { mid, officer } = await ledgerMunicipality(db);
  const x = await account(db, mid, { kind: 'external', name: 'X' });
  const pot = await account(db, mid, { kind: 'pot', name: 'P' });
  const r = await post(db, mid, officer.id, [{ accountId: x, amountOre: -1000n }, { accountId: pot, amountOre: 1000n }]);
  assert.ok(r.ok);
  const id = r.value.transactionId;
  const attempts = [
    sql`update ledger_entries set amount_ore = 5000 where transaction_id = ${id} and line = 2`,
    sql`update ledger_transactions set memo = 'changed' where id = ${id}`,
    sql`delete from ledger_entries where transaction_id = ${id}`,
    sql`delete from ledger_transactions where id = ${id}`,
    sql`insert into ledger_entries (municipality_id, transaction_id, line, account_id, amount_ore) values (${mid}, ${id}, 3, ${x}, -5), (${mid}, ${id}, 4, ${pot}, 5)`,
  ];
  for (const q of attempts) assert.equal(await rawOutcome(db, mid, (trx) => q.execute(trx)), 'ledger_append_only');
  assert.deepEqual(await allEntries(db, mid), [
    { transactionId: id, accountId: x, amountOre: -1000n },
    { transactionId: id, accountId: pot, amountOre: 1000n },
  ]);
  try {
    await db.transaction({ municipalityId: mid }, (trx) => attempts[1]!.execute(trx));
    assert.fail('update was not refused');
  } catch (error) {
    assert.equal(ledgerDbError(error), 'ledger.appendOnly');
  }
});

test('database: a non-negative account cannot go below zero, whoever writes; kinds fix may_go_negative', async () => {
  const { mid, officer } = await ledgerMunicipality(db);
  const x = await account(db, mid, { kind: 'external', name: 'X' });
  const pot = await account(db, mid, { kind: 'grant_pool', name: 'Pulje' });
  assert.ok((await post(db, mid, officer.id, [{ accountId: x, amountOre: -1000n }, { accountId: pot, amountOre: 1000n }])).ok);
  const outcome = await rawOutcome(db, mid, async (trx) => {
    const t = await sql<{ id: number }>`insert into ledger_transactions (municipality_id, posted_by, memo, kind) values (${mid}, ${officer.id}, 'raw', 'manual') returning id`.execute(trx);
    const id = t.rows[0]!.id;
    await sql`insert into ledger_entries (municipality_id, transaction_id, line, account_id, amount_ore) values (${mid}, ${id}, 1, ${pot}, -1001), (${mid}, ${id}, 2, ${x}, 1001)`.execute(trx);
  });
  assert.equal(outcome, 'ledger_overdrawn');
  assert.equal(
    await rawOutcome(db, mid, (trx) => sql`insert into ledger_accounts (municipality_id, kind, name, may_go_negative) values (${mid}, 'pot', 'Bad pot', true)`.execute(trx)),
    '23514',
  );
  assert.equal(
    await rawOutcome(db, mid, (trx) => sql`insert into ledger_accounts (municipality_id, kind, name, may_go_negative) values (${mid}, 'service_budget', 'Bad budget', false)`.execute(trx)),
    '23514',
  );
  // A spending account with a negative balance cannot be made non-negative afterwards.
  const spend = await account(db, mid, { kind: 'spending', name: 'Udgift' });
  assert.ok((await post(db, mid, officer.id, [{ accountId: spend, amountOre: -10n }, { accountId: x, amountOre: 10n }])).ok);
  assert.equal(await rawOutcome(db, mid, (trx) => sql`update ledger_accounts set may_go_negative = false where id = ${spend}`.execute(trx)), 'ledger_overdrawn');
  assert.equal(await rawOutcome(db, mid, (trx) => sql`update ledger_accounts set kind = 'pot' where id = ${spend}`.execute(trx)), 'ledger_account_kind_fixed');
});

test('database: a tenant sees and writes only its own ledger', async () => {
  const a = await ledgerMunicipality(db);
  const b = await ledgerMunicipality(db);
  const x = await account(db, a.mid, { kind: 'external', name: 'X' });
  const pot = await account(db, a.mid, { kind: 'pot', name: 'P' });
  assert.ok((await post(db, a.mid, a.officer.id, [{ accountId: x, amountOre: -10n }, { accountId: pot, amountOre: 10n }])).ok);
  assert.deepEqual(await allEntries(db, b.mid), []);
  const seen = await db.transaction({ municipalityId: b.mid }, (trx) => sql<{ n: number }>`select count(*)::int as n from ledger_accounts`.execute(trx));
  assert.equal(seen.rows[0]!.n, 0);
  assert.notEqual(
    await rawOutcome(db, b.mid, (trx) => sql`insert into ledger_accounts (municipality_id, kind, name, may_go_negative) values (${a.mid}, 'pot', 'Sneaky', false)`.execute(trx)),
    'committed',
  );
  // postTransaction inside b's tenant cannot touch a's accounts.
  const r = await db.transaction({ municipalityId: b.mid }, (trx) =>
    postTransaction(trx, { municipalityId: b.mid, postedBy: b.officer.id, memo: 'x', kind: 'manual', entries: [{ accountId: x, amountOre: -1n }, { accountId: pot, amountOre: 1n }] }),
  );
  assert.deepEqual(r.ok ? 'ok' : r.error, 'ledger.unknownAccount');
});
