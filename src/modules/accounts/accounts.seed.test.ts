// The demo accounts: created once, with their roles, and a second run changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { municipalitiesModule } from '../municipalities/index.js';
import { seedAccounts, demoPeople, DEMO_PASSWORD } from './accounts.seed.js';

let app: TestApp;
before(async () => {
  app = await testApp();
});
after(() => app.close());

async function state() {
  const users = await sql<{ n: number }>`select count(*)::int as n from accounts_users where email_verified_at is not null`.execute(app.db.owner);
  const ids = await sql<{ id: number; slug: string }>`select id, slug from municipalities order by slug`.execute(app.db.owner);
  const roles: Record<string, string[]> = {};
  for (const m of ids.rows) {
    const r = await app.db.transaction({ municipalityId: m.id }, (tx) =>
      sql<{ email: string; role: string }>`select u.email, r.role from accounts_roles r join accounts_users u on u.id = r.user_id order by u.email, r.role`.execute(tx),
    );
    roles[m.slug] = r.rows.map((row) => `${row.email}:${row.role}`);
  }
  return { users: users.rows[0]!.n, roles };
}

test('the seed creates the demo people with their roles, and is idempotent', async () => {
  const log: string[] = [];
  await municipalitiesModule.seed!(app.deps, (l) => log.push(l));
  await seedAccounts(app.deps, (l) => log.push(l));
  const first = await state();
  assert.equal(first.users, demoPeople.length);
  for (const slug of ['hedensted', 'lemvig', 'odder']) {
    const roles = first.roles[slug] ?? [];
    assert.ok(roles.includes(`admin@${slug}.samskab.dk:admin`), slug);
    assert.ok(roles.includes(`facilitator@${slug}.samskab.dk:facilitator`), slug);
    assert.ok(roles.includes(`okonomi@${slug}.samskab.dk:finance_officer`), slug);
    assert.ok(roles.filter((r) => r.endsWith(':resident')).length >= 3, slug);
  }
  const network = await sql<{ email: string; network_role: string }>`select email, network_role from accounts_users where network_role is not null order by email`.execute(app.db.owner);
  assert.deepEqual(network.rows.find((r) => r.email === 'netvaerk@samskab.dk')?.network_role, 'admin');
  assert.equal(network.rows.filter((r) => r.network_role === 'member').length, 5);

  await seedAccounts(app.deps, () => {});
  assert.deepEqual(await state(), first);
});

test('a demo admin signs in with the demo password and reaches the staff screen', async () => {
  const client = app.client();
  const login = await client.post('/login', { email: 'admin@hedensted.samskab.dk', password: DEMO_PASSWORD });
  assert.equal(login.status, 303);
  const staff = await client.get('/m/hedensted/admin/staff');
  assert.equal(staff.status, 200);
  assert.match(await staff.text(), /Mette Kjær Rasmussen/);
});
