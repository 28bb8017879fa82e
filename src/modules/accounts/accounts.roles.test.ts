// The staff screen (/m/:slug/admin/staff) and the network members screen: who may use them, and
// the rule that a municipality and the network always keep an admin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { createMunicipality, createPerson, type TestPerson } from '../../testing/actors.js';

let app: TestApp;
let solby: number;
let maane: number;
let admin: TestPerson;
let resident: TestPerson;

before(async () => {
  app = await testApp();
  solby = await createMunicipality(app.db, 'solby', 'Solby Kommune');
  maane = await createMunicipality(app.db, 'maaneby', 'Måneby Kommune');
  admin = await createPerson(app.db, { name: 'Mette Admin', email: 'mette@solby.dk', roles: [[solby, 'admin']] });
  resident = await createPerson(app.db, { name: 'Karen Borger', email: 'karen@solby.dk', roles: [[solby, 'resident']] });
});
after(() => app.close());

function as(person: TestPerson): TestClient {
  const client = app.client();
  client.setCookie('samskab_session', person.sessionToken);
  return client;
}

/** Read inside the tenant: on PostgreSQL the owner is subject to the forced row-level security too. */
async function rolesOf(userId: number, municipalityId: number): Promise<string[]> {
  const r = await app.db.transaction({ municipalityId }, (tx) =>
    sql<{ role: string }>`select role from accounts_roles where user_id = ${userId} and municipality_id = ${municipalityId} order by role`.execute(tx),
  );
  return r.rows.map((row) => row.role);
}

const STAFF = '/m/solby/admin/staff';

test('signed out: the page sends you to sign in, a post is refused with 401', async () => {
  const client = app.client();
  const page = await client.get(STAFF);
  assert.equal(page.status, 303);
  assert.equal(page.headers.get('location'), `/login?next=${encodeURIComponent(STAFF)}`);
  const post = await client.post(STAFF, { intent: 'grant', email: 'karen@solby.dk', role: 'admin' }, { formPage: '/login' });
  assert.equal(post.status, 401);
  assert.match(await post.text(), /Du skal logge ind/);
  assert.deepEqual(await rolesOf(resident.id, solby), ['resident']);
});

test('a resident, and an admin of another municipality, get 403 and change nothing', async () => {
  const karen = as(resident);
  assert.equal((await karen.get(STAFF)).status, 403);
  const post = await karen.post(STAFF, { intent: 'grant', email: 'karen@solby.dk', role: 'admin' }, { formPage: '/account' });
  assert.equal(post.status, 403);
  assert.deepEqual(await rolesOf(resident.id, solby), ['resident']);

  const otherAdmin = await createPerson(app.db, { roles: [[maane, 'admin']] });
  assert.equal((await as(otherAdmin).get(STAFF)).status, 403);
  assert.equal((await as(admin).get('/m/maaneby/admin/staff')).status, 403);
});

test('an unknown municipality is a 404', async () => {
  assert.equal((await as(admin).get('/m/findes-ikke/admin/staff')).status, 404);
});

test('the admin lists, grants and revokes roles', async () => {
  const mette = as(admin);
  const page = await mette.get(STAFF);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /Mette Admin/);
  assert.match(html, /Karen Borger/);

  const granted = await mette.post(STAFF, { intent: 'grant', email: ' KAREN@solby.dk ', role: 'facilitator' });
  assert.equal(granted.status, 303);
  assert.equal(granted.headers.get('location'), STAFF);
  assert.deepEqual(await rolesOf(resident.id, solby), ['facilitator', 'resident']);
  assert.match(await (await mette.get(STAFF)).text(), /Rollen er givet/);

  const unknown = await mette.post(STAFF, { intent: 'grant', email: 'ingen@solby.dk', role: 'facilitator' });
  assert.equal(unknown.status, 422);
  const unknownHtml = await unknown.text();
  assert.match(unknownHtml, /Der findes ingen bruger med den e-mailadresse/);
  assert.match(unknownHtml, /value="ingen@solby.dk"/);

  const badRole = await mette.post(STAFF, { intent: 'grant', email: 'karen@solby.dk', role: 'king' });
  assert.equal(badRole.status, 422);
  assert.match(await badRole.text(), /Vælg en rolle fra listen/);

  const revoked = await mette.post(STAFF, { intent: 'revoke', userId: String(resident.id), role: 'facilitator' });
  assert.equal(revoked.status, 303);
  assert.deepEqual(await rolesOf(resident.id, solby), ['resident']);

  const tampered = await mette.post(STAFF, { intent: 'revoke', userId: 'x', role: 'resident' });
  assert.equal(tampered.status, 400);
  assert.equal((await mette.post(STAFF, { intent: 'explode' })).status, 400);
});

test('the last admin cannot drop their own admin role; with a second admin they can', async () => {
  const mette = as(admin);
  const refused = await mette.post(STAFF, { intent: 'revoke', userId: String(admin.id), role: 'admin' });
  assert.equal(refused.status, 409);
  assert.match(await refused.text(), /du er kommunens eneste administrator/);
  assert.deepEqual(await rolesOf(admin.id, solby), ['admin']);

  await mette.post(STAFF, { intent: 'grant', email: 'karen@solby.dk', role: 'admin' });
  const allowed = await mette.post(STAFF, { intent: 'revoke', userId: String(admin.id), role: 'admin' });
  assert.equal(allowed.status, 303);
  assert.deepEqual(await rolesOf(admin.id, solby), []);
  // Mette is no admin now: the screen is closed to her.
  assert.equal((await mette.get(STAFF)).status, 403);
});

test('network members: network admins only, and the network keeps an admin', async () => {
  const networkAdmin = await createPerson(app.db, { name: 'Camilla Netværk', email: 'camilla@samskab.dk', networkRole: 'admin' });
  const member = await createPerson(app.db, { name: 'Henrik Medlem', email: 'henrik@solby.dk', networkRole: 'member' });
  const PAGE = '/network/admin/members';

  assert.equal((await app.client().get(PAGE)).status, 303);
  assert.equal((await as(member).get(PAGE)).status, 403);
  assert.equal((await as(admin).get(PAGE)).status, 403, 'a municipal admin is no network admin');
  const memberPost = await as(member).post(PAGE, { intent: 'grant', email: 'henrik@solby.dk', role: 'admin' }, { formPage: '/account' });
  assert.equal(memberPost.status, 403);

  const camilla = as(networkAdmin);
  const page = await camilla.get(PAGE);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /Henrik Medlem/);

  assert.equal((await camilla.post(PAGE, { intent: 'grant', email: 'karen@solby.dk', role: 'member' })).status, 303);
  const karen = await sql<{ network_role: string | null }>`select network_role from accounts_users where id = ${resident.id}`.execute(app.db.owner);
  assert.equal(karen.rows[0]?.network_role, 'member');

  const selfRemoval = await camilla.post(PAGE, { intent: 'revoke', userId: String(networkAdmin.id) });
  assert.equal(selfRemoval.status, 409);
  const demotion = await camilla.post(PAGE, { intent: 'grant', email: 'camilla@samskab.dk', role: 'member' });
  assert.equal(demotion.status, 409);

  assert.equal((await camilla.post(PAGE, { intent: 'revoke', userId: String(member.id) })).status, 303);
  const henrik = await sql<{ network_role: string | null }>`select network_role from accounts_users where id = ${member.id}`.execute(app.db.owner);
  assert.equal(henrik.rows[0]?.network_role, null);
});
