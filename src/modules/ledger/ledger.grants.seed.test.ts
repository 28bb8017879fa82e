// The demo pools: one open Landsbypuljen per demo municipality with applications in different
// states; a second run changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { seedOnce } from '../../boot.js';

let app: TestApp;
before(async () => {
  app = await testApp();
});
after(() => app.close());

async function snapshot(slug: string) {
  const m = await app.db.transaction({ municipalityId: null }, (tx) => sql<{ id: number }>`select id from municipalities where slug = ${slug}`.execute(tx));
  const mid = m.rows[0]!.id;
  return app.db.transaction({ municipalityId: mid }, async (tx) => {
    const pools = await sql<{ name: string; status: string; balance: string }>`select p.name, p.status,
        (select coalesce(sum(amount_ore), 0)::text from ledger_entries e where e.account_id = p.account_id) as balance
      from ledger_grant_pools p order by p.id`.execute(tx);
    const apps = await sql<{ status: string }>`select status from ledger_grant_applications order by id`.execute(tx);
    return { pools: pools.rows, statuses: apps.rows.map((r) => r.status) };
  });
}

test('a Landsbypulje per demo municipality with applications in different states; idempotent', async () => {
  await seedOnce(app.deps, () => {});
  const first = await snapshot('hedensted');
  assert.deepEqual(first.pools, [{ name: 'Landsbypuljen', status: 'open', balance: String(200_000_00 - 15_000_00) }]);
  assert.deepEqual(first.statuses, ['submitted', 'in_triage', 'fast_track_approved', 'paid']);
  for (const slug of ['lemvig', 'odder']) assert.equal((await snapshot(slug)).pools.length, 1, slug);
  await seedOnce(app.deps, () => {}, true);
  assert.deepEqual(await snapshot('hedensted'), first);
});
