// The network's benchmark data, small: both backends, every status and both languages, the search
// table and the kept counts in step with the cases, searchable in Danish and English, made once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testDatabase, type TestDatabase } from '../../testing/test-db.js';
import { generateNetworkBenchData, parseNetworkBenchArgs } from './network.bench-data.js';
import { searchCases } from './network.search.js';

let db: TestDatabase;
before(async () => {
  db = await testDatabase();
});
after(() => db.destroy());

test('arguments', () => {
  assert.equal(typeof parseNetworkBenchArgs(['--initiatives=5']), 'string');
  assert.equal(typeof parseNetworkBenchArgs(['--municipalities=4', '--cases=3']), 'string');
  assert.deepEqual(parseNetworkBenchArgs(['--municipalities=3', '--cases=300']), { municipalities: 3, cases: 300, jobs: 2 });
});

test('a small library, consistent and searchable, made once', async () => {
  const o = { municipalities: 3, cases: 240, jobs: 2 };
  assert.deepEqual(await generateNetworkBenchData(db, o, () => {}), { created: 3, skipped: 0 });
  const facts = await db.transaction({ municipalityId: null }, async (tx) => {
    const r = await sql<{ n: number; published: number; statuses: number; both: number; da_only: number; en_only: number; measured: number; indexed: number; counted: number }>`select
        count(*)::int as n, count(*) filter (where published)::int as published, count(distinct status)::int as statuses,
        count(*) filter (where title_da is not null and title_en is not null)::int as both,
        count(*) filter (where title_en is null)::int as da_only, count(*) filter (where title_da is null)::int as en_only,
        count(*) filter (where has_measured_savings)::int as measured,
        (select count(*)::int from network_case_search) as indexed,
        (select n from network_case_facet_counts where dim1 = 'all' and val1 = 'all' and dim2 = 'all' and val2 = 'all') as counted
      from network_cases c join municipalities m on m.id = c.municipality_id where m.slug like 'bench-%'`.execute(tx);
    return r.rows[0]!;
  });
  assert.equal(facts.n, 240);
  assert.equal(facts.statuses, 5);
  assert.ok(facts.both > 0 && facts.da_only > 0 && facts.en_only > 0, JSON.stringify(facts));
  assert.ok(facts.measured > 0 && facts.measured < facts.published);
  assert.equal(facts.indexed, facts.published, 'every published case is in the search table');
  assert.equal(Number(facts.counted), facts.published, 'the kept count');
  const found = (q: string) => db.transaction({ municipalityId: null }, (tx) => searchCases(tx, { q, sort: 'relevance', page: 1, pageSize: 5 }));
  assert.ok((await found('busruter')).total > 0, 'Danish stemming');
  assert.ok((await found('buses')).total > 0, 'English');
  assert.deepEqual(await generateNetworkBenchData(db, o, () => {}), { created: 0, skipped: 3 });
});
