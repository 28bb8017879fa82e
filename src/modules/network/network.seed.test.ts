// The demo practice library: at least 30 cases across the three demo municipalities, the bus redesign,
// the school kitchen and the cleaning squad published from their initiatives with live evidence,
// adoptions between municipalities, and a second run that changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { seedOnce } from '../../boot.js';
import { seedNetwork } from './network.seed.js';

let app: TestApp;
before(async () => {
  app = await testApp();
});
after(() => app.close());

async function snapshot() {
  return app.db.transaction({ municipalityId: null }, async (tx) => {
    const cases = await sql<{ slug: string; title_da: string | null; title_en: string | null; initiative_id: number | null; evidence_hours: string | null; evidence_refreshed_at: Date | null; published: boolean }>`
      select m.slug, c.title_da, c.title_en, c.initiative_id, c.evidence_hours, c.evidence_refreshed_at, c.published
      from network_cases c join municipalities m on m.id = c.municipality_id order by c.municipality_id, c.id`.execute(tx);
    const adoptions = await sql<{ adopter: string; origin: string }>`
      select ma.slug as adopter, mc.slug as origin from network_adoptions a
      join municipalities ma on ma.id = a.municipality_id join municipalities mc on mc.id = a.case_municipality_id order by a.municipality_id, a.id`.execute(tx);
    const comments = await sql<{ n: number }>`select count(*)::int as n from network_case_comments`.execute(tx);
    return { cases: cases.rows, adoptions: adoptions.rows, comments: comments.rows[0]!.n };
  });
}

test('≥30 cases in Danish and English, the three stories with live evidence, adoptions; idempotent', async () => {
  await seedOnce(app.deps, () => {});
  const first = await snapshot();
  assert.ok(first.cases.length >= 30, `${first.cases.length} cases`);
  for (const slug of ['hedensted', 'lemvig', 'odder']) assert.ok(first.cases.filter((c) => c.slug === slug).length >= 8, slug);
  assert.ok(first.cases.every((c) => c.published));
  assert.ok(first.cases.filter((c) => c.title_da && c.title_en).length >= 8, 'several in both languages');
  assert.ok(first.cases.some((c) => !c.title_da && c.title_en), 'some only in English');
  const story = (slug: string, re: RegExp) => first.cases.find((c) => c.slug === slug && re.test(c.title_da ?? ''));
  for (const [slug, re] of [['hedensted', /bybussen/], ['lemvig', /Skolekøkkenet/], ['odder', /rengøringshold/]] as const) {
    const c = story(slug, re);
    assert.ok(c, `${slug} ${re}`);
    assert.ok(c.initiative_id !== null && c.evidence_refreshed_at !== null, `${slug}: published from its initiative with evidence`);
  }
  assert.ok(first.adoptions.length >= 6);
  assert.ok(first.adoptions.every((a) => a.adopter !== a.origin));
  for (const slug of ['hedensted', 'lemvig', 'odder']) assert.ok(first.adoptions.some((a) => a.adopter === slug), `${slug} adopted something`);
  assert.equal(first.comments, 2);

  await seedNetwork(app.deps, () => {});
  const second = await snapshot();
  assert.equal(second.cases.length, first.cases.length);
  assert.deepEqual(second.adoptions, first.adoptions);
  assert.equal(second.comments, first.comments);
});

test('the demo case pages render for a visitor, with adoptions and pooled figures', async () => {
  const ref = await app.db.transaction({ municipalityId: null }, async (tx) => (await sql<{ municipality_id: number; id: number }>`
    select c.municipality_id, c.id from network_cases c join municipalities m on m.id = c.municipality_id
    where m.slug = 'hedensted' and c.title_da like 'Borgerne tegner en ny rute for bybussen%'`.execute(tx)).rows[0]!);
  const res = await app.fetch(`/network/cases/${ref.municipality_id}-${ref.id}`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /Lemvig Kommune/);
  assert.match(html, /Odder Kommune/);
  assert.match(html, /Samlet på tværs af kommunerne/);
  const home = await app.fetch('/network?lang=en');
  assert.equal(home.status, 200);
  assert.match(await home.text(), /Citizens redesign the town bus route/);
});
