// Notifications: in-app rows for everyone told, e-mail according to each person's setting, the daily
// digest at most once a day, and the settings page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { createMunicipality, createPerson, type TestPerson } from '../../testing/actors.js';
import { deliverPending, notify, sendDueDigests } from './notifications.service.js';
import { setFrequency } from './notifications.repository.js';
import { notificationsModule } from './index.js';

let app: TestApp;
let a: number;
let b: number;
let now: TestPerson;
let daily: TestPerson;
let never: TestPerson;
let actor: TestPerson;

before(async () => {
  app = await testApp();
  a = await createMunicipality(app.db, 'notia');
  b = await createMunicipality(app.db, 'notib');
  now = await createPerson(app.db, { name: 'Nu Nielsen' });
  daily = await createPerson(app.db, { name: 'Daglig Dahl', lang: 'en' });
  never = await createPerson(app.db, { name: 'Aldrig Andersen' });
  actor = await createPerson(app.db, { name: 'Aktør' });
  await app.db.transaction({ municipalityId: null }, async (tx) => {
    await setFrequency(tx, daily.id, 'daily');
    await setFrequency(tx, never.id, 'never');
  });
});
after(() => app.close());

const outbox = async (to: string) =>
  (await sql<{ subject: string; body_text: string }>`select subject, body_text from core_outbox where recipient = ${to} order by id`.execute(app.db.owner)).rows;

const tell = (municipalityId: number, title: string) =>
  app.db.transaction({ municipalityId }, (tx) =>
    notify(tx, {
      municipalityId,
      userIds: [now.id, daily.id, never.id, actor.id, now.id],
      actorId: actor.id,
      messageKey: 'initiatives.notify.update',
      params: { title, author: 'Aktør' },
      link: `/m/x/initiatives/1`,
    }),
  );

test('everyone told gets an in-app notification, except the actor; e-mail follows each setting', async () => {
  assert.equal(await tell(a, 'Bybussen'), 3);
  await tell(b, 'Skolekøkkenet');
  assert.equal(await deliverPending(app.deps, a), 1);
  assert.equal(await deliverPending(app.deps, b), 1);
  assert.equal(await deliverPending(app.deps, a), 0, 'each is sent once');
  const mine = await outbox(now.email);
  assert.equal(mine.length, 2);
  assert.match(mine[0]!.subject, /Nyt fra »Bybussen«/);
  assert.match(mine[0]!.body_text, /Hej Nu Nielsen/);
  assert.match(mine[0]!.body_text, /\/notifications/);
  assert.equal((await outbox(never.email)).length, 0);
  assert.equal((await outbox(daily.email)).length, 0, 'daily people wait for the digest');
  assert.equal((await outbox(actor.email)).length, 0);
});

test('the daily digest sends one e-mail with everything from every municipality, at most once a day', async () => {
  const first = await sendDueDigests(app.deps);
  assert.deepEqual(first, { people: 1, notifications: 2 });
  const mails = await outbox(daily.email);
  assert.equal(mails.length, 1);
  assert.match(mails[0]!.subject, /2 updates/, 'in the person’s own language');
  assert.match(mails[0]!.body_text, /Bybussen/);
  assert.match(mails[0]!.body_text, /Skolekøkkenet/);
  await tell(a, 'Rengøringsholdet');
  assert.deepEqual(await sendDueDigests(app.deps), { people: 0, notifications: 0 }, 'not again within a day');
  assert.deepEqual(await sendDueDigests(app.deps, { minHours: 0 }), { people: 1, notifications: 1 });
  assert.equal((await outbox(daily.email)).length, 2);
});

test('the digest command', async () => {
  const cmd = notificationsModule.commands?.find((c) => c.name === 'notifications');
  assert.ok(cmd);
  assert.equal(await cmd.run(['bogus'], async () => app.deps), 2);
  assert.equal(await cmd.run(['digest', '--min-hours=abc'], async () => app.deps), 2);
  assert.equal(await cmd.run(['digest'], async () => app.deps), 0);
});

test('the notifications page and its setting, for the signed-in person only', async () => {
  const visitor = app.client();
  assert.equal((await visitor.get('/notifications')).status, 401);
  const c = app.client();
  c.setCookie('samskab_session', now.sessionToken);
  const page = await c.get('/notifications');
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /Nyt fra »Bybussen«/);
  assert.match(html, /Nyt fra »Skolekøkkenet«/, 'from every municipality');
  const bad = await c.post('/notifications/settings', { frequency: 'hourly' });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /Vælg, hvor ofte/);
  assert.equal((await c.post('/notifications/settings', { frequency: 'daily' })).status, 303);
  assert.match(await (await c.get('/notifications')).text(), /value="daily" checked=""/);
  assert.equal((await c.post('/notifications/read', {}, { formPage: '/notifications' })).status, 303);
  assert.match(await (await c.get('/notifications')).text(), /Ingen ulæste/);
  const other = app.client();
  other.setCookie('samskab_session', never.sessionToken);
  assert.ok(!(await (await other.get('/notifications')).text()).includes('Hej Nu Nielsen'));
});
