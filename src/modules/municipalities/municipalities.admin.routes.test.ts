// The admin screens through HTTP: who gets in, forms that fail and succeed, and escaping.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { createMunicipality, createPerson } from '../../testing/actors.js';
import type { MunicipalRole } from '../../core/auth/actor.js';

let app: TestApp;
let m: number;
let other: number;
const base = '/m/adm-test/admin';
const square = JSON.stringify({ type: 'Polygon', coordinates: [[[9.5, 55.8], [9.6, 55.8], [9.6, 55.9], [9.5, 55.9], [9.5, 55.8]]] });

before(async () => {
  app = await testApp();
  m = await createMunicipality(app.db, 'adm-test', 'Testrup Kommune');
  other = await createMunicipality(app.db, 'adm-other', 'Andet Kommune');
});
after(() => app.close());

async function as(role: MunicipalRole | null, municipality = m, lang: 'da' | 'en' = 'da'): Promise<TestClient> {
  const client = app.client();
  if (role) {
    const person = await createPerson(app.db, { roles: [[municipality, role]], lang });
    client.setCookie('samskab_session', person.sessionToken);
  }
  return client;
}

const adminPages = [base, `${base}/areas`, `${base}/areas/new`, `${base}/themes`, `${base}/themes/new`, `${base}/settings`];

test('anonymous visitors are sent to sign in, and come back afterwards', async () => {
  const client = await as(null);
  for (const path of adminPages) {
    const res = await client.get(path);
    assert.equal(res.status, 302, path);
    assert.equal(res.headers.get('location'), `/login?next=${encodeURIComponent(path)}`);
  }
});

test('an anonymous form post is refused without running the command', async () => {
  const client = await as(null);
  const res = await client.post(`${base}/areas/new`, { name: 'Anon', kind: 'town', inhabitants: '', boundary: '' }, { formPage: '/login' });
  assert.equal(res.status, 401);
  assert.doesNotMatch(await (await client.get('/m/adm-test')).text(), /Anon/);
});

test('residents, finance officers and admins of another municipality get 403', async () => {
  for (const [role, where] of [['resident', m], ['finance_officer', m], ['admin', other]] as const) {
    const client = await as(role, where);
    for (const path of adminPages) assert.equal((await client.get(path)).status, 403, `${role}@${where} ${path}`);
    const post = await client.post(`${base}/areas/new`, { name: 'Nope', kind: 'town', inhabitants: '', boundary: '' }, { formPage: '/' });
    assert.equal(post.status, 403);
  }
});

test('facilitators see the overview read-only and nothing else', async () => {
  const client = await as('facilitator');
  const res = await client.get(base);
  assert.equal(res.status, 200);
  const body = await res.text();
  assert.match(body, /kun kommunens administratorer/);
  assert.doesNotMatch(body, new RegExp(`href="${base}/areas"`));
  for (const path of adminPages.slice(1)) assert.equal((await client.get(path)).status, 403, path);
});

test('an unknown municipality is 404, before anything else', async () => {
  assert.equal((await (await as(null)).get('/m/no-such-place/admin')).status, 404);
});

test('admins see the overview with links to every section, staff included', async () => {
  const client = await as('admin');
  const body = await (await client.get(base)).text();
  for (const href of [`${base}/areas`, `${base}/themes`, `${base}/settings`, `${base}/staff`]) assert.ok(body.includes(`href="${href}"`), href);
});

test('creating an area: Post/Redirect/Get with a message, then it is listed', async () => {
  const client = await as('admin');
  const res = await client.post(`${base}/areas/new`, { name: 'Uldum', kind: 'village', inhabitants: '1.900', boundary: square });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `${base}/areas`);
  const list = await (await client.get(`${base}/areas`)).text();
  assert.match(list, /Lokalområdet er oprettet/);
  assert.match(list, /Uldum/);
  assert.match(list, /1\.900/);
  const home = await (await client.get('/m/adm-test')).text();
  assert.match(home, /Omrids af Uldum/, 'the boundary is drawn on the home page');
});

test('a failed form comes back with 422, the values typed, and an error at each field', async () => {
  const client = await as('admin');
  const boundary = '{"type":"Polygon","coordinates":[[[9.5,55.8],[9.6,55.8],[9.6,55.9],[9.5,55.95]]]}';
  const res = await client.post(`${base}/areas/new`, { name: '', kind: 'castle', inhabitants: '12,5', boundary });
  assert.equal(res.status, 422);
  const body = await res.text();
  assert.match(body, /Der er 4 problemer/);
  assert.match(body, /Skriv lokalområdets navn/);
  assert.match(body, /Vælg, om lokalområdet er en by/);
  assert.match(body, /Skriv antallet af indbyggere som et helt tal/);
  assert.match(body, /Ring 1 er ikke lukket/);
  assert.match(body, /value="12,5"/);
  assert.ok(body.includes('9.5,55.95'), 'the boundary text is kept');
  assert.match(body, /id="f-boundary"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-boundary"/);
});

test('a taken name is shown next to the name field, in English too', async () => {
  const client = await as('admin', m, 'en');
  await client.post(`${base}/areas/new`, { name: 'Stouby', kind: 'village', inhabitants: '', boundary: '' });
  const res = await client.post(`${base}/areas/new`, { name: 'stouby', kind: 'town', inhabitants: '1200', boundary: '' });
  assert.equal(res.status, 422);
  const body = await res.text();
  assert.match(body, /<span class="form-error-message" id="f-name-error"><span class="sr-only">Error:<\/span> There is already a local area with that name/);
  assert.match(body, /value="stouby"/);
  assert.match(body, /value="1200"/);
});

test('editing and deleting an area, with a confirmation page that works without JavaScript', async () => {
  const client = await as('admin');
  await client.post(`${base}/areas/new`, { name: 'Barrit', kind: 'village', inhabitants: '600', boundary: '' });
  const list = await (await client.get(`${base}/areas`)).text();
  const id = new RegExp(`${base}/areas/(\\d+)/edit" aria-label="Rediger Barrit"`).exec(list)?.[1];
  assert.ok(id, 'edit link');

  const form = await (await client.get(`${base}/areas/${id}/edit`)).text();
  assert.match(form, /value="Barrit"/);
  const saved = await client.post(`${base}/areas/${id}/edit`, { name: 'Barrit Sogn', kind: 'rural_district', inhabitants: '650', boundary: '' });
  assert.equal(saved.status, 303);
  assert.match(await (await client.get(`${base}/areas`)).text(), /Barrit Sogn/);

  const confirm = await client.get(`${base}/areas/${id}/delete`);
  assert.equal(confirm.status, 200);
  const confirmBody = await confirm.text();
  assert.match(confirmBody, /Vil du slette lokalområdet Barrit Sogn\?/);
  assert.match(confirmBody, new RegExp(`<form method="post" action="${base}/areas/${id}/delete"`));
  const deleted = await client.post(`${base}/areas/${id}/delete`, {});
  assert.equal(deleted.status, 303);
  assert.doesNotMatch(await (await client.get(`${base}/areas`)).text(), /Barrit Sogn/);
  assert.equal((await client.get(`${base}/areas/${id}/edit`)).status, 404);
  assert.equal((await client.get(`${base}/areas/abc/edit`)).status, 404);
});

test('an area of another municipality is not found through this one', async () => {
  const otherAdmin = await as('admin', other);
  await otherAdmin.post('/m/adm-other/admin/areas/new', { name: 'Fremmed', kind: 'town', inhabitants: '', boundary: '' });
  const list = await (await otherAdmin.get('/m/adm-other/admin/areas')).text();
  const id = /\/areas\/(\d+)\/edit" aria-label="Rediger Fremmed"/.exec(list)?.[1];
  assert.ok(id);
  const client = await as('admin');
  assert.equal((await client.get(`${base}/areas/${id}/edit`)).status, 404);
  assert.equal((await client.post(`${base}/areas/${id}/edit`, { name: 'Stjålet', kind: 'town', inhabitants: '', boundary: '' }, { formPage: base })).status, 404);
});

test('a name with markup is shown as text, never as markup', async () => {
  const client = await as('admin');
  const evil = '<script>alert(1)</script>';
  assert.equal((await client.post(`${base}/areas/new`, { name: evil, kind: 'town', inhabitants: '', boundary: '' })).status, 303);
  const list = await (await client.get(`${base}/areas`)).text();
  const id = /\/areas\/(\d+)\/edit" aria-label="Rediger &lt;script/.exec(list)?.[1];
  assert.ok(id);
  for (const path of [`${base}/areas`, '/m/adm-test', `${base}/areas/${id}/edit`, `${base}/areas/${id}/delete`]) {
    const body = await (await client.get(path)).text();
    assert.ok(!body.includes(evil), path);
    assert.ok(body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), path);
  }
});

test('themes: create, refuse a taken key at the key field, edit, delete', async () => {
  const client = await as('admin');
  assert.equal((await client.post(`${base}/themes/new`, { key: 'Mobility', nameDa: 'Mobilitet', nameEn: 'Mobility' })).status, 303);
  const taken = await client.post(`${base}/themes/new`, { key: 'mobility', nameDa: 'Igen', nameEn: '' });
  assert.equal(taken.status, 422);
  const body = await taken.text();
  assert.match(body, /Skriv temaets navn på engelsk/);
  const again = await client.post(`${base}/themes/new`, { key: 'mobility', nameDa: 'Igen', nameEn: 'Again' });
  assert.equal(again.status, 422);
  assert.match(await again.text(), /id="f-key-error"><span class="sr-only">Fejl:<\/span> Der er allerede et tema med den nøgle/);
  const bad = await client.post(`${base}/themes/new`, { key: 'sundhed og omsorg', nameDa: 'Sundhed', nameEn: 'Health' });
  assert.match(await bad.text(), /Nøglen må kun indeholde små bogstaver/);

  const list = await (await client.get(`${base}/themes`)).text();
  const id = /\/themes\/(\d+)\/edit"/.exec(list)?.[1];
  assert.ok(id);
  assert.equal((await client.post(`${base}/themes/${id}/edit`, { key: 'mobility', nameDa: 'Mobilitet og transport', nameEn: 'Mobility and transport' })).status, 303);
  assert.match(await (await client.get('/m/adm-test')).text(), /Mobilitet og transport/);
  assert.match(await (await client.get(`${base}/themes/${id}/delete`)).text(), /Vil du slette temaet Mobilitet og transport\?/);
  assert.equal((await client.post(`${base}/themes/${id}/delete`, {})).status, 303);
  assert.doesNotMatch(await (await client.get(`${base}/themes`)).text(), /Mobilitet og transport/);
});

test('settings: a failed save keeps what was typed; a good one shows on the home page', async () => {
  const client = await as('admin');
  const form = await (await client.get(`${base}/settings`)).text();
  assert.match(form, /value="Testrup Kommune"/);
  const bad = await client.post(`${base}/settings`, { name: '', taglineDa: 'Tæt på', taglineEn: '', inhabitants: 'mange', defaultLang: 'da' });
  assert.equal(bad.status, 422);
  const badBody = await bad.text();
  assert.match(badBody, /Skriv kommunens navn/);
  assert.match(badBody, /value="Tæt på"/);
  assert.match(badBody, /value="mange"/);
  const good = await client.post(`${base}/settings`, { name: 'Testrup Kommune', taglineDa: 'Tæt på hinanden', taglineEn: 'Close together', inhabitants: '21 500', defaultLang: 'en' });
  assert.equal(good.status, 303);
  const home = await (await client.get('/m/adm-test')).text();
  assert.match(home, /Tæt på hinanden/);
  assert.match(home, /21\.500 indbyggere/);
});

test('network admins add a municipality; others may not', async () => {
  const path = '/network/admin/municipalities/new';
  const anon = await as(null);
  assert.equal((await anon.get(path)).status, 302);
  assert.equal((await (await as('admin')).get(path)).status, 403);

  const client = app.client();
  client.setCookie('samskab_session', (await createPerson(app.db, { networkRole: 'admin' })).sessionToken);
  assert.match(await (await client.get('/')).text(), /href="\/network\/admin\/municipalities\/new"/);
  const bad = await client.post(path, { slug: 'Ringkøbing Skjern', name: '', region: 'Region Jylland', inhabitants: '' });
  assert.equal(bad.status, 422);
  const badBody = await bad.text();
  assert.match(badBody, /Adressen må kun indeholde/);
  assert.match(badBody, /Vælg en af de fem regioner/);
  assert.match(badBody, /value="Ringkøbing Skjern"/);
  const ok = await client.post(path, { slug: 'ringkobing-skjern', name: 'Ringkøbing-Skjern Kommune', region: 'Region Midtjylland', inhabitants: '56.000' });
  assert.equal(ok.status, 303);
  assert.equal(ok.headers.get('location'), '/m/ringkobing-skjern');
  assert.match(await (await client.get('/m/ringkobing-skjern')).text(), /Kommunen er tilføjet/);
  const taken = await client.post(path, { slug: 'ringkobing-skjern', name: 'Igen', region: '', inhabitants: '' });
  assert.equal(taken.status, 422);
  assert.match(await taken.text(), /Der er allerede en kommune med den adresse/);
});

test('the home page shows the admin link to those who may use it', async () => {
  assert.match(await (await (await as('admin')).get('/m/adm-test')).text(), new RegExp(`href="${base}"`));
  assert.match(await (await (await as('facilitator')).get('/m/adm-test')).text(), new RegExp(`href="${base}"`));
  assert.doesNotMatch(await (await (await as('resident')).get('/m/adm-test')).text(), new RegExp(`href="${base}"`));
});
