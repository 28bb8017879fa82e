// The benchmark data generator, small: it runs on both backends, keeps its counts in step with its
// rows, fills every state, and a second run adds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testDatabase, type TestDatabase } from '../../testing/test-db.js';
import { generateBenchData, parseBenchDataArgs } from './initiatives.bench-data.js';
import { listInitiatives } from './initiatives.queries.js';

let db: TestDatabase;
before(async () => {
  db = await testDatabase();
});
after(() => db.destroy());

test('arguments', () => {
  assert.equal(typeof parseBenchDataArgs(['--nope=1']), 'string');
  const o = parseBenchDataArgs(['--municipalities=3', '--initiatives=300', '--comments-per=2']);
  assert.ok(typeof o !== 'string' && o.municipalities === 3 && o.initiatives === 300 && o.commentsPer === 2 && o.people === 10_000);
});

test('a small data set, consistent and searchable, made once', async () => {
  const o = { municipalities: 2, initiatives: 180, commentsPer: 3, supportsPer: 4, people: 50, jobs: 2 };
  const first = await generateBenchData(db, o, () => {});
  assert.deepEqual(first, { created: 2, skipped: 0 });
  const m = await db.transaction({ municipalityId: null }, (tx) => sql<{ id: number }>`select id from municipalities where slug = 'bench-001'`.execute(tx));
  const id = m.rows[0]!.id;
  const facts = await db.transaction({ municipalityId: id }, async (tx) => {
    const r = await sql<{ n: number; states: number; bad_supports: number; bad_comments: number }>`select count(*)::int as n, count(distinct state)::int as states,
        count(*) filter (where support_count <> (select count(*) from initiatives_supports s where s.municipality_id = i.municipality_id and s.initiative_id = i.id))::int as bad_supports,
        count(*) filter (where comment_count <> (select count(*) from initiatives_comments c where c.municipality_id = i.municipality_id and c.initiative_id = i.id))::int as bad_comments
      from initiatives i`.execute(tx);
    const search = await listInitiatives(tx, id, { q: 'cykelstier', sort: 'relevant', page: 1, pageSize: 5 });
    return { ...r.rows[0]!, hits: search.total };
  });
  assert.deepEqual(facts, { n: 90, states: 9, bad_supports: 0, bad_comments: 0, hits: facts.hits });
  assert.ok(facts.hits > 0, 'Danish stemming works on the generated text');
  assert.deepEqual(await generateBenchData(db, o, () => {}), { created: 0, skipped: 2 });
});
