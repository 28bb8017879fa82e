// The pages and form posts through the whole HTTP pipeline (cookies, CSRF, PRG): 401/403/404/422
// answers, a failed form coming back with its values and errors, escaping of whatever people type,
// double submits, and the public JSON API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { createMunicipality, createPerson, type TestPerson } from '../../testing/actors.js';

let app: TestApp;
let mid: number;
let areaStouby: number;
let karen: TestPerson;
let jens: TestPerson;
let fatima: TestPerson;
let anders: TestPerson;

const LIST = '/m/hedensted/groups';
const NEW = '/m/hedensted/groups/new';

function as(person: TestPerson): TestClient {
  const client = app.client();
  client.setCookie('samskab_session', person.sessionToken);
  return client;
}

function groupForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: 'Grønne Hænder Hedensted',
    kind: 'informal',
    description: 'Vi passer byens grønne hjørner.',
    descriptionLang: 'da',
    membershipPolicy: 'open',
    areaId: '',
    themeId: '',
    cvr: '',
    statutes: '',
    creationKey: crypto.randomUUID(),
    ...overrides,
  };
}

/** Creates a group through the form and returns its path. */
async function createVia(client: TestClient, overrides: Record<string, string> = {}): Promise<string> {
  const res = await client.post(NEW, groupForm(overrides));
  assert.equal(res.status, 303, await res.clone().text());
  return res.headers.get('location')!;
}

async function count(table: string, where = 'true'): Promise<number> {
  const r = await app.db.transaction({ municipalityId: mid }, (tx) => sql<{ n: number }>`select count(*)::int as n from ${sql.raw(table)} where ${sql.raw(where)}`.execute(tx));
  return r.rows[0]!.n;
}

before(async () => {
  app = await testApp();
  mid = await createMunicipality(app.db, 'hedensted', 'Hedensted Kommune');
  areaStouby = await app.db.transaction({ municipalityId: mid }, async (tx) => {
    const r = await sql<{ id: number }>`insert into municipalities_areas (municipality_id, name, kind) values (${mid}, 'Stouby', 'village') returning id`.execute(tx);
    return r.rows[0]!.id;
  });
  karen = await createPerson(app.db, { name: 'Karen Lund Jensen', roles: [[mid, 'resident']] });
  jens = await createPerson(app.db, { name: 'Jens Peter Madsen', roles: [[mid, 'resident']] });
  fatima = await createPerson(app.db, { name: 'Fatima Ahmadi', roles: [[mid, 'resident']] });
  anders = await createPerson(app.db, { name: 'Anders Holm Sørensen', roles: [[mid, 'facilitator']] });
});
after(() => app.close());

test('visitors read the list and a group page; unknown municipality or group is 404', async () => {
  const path = await createVia(as(karen), { name: 'Åbent for alle' });
  const visitor = app.client();
  const list = await visitor.get(LIST);
  assert.equal(list.status, 200);
  const html = await list.text();
  assert.match(html, /Åbent for alle/);
  assert.match(html, /Log ind for at oprette en gruppe/);
  assert.equal((await visitor.get(path)).status, 200);
  assert.equal((await visitor.get('/m/nowhere/groups')).status, 404);
  assert.equal((await visitor.get(`${LIST}/no-such-group`)).status, 404);
  assert.equal((await visitor.get(`${LIST}/no-such-group/edit`)).status, 303, 'signed out: sign in first');
  assert.equal((await as(karen).get(`${LIST}/no-such-group/edit`)).status, 404);
});

test('signed out, the form sends you to sign in and a post is refused with 401', async () => {
  const visitor = app.client();
  const page = await visitor.get(NEW);
  assert.equal(page.status, 303);
  assert.equal(page.headers.get('location'), `/login?next=${encodeURIComponent(NEW)}`);
  const before = await count('groups');
  const post = await visitor.post(NEW, groupForm(), { formPage: '/login' });
  assert.equal(post.status, 401);
  assert.equal(await count('groups'), before);
});

test('a failed form comes back with 422, the values typed and an error next to each field', async () => {
  const client = as(karen);
  const res = await client.post(NEW, groupForm({ name: 'X', kind: 'association', cvr: '12345678', description: '', areaId: '999999' }));
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /Navnet skal være mindst 2 tegn/);
  assert.match(html, /CVR-nummeret er ikke gyldigt/);
  assert.match(html, /Skriv kort, hvad gruppen laver/);
  assert.match(html, /id="f-name-error"/);
  assert.match(html, /aria-describedby="f-name-hint f-name-error"/);
  assert.match(html, /value="12345678"/, 'the CVR number typed is kept');
  assert.match(html, /<title>Fejl:/);
  // A valid form that names an area of no municipality: the error lands on the area field.
  const area = await client.post(NEW, groupForm({ areaId: '999999' }));
  assert.equal(area.status, 422);
  assert.match(await area.text(), /Vælg et lokalområde fra listen/);
});

test('a resident cannot create a local council; a facilitator can, one per area', async () => {
  const res = await as(karen).post(NEW, groupForm({ name: 'Stouby Lokalråd', kind: 'local_council', areaId: String(areaStouby) }));
  assert.equal(res.status, 422);
  assert.match(await res.text(), /Kun kommunen kan gøre en gruppe til lokalråd/);
  const path = await createVia(as(anders), { name: 'Stouby Lokalråd', kind: 'local_council', areaId: String(areaStouby) });
  const page = await (await app.client().get(path)).text();
  assert.match(page, /Anerkendt af Hedensted Kommune som lokalråd for Stouby/);
  const second = await as(anders).post(NEW, groupForm({ name: 'Stouby Borgerråd', kind: 'local_council', areaId: String(areaStouby) }));
  assert.equal(second.status, 422);
  assert.match(await second.text(), /Området har allerede et anerkendt lokalråd/);
});

test('the same create form sent twice at once creates one group', async () => {
  const client = as(karen);
  const csrf = await client.csrfFrom(NEW);
  const form = groupForm({ name: 'Dobbeltklik-gruppen' });
  const [a, b] = await Promise.all([client.post(NEW, form, { csrf }), client.post(NEW, form, { csrf })]);
  assert.equal(a.status, 303);
  assert.equal(b.status, 303);
  assert.equal(a.headers.get('location'), b.headers.get('location'));
  assert.equal(await count('groups', "name = 'Dobbeltklik-gruppen'"), 1);
});

test('HTML and script in anything people type are shown as text, and only http(s) links are made', async () => {
  const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
  const path = await createVia(as(karen), {
    name: `${evil} Klubben`,
    description: `Se https://example.org/"><script>alert(2)</script> og javascript:alert(3)\n<b>fed</b>`,
  });
  const client = as(karen);
  const posted = await client.post(`${path}/posts`, { body: `${evil} https://hedensted.dk/x`, postKey: crypto.randomUUID() }, { formPage: path });
  assert.equal(posted.status, 303);
  const html = await (await app.client().get(path)).text();
  assert.ok(!html.includes('<script>alert'), 'no script tag from user text');
  assert.ok(!html.includes('<img src=x'), 'no img tag from user text');
  assert.ok(!html.includes('<b>fed'), 'no markup from user text');
  assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;') || html.includes('&lt;script&gt;alert("x")&lt;/script&gt;'));
  assert.ok(!/href="javascript:/i.test(html));
  assert.match(html, /<a href="https:\/\/hedensted.dk\/x" rel="nofollow ugc noopener">/);
  const list = await (await app.client().get(LIST)).text();
  assert.ok(!list.includes('<script>alert'));
});

test('joining an open group, consent to be shown, leaving; the last coordinator cannot leave', async () => {
  const path = await createVia(as(karen), { name: 'Medlemsgruppen' });
  const j = as(jens);
  const joined = await j.post(`${path}/join`, {}, { formPage: path });
  assert.equal(joined.status, 303);
  assert.equal(joined.headers.get('location'), path);
  // Not shown by name without consent, neither to visitors nor to other members.
  let publicPage = await (await app.client().get(path)).text();
  assert.ok(!publicPage.includes('Jens Peter Madsen'));
  assert.match(publicPage, /1 medlem vises ikke med navn/);
  const toCoordinator = await (await as(karen).get(path)).text();
  assert.match(toCoordinator, /Jens Peter Madsen/, 'coordinators see every member');
  await j.post(`${path}/consent`, { showPublicly: 'on' }, { formPage: path });
  publicPage = await (await app.client().get(path)).text();
  assert.match(publicPage, /Jens Peter Madsen/);

  const k = as(karen);
  const last = await k.post(`${path}/leave`, {}, { formPage: path });
  assert.equal(last.status, 303);
  const after = await (await k.get(path)).text();
  assert.match(after, /Gruppen skal have mindst én tovholder/);
  assert.equal((await j.post(`${path}/leave`, {}, { formPage: path })).status, 303);
});

test('parallel join requests by one person count once', async () => {
  const path = await createVia(as(karen), { name: 'Travl gruppe' });
  const f = as(fatima);
  const csrf = await f.csrfFrom(path);
  const results = await Promise.all(Array.from({ length: 6 }, () => f.post(`${path}/join`, {}, { csrf })));
  assert.ok(results.every((r) => r.status === 303));
  const slug = path.split('/').pop()!;
  assert.equal(await count('groups_members m join groups g on g.municipality_id = m.municipality_id and g.id = m.group_id', `g.slug = '${slug}' and m.user_id = ${fatima.id}`), 1);
});

test('requests and approval; members, visitors and other coordinators get 403 on what is not theirs', async () => {
  const path = await createVia(as(karen), { name: 'Efter anmodning', membershipPolicy: 'request' });
  const j = as(jens);
  assert.equal((await j.post(`${path}/join`, {}, { formPage: path })).status, 303);
  assert.match(await (await j.get(path)).text(), /Du har anmodet om at blive medlem/);
  assert.equal((await j.get(`${path}/members`)).status, 403);
  assert.equal((await j.get(`${path}/edit`)).status, 403);
  assert.equal((await j.post(`${path}/members/${jens.id}/approve`, {}, { formPage: path })).status, 403);
  assert.equal((await j.post(`${path}/posts`, { body: 'Hej', postKey: crypto.randomUUID() }, { formPage: path })).status, 403);
  assert.equal((await j.post(`${path}/recognise`, {}, { formPage: path })).status, 403);
  const admin = await (await as(karen).get(`${path}/members`)).text();
  assert.match(admin, /Jens Peter Madsen/);
  const approved = await as(karen).post(`${path}/members/${jens.id}/approve`, {}, { formPage: `${path}/members` });
  assert.equal(approved.status, 303);
  assert.match(await (await j.get(path)).text(), /Du er medlem af gruppen/);
  assert.equal((await as(karen).post(`${path}/members/abc/approve`, {}, { formPage: path })).status, 404);
});

test('invite by e-mail: the same message for a known and an unknown address; the invitee accepts', async () => {
  const path = await createVia(as(karen), { name: 'Kun inviterede', membershipPolicy: 'invite' });
  const k = as(karen);
  const bad = await k.post(`${path}/invite`, { email: 'ikke-en-adresse' }, { formPage: `${path}/members` });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /Skriv en e-mailadresse/);
  const unknown = await k.post(`${path}/invite`, { email: 'nobody@example.dk' }, { formPage: `${path}/members` });
  const known = await k.post(`${path}/invite`, { email: fatima.email }, { formPage: `${path}/members` });
  assert.equal(unknown.status, 303);
  assert.equal(known.status, 303);
  assert.equal(unknown.headers.get('location'), known.headers.get('location'));
  const mail = await sql<{ n: number }>`select count(*)::int as n from core_outbox where recipient = ${fatima.email}`.execute(app.db.owner);
  assert.equal(mail.rows[0]?.n, 1);
  const f = as(fatima);
  assert.match(await (await f.get(path)).text(), /Du er inviteret/);
  assert.equal((await f.post(`${path}/accept`, { showPublicly: 'on' }, { formPage: path })).status, 303);
  assert.match(await (await app.client().get(path)).text(), /Fatima Ahmadi/);
});

test('the discussion: an empty post comes back with 422 next to the field; a reply lands in its thread', async () => {
  const path = await createVia(as(karen), { name: 'Snakkeklubben' });
  const k = as(karen);
  const empty = await k.post(`${path}/posts`, { body: '   ', postKey: crypto.randomUUID() }, { formPage: path });
  assert.equal(empty.status, 422);
  const html = await empty.text();
  assert.match(html, /Skriv dit indlæg/);
  assert.match(html, /id="post-body-new-error"/);
  const key = crypto.randomUUID();
  const first = await k.post(`${path}/posts`, { body: 'Hvem kommer lørdag?', postKey: key }, { formPage: path });
  assert.equal(first.status, 303);
  const again = await k.post(`${path}/posts`, { body: 'Hvem kommer lørdag?', postKey: key }, { formPage: path });
  assert.equal(again.status, 303);
  assert.equal(await count('groups_posts', "body = 'Hvem kommer lørdag?'"), 1, 'the same form twice posts once');
  const postId = Number(first.headers.get('location')!.split('#post-')[1]);
  const reply = await k.post(`${path}/posts`, { body: 'Jeg kommer!', parentId: String(postId), postKey: crypto.randomUUID() }, { formPage: path });
  assert.equal(reply.status, 303);
  const page = await (await app.client().get(path)).text();
  assert.ok(page.indexOf('Hvem kommer lørdag?') < page.indexOf('Jeg kommer!'));
  // Editing: the author's own post only.
  assert.equal((await k.get(`${path}/posts/${postId}/edit`)).status, 200);
  await as(jens).post(`${path}/join`, {}, { formPage: path });
  assert.equal((await as(jens).get(`${path}/posts/${postId}/edit`)).status, 403);
  const edited = await k.post(`${path}/posts/${postId}/edit`, { body: '' }, { formPage: `${path}/posts/${postId}/edit` });
  assert.equal(edited.status, 422);
  assert.equal((await k.post(`${path}/posts/${postId}/edit`, { body: 'Hvem kommer søndag?' }, { formPage: `${path}/posts/${postId}/edit` })).status, 303);
  assert.match(await (await app.client().get(path)).text(), /Hvem kommer søndag\?[\s\S]*redigeret|redigeret[\s\S]*Hvem kommer søndag\?/);
});

test('coordinators keep activities and the board; wrong input is 422', async () => {
  const path = await createVia(as(karen), { name: 'Stouby Borgerforening', kind: 'association', cvr: '29189919', areaId: String(areaStouby) });
  const k = as(karen);
  const past = await k.post(`${path}/activities`, { title: 'Generalforsamling', date: '2001-01-01', time: '19:00', place: 'Hallen' }, { formPage: `${path}/activities/new` });
  assert.equal(past.status, 422);
  assert.match(await past.text(), /Tidspunktet er allerede passeret/);
  const badDate = await k.post(`${path}/activities`, { title: 'Generalforsamling', date: '2030-02-30', time: '25:00', place: '' }, { formPage: `${path}/activities/new` });
  assert.equal(badDate.status, 422);
  const text = await badDate.text();
  assert.match(text, /Skriv en gyldig dato/);
  assert.match(text, /Skriv et klokkeslæt/);
  const year = new Date().getUTCFullYear() + 1;
  assert.equal((await k.post(`${path}/activities`, { title: 'Generalforsamling', date: `${year}-03-10`, time: '19:00', place: 'Stouby Hallen' }, { formPage: `${path}/activities/new` })).status, 303);
  assert.match(await (await app.client().get(path)).text(), /Generalforsamling[\s\S]*Stouby Hallen/);

  assert.equal((await k.post(`${path}/board`, { userId: String(karen.id), role: 'chairperson', termStart: '2024-03-01', termEnd: '2023-01-01' }, { formPage: `${path}/board` })).status, 422);
  assert.equal((await k.post(`${path}/board`, { userId: String(karen.id), role: 'chairperson', termStart: '2024-03-01', termEnd: '' }, { formPage: `${path}/board` })).status, 303);
  const overlap = await k.post(`${path}/board`, { userId: String(karen.id), role: 'treasurer', termStart: '2024-05-01', termEnd: '' }, { formPage: `${path}/board` });
  assert.equal(overlap.status, 422);
  assert.match(await overlap.text(), /overlapper/);
  const page = await (await app.client().get(path)).text();
  assert.match(page, /Formand:<\/strong> navnet vises ikke/, 'the chair has not agreed to be shown');
  assert.equal((await as(jens).get(`${path}/board`)).status, 403);
});

test('facilitators recognise a local council and withdraw it; residents cannot', async () => {
  const path = await createVia(as(jens), { name: 'Barrit Borgerråd', areaId: String(areaStouby) });
  assert.equal((await as(jens).post(`${path}/recognise`, {}, { formPage: path })).status, 403);
  // Stouby already has a council (an earlier test), so the facilitator is told so.
  const a = as(anders);
  const taken = await a.post(`${path}/recognise`, {}, { formPage: path });
  assert.equal(taken.status, 303);
  assert.match(await (await a.get(path)).text(), /Området har allerede et anerkendt lokalråd/);
  const council = `${LIST}/stouby-lokalraad`;
  assert.equal((await as(jens).post(`${council}/unrecognise`, {}, { formPage: council })).status, 403);
  assert.equal((await a.post(`${council}/unrecognise`, {}, { formPage: council })).status, 303);
  assert.equal((await a.post(`${path}/recognise`, {}, { formPage: path })).status, 303);
  const page = await (await a.get(path)).text();
  assert.match(page, /Gruppen er nu anerkendt som lokalråd/);
  assert.match(page, /Anerkendt af Hedensted Kommune som lokalråd for Stouby/);
});

test('one person can create only so many groups an hour', async () => {
  const bo = await createPerson(app.db, { name: 'Bo Skovgaard', roles: [[mid, 'resident']] });
  const client = as(bo);
  const csrf = await client.csrfFrom(NEW);
  for (let i = 0; i < 20; i++) assert.equal((await client.post(NEW, groupForm({ name: `Bos gruppe ${i}` }), { csrf })).status, 303);
  assert.equal((await client.post(NEW, groupForm({ name: 'Bos gruppe 21' }), { csrf })).status, 429);
});

test('the JSON API lists groups and one group with public data only, and is in the OpenAPI document', async () => {
  const list = await app.fetch('/api/v1/municipalities/hedensted/groups?kind=local_council');
  assert.equal(list.status, 200);
  const body = (await list.json()) as { groups: { slug: string; kind: string; links: { api: string } }[]; total: number };
  assert.ok(body.groups.length >= 1);
  assert.ok(body.groups.every((g) => g.kind === 'local_council'));
  const one = await app.fetch(body.groups[0]!.links.api);
  assert.equal(one.status, 200);
  const detail = (await one.json()) as Record<string, unknown>;
  assert.equal(detail.kind, 'local_council');
  const text = JSON.stringify(detail);
  for (const name of ['Karen', 'Jens', 'Fatima', 'Anders']) assert.ok(!text.includes(name), `no person named in the API (${name})`);
  assert.ok(!('createdBy' in detail) && !('creationKey' in detail));
  assert.equal((await app.fetch('/api/v1/municipalities/hedensted/groups/nope')).status, 404);
  assert.equal((await app.fetch('/api/v1/municipalities/nowhere/groups')).status, 404);
  assert.equal((await app.fetch('/api/v1/municipalities/hedensted/groups?kind=castle')).status, 400);
  const doc = (await (await app.fetch('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
  assert.ok(doc.paths['/api/v1/municipalities/{slug}/groups']);
  assert.ok(doc.paths['/api/v1/municipalities/{slug}/groups/{group}']);
});

test('the list filters by area and kind and pages through many groups', async () => {
  // Straight into the table: one person may create only so many groups an hour through the form.
  await app.db.transaction({ municipalityId: mid }, async (tx) => {
    for (let i = 0; i < 22; i++) {
      const name = `Testgruppe ${String(i).padStart(2, '0')}`;
      await sql`insert into groups (municipality_id, slug, kind, name, membership_policy) values (${mid}, ${`testgruppe-${i}`}, 'informal', ${name}, 'open')`.execute(tx);
    }
  });
  const first = await (await app.client().get(`${LIST}?kind=informal`)).text();
  assert.match(first, /Side 1 af 2|aria-label="Side 2"/);
  const second = await app.client().get(`${LIST}?kind=informal&page=2`);
  assert.equal(second.status, 200);
  const byArea = await (await app.client().get(`${LIST}?area=${areaStouby}`)).text();
  assert.match(byArea, /Stouby Lokalråd/);
  assert.ok(!byArea.includes('Testgruppe 00'));
  assert.equal((await app.client().get(`${LIST}?area=abc&page=-1&kind=<x>`)).status, 200, 'nonsense filters are ignored');
});

test('search: stemmed words in name or description, a part of the name, in either language; odd input is harmless', async () => {
  await createVia(as(karen), { name: 'Løbeklubben Stouby', description: 'Vi løber sammen hver tirsdag fra hallen.' });
  await createVia(as(karen), { name: 'Strikkecaféen', description: 'Knitting and coffee for newcomers and old hands.', descriptionLang: 'en' });
  const names = async (q: string) => {
    const res = await app.client().get(`${LIST}?q=${encodeURIComponent(q)}`);
    assert.equal(res.status, 200, q);
    const body = await res.text();
    return { hasRun: body.includes('Løbeklubben Stouby'), hasKnit: body.includes('Strikkecaféen'), body };
  };
  // "løber" and "løbe" stem alike in Danish; "knitting" is found through the English stemmer.
  assert.deepEqual([(await names('løbe')).hasRun, (await names('løbe')).hasKnit], [true, false]);
  assert.deepEqual([(await names('knit')).hasKnit, (await names('knitted')).hasKnit], [true, true]);
  // Part of a name.
  assert.equal((await names('Strikke')).hasKnit, true);
  // Nothing matches: the filtered empty state, and the query is kept in the box (escaped).
  const none = await names('<b>zzz%_</b>');
  assert.equal(none.hasRun || none.hasKnit, false);
  assert.match(none.body, /value="&lt;b&gt;zzz%_&lt;\/b&gt;"/);
  // Overlong and operator-laden queries are still a 200.
  assert.equal((await app.client().get(`${LIST}?q=${'a'.repeat(5000)}`)).status, 200);
  assert.equal((await app.client().get(`${LIST}?q=${encodeURIComponent('!!& | :* ( "')}`)).status, 200);
});
