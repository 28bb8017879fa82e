// Routes through the in-process app: forms, status codes, escaping, the e-mail link.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { readOutbox } from '../../core/mail/mailer.js';
import { SESSION_COOKIE } from '../../core/http/app.js';
import { futureDate, municipalityWithGroup, person } from './workdays.testkit.js';

let app: TestApp;
let slug = 'rute-kommune';
let mid: number;
let groupId: number;
let coordinatorToken: string;
before(async () => {
  app = await testApp();
  const f = await municipalityWithGroup(app.db, slug);
  mid = f.mid;
  groupId = f.groupId;
  coordinatorToken = f.coordinator.sessionToken;
});
after(async () => {
  await app.close();
});

function as(token: string) {
  const c = app.client();
  c.setCookie(SESSION_COOKIE, token);
  return c;
}

const dayForm = (over: Record<string, string> = {}) => ({
  title: '<script>alert(1)</script> Rengøring',
  groupId: String(groupId),
  address: 'Torvet 1',
  date: futureDate(12),
  startTime: '09:00',
  endTime: '12:00',
  shift1Label: 'Formiddag',
  shift1Start: '09:00',
  shift1End: '12:00',
  shift1Capacity: '1',
  repeat: 'none',
  everyWeeks: '2',
  count: '',
  until: '',
  ...over,
});

test('create form: 422 with errors next to fields and values kept; nothing stored', async () => {
  const c = as(coordinatorToken);
  const cases: [Record<string, string>, string][] = [
    [{ endTime: '08:00' }, 'Sluttiden skal være efter starttiden.'],
    [{ shift1Capacity: '0' }, 'Antal pladser skal være et helt tal fra 1 til 1000.'],
    [{ shift1Capacity: '-3' }, 'Antal pladser skal være et helt tal fra 1 til 1000.'],
    [{ date: '2020-01-01' }, 'Datoen og tiden er allerede passeret.'],
    [{ date: '2031-03-30', startTime: '02:30', shift1Start: '03:00', shift1End: '04:00' }, 'sommertid'],
    [{ repeat: 'weekly', count: '', until: '' }, 'Udfyld antal gange eller en slutdato.'],
  ];
  for (const [over, message] of cases) {
    const res = await c.post(`/m/${slug}/workdays/new`, dayForm(over), { formPage: `/m/${slug}/workdays/new` });
    assert.equal(res.status, 422, JSON.stringify(over));
    const body = await res.text();
    assert.ok(body.includes(message), `${JSON.stringify(over)} → ${message}`);
    assert.ok(body.includes('&lt;script&gt;alert(1)&lt;/script&gt; Rengøring'), 'value kept, escaped');
    assert.ok(!body.includes('<script>alert(1)'));
  }
  const n = await app.db.transaction({ municipalityId: mid }, (tx) => sql<{ n: string }>`select count(*) as n from workdays_days`.execute(tx));
  assert.equal(Number(n.rows[0]!.n), 0);
});

test('a resident may not create; anonymous GET goes to sign-in', async () => {
  const resident = await person(app.db, mid, ['resident']);
  const res = await as(resident.sessionToken).post(`/m/${slug}/workdays/new`, dayForm(), { formPage: `/m/${slug}/workdays/new` });
  assert.equal(res.status, 422);
  assert.ok((await res.text()).includes('Vælg en gruppe, du er tovholder for.'));
  const anon = await app.client().get(`/m/${slug}/workdays/new`);
  assert.equal(anon.status, 302);
  assert.match(anon.headers.get('location') ?? '', /^\/login\?next=/);
});

test('create, sign up, waitlist, cancel with promotion e-mail, can\'t-come link, .ics', async () => {
  const c = as(coordinatorToken);
  const res = await c.post(`/m/${slug}/workdays/new`, dayForm(), { formPage: `/m/${slug}/workdays/new` });
  assert.equal(res.status, 303);
  const dayUrl = res.headers.get('location')!;
  assert.match(dayUrl, /^\/m\/rute-kommune\/workdays\/\d+$/);
  const page = await (await c.get(dayUrl)).text();
  assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt; Rengøring'));
  const signupPath = /action="(\/m\/rute-kommune\/workdays\/\d+\/shifts\/\d+\/signup)"/.exec(page)![1]!;

  const a = await person(app.db, mid, ['resident'], 'Anna Første');
  const b = await person(app.db, mid, ['resident'], 'Bo Anden');
  const ra = await as(a.sessionToken).post(signupPath, {}, { formPage: dayUrl });
  assert.equal(ra.status, 303);
  const bClient = as(b.sessionToken);
  assert.equal((await bClient.post(signupPath, {}, { formPage: dayUrl })).status, 303);
  const bPage = await (await bClient.get(dayUrl)).text();
  assert.ok(bPage.includes('Du er nummer 1 på ventelisten.'));

  const aClient = as(a.sessionToken);
  const aPage = await (await aClient.get(dayUrl)).text();
  const cancelPath = /action="(\/m\/rute-kommune\/workdays\/signups\/\d+\/cancel)"/.exec(aPage)![1]!;
  // Someone else cannot cancel Anna's place.
  assert.equal((await bClient.post(cancelPath, {}, { formPage: dayUrl })).status, 403);
  assert.equal((await aClient.post(cancelPath, {}, { formPage: dayUrl })).status, 303);
  const mail = await readOutbox(app.db, 10);
  const promoted = mail.find((x) => x.to === b.email && x.subject.startsWith('Du har fået en plads'));
  assert.ok(promoted, 'Bo was told he moved up');
  const link = /\/m\/rute-kommune\/workdays\/cant-come\/([A-Za-z0-9_-]{43})/.exec(promoted.text)!;
  const anon = app.client();
  const confirm = await anon.get(link[0]);
  assert.equal(confirm.status, 200);
  assert.ok((await confirm.text()).includes('Ja, meld mig fra'));
  const done = await anon.post(link[0], {}, { formPage: link[0] });
  assert.equal(done.status, 303);
  assert.equal((await anon.get(link[0])).status, 404, 'single use');

  const ics = await app.client().get(`${dayUrl}/calendar.ics`);
  assert.equal(ics.status, 200);
  assert.match(ics.headers.get('content-type') ?? '', /text\/calendar/);
  assert.match(await ics.text(), /BEGIN:VEVENT/);
});

test('unknown ids are 404; a POST without CSRF is 403', async () => {
  const c = as(coordinatorToken);
  assert.equal((await c.get(`/m/${slug}/workdays/999999`)).status, 404);
  assert.equal((await c.post(`/m/${slug}/workdays/1/shifts/1/signup`, {}, { csrf: null })).status, 403);
});
