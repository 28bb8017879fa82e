// The public JSON API: answers validated with the very schemas the OpenAPI document is built from.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { createMunicipality } from '../../testing/actors.js';
import { apiErrorSchema } from '../../core/http/api.js';
import { municipalityDetailSchema, municipalityListSchema } from './municipalities.api.js';

let app: TestApp;
const boundary = { type: 'MultiPolygon', coordinates: [[[[9.5, 55.8], [9.6, 55.8], [9.6, 55.9], [9.5, 55.8]]]] };

before(async () => {
  app = await testApp();
  const id = await createMunicipality(app.db, 'api-test', 'Apirup Kommune');
  await createMunicipality(app.db, 'api-empty', 'Tomrup Kommune');
  await app.db.transaction({ municipalityId: id }, async (tx) => {
    await sql`update municipalities set inhabitants = 12000, region = 'Region Sjælland', tagline_da = 'Hej', tagline_en = 'Hi' where id = ${id}`.execute(tx);
    await sql`insert into municipalities_areas (municipality_id, name, kind, inhabitants, boundary) values (${id}, 'Nordby', 'town', 3000, ${JSON.stringify(boundary)}), (${id}, 'Sønderlund', 'rural_district', null, null)`.execute(tx);
    await sql`insert into municipalities_themes (municipality_id, key, name_da, name_en) values (${id}, 'culture', 'Kultur', 'Culture')`.execute(tx);
  });
});
after(() => app.close());

test('GET /api/v1/municipalities lists every municipality, matching its schema', async () => {
  const res = await app.fetch('/api/v1/municipalities');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'public, max-age=60');
  assert.equal(res.headers.get('set-cookie'), null);
  const body = municipalityListSchema.strict().parse(await res.json());
  const m = body.municipalities.find((x) => x.slug === 'api-test');
  assert.deepEqual(m, {
    slug: 'api-test',
    name: 'Apirup Kommune',
    region: 'Region Sjælland',
    inhabitants: 12000,
    tagline: { da: 'Hej', en: 'Hi' },
    defaultLanguage: 'da',
    links: { html: '/m/api-test', api: '/api/v1/municipalities/api-test' },
  });
});

test('GET /api/v1/municipalities/:slug has the areas and themes, and public data only', async () => {
  const res = await app.fetch('/api/v1/municipalities/api-test');
  assert.equal(res.status, 200);
  const raw = (await res.json()) as Record<string, unknown>;
  const body = municipalityDetailSchema.parse(raw);
  assert.deepEqual(body.areas.map((a) => [a.name, a.kind, a.inhabitants]), [['Nordby', 'town', 3000], ['Sønderlund', 'rural_district', null]]);
  assert.deepEqual(body.areas[0]?.boundary, boundary);
  assert.deepEqual(body.themes, [{ key: 'culture', name: { da: 'Kultur', en: 'Culture' } }]);
  // Internal columns never leave: the tenant id, time stamps, the network flag.
  const text = JSON.stringify(raw);
  for (const secret of ['municipalityId', 'municipality_id', 'created_at', 'networkMember', 'timeZone']) assert.ok(!text.includes(secret), secret);
  assert.equal('id' in raw, false);
});

test('a municipality without areas or themes has empty lists', async () => {
  const body = municipalityDetailSchema.parse(await (await app.fetch('/api/v1/municipalities/api-empty')).json());
  assert.deepEqual([body.areas, body.themes], [[], []]);
});

test('an unknown slug is a JSON 404 in the language asked for', async () => {
  const da = await app.fetch('/api/v1/municipalities/no-such-place');
  assert.equal(da.status, 404);
  assert.match(da.headers.get('content-type') ?? '', /application\/json/);
  assert.deepEqual(apiErrorSchema.parse(await da.json()), { error: { status: 404, message: 'Der findes ingen kommune med den adresse.' } });
  const en = await app.fetch('/api/v1/municipalities/no-such-place', { headers: { 'accept-language': 'en' } });
  assert.equal(apiErrorSchema.parse(await en.json()).error.message, 'There is no municipality with that address.');
  const bad = await app.fetch('/api/v1/municipalities/Not_A_Slug?lang=en');
  assert.equal(bad.status, 400);
  assert.equal(apiErrorSchema.parse(await bad.json()).error.status, 400);
  const unknownPath = await app.fetch('/api/v1/nothing-here');
  assert.equal(unknownPath.status, 404);
  assert.equal(apiErrorSchema.parse(await unknownPath.json()).error.status, 404);
});

test('openapi.json describes both endpoints with the schemas the answers were checked against', async () => {
  const res = await app.fetch('/api/v1/openapi.json');
  assert.equal(res.status, 200);
  const doc = (await res.json()) as any;
  assert.equal(doc.openapi, '3.1.0');
  assert.equal(doc.info.title, 'Samskab API');
  const list = doc.paths['/api/v1/municipalities']?.get;
  const one = doc.paths['/api/v1/municipalities/{slug}']?.get;
  assert.equal(list.operationId, 'listMunicipalities');
  assert.equal(one.operationId, 'getMunicipality');
  assert.deepEqual(list.responses['200'].content['application/json'].schema, { $ref: '#/components/schemas/MunicipalityList' });
  assert.deepEqual(one.responses['200'].content['application/json'].schema, { $ref: '#/components/schemas/Municipality' });
  assert.deepEqual(one.responses['404'].content['application/json'].schema, { $ref: '#/components/schemas/Error' });
  assert.deepEqual(one.parameters.map((p: any) => [p.name, p.in, p.required]), [['slug', 'path', true]]);
  const schemas = doc.components.schemas;
  for (const name of ['Municipality', 'MunicipalityList', 'MunicipalitySummary', 'Area', 'Theme', 'Boundary', 'LocalizedText', 'Error']) assert.ok(schemas[name], name);
  assert.deepEqual(schemas.Area.properties.kind.enum, ['town', 'village', 'rural_district']);
  assert.deepEqual(schemas.Municipality.required.sort(), Object.keys(municipalityDetailSchema.shape).sort());
  // Every reference points at a component that exists.
  for (const [, ref] of JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) assert.ok(schemas[ref!], ref);
});
