// Changing one's password while signed in: the current password is required, the new one follows
// the same rules as at registration, other sessions end and this one lives on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { createPerson, type TestPerson } from '../../testing/actors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { startSession } from './sessions.js';

let app: TestApp;
before(async () => {
  app = await testApp();
});
after(() => app.close());

const OLD = 'det gamle kodeord på tolv';
const NEW = 'en helt ny og lang sætning';

async function personWithPassword(): Promise<TestPerson> {
  const person = await createPerson(app.db, { lang: 'da' });
  const hash = await hashPassword(OLD);
  await app.db.transaction({ municipalityId: null, userId: person.id }, (tx) =>
    sql`update accounts_users set password_hash = ${hash} where id = ${person.id}`.execute(tx),
  );
  return person;
}

function as(person: TestPerson): TestClient {
  const client = app.client();
  client.setCookie('samskab_session', person.sessionToken);
  return client;
}

const passwordHash = (id: number) =>
  app.db.transaction({ municipalityId: null, userId: id }, async (tx) =>
    (await sql<{ password_hash: string }>`select password_hash from accounts_users where id = ${id}`.execute(tx)).rows[0]!.password_hash,
  );
const sessionCount = (id: number) =>
  app.db.transaction({ municipalityId: null, userId: id }, async (tx) =>
    (await sql<{ n: number }>`select count(*)::int as n from accounts_sessions where user_id = ${id}`.execute(tx)).rows[0]!.n,
  );

test('signed out: the page sends you to sign in, a post is refused', async () => {
  const res = await app.client().get('/account/password');
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location') ?? '', /^\/login\?next=%2Faccount%2Fpassword/);
  const client = app.client();
  const csrf = await client.csrfFrom('/login');
  assert.equal((await client.post('/account/password', { current: OLD, password: NEW }, { csrf })).status, 401);
});

test('wrong current password, weak or unchanged new one: 422 with the error at the field, nothing changed', async () => {
  const person = await personWithPassword();
  const before = await passwordHash(person.id);
  const client = as(person);
  const cases: [fields: Record<string, string>, message: RegExp][] = [
    [{ current: 'ikke det rigtige kodeord', password: NEW }, /Den nuværende adgangskode er forkert/],
    [{ current: '', password: NEW }, /Skriv din nuværende adgangskode/],
    [{ current: OLD, password: 'kort' }, /Mindst 10 tegn|for kort/i],
    [{ current: OLD, password: OLD }, /skal være en anden end den nuværende/],
  ];
  for (const [fields, message] of cases) {
    const res = await client.post('/account/password', fields);
    assert.equal(res.status, 422, JSON.stringify(fields));
    const body = await res.text();
    assert.match(body, message);
    assert.doesNotMatch(body, new RegExp(OLD), 'a password is never echoed back');
  }
  assert.equal(await passwordHash(person.id), before);
});

test('the right current password: new password stored, other sessions ended, this one kept', async () => {
  const person = await personWithPassword();
  await app.db.transaction({ municipalityId: null, userId: person.id }, (tx) => startSession(tx, person.id));
  assert.equal(await sessionCount(person.id), 2);
  const client = as(person);
  const form = await client.get('/account/password');
  assert.equal(form.status, 200);
  const res = await client.post('/account/password', { current: OLD, password: NEW });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/account');
  assert.ok(await verifyPassword(await passwordHash(person.id), NEW));
  assert.equal(await sessionCount(person.id), 1);
  assert.equal((await client.get('/account')).status, 200, 'still signed in here');
});

test('an account without a password is sent to the e-mail link instead', async () => {
  const person = await createPerson(app.db);
  const res = await as(person).get('/account/password');
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/forgot-password');
});

test('guessing the current password is rate limited like sign-in', async () => {
  const person = await personWithPassword();
  const client = as(person);
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) statuses.push((await client.post('/account/password', { current: `gæt nummer ${i} af mange`, password: NEW })).status);
  assert.deepEqual(statuses.slice(0, 10), Array(10).fill(422));
  assert.equal(statuses[10], 429);
});
