// The pages and forms through the whole HTTP stack (sessions, CSRF, PRG), on a fresh database.
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
const slug = 'routetest';
const base = `/m/${slug}/initiatives`;

function client(person?: TestPerson): TestClient {
  const c = app.client();
  if (person) c.setCookie('samskab_session', person.sessionToken);
  return c;
}

before(async () => {
  app = await testApp();
  mid = await createMunicipality(app.db, slug, 'Rutetest Kommune');
  await app.db.transaction({ municipalityId: mid }, (tx) => sql`insert into municipalities_areas (municipality_id, name, kind) values (${mid}, 'Uldum', 'village')`.execute(tx));
  owner = await createPerson(app.db, { name: 'Karen Lund', roles: [[mid, 'resident']] });
  facilitator = await createPerson(app.db, { name: 'Anders Holm', roles: [[mid, 'facilitator']] });
  resident = await createPerson(app.db, { name: 'Bo Skov', roles: [[mid, 'resident']] });
});
after(async () => {
  await settleNotifications();
  await app.close();
});

const valid = {
  title: 'Fælles rengøringshold',
  problem: 'Rådhuset og hallen bliver ikke gjort ordentligt rent.',
  proposal: 'Borgere og kommunens rengøringsfolk danner et fælles hold.',
  lang: 'da',
};

async function proposeVia(c: TestClient, fields: Record<string, string> = {}): Promise<number> {
  const res = await c.post(base, { ...valid, ...fields }, { formPage: `${base}/new` });
  assert.equal(res.status, 303, await res.clone().text());
  const m = /\/initiatives\/(\d+)$/.exec(res.headers.get('location') ?? '');
  assert.ok(m, res.headers.get('location') ?? '');
  return Number(m[1]);
}

test('the list, the propose form and an initiative page answer; visitors are asked to sign in to propose', async () => {
  const visitor = client();
  assert.equal((await visitor.get(base)).status, 200);
  assert.equal((await visitor.get(`${base}/new`)).status, 401);
  assert.equal((await visitor.get('/m/no-such-place/initiatives')).status, 404);
  const c = client(owner);
  assert.equal((await c.get(`${base}/new`)).status, 200);
  const id = await proposeVia(c);
  const page = await visitor.get(`${base}/${id}`);
  assert.equal(page.status, 200);
  const text = await page.text();
  assert.match(text, /Fælles rengøringshold/);
  assert.match(text, /Karen Lund/);
  assert.equal((await visitor.get(`${base}/999999`)).status, 404);
  assert.equal((await visitor.get(`${base}/abc`)).status, 404);
});

test('a failed proposal comes back with 422, the values kept and errors next to the fields', async () => {
  const c = client(owner);
  const res = await c.post(base, { ...valid, title: 'x', problem: '', ask_money_amount: 'lots' }, { formPage: `${base}/new` });
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /value="x"/, 'the title entered is kept');
  assert.match(html, /Borgere og kommunens rengøringsfolk/, '…and the proposal');
  assert.match(html, /Titlen skal være mindst 3 tegn/, 'errors are shown in words, not keys');
  assert.match(html, /id="f-title-error"/);
  assert.match(html, /id="f-problem-error"/);
  assert.match(html, /id="f-ask_money_amount-error"/);
});

test('the same proposal form sent twice creates one initiative', async () => {
  const c = client(owner);
  const form = await (await c.get(`${base}/new`)).text();
  const key = /name="creation_key" value="([^"]+)"/.exec(form)?.[1];
  assert.ok(key);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form)?.[1] ?? null;
  const fields = { ...valid, title: 'Dobbelt indsendt', creation_key: key };
  const [a, b] = await Promise.all([c.post(base, fields, { csrf }), c.post(base, fields, { csrf })]);
  assert.equal(a.status, 303);
  assert.equal(b.status, 303);
  assert.equal(a.headers.get('location'), b.headers.get('location'));
  const n = await app.db.transaction({ municipalityId: mid }, (tx) => sql<{ n: number }>`select count(*)::int as n from initiatives where title = 'Dobbelt indsendt'`.execute(tx));
  assert.equal(n.rows[0]?.n, 1);
});

test('HTML and script in any text are shown as text, never run', async () => {
  const c = client(owner);
  const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  const id = await proposeVia(c, { title: `Titel ${evil}`, problem: `Problem ${evil} javascript:alert(3)`, proposal: `Forslag ${evil} https://example.dk/"><b>x</b>`, partner_name_1: `P ${evil}`, partner_kind_1: 'business' });
  await c.post(`${base}/${id}/comments`, { body: `Kommentar ${evil}`, lang: 'da' }, { formPage: `${base}/${id}` });
  for (const path of [`${base}/${id}`, base, `${base}?q=${encodeURIComponent(evil)}`]) {
    const html = await (await client().get(path)).text();
    assert.ok(!html.includes('<script>alert'), `${path}: no live script`);
    assert.ok(!html.includes('<img src=x'), `${path}: no live img`);
    assert.ok(!/href="javascript:/i.test(html), `${path}: no javascript: link`);
  }
  const page = await (await client().get(`${base}/${id}`)).text();
  assert.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(page, /<a href="https:\/\/example\.dk\/" rel="nofollow ugc noopener">/);
});

test('state changes: 403 for those without a say, 409 for a step the state does not allow, PRG for the rest', async () => {
  const c = client(owner);
  const id = await proposeVia(c);
  const r403 = await client(resident).post(`${base}/${id}/state`, { to: 'open_for_support', from: 'idea', lang: 'da' }, { formPage: base });
  assert.equal(r403.status, 403);
  assert.match(await r403.text(), /ikke lov/);
  const r409 = await client(facilitator).post(`${base}/${id}/state`, { to: 'completed', from: 'idea', lang: 'da' }, { formPage: base });
  assert.equal(r409.status, 409);
  assert.match(await r409.text(), /kan ikke gå til den fase/);
  const ok = await c.post(`${base}/${id}/state`, { to: 'open_for_support', from: 'idea', lang: 'da' }, { formPage: base });
  assert.equal(ok.status, 303);
  const twice = await c.post(`${base}/${id}/state`, { to: 'open_for_support', from: 'idea', lang: 'da' }, { formPage: base });
  assert.equal(twice.status, 409, 'the second press of the same button is refused, not repeated');
  const noReason = await client(facilitator).post(`${base}/${id}/state`, { to: 'declined', from: 'open_for_support', lang: 'da', text: '' }, { formPage: base });
  assert.equal(noReason.status, 422);
  assert.match(await noReason.text(), /offentlig begrundelse/);
  const visitor = await client().post(`${base}/${id}/state`, { to: 'declined', lang: 'da' }, { formPage: '/login' });
  assert.equal(visitor.status, 401);
  const noCsrf = await client(owner).post(`${base}/${id}/state`, { to: 'paused', lang: 'da' }, { csrf: null });
  assert.equal(noCsrf.status, 403);
  const page = await (await client(facilitator).get(`${base}/${id}`)).text();
  assert.match(page, /Start dialog/, 'the facilitator sees the next steps');
  const visitorPage = await (await client().get(`${base}/${id}`)).text();
  assert.ok(!visitorPage.includes('Styr initiativet'), 'visitors see no management panel');
});

test('20 parallel support posts by one person count once', async () => {
  const c = client(owner);
  const id = await proposeVia(c);
  assert.equal((await c.post(`${base}/${id}/state`, { to: 'open_for_support', from: 'idea', lang: 'da' }, { formPage: base })).status, 303);
  const supporter = client(resident);
  const csrf = await supporter.csrfFrom(`${base}/${id}`);
  const results = await Promise.all(Array.from({ length: 20 }, () => supporter.post(`${base}/${id}/support`, { action: 'support' }, { csrf })));
  assert.ok(results.every((r) => r.status === 303), results.map((r) => r.status).join());
  const counts = await app.db.transaction({ municipalityId: mid }, (tx) =>
    sql<{ kept: number; rows: number }>`select support_count as kept, (select count(*)::int from initiatives_supports where municipality_id = ${mid} and initiative_id = ${id}) as rows
      from initiatives where municipality_id = ${mid} and id = ${id}`.execute(tx),
  );
  assert.deepEqual(counts.rows[0], { kept: 1, rows: 1 });
  const page = await (await supporter.get(`${base}/${id}`)).text();
  assert.match(page, /1 person støtter/);
  assert.match(page, /Træk din støtte tilbage/);
  assert.equal((await supporter.post(`${base}/${id}/support`, { action: 'withdraw' }, { csrf })).status, 303);
  assert.match(await (await supporter.get(`${base}/${id}`)).text(), /Ingen støtter endnu/);
});

test('comments: a failed comment keeps its text; replies, reports and the moderation list', async () => {
  const c = client(owner);
  const id = await proposeVia(c);
  const empty = await client(resident).post(`${base}/${id}/comments`, { body: '   ', lang: 'da' }, { formPage: `${base}/${id}` });
  assert.equal(empty.status, 422);
  const posted = await client(resident).post(`${base}/${id}/comments`, { body: 'Jeg vil gerne være med', lang: 'da' }, { formPage: `${base}/${id}` });
  assert.equal(posted.status, 303);
  const commentId = Number(/#comment-(\d+)/.exec(posted.headers.get('location') ?? '')?.[1]);
  assert.ok(commentId > 0);
  const tooLong = await client(owner).post(`${base}/${id}/comments`, { body: 'x'.repeat(5001), lang: 'da', parent: String(commentId) }, { formPage: `${base}/${id}` });
  assert.equal(tooLong.status, 422);
  assert.match(await tooLong.text(), /id="reply-\d+"/);
  assert.equal((await client(owner).post(`${base}/${id}/comments`, { body: 'Velkommen!', lang: 'da', parent: String(commentId) }, { formPage: `${base}/${id}` })).status, 303);
  assert.equal((await client(owner).post(`${base}/${id}/comments/${commentId}/report`, { reason: 'off_topic' }, { formPage: `${base}/${id}` })).status, 303);
  assert.equal((await client(resident).post(`${base}/${id}/comments/${commentId}/edit`, { body: 'Jeg vil gerne være med!', lang: 'da' }, { formPage: `${base}/${id}` })).status, 303);
  assert.equal((await client(owner).post(`${base}/${id}/comments/${commentId}/edit`, { body: 'Hijack', lang: 'da' }, { formPage: `${base}/${id}` })).status, 403);
  const history = await client().get(`${base}/${id}/comments/${commentId}/history`);
  assert.equal(history.status, 200);
  assert.match(await history.text(), /Jeg vil gerne være med<\/p>/);
  assert.equal((await client(resident).get(`/m/${slug}/facilitate`)).status, 403);
  const ws = await client(facilitator).get(`/m/${slug}/facilitate`);
  assert.equal(ws.status, 200);
  const wsHtml = await ws.text();
  assert.match(wsHtml, /Anmeldte kommentarer \(1\)/);
  assert.match(wsHtml, /Nye initiativer uden facilitator/);
  const hide = await client(facilitator).post(`${base}/${id}/comments/${commentId}/moderate`, { decision: 'hide', back: 'facilitate' }, { formPage: `/m/${slug}/facilitate` });
  assert.equal(hide.status, 303);
  assert.equal(hide.headers.get('location'), `/m/${slug}/facilitate`);
  const after = await (await client().get(`${base}/${id}`)).text();
  assert.match(after, /skjult af en moderator/);
  assert.ok(!after.includes('Jeg vil gerne være med!'));
});

test('list filters, search and sorting through the page; bad query values are ignored', async () => {
  const c = client(owner);
  await proposeVia(c, { title: 'Ny cykelsti til Uldum', problem: 'Der mangler en sikker cykelsti mellem Uldum og skolen.', proposal: 'Vi foreslår en cykelsti langs landevejen.' });
  const hit = await (await client().get(`${base}?q=cykelstier`)).text();
  assert.match(hit, /Ny cykelsti til Uldum/);
  const miss = await (await client().get(`${base}?q=svømmehal`)).text();
  assert.match(miss, /Ingen initiativer passer/);
  assert.equal((await client().get(`${base}?state=bogus&area=-1&theme=abc&sort=evil&page=0`)).status, 200);
  const english = await (await client().get(`${base}?lang=en&sort=supported`)).text();
  assert.match(english, /Citizen initiatives/);
});

test('the workspace assigns, and immediate e-mails go out after the commit', async () => {
  const c = client(owner);
  const id = await proposeVia(c, { title: 'Bybus i Hedensted' });
  const assign = await client(facilitator).post(`${base}/${id}/assign`, { back: 'facilitate' }, { formPage: `/m/${slug}/facilitate` });
  assert.equal(assign.status, 303);
  await settleNotifications();
  const mail = await app.db.owner.selectFrom('core_outbox').select(['recipient', 'subject', 'body_text']).where('recipient', '=', owner.email).execute();
  assert.ok(mail.some((m: { subject: string }) => /Bybus i Hedensted/.test(m.subject)), JSON.stringify(mail));
  const notes = await client(owner).get('/notifications');
  assert.equal(notes.status, 200);
  assert.match(await notes.text(), /faciliterer nu »Bybus i Hedensted«/);
});

test('JSON API: list, detail and the OpenAPI document; private data stays out', async () => {
  const c = client(owner);
  const id = await proposeVia(c, { title: 'API-initiativet', ask_money: 'Til materialer', ask_money_amount: '12.500' });
  const list = await client().get(`/api/v1/municipalities/${slug}/initiatives?q=API-initiativet`);
  assert.equal(list.status, 200);
  const body = (await list.json()) as { initiatives: { id: number; title: string }[]; total: number };
  assert.ok(body.initiatives.some((i) => i.id === id));
  const detail = await client().get(`/api/v1/municipalities/${slug}/initiatives/${id}`);
  assert.equal(detail.status, 200);
  const d = (await detail.json()) as Record<string, unknown> & { asks: { amountOre: number }[] };
  assert.equal(d.title, 'API-initiativet');
  assert.equal(d.asks[0]?.amountOre, 1_250_000);
  const raw = JSON.stringify(d);
  assert.ok(!raw.includes('Karen Lund') && !raw.includes(owner.email), 'no names or e-mail addresses');
  assert.equal((await client().get(`/api/v1/municipalities/${slug}/initiatives/999999`)).status, 404);
  assert.equal((await client().get(`/api/v1/municipalities/${slug}/initiatives?state=bogus`)).status, 400);
  const doc = (await (await client().get('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
  assert.ok(doc.paths['/api/v1/municipalities/{slug}/initiatives']);
  assert.ok(doc.paths['/api/v1/municipalities/{slug}/initiatives/{id}']);
});
