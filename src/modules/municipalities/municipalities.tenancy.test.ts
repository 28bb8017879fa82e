// Proves the tenant wall: with the tenant set to A, a query that forgets `where municipality_id`
// still sees only A's rows, and rows for B can be neither written nor read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testDatabase, type TestDatabase } from '../../testing/test-db.js';

let db: TestDatabase;
let a: number;
let b: number;

before(async () => {
  db = await testDatabase();
  const ids = await db.transaction({ municipalityId: null }, async (tx) => {
    const rows = await sql<{ id: number }>`insert into municipalities (slug, name) values ('aa', 'A Kommune'), ('bb', 'B Kommune') returning id`.execute(tx);
    return rows.rows.map((r) => r.id);
  });
  [a, b] = ids as [number, number];
  for (const [m, name] of [[a, 'Alpha'], [b, 'Beta']] as const) {
    await db.transaction({ municipalityId: m }, (tx) => sql`insert into municipalities_areas (municipality_id, name, kind) values (${m}, ${name}, 'town')`.execute(tx));
  }
});
after(() => db.destroy());

test('requests run as the application role, which owns no table', async () => {
  const r = await db.transaction({ municipalityId: a }, (tx) =>
    sql<{ me: string; owned: number }>`select current_user as me, (select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user)::int as owned`.execute(tx),
  );
  assert.equal(r.rows[0]?.me, 'samskab_app');
  assert.equal(r.rows[0]?.owned, 0);
});

test('a query without a tenant filter sees only the current tenant', async () => {
  const seen = await db.transaction({ municipalityId: a }, (tx) => sql<{ name: string }>`select name from municipalities_areas`.execute(tx));
  assert.deepEqual(seen.rows.map((r) => r.name), ['Alpha']);
  const byId = await db.transaction({ municipalityId: a }, (tx) => sql<{ name: string }>`select name from municipalities_areas where municipality_id = ${b}`.execute(tx));
  assert.equal(byId.rows.length, 0, 'asking for B by id from A returns nothing');
});

test('without a tenant no tenant rows are visible', async () => {
  const seen = await db.transaction({ municipalityId: null }, (tx) => sql`select * from municipalities_areas`.execute(tx));
  assert.equal(seen.rows.length, 0);
});

test("writing a row into another tenant is refused and changes nothing", async () => {
  await assert.rejects(
    db.transaction({ municipalityId: a }, (tx) => sql`insert into municipalities_areas (municipality_id, name, kind) values (${b}, 'Smuggled', 'town')`.execute(tx)),
    /row-level security/,
  );
  const updated = await db.transaction({ municipalityId: a }, (tx) => sql`update municipalities_areas set name = 'Hijacked' where municipality_id = ${b}`.execute(tx));
  assert.equal(Number(updated.numAffectedRows ?? 0), 0);
  const still = await db.transaction({ municipalityId: b }, (tx) => sql<{ name: string }>`select name from municipalities_areas`.execute(tx));
  assert.deepEqual(still.rows.map((r) => r.name), ['Beta']);
});

test('the tenant setting ends with its transaction', async () => {
  await db.transaction({ municipalityId: a }, async () => {});
  const r = await db.transaction({ municipalityId: null }, (tx) => sql<{ m: number | null }>`select core_current_municipality() as m`.execute(tx));
  assert.equal(r.rows[0]?.m, null);
});

test('an SQL error does not poison the next query', async () => {
  await assert.rejects(db.transaction({ municipalityId: a }, (tx) => sql`select 1 / 0`.execute(tx)), /division by zero/);
  await assert.rejects(sql`select * from no_such_table`.execute(db.owner), /no_such_table/);
  const r = await db.transaction({ municipalityId: a }, (tx) => sql<{ n: number }>`select count(*)::int as n from municipalities_areas`.execute(tx));
  assert.equal(r.rows[0]?.n, 1);
});
