// Bad input at the composition level: malformed and oversized forms, invalid UTF-8, wrong content
// types, missing/forged/expired CSRF tokens, forged session cookies, unknown slugs and API paths.
// Each gets a clear, localized 4xx (JSON under /api), nothing stored changes, and the server keeps serving.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp, type TestClient } from './testing/test-app.js';
import { createMunicipality, createPerson, type TestPerson } from './testing/actors.js';
import { csrfToken, CSRF_MAX_AGE_MS } from './core/http/csrf.js';
import { FORM_BODY_LIMIT } from './core/http/app.js';

let app: TestApp;
let person: TestPerson;
let solby: number;
let snapshotBefore: string;

/** Everything the probes below could change, as one comparable string. */
async function snapshot(): Promise<string> {
  const users = await sql`select id, email, display_name, preferred_lang, password_hash, network_role, updated_at from accounts_users order by id`.execute(app.db.owner);
  const counts = await sql`select (select count(*) from accounts_sessions)::int as sessions, (select count(*) from accounts_tokens)::int as tokens,
    (select count(*) from municipalities)::int as municipalities`.execute(app.db.owner);
  // Roles are a tenant table: read inside the tenant (row-level security binds the owner too on PostgreSQL).
  const roles = await app.db.transaction({ municipalityId: solby }, (tx) => sql`select user_id, role from accounts_roles order by user_id, role`.execute(tx));
  return JSON.stringify({ users: users.rows, counts: counts.rows, roles: roles.rows });
}

async function userCount(): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from accounts_users`.execute(app.db.owner);
  return r.rows[0]!.n;
}

/** A complete, valid registration: if a guard let it through, a user would be created. */
function registration(extra = ''): string {
  const p = new URLSearchParams({ name: 'Ny Person', email: 'ny.person@example.dk', password: 'en lang hemmelig sætning', terms: 'yes' });
  return p.toString() + extra;
}

function post(client: TestClient, path: string, body: BodyInit, contentType: string | null, headers: Record<string, string> = {}): Promise<Response> {
  const h: Record<string, string> = { ...headers };
  if (contentType !== null) h['content-type'] = contentType;
  return client.send(path, { method: 'POST', headers: h, body });
}

async function expectPage(res: Response, status: number, text: RegExp): Promise<string> {
  assert.equal(res.status, status);
  assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
  const html = await res.text();
  assert.match(html, text);
  assert.doesNotMatch(html, /\bcore\.error\.|\baccounts\.[a-z]+\.[a-zA-Z]/, 'no untranslated message keys');
  assert.doesNotMatch(html, /\n\s+at |node_modules|syntax error|violates/, 'no internals');
  return html;
}

before(async () => {
  app = await testApp();
  solby = await createMunicipality(app.db, 'solby', 'Solby Kommune');
  person = await createPerson(app.db, { name: 'Karen Lund', email: 'karen@example.dk', roles: [[solby, 'resident']] });
  snapshotBefore = await snapshot();
});
after(() => app.close());

test('malformed forms are 400', async () => {
  const client = app.client();
  const csrf = await client.csrfFrom('/register');
  const bodies = [
    `${registration()}&_csrf=${csrf}&bad=%zz`, // broken percent-escape
    `${registration()}&_csrf=${csrf}&%E0%A4%A=1`, // truncated escape in a key
    `${registration()}&_csrf=${csrf}&__proto__=x`, // prototype pollution attempt
  ];
  for (const body of bodies) {
    await expectPage(await post(client, '/register', body, 'application/x-www-form-urlencoded'), 400, /Forespørgslen kunne ikke behandles/);
  }
  assert.equal(await userCount(), 1);
});

test('an oversized form is 413, with and without a Content-Length', async () => {
  const client = app.client();
  const csrf = await client.csrfFrom('/register');
  const body = `${registration()}&_csrf=${csrf}&padding=${'x'.repeat(FORM_BODY_LIMIT + 1)}`;
  await expectPage(await post(client, '/register', body, 'application/x-www-form-urlencoded', { 'content-length': String(Buffer.byteLength(body)) }), 413, /Det, du sendte, er for stort/);
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(body));
      controller.close();
    },
  });
  const res = await client.send('/register', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: stream, duplex: 'half' } as RequestInit);
  await expectPage(res, 413, /Det, du sendte, er for stort/);
  assert.equal(await userCount(), 1);
});

test('invalid UTF-8 is 400, raw or percent-encoded', async () => {
  const client = app.client();
  const csrf = await client.csrfFrom('/register');
  const prefix = new TextEncoder().encode(`${registration()}&_csrf=${csrf}&name2=`);
  const raw = new Uint8Array([...prefix, 0xc3, 0x28, 0xff, 0xfe]);
  await expectPage(await post(client, '/register', raw, 'application/x-www-form-urlencoded'), 400, /Forespørgslen kunne ikke behandles/);
  await expectPage(await post(client, '/register', `${registration()}&_csrf=${csrf}&x=%C3%28`, 'application/x-www-form-urlencoded'), 400, /Forespørgslen kunne ikke behandles/);
  await expectPage(await post(client, '/register', `${registration()}&_csrf=${csrf}&x=%ED%A0%80`, 'application/x-www-form-urlencoded'), 400, /Forespørgslen kunne ikke behandles/);
  assert.equal(await userCount(), 1);
});

test('a form in another content type is 415', async () => {
  const client = app.client();
  const csrf = await client.csrfFrom('/register');
  const fields = Object.fromEntries(new URLSearchParams(`${registration()}&_csrf=${csrf}`));
  await expectPage(await post(client, '/register', JSON.stringify(fields), 'application/json'), 415, /Formatet understøttes ikke/);
  await expectPage(await post(client, '/register', `${registration()}&_csrf=${csrf}`, 'text/plain'), 415, /Formatet understøttes ikke/);
  await expectPage(await post(client, '/register', `${registration()}&_csrf=${csrf}`, null), 415, /Formatet understøttes ikke/);
  const multipart = new FormData();
  for (const [k, v] of Object.entries(fields)) multipart.append(k, v);
  const res = await client.send('/register', { method: 'POST', body: multipart });
  await expectPage(res, 415, /Formatet understøttes ikke/);
  assert.equal(await userCount(), 1);
});

test('missing, forged, foreign and expired CSRF tokens are 403, in Danish and in English', async () => {
  const client = app.client();
  await client.get('/register');
  const cookie = client.cookie('samskab_csrf')!;
  const other = app.client();
  const foreign = await other.csrfFrom('/register');
  const expired = csrfToken(app.deps.secret, cookie, Date.now() - CSRF_MAX_AGE_MS - 60_000);
  const forged = `${Date.now()}.${'A'.repeat(43)}`;
  for (const token of [null, '', 'garbage', forged, foreign, expired]) {
    const body = token === null ? registration() : `${registration()}&_csrf=${encodeURIComponent(token)}`;
    const da = await expectPage(await post(client, '/register', body, 'application/x-www-form-urlencoded'), 403, /Handlingen blev afvist/);
    const en = await expectPage(await post(client, '/register', body, 'application/x-www-form-urlencoded', { 'accept-language': 'en-GB,en;q=0.9' }), 403, /The request was refused/);
    // An expired form is told apart from a forged one, so the person knows a reload fixes it.
    if (token === expired) {
      assert.match(da, /Formularen har været åben for længe/);
      assert.match(en, /The form was open for too long/);
    } else {
      assert.doesNotMatch(da, /åben for længe/);
    }
  }
  // A missing CSRF cookie fails the same way, even with a token minted for some cookie.
  const noCookie = app.client();
  await expectPage(await post(noCookie, '/register', `${registration()}&_csrf=${encodeURIComponent(foreign)}`, 'application/x-www-form-urlencoded'), 403, /Handlingen blev afvist/);
  assert.equal(await userCount(), 1);
});

test('a forged session cookie counts as signed out: pages ask to sign in, posts are refused', async () => {
  for (const forged of ['A'.repeat(43), person.sessionToken.slice(0, -1) + (person.sessionToken.endsWith('A') ? 'B' : 'A'), 'not even base64url!', 'x'.repeat(4000)]) {
    const client = app.client();
    client.setCookie('samskab_session', forged);
    const page = await client.get('/account');
    assert.equal(page.status, 303);
    assert.equal(page.headers.get('location'), '/login?next=%2Faccount');
    assert.match(page.headers.getSetCookie().join('\n'), /samskab_session=;/, 'the forged cookie is cleared');

    client.setCookie('samskab_session', forged);
    const csrf = await client.csrfFrom('/login');
    client.setCookie('samskab_session', forged);
    const res = await client.post('/account', { name: 'Hijacked', lang: 'en', municipality: '', directory: 'yes' }, { csrf });
    await expectPage(res, 401, /Du skal logge ind/);
    client.setCookie('samskab_session', forged);
    const staff = await client.post('/m/solby/admin/staff', { intent: 'grant', email: 'karen@example.dk', role: 'admin' }, { csrf });
    assert.ok(staff.status === 401 || staff.status === 403, `staff post gave ${staff.status}`);
  }
  const karen = await sql<{ display_name: string }>`select display_name from accounts_users where id = ${person.id}`.execute(app.db.owner);
  assert.equal(karen.rows[0]?.display_name, 'Karen Lund');
});

test('an unknown municipality slug is a localized 404', async () => {
  const client = app.client();
  for (const path of ['/m/nope', '/m/NOPE', '/m/n%C3%B8pe', '/m/' + 'x'.repeat(300), '/m/nope/admin/staff']) {
    await expectPage(await client.get(path), 404, /Siden blev ikke fundet/);
    await expectPage(await client.get(path, { 'accept-language': 'en' }), 404, /Page not found/);
  }
  await expectPage(await client.get('/m/nope?lang=en'), 404, /Page not found/);
});

test('an unknown API path is a JSON 404', async () => {
  const client = app.client();
  for (const path of ['/api/v1/nope', '/api/nope', '/api/v1/municipalities/nope/unknown-thing']) {
    const res = await client.get(path, { 'accept-language': 'en' });
    assert.equal(res.status, 404, path);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const body = (await res.json()) as { error?: { status?: number; message?: string } };
    assert.equal(body.error?.status, 404);
    assert.equal(typeof body.error?.message, 'string');
  }
});

test('after all of it the server still serves and nothing stored has changed', async () => {
  const health = await app.fetch('/healthz');
  assert.equal(health.status, 200);
  assert.equal(((await health.json()) as { status: string }).status, 'ok');
  assert.equal((await app.client().get('/login')).status, 200);
  assert.equal(await snapshot(), snapshotBefore);
  assert.equal(await userCount(), 1);
});
