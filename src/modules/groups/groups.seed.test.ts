// The demo data: several groups in each demo municipality, valid CVR numbers, one council per area,
// and a second run that changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { municipalitiesModule } from '../municipalities/index.js';
import { accountsModule } from '../accounts/index.js';
import { isValidCvr } from './groups.cvr.js';
import { cvrWithCheckDigit, seedGroups } from './groups.seed.js';

let app: TestApp;
const quiet = () => {};

before(async () => {
  app = await testApp();
  await municipalitiesModule.seed!(app.deps, quiet);
  await accountsModule.seed!(app.deps, quiet);
  await seedGroups(app.deps, quiet);
});
after(() => app.close());

async function groupsIn(slug: string) {
  const m = await sql<{ id: number }>`select id from municipalities where slug = ${slug}`.execute(app.db.owner);
  const mid = m.rows[0]!.id;
  return app.db.transaction({ municipalityId: mid }, async (tx) => {
    const groups = await sql<{ name: string; kind: string; cvr: string | null; area_id: number | null }>`select name, kind, cvr, area_id from groups order by name`.execute(tx);
    const members = await sql<{ n: number }>`select count(*)::int as n from groups_members`.execute(tx);
    const posts = await sql<{ n: number }>`select count(*)::int as n from groups_posts`.execute(tx);
    const activities = await sql<{ n: number }>`select count(*)::int as n from groups_activities where starts_at > now()`.execute(tx);
    return { groups: groups.rows, members: members.rows[0]!.n, posts: posts.rows[0]!.n, activities: activities.rows[0]!.n };
  });
}

test('every demo municipality has several groups with members, posts and upcoming activities', async () => {
  for (const slug of ['hedensted', 'lemvig', 'odder']) {
    const r = await groupsIn(slug);
    assert.ok(r.groups.length >= 3, `${slug}: ${r.groups.length} groups`);
    assert.ok(r.groups.some((g) => g.kind === 'local_council'), `${slug} has a local council`);
    assert.ok(r.members > r.groups.length, `${slug}: members`);
    assert.ok(r.posts > 0 && r.activities > 0, `${slug}: posts and activities`);
    for (const g of r.groups) if (g.cvr) assert.ok(isValidCvr(g.cvr), `${g.name}: ${g.cvr}`);
  }
  const names = (await groupsIn('hedensted')).groups.map((g) => g.name);
  for (const name of ['Borgerbussen Juelsminde', 'Stouby Lokalråd', 'Fælleskøkkenet i Tørring Skole', 'Grønne Hænder Hedensted']) assert.ok(names.includes(name), name);
  assert.ok((await groupsIn('lemvig')).groups.some((g) => g.name === 'Harboøre Borgerforening'));
});

test('running the seed again changes nothing', async () => {
  const before = await groupsIn('hedensted');
  await seedGroups(app.deps, quiet);
  assert.deepEqual(await groupsIn('hedensted'), before);
});

test('demo CVR numbers get a valid check digit', () => {
  for (const prefix of ['3714826', '4102336', '2755901', '3598217', '2940016']) {
    const cvr = cvrWithCheckDigit(prefix);
    assert.ok(cvr && isValidCvr(cvr), `${prefix} → ${cvr}`);
  }
});
