// The bus case demo: two signed-off half-years (entered by one finance officer, signed off by the
// other), the pot funding the town bus and a participatory budget; a second run changes nothing.
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

async function snapshot(mid: number) {
  return app.db.transaction({ municipalityId: mid }, async (tx) => {
    const p = await sql<{ label: string; saving_ore: number; entered_by: number; signed_off_by: number }>`select p.label, p.saving_ore, p.entered_by, p.signed_off_by
      from ledger_agreement_periods p join ledger_agreements a on a.municipality_id = p.municipality_id and a.id = p.agreement_id order by p.starts_on`.execute(tx);
    const t = await sql<{ kind: string; n: number }>`select kind, count(*)::int as n from ledger_transactions group by kind order by kind`.execute(tx);
    return { periods: p.rows, kinds: t.rows };
  });
}

test('the bus case in Hedensted; idempotent', async () => {
  await seedOnce(app.deps, () => {});
  const m = await app.db.transaction({ municipalityId: null }, (tx) => sql<{ id: number }>`select id from municipalities where slug = 'hedensted'`.execute(tx));
  const mid = m.rows[0]!.id;
  const first = await snapshot(mid);
  assert.deepEqual(first.periods.map((p) => [p.label, p.saving_ore]), [
    ['1. halvår 2025', 189_000_00],
    ['2. halvår 2025', 195_000_00],
  ]);
  assert.ok(first.periods.every((p) => p.entered_by !== p.signed_off_by));
  const kinds = Object.fromEntries(first.kinds.map((k) => [k.kind, k.n]));
  assert.equal(kinds.saving, 2);
  assert.ok((kinds.reinvestment ?? 0) >= 1);
  assert.equal(kinds.pb_envelope, 1);
  await seedOnce(app.deps, () => {});
  assert.deepEqual(await snapshot(mid), first);
});
