// Property-based test of the books: random sequences of postings and reversals, valid and invalid,
// against a simple model. After every step, on the real database: every transaction has at least two
// entries summing to 0, all entries sum to 0, no account that may not go negative is below 0, and
// every balance equals the model's. Invalid steps must be refused with nothing stored.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'kysely';
import { testDatabase, type TestDatabase } from '../../testing/test-db.js';
import { reverseTransaction } from './commands/reverse-transaction.js';
import { postTransaction } from './ledger.posting.js';
import { account, bookTotals, ledgerMunicipality, officerActor, rawOutcome } from './ledger.testkit.js';
import type { AccountKind } from './ledger.types.js';

let db: TestDatabase;
before(async () => {
  db = await testDatabase();
});
after(async () => {
  await db.destroy();
});

const ACCOUNT_KINDS: AccountKind[] = ['external', 'service_budget', 'pot', 'pot', 'grant_pool', 'spending'];
const UNKNOWN = ACCOUNT_KINDS.length; // index of an account id that does not exist

type Step =
  | { op: 'post'; lines: { account: number; amount: number }[]; balance: boolean; to: number }
  | { op: 'reverse'; pick: number }
  | { op: 'raw_unbalanced'; account: number; amount: number }
  | { op: 'raw_update'; pick: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('post' as const),
      lines: fc.array(fc.record({ account: fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 0, max: UNKNOWN - 1 }) }, { weight: 1, arbitrary: fc.constant(UNKNOWN) }), amount: fc.oneof({ weight: 12, arbitrary: fc.integer({ min: -5000, max: 5000 }) }, { weight: 1, arbitrary: fc.constant(0) }) }), { minLength: 1, maxLength: 4 }),
      balance: fc.boolean(),
      to: fc.integer({ min: 0, max: UNKNOWN - 1 }),
    }),
  },
  {
    // Funding from a source: always valid, so the books fill up and pots can be spent.
    weight: 4,
    arbitrary: fc
      .record({ from: fc.integer({ min: 0, max: 1 }), to: fc.integer({ min: 2, max: UNKNOWN - 1 }), amount: fc.integer({ min: 1, max: 8000 }) })
      .map(({ from, to, amount }): Step => ({ op: 'post', lines: [{ account: from, amount: -amount }, { account: to, amount }], balance: false, to: 0 })),
  },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('raw_unbalanced' as const), account: fc.integer({ min: 0, max: UNKNOWN - 1 }), amount: fc.integer({ min: 1, max: 5000 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('raw_update' as const), pick: fc.nat() }) },
);

interface Model {
  balances: bigint[];
  posted: { id: number; lines: { account: number; amount: bigint }[]; isReversal: boolean; reversed: boolean }[];
}

/** What the rules say a posting's outcome is: the spec, written independently of ledger.posting.ts. */
function expectedPosting(model: Model, lines: { account: number; amount: bigint }[]): string {
  if (lines.length < 2) return 'ledger.tooFewEntries';
  if (lines.some((l) => l.amount === 0n)) return 'ledger.zeroAmount';
  if (lines.reduce((s, l) => s + l.amount, 0n) !== 0n) return 'ledger.unbalanced';
  if (lines.some((l) => l.account === UNKNOWN)) return 'ledger.unknownAccount';
  const after = [...model.balances];
  for (const l of lines) after[l.account]! += l.amount;
  if (after.some((b, i) => b < 0n && ACCOUNT_KINDS[i] !== 'external' && ACCOUNT_KINDS[i] !== 'service_budget' && ACCOUNT_KINDS[i] !== 'spending')) return 'ledger.overdrawn';
  return 'ok';
}

test('property: every posted state balances, invalid steps store nothing, balances match the model', async () => {
  let run = 0;
  const seen = new Map<string, number>();
  const count = (outcome: string) => seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
  await fc.assert(
    fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 20 }), async (steps) => {
      run += 1;
      const { mid, officer } = await ledgerMunicipality(db, `prop${run}`);
      const actor = officerActor(officer.id, mid);
      const ids: number[] = [];
      for (const [i, kind] of ACCOUNT_KINDS.entries()) ids.push(await account(db, mid, { kind, name: `${kind} ${i}` }));
      ids.push(2147483000); // UNKNOWN
      const model: Model = { balances: ACCOUNT_KINDS.map(() => 0n), posted: [] };

      for (const step of steps) {
        if (step.op === 'post') {
          const lines = step.lines.map((l) => ({ account: l.account, amount: BigInt(l.amount) }));
          if (step.balance) {
            const rest = -lines.reduce((s, l) => s + l.amount, 0n);
            if (rest !== 0n) lines.push({ account: step.to, amount: rest });
          }
          const expected = expectedPosting(model, lines);
          const r = await db.transaction({ municipalityId: mid, userId: officer.id }, (trx) =>
            postTransaction(trx, { municipalityId: mid, postedBy: officer.id, memo: 'property', kind: 'manual', entries: lines.map((l) => ({ accountId: ids[l.account]!, amountOre: l.amount })) }),
          );
          assert.equal(r.ok ? 'ok' : r.error, expected);
          count(`post:${expected}`);
          if (r.ok) {
            for (const l of lines) model.balances[l.account]! += l.amount;
            model.posted.push({ id: r.value.transactionId, lines, isReversal: false, reversed: false });
          }
        } else if (step.op === 'reverse') {
          if (model.posted.length === 0) continue;
          const target = model.posted[step.pick % model.posted.length]!;
          const negated = target.lines.map((l) => ({ account: l.account, amount: -l.amount }));
          const expected = target.isReversal ? 'ledger.reversal.ofReversal' : target.reversed ? 'ledger.reversal.already' : expectedPosting(model, negated);
          const r = await reverseTransaction(db, actor, mid, target.id, 'property: correction');
          assert.equal(r.ok ? 'ok' : r.error, expected);
          count(`reverse:${expected}`);
          if (r.ok) {
            for (const l of negated) model.balances[l.account]! += l.amount;
            target.reversed = true;
            model.posted.push({ id: r.value.transactionId, lines: negated, isReversal: true, reversed: false });
          }
        } else if (step.op === 'raw_unbalanced') {
          // A writer that skips postTransaction: the database refuses at commit.
          const outcome = await rawOutcome(db, mid, async (trx) => {
            const t = await sql<{ id: number }>`insert into ledger_transactions (municipality_id, posted_by, memo, kind) values (${mid}, ${officer.id}, 'raw', 'manual') returning id`.execute(trx);
            await sql`insert into ledger_entries (municipality_id, transaction_id, line, account_id, amount_ore)
              values (${mid}, ${t.rows[0]!.id}, 1, ${ids[step.account]!}, ${step.amount}), (${mid}, ${t.rows[0]!.id}, 2, ${ids[0]!}, ${-step.amount - 1})`.execute(trx);
          });
          assert.equal(outcome, 'ledger_unbalanced');
        } else {
          if (model.posted.length === 0) continue;
          const target = model.posted[step.pick % model.posted.length]!;
          const outcome = await rawOutcome(db, mid, (trx) => sql`update ledger_entries set amount_ore = amount_ore * 2 where transaction_id = ${target.id}`.execute(trx));
          assert.equal(outcome, 'ledger_append_only');
        }

        const books = await bookTotals(db, mid);
        assert.equal(books.transactions.length, model.posted.length, 'nothing stored by refused steps');
        for (const t of books.transactions) {
          assert.ok(t.entries >= 2, `transaction ${t.id} has ${t.entries} entries`);
          assert.equal(t.total, 0n, `transaction ${t.id} balances`);
        }
        assert.equal(books.total, 0n);
        for (const [i, id] of ids.slice(0, UNKNOWN).entries()) {
          const b = books.balances.get(id)!;
          assert.equal(b.balance, model.balances[i], `balance of account ${i}`);
          if (!b.mayGoNegative) assert.ok(b.balance >= 0n, `account ${i} is not below zero`);
        }
      }
    }),
    { numRuns: 25 },
  );
  // The generator must actually reach every kind of outcome, or the property proves little.
  for (const outcome of ['post:ok', 'post:ledger.unbalanced', 'post:ledger.tooFewEntries', 'post:ledger.overdrawn', 'reverse:ok']) {
    assert.ok((seen.get(outcome) ?? 0) > 0, `no step had outcome ${outcome}: ${JSON.stringify([...seen])}`);
  }
  console.log('outcomes', JSON.stringify([...seen]));
});
