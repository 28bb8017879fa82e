// Correcting an initiative's text after proposing: who may, what a bad form gives back, and the
// timeline entry that tells supporters the text changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { createMunicipality, createPerson, type TestPerson } from '../../testing/actors.js';
import { settleNotifications } from '../notifications/index.js';

let app: TestApp;
let mid: number;
let owner: TestPerson;
let facilitator: TestPerson;
let resident: TestPerson;
const slug = 'rettelse';
const base = `/m/${slug}/initiatives`;

function client(person?: TestPerson): TestClient {
  const c = app.client();
  if (person) c.setCookie('samskab_session', person.sessionToken);
  return c;
}

before(async () => {
  app = await testApp();
  mid = await createMunicipality(app.db, slug, 'Rettelse Kommune');
  owner = await createPerson(app.db, { name: 'Karen Lund', roles: [[mid, 'resident']], lang: 'da' });
  facilitator = await createPerson(app.db, { name: 'Anders Holm', roles: [[mid, 'facilitator']], lang: 'da' });
  resident = await createPerson(app.db, { name: 'Bo Skov', roles: [[mid, 'resident']], lang: 'da' });
});
after(async () => {
  await settleNotifications();
  await app.close();
});

const original = {
  title: 'Fælles rengøringshold',
  problem: 'Rådhuset og hallen bliver ikke gjort ordentligt rent.',
  proposal: 'Borgere og kommunens rengøringsfolk danner et fælles hold.',
  lang: 'da',
};

async function propose(): Promise<number> {
  const res = await client(owner).post(base, original, { formPage: `${base}/new` });
  assert.equal(res.status, 303);
  return Number(/\/initiatives\/(\d+)$/.exec(res.headers.get('location') ?? '')![1]);
}

const row = (id: number) =>
  app.db.transaction({ municipalityId: mid }, async (tx) =>
    (await sql<{ title: string; problem: string }>`select title, problem from initiatives where municipality_id = ${mid} and id = ${id}`.execute(tx)).rows[0]!,
  );
const editedEvents = (id: number) =>
  app.db.transaction({ municipalityId: mid }, async (tx) =>
    (await sql<{ body: string }>`select body from initiatives_events where municipality_id = ${mid} and initiative_id = ${id} and kind = 'edited' order by id`.execute(tx)).rows,
  );

test('the owner corrects the text; the timeline says so with the old title', async () => {
  const id = await propose();
  const page = await client(owner).get(`${base}/${id}`);
  assert.match(await page.text(), new RegExp(`href="${base}/${id}/edit"`));
  const form = await client(owner).get(`${base}/${id}/edit`);
  assert.equal(form.status, 200);
  assert.match(await form.text(), /Rådhuset og hallen/);
  const res = await client(owner).post(`${base}/${id}/edit`, { ...original, title: 'Fælles rengøringshold i Uldum' });
  assert.equal(res.status, 303);
  assert.equal((await row(id)).title, 'Fælles rengøringshold i Uldum');
  assert.deepEqual((await editedEvents(id)).map((e) => e.body), ['Fælles rengøringshold']);
  const after = await (await client().get(`${base}/${id}`)).text();
  assert.match(after, /Teksten er rettet/);
  // Saving unchanged adds no entry.
  await client(owner).post(`${base}/${id}/edit`, { ...original, title: 'Fælles rengøringshold i Uldum' });
  assert.equal((await editedEvents(id)).length, 1);
});

test('a bad form comes back with 422, the values and the errors; nothing stored', async () => {
  const id = await propose();
  const res = await client(owner).post(`${base}/${id}/edit`, { ...original, title: 'x', problem: 'Helt ny beskrivelse af problemet' });
  assert.equal(res.status, 422);
  const body = await res.text();
  assert.match(body, /Helt ny beskrivelse af problemet/);
  assert.match(body, /class="form-error-message"/);
  const unknownArea = await client(owner).post(`${base}/${id}/edit`, { ...original, area: '999999' });
  assert.equal(unknownArea.status, 422);
  assert.equal((await row(id)).problem, original.problem);
  assert.equal((await editedEvents(id)).length, 0);
});

test('others may not: 403 for another resident, 401 signed out; the facilitator may', async () => {
  const id = await propose();
  assert.equal((await client(resident).get(`${base}/${id}/edit`)).status, 403);
  assert.equal((await client(resident).post(`${base}/${id}/edit`, { ...original, title: 'Kapret titel' })).status, 403);
  const anon = client();
  const csrf = await anon.csrfFrom('/login');
  assert.equal((await anon.post(`${base}/${id}/edit`, { ...original, title: 'Kapret titel' }, { csrf })).status, 401);
  assert.equal((await row(id)).title, original.title);
  // The facilitator assigned to it may correct it too (e.g. a typo noticed in triage).
  const assign = await client(facilitator).post(`${base}/${id}/assign`, {}, { formPage: `${base}/${id}` });
  assert.equal(assign.status, 303);
  const res = await client(facilitator).post(`${base}/${id}/edit`, { ...original, title: 'Fælles rengøringshold, rettet' });
  assert.equal(res.status, 303);
  assert.equal((await row(id)).title, 'Fælles rengøringshold, rettet');
});

test('HTML in the corrected text is shown as text', async () => {
  const id = await propose();
  await client(owner).post(`${base}/${id}/edit`, { ...original, title: '<script>alert(1)</script> hold' });
  const page = await (await client().get(`${base}/${id}`)).text();
  assert.doesNotMatch(page, /<script>alert/);
  assert.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt; hold/);
});
