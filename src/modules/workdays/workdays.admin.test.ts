// The guest setting, volunteer arrangements and the hours page, over HTTP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { SESSION_COOKIE } from '../../core/http/app.js';
import { municipalityWithGroup, person } from './workdays.testkit.js';

let app: TestApp;
const slug = 'admin-kommune';
let mid: number;
let groupId: number;

function as(token: string) {
  const c = app.client();
  c.setCookie(SESSION_COOKIE, token);
  return c;
}

before(async () => {
  app = await testApp();
  const f = await municipalityWithGroup(app.db, slug);
  mid = f.mid;
  groupId = f.groupId;
});
after(async () => {
  await app.close();
});

test('guest sign-up setting: facilitators switch it, residents may not', async () => {
  const url = `/m/${slug}/workdays/settings`;
  const resident = await person(app.db, mid, ['resident']);
  assert.equal((await as(resident.sessionToken).get(url)).status, 403);
  assert.equal((await as(resident.sessionToken).post(url, { guestsAllowed: 'yes' }, { formPage: `/m/${slug}/workdays` })).status, 403);
  const fc = as((await person(app.db, mid, ['facilitator'])).sessionToken);
  assert.ok(!(await (await fc.get(url)).text()).includes('checked'));
  assert.equal((await fc.post(url, { guestsAllowed: 'yes' })).status, 303);
  assert.match(await (await fc.get(url)).text(), /name="guestsAllowed" value="yes" checked/);
  assert.equal((await fc.post(url, {})).status, 303);
  const off = await app.db.transaction({ municipalityId: mid }, (tx) => sql<{ g: boolean }>`select guests_allowed as g from workdays_settings`.execute(tx));
  assert.equal(off.rows[0]!.g, false);
});

test('volunteer arrangement: validated, saved, and only status and date of the child check', async () => {
  const volunteer = await person(app.db, mid, ['resident'], 'Vera Frivillig');
  const url = `/m/${slug}/workdays/people/${volunteer.id}/arrangement`;
  assert.equal((await as(volunteer.sessionToken).get(url)).status, 403);
  const fc = as((await person(app.db, mid, ['facilitator'])).sessionToken);
  const page = await (await fc.get(url)).text();
  assert.ok(page.includes('Vera Frivillig'));
  assert.ok(!page.includes('type="file"'), 'no place for the certificate itself');
  const bad = await fc.post(url, { roleType: 'association', associationName: '', childCheckStatus: 'approved', childCheckDate: '' });
  assert.equal(bad.status, 422);
  const body = await bad.text();
  for (const m of ['Skriv foreningens navn.', 'Børneattest kræves kun for arbejde med børn.', 'Skriv datoen for tjekket.']) assert.ok(body.includes(m), m);
  const good = await fc.post(url, { roleType: 'association', associationName: 'Spejderne', managerApproved: 'yes', worksWithChildren: 'yes', childCheckStatus: 'approved', childCheckDate: '2025-03-01' });
  assert.equal(good.status, 303);
  const saved = await (await fc.get(url)).text();
  assert.ok(saved.includes('value="Spejderne"'));
  assert.ok(saved.includes('value="2025-03-01"'));
  const row = await app.db.transaction({ municipalityId: mid }, (tx) => sql<{ child_check_status: string; manager_approved: boolean }>`select child_check_status, manager_approved from workdays_arrangements where user_id = ${volunteer.id}`.execute(tx));
  assert.deepEqual({ ...row.rows[0] }, { child_check_status: 'approved', manager_approved: true });
  assert.equal((await fc.get(`/m/${slug}/workdays/people/999999999/arrangement`)).status, 404);
});

test('hours page: verified resident hours per group, area and municipality; staff hours left out', async () => {
  const a = await person(app.db, mid, ['resident']);
  const staff = await person(app.db, mid, ['facilitator']);
  await app.db.transaction({ municipalityId: mid }, async (tx) => {
    const day = await sql<{ id: number }>`insert into workdays_days (municipality_id, title, lang, group_id, address, starts_at, ends_at) values (${mid}, 'Forårsrengøring', 'da', ${groupId}, 'Torvet', now() - interval '2 days', now() - interval '2 days' + interval '3 hours') returning id`.execute(tx);
    const shift = await sql<{ id: number }>`insert into workdays_shifts (municipality_id, day_id, label, starts_at, ends_at, capacity) select ${mid}, ${day.rows[0]!.id}, 'Hele dagen', starts_at, ends_at, 5 from workdays_days where id = ${day.rows[0]!.id} returning id`.execute(tx);
    for (const [who, kind, minutes] of [[a.id, 'resident', 150], [staff.id, 'staff', 180]] as const)
      await sql`insert into workdays_signups (municipality_id, shift_id, user_id, participant_kind, status, position, attended, minutes, verified_at) values (${mid}, ${shift.rows[0]!.id}, ${who}, ${kind}, 'confirmed', 1, true, ${minutes}, now())`.execute(tx);
  });
  const url = `/m/${slug}/workdays/hours`;
  assert.equal((await as(a.sessionToken).get(url)).status, 403);
  const page = await (await as(staff.sessionToken).get(url)).text();
  assert.ok(page.includes('I alt i kommunen: 2,5 timer fra 1 person.'), page.slice(page.indexOf('<main'), page.indexOf('<main') + 2000));
  assert.ok(page.includes('Rengøringsholdet'));
  assert.ok(page.includes('Uden område'));
});

test('hours page: each initiative line carries its title, escaped', async () => {
  const a = await person(app.db, mid, ['resident']);
  const staff = await person(app.db, mid, ['facilitator']);
  await app.db.transaction({ municipalityId: mid }, async (tx) => {
    const ini = await sql<{ id: number }>`insert into initiatives (municipality_id, title, problem, proposal, lang, state)
      values (${mid}, '<b>Bybussen</b> i Juelsminde', 'Problem', 'Forslag', 'da', 'active') returning id`.execute(tx);
    const day = await sql<{ id: number }>`insert into workdays_days (municipality_id, title, lang, initiative_id, address, starts_at, ends_at) values (${mid}, 'Værtsvagt', 'da', ${ini.rows[0]!.id}, 'Torvet', now() - interval '3 days', now() - interval '3 days' + interval '2 hours') returning id`.execute(tx);
    const shift = await sql<{ id: number }>`insert into workdays_shifts (municipality_id, day_id, label, starts_at, ends_at, capacity) select ${mid}, ${day.rows[0]!.id}, 'Vagt', starts_at, ends_at, 5 from workdays_days where id = ${day.rows[0]!.id} returning id`.execute(tx);
    await sql`insert into workdays_signups (municipality_id, shift_id, user_id, participant_kind, status, position, attended, minutes, verified_at) values (${mid}, ${shift.rows[0]!.id}, ${a.id}, 'resident', 'confirmed', 1, true, 120, now())`.execute(tx);
  });
  const page = await (await as(staff.sessionToken).get(`/m/${slug}/workdays/hours`)).text();
  assert.ok(page.includes('&lt;b&gt;Bybussen&lt;/b&gt; i Juelsminde'), 'the title, escaped');
  assert.ok(!page.includes('Initiativ nr.'));
});
