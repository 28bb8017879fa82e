// The demo data: every state in every demo municipality, the three stories from the design, and a
// second run that changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { seedOnce } from '../../boot.js';
import { states } from './initiatives.lifecycle.js';

let app: TestApp;
before(async () => {
  app = await testApp();
});
after(() => app.close());

async function snapshot() {
  const out: Record<string, { states: string[]; titles: string[]; supports: number; events: number; pendingMail: number }> = {};
  for (const slug of ['hedensted', 'lemvig', 'odder']) {
    const m = await app.db.transaction({ municipalityId: null }, (tx) => sql<{ id: number }>`select id from municipalities where slug = ${slug}`.execute(tx));
    const id = m.rows[0]!.id;
    out[slug] = await app.db.transaction({ municipalityId: id }, async (tx) => {
      const r = await sql<{ state: string; title: string; support_count: number }>`select state, title, support_count from initiatives where municipality_id = ${id} order by id`.execute(tx);
      const e = await sql<{ n: number }>`select count(*)::int as n from initiatives_events where municipality_id = ${id}`.execute(tx);
      const p = await sql<{ n: number }>`select count(*)::int as n from notifications where municipality_id = ${id} and email_status in ('pending', 'digest')`.execute(tx);
      return { states: r.rows.map((x) => x.state).sort(), titles: r.rows.map((x) => x.title), supports: r.rows.reduce((s, x) => s + x.support_count, 0), events: e.rows[0]!.n, pendingMail: p.rows[0]!.n };
    });
  }
  return out;
}

test('every state in every demo municipality, with the bus, the kitchen and the cleaning squad; idempotent', async () => {
  await seedOnce(app.deps, () => {});
  const first = await snapshot();
  for (const [slug, s] of Object.entries(first)) {
    // Every state at least once; later modules' demo data (e.g. practices adopted from the network) add drafts.
    assert.deepEqual([...new Set(s.states)].sort(), [...states].sort(), `${slug}: an initiative in each state`);
    assert.ok(s.titles.some((t) => /bybussen/i.test(t)), `${slug}: bus route`);
    assert.ok(s.titles.some((t) => /skolekøkken/i.test(t)), `${slug}: school kitchen`);
    assert.ok(s.titles.some((t) => /rengøringshold/i.test(t)), `${slug}: cleaning squad`);
    assert.ok(s.supports > 0 && s.events > 20);
    assert.equal(s.pendingMail, 0, `${slug}: the demo history e-mails nobody`);
  }
  await seedOnce(app.deps, () => {}, true);
  assert.deepEqual(await snapshot(), first, 'a second run changes nothing');
});
