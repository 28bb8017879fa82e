// Commands and repository against a real, freshly migrated database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Actor, MunicipalRole, NetworkRole } from '../../core/auth/actor.js';
import { testDatabase, type TestDatabase } from '../../testing/test-db.js';
import { createMunicipality as insertTestMunicipality } from '../../testing/actors.js';
import { createArea } from './commands/create-area.js';
import { updateArea } from './commands/update-area.js';
import { deleteArea } from './commands/delete-area.js';
import { createTheme } from './commands/create-theme.js';
import { updateTheme } from './commands/update-theme.js';
import { deleteTheme } from './commands/delete-theme.js';
import { updateMunicipalitySettings } from './commands/update-municipality-settings.js';
import { createMunicipality } from './commands/create-municipality.js';
import { findArea, listAreas, listThemes } from './municipalities.repository.js';
import { loadMunicipality } from './municipalities.queries.js';
import type { Boundary } from './municipalities.types.js';

let db: TestDatabase;
let a: number;
let b: number;

function actor(roles: [number, MunicipalRole][], networkRole: NetworkRole | null = null): Actor {
  const map = new Map<number, Set<MunicipalRole>>();
  for (const [m, r] of roles) map.set(m, (map.get(m) ?? new Set()).add(r));
  return { id: 1, sessionId: 's', displayName: 'A', email: 'a@example.dk', emailVerified: true, lang: null, networkRole, roles: map };
}

let adminA: Actor;
let adminB: Actor;
const square: Boundary = { type: 'Polygon', coordinates: [[[9.5, 55.8], [9.6, 55.8], [9.6, 55.9], [9.5, 55.9], [9.5, 55.8]]] };

before(async () => {
  db = await testDatabase();
  a = await insertTestMunicipality(db, 'aa-cmd', 'A Kommune');
  b = await insertTestMunicipality(db, 'bb-cmd', 'B Kommune');
  adminA = actor([[a, 'admin']]);
  adminB = actor([[b, 'admin']]);
});
after(() => db.destroy());

const fields = (name: string, boundary: Boundary | null = null) => ({ name, kind: 'village' as const, inhabitants: 1900, boundary });

test('an admin creates an area with a boundary, stored as JSON and read back as given', async () => {
  const r = await createArea(db, adminA, a, fields('Uldum', square));
  assert.ok(r.ok);
  const stored = await db.transaction({ municipalityId: a }, (tx) => findArea(tx, a, r.value.id));
  assert.deepEqual(stored?.boundary, square);
  const type = await db.transaction({ municipalityId: a }, (tx) => sql<{ t: string }>`select jsonb_typeof(boundary->'coordinates') as t from municipalities_areas where id = ${r.value.id}`.execute(tx));
  assert.equal(type.rows[0]?.t, 'array');
});

test('a second area with the same name in any letter case is area_name_taken', async () => {
  assert.ok((await createArea(db, adminA, a, fields('Stouby'))).ok);
  const again = await createArea(db, adminA, a, fields('  STOUBY'.trim()));
  assert.deepEqual(again, { ok: false, error: 'area_name_taken', detail: undefined });
});

test('a double submit creates one area: the other becomes area_name_taken', async () => {
  const results = await Promise.all([createArea(db, adminA, a, fields('Barrit')), createArea(db, adminA, a, fields('Barrit'))]);
  assert.deepEqual(results.map((r) => r.ok).sort(), [false, true]);
  assert.ok(results.some((r) => !r.ok && r.error === 'area_name_taken'));
  const areas = await db.transaction({ municipalityId: a }, (tx) => listAreas(tx, a));
  assert.equal(areas.filter((x) => x.name === 'Barrit').length, 1);
});

test('the same area name may exist in two municipalities', async () => {
  assert.ok((await createArea(db, adminB, b, fields('Uldum'))).ok);
});

test('only the municipality’s own admin may change it', async () => {
  assert.deepEqual(await createArea(db, adminB, a, fields('Smuggled')), { ok: false, error: 'forbidden', detail: undefined });
  assert.equal((await createArea(db, actor([[a, 'facilitator']]), a, fields('Smuggled'))).ok, false);
  assert.equal((await createArea(db, null, a, fields('Smuggled'))).ok, false);
  assert.equal((await createTheme(db, actor([[a, 'resident']]), a, { key: 'x', name: { da: 'X', en: 'X' } })).ok, false);
});

test('update renames an area, refuses a taken name, and says when the area is gone', async () => {
  const r = await createArea(db, adminA, a, fields('Daugaard'));
  assert.ok(r.ok);
  const renamed = await updateArea(db, adminA, a, r.value.id, { ...fields('Daugård'), kind: 'town', inhabitants: null });
  assert.ok(renamed.ok);
  assert.equal(renamed.value.name, 'Daugård');
  assert.equal(renamed.value.kind, 'town');
  assert.equal(renamed.value.inhabitants, null);
  assert.deepEqual(await updateArea(db, adminA, a, r.value.id, fields('uldum')), { ok: false, error: 'area_name_taken', detail: undefined });
  assert.deepEqual(await updateArea(db, adminA, a, 999_999, fields('Nowhere')), { ok: false, error: 'area_not_found', detail: undefined });
});

test('an area of another municipality cannot be reached through this one', async () => {
  const inB = await createArea(db, adminB, b, fields('Only in B'));
  assert.ok(inB.ok);
  assert.deepEqual(await updateArea(db, adminA, a, inB.value.id, fields('Hijacked')), { ok: false, error: 'area_not_found', detail: undefined });
  assert.deepEqual(await deleteArea(db, adminA, a, inB.value.id), { ok: false, error: 'area_not_found', detail: undefined });
});

test('delete removes an area once; the second time it is not found', async () => {
  const r = await createArea(db, adminA, a, fields('Short-lived'));
  assert.ok(r.ok);
  assert.deepEqual(await deleteArea(db, adminA, a, r.value.id), { ok: true, value: undefined });
  assert.equal((await deleteArea(db, adminA, a, r.value.id)).ok, false);
});

test('an area another table points at is area_in_use, not a crash', async () => {
  const r = await createArea(db, adminA, a, fields('Referenced'));
  assert.ok(r.ok);
  // Stands in for another module's table, e.g. groups in an area.
  await sql`create table municipalities_test_refs (municipality_id integer not null, area_id integer not null, foreign key (municipality_id, area_id) references municipalities_areas (municipality_id, id))`.execute(db.owner);
  await sql`insert into municipalities_test_refs values (${a}, ${r.value.id})`.execute(db.owner);
  assert.deepEqual(await deleteArea(db, adminA, a, r.value.id), { ok: false, error: 'area_in_use', detail: undefined });
  await sql`drop table municipalities_test_refs`.execute(db.owner);
});

test('themes: create, duplicate key, update, delete', async () => {
  const r = await createTheme(db, adminA, a, { key: 'mobility', name: { da: 'Mobilitet', en: 'Mobility' } });
  assert.ok(r.ok);
  assert.deepEqual(await createTheme(db, adminA, a, { key: 'mobility', name: { da: 'Igen', en: 'Again' } }), { ok: false, error: 'theme_key_taken', detail: undefined });
  const other = await createTheme(db, adminA, a, { key: 'culture', name: { da: 'Kultur', en: 'Culture' } });
  assert.ok(other.ok);
  assert.deepEqual(await updateTheme(db, adminA, a, other.value.id, { key: 'mobility', name: { da: 'K', en: 'C' } }), { ok: false, error: 'theme_key_taken', detail: undefined });
  const updated = await updateTheme(db, adminA, a, other.value.id, { key: 'culture-leisure', name: { da: 'Kultur og fritid', en: 'Culture and leisure' } });
  assert.ok(updated.ok);
  assert.equal(updated.value.name.da, 'Kultur og fritid');
  assert.ok((await deleteTheme(db, adminA, a, other.value.id)).ok);
  assert.deepEqual(await deleteTheme(db, adminA, a, other.value.id), { ok: false, error: 'theme_not_found', detail: undefined });
  const themes = await db.transaction({ municipalityId: a }, (tx) => listThemes(tx, a));
  assert.deepEqual(themes.map((t) => t.key), ['mobility']);
});

test('settings change what the next page load shows at once', async () => {
  assert.equal((await loadMunicipality({ db }, 'aa-cmd'))?.name, 'A Kommune');
  const r = await updateMunicipalitySettings(db, adminA, a, { name: 'Aa Kommune', tagline: { da: 'Sammen', en: 'Together' }, inhabitants: 12_345, defaultLang: 'en' });
  assert.ok(r.ok);
  const m = await loadMunicipality({ db }, 'aa-cmd');
  assert.equal(m?.name, 'Aa Kommune');
  assert.deepEqual(m?.tagline, { da: 'Sammen', en: 'Together' });
  assert.equal(m?.inhabitants, 12_345);
  assert.equal(m?.defaultLang, 'en');
  assert.equal((await updateMunicipalitySettings(db, adminB, a, { name: 'X', tagline: { da: '', en: '' }, inhabitants: null, defaultLang: 'da' })).ok, false);
});

test('only a network admin creates a municipality; a taken slug is municipality_slug_taken', async () => {
  const fields = { slug: 'ny-kommune', name: 'Ny Kommune', region: 'Region Sjælland', inhabitants: 10 };
  assert.equal(await loadMunicipality({ db }, 'ny-kommune'), null, 'remembered as missing');
  assert.deepEqual(await createMunicipality(db, adminA, fields), { ok: false, error: 'forbidden', detail: undefined });
  const networkAdmin = actor([], 'admin');
  const r = await createMunicipality(db, networkAdmin, fields);
  assert.ok(r.ok);
  assert.equal((await loadMunicipality({ db }, 'ny-kommune'))?.id, r.value.id, 'the cached miss is forgotten');
  assert.deepEqual(await createMunicipality(db, networkAdmin, fields), { ok: false, error: 'municipality_slug_taken', detail: undefined });
});

test('the database refuses a boundary that is not a Polygon or MultiPolygon geometry', async () => {
  for (const bad of [{ type: 'Feature', geometry: square }, { type: 'Point', coordinates: [1, 2] }, [1, 2]]) {
    await assert.rejects(
      db.transaction({ municipalityId: a }, (tx) => sql`insert into municipalities_areas (municipality_id, name, kind, boundary) values (${a}, ${`Bad ${JSON.stringify(bad)}`}, 'town', ${JSON.stringify(bad)})`.execute(tx)),
      /municipalities_areas_boundary_type/,
    );
  }
});
