// The session resolver on a real database: roles from every municipality under row-level security,
// forged and expired tokens, sliding expiry written at most every few minutes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testDatabase, type TestDatabase } from '../../testing/test-db.js';
import { createMunicipality, createPerson } from '../../testing/actors.js';
import { createLogger } from '../../core/log.js';
import { createSessionResolver, sessionIdOf, startSession } from './sessions.js';

let db: TestDatabase;
let a: number;
let b: number;
const resolver = () => createSessionResolver({ db, log: createLogger('silent') });

before(async () => {
  db = await testDatabase();
  a = await createMunicipality(db, 'alfa');
  b = await createMunicipality(db, 'beta');
});
after(() => db.destroy());

async function sessionRow(token: string) {
  const r = await sql<{ last_seen_at: Date; expires_at: Date }>`select last_seen_at, expires_at from accounts_sessions where id = ${sessionIdOf(token)}`.execute(db.owner);
  return r.rows[0];
}

test('a session resolves to its person with their roles in every municipality', async () => {
  const p = await createPerson(db, { name: 'Karen Lund', roles: [[a, 'admin'], [a, 'resident'], [b, 'facilitator']], networkRole: 'member', lang: 'en' });
  const actor = await resolver().resolve(p.sessionToken);
  assert.ok(actor);
  assert.equal(actor.id, p.id);
  assert.equal(actor.displayName, 'Karen Lund');
  assert.equal(actor.lang, 'en');
  assert.equal(actor.networkRole, 'member');
  assert.equal(actor.sessionId, sessionIdOf(p.sessionToken));
  assert.deepEqual([...(actor.roles.get(a) ?? [])].sort(), ['admin', 'resident']);
  assert.deepEqual([...(actor.roles.get(b) ?? [])], ['facilitator']);
});

test("another person's roles are not visible through one's own session", async () => {
  await createPerson(db, { roles: [[a, 'admin']] });
  const me = await createPerson(db, { roles: [[b, 'resident']] });
  const actor = await resolver().resolve(me.sessionToken);
  assert.equal(actor?.roles.get(a), undefined);
  assert.deepEqual([...(actor?.roles.get(b) ?? [])], ['resident']);
});

test('forged, mangled and unknown tokens resolve to nobody', async () => {
  const p = await createPerson(db);
  for (const token of ['', 'x', p.sessionToken + 'x', p.sessionToken.slice(1), sessionIdOf(p.sessionToken), 'A'.repeat(43), "'; drop table accounts_users; --"]) {
    assert.equal(await resolver().resolve(token), null, JSON.stringify(token));
  }
});

test('an expired session resolves to nobody', async () => {
  const p = await createPerson(db);
  await sql`update accounts_sessions set expires_at = now() - interval '1 second' where id = ${sessionIdOf(p.sessionToken)}`.execute(db.owner);
  assert.equal(await resolver().resolve(p.sessionToken), null);
});

test('expiry slides to 30 days out, written only when the session was last seen minutes ago', async () => {
  const p = await createPerson(db);
  const id = sessionIdOf(p.sessionToken);
  await sql`update accounts_sessions set last_seen_at = now() - interval '1 minute', expires_at = now() + interval '1 day' where id = ${id}`.execute(db.owner);
  const untouched = await sessionRow(p.sessionToken);
  assert.ok(await resolver().resolve(p.sessionToken));
  assert.deepEqual(await sessionRow(p.sessionToken), untouched, 'seen a minute ago: nothing written');

  await sql`update accounts_sessions set last_seen_at = now() - interval '10 minutes' where id = ${id}`.execute(db.owner);
  assert.ok(await resolver().resolve(p.sessionToken));
  const touched = await sessionRow(p.sessionToken);
  const days = (touched!.expires_at.getTime() - Date.now()) / 86_400_000;
  assert.ok(days > 29.9 && days <= 30, `expires in ${days} days`);
});

test('startSession stores only the hash of the token', async () => {
  const p = await createPerson(db);
  const { token, sessionId } = await db.transaction({ municipalityId: null }, (tx) => startSession(tx, p.id));
  assert.match(token, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(sessionId, sessionIdOf(token));
  const stored = await sql<{ n: number }>`select count(*)::int as n from accounts_sessions where id = ${token}`.execute(db.owner);
  assert.equal(stored.rows[0]?.n, 0);
  assert.equal((await resolver().resolve(token))?.id, p.id);
});
