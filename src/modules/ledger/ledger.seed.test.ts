// The foundation's demo data: budget and pot in each demo municipality, the bus route's opening
// budget in Hedensted; the books balance; a second run changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { seedOnce } from '../../boot.js';
import { DEMO_ACCOUNTS } from './ledger.seed.js';
import { bookTotals } from './ledger.testkit.js';

let app: TestApp;
before(async () => {
  app = await testApp();
});
after(() => app.close());

async function state(slug: string) {
  const m = await app.db.transaction({ municipalityId: null }, (tx) => sql<{ id: number }>`select id from municipalities where slug = ${slug}`.execute(tx));
  const mid = m.rows[0]!.id;
  const accounts = await app.db.transaction({ municipalityId: mid }, (tx) =>
    sql<{ kind: string; name: string; code: string | null }>`select kind, name, code from ledger_accounts order by id`.execute(tx),
  );
  const openings = await app.db.transaction({ municipalityId: mid }, (tx) => sql<{ n: number }>`select count(*)::int as n from ledger_transactions where kind = 'opening'`.execute(tx));
  return { mid, accounts: accounts.rows, openings: openings.rows[0]!.n };
}

test('demo ledger in every demo municipality; idempotent; the books balance', async () => {
  await seedOnce(app.deps, () => {});
  const first = new Map<string, Awaited<ReturnType<typeof state>>>();
  for (const [slug, town] of [['hedensted', 'Hedensted'], ['lemvig', 'Lemvig'], ['odder', 'Odder']] as const) {
    const s = await state(slug);
    first.set(slug, s);
    assert.ok(s.accounts.some((a) => a.kind === 'municipal_budget' && a.name === DEMO_ACCOUNTS.municipalBudget), slug);
    assert.equal(s.accounts.filter((a) => a.kind === 'pot' && a.name === DEMO_ACCOUNTS.pot(town)).length, 1, slug);
    const books = await bookTotals(app.db, s.mid);
    assert.equal(books.total, 0n);
    for (const t of books.transactions) assert.equal(t.total, 0n);
    for (const b of books.balances.values()) if (!b.mayGoNegative) assert.ok(b.balance >= 0n);
  }
  const h = first.get('hedensted')!;
  assert.deepEqual(h.accounts.filter((a) => a.kind === 'service_budget' && a.name === DEMO_ACCOUNTS.busRoute).map((a) => a.code), [DEMO_ACCOUNTS.busRouteCode]);
  assert.equal(h.openings, 1);
  await seedOnce(app.deps, () => {});
  for (const slug of ['hedensted', 'lemvig', 'odder']) assert.deepEqual(await state(slug), first.get(slug));
});
