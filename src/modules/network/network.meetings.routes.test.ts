// Seasons and meetings through the in-process app: who sees what, forms with bad input, registration
// with its e-mails, the calendar files.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { SESSION_COOKIE } from '../../core/http/app.js';
import { readOutbox } from '../../core/mail/mailer.js';
import { createMunicipality, createPerson, type TestPerson } from '../../testing/actors.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

let app: TestApp;
let admin: TestPerson;
let member: TestPerson;
let second: TestPerson;
let resident: TestPerson;
let mid: number;
before(async () => {
  app = await testApp();
  admin = await createPerson(app.db, { networkRole: 'admin', name: 'Camilla Admin' });
  member = await createPerson(app.db, { networkRole: 'member', name: 'Mona Medlem', email: 'mona@example.dk' });
  second = await createPerson(app.db, { networkRole: 'member', name: 'Niels Nummer To' });
  resident = await createPerson(app.db, { name: 'Rasmus Borger' });
  mid = await createMunicipality(app.db, 'rute-kommune', 'Rute Kommune');
});
after(async () => {
  await app.close();
});

function as(p: TestPerson) {
  const c = app.client();
  c.setCookie(SESSION_COOKIE, p.sessionToken);
  return c;
}

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function createSeasonAndMeeting(capacity: string): Promise<{ seasonId: number; meetingId: number }> {
  const a = as(admin);
  const name = `Sæson ${Math.random().toString(36).slice(2, 7)}`;
  const created = await a.post('/network/admin/seasons/new', { name, startsOn: inDays(-30), endsOn: inDays(300), themeDa: 'Samskabelse', themeEn: '', descriptionDa: '', descriptionEn: '' });
  assert.equal(created.status, 303);
  const seasonPath = created.headers.get('location')!;
  const seasonId = Number(/\/(\d+)$/.exec(seasonPath)![1]);
  assert.equal((await a.post(seasonPath, { intent: 'add-member', municipalityId: String(mid) })).status, 303);
  const meeting = await a.post('/network/admin/meetings/new', {
    seasonId: String(seasonId), hostMunicipalityId: String(mid), title: 'Møde om <b>samskabelse</b>', lang: 'da', date: inDays(20), startTime: '10:00', endTime: '15:00',
    place: 'Rådhuset', address: 'Torvet 1', agenda: 'Velkomst\nCases', isPublic: 'yes', capacity, deadlineDate: '', deadlineTime: '',
  });
  assert.equal(meeting.status, 303, await meeting.text());
  return { seasonId, meetingId: Number(/\/(\d+)$/.exec(meeting.headers.get('location')!)![1]) };
}

test('admin screens: sign-in for visitors, 403 for members, bad input re-rendered with errors and nothing stored', async () => {
  const visitor = await app.client().get('/network/admin/meetings/new');
  assert.equal(visitor.status, 303);
  assert.match(visitor.headers.get('location')!, /^\/login\?next=/);
  assert.equal((await as(member).get('/network/admin/seasons/new')).status, 403);
  assert.equal((await as(member).post('/network/admin/seasons/new', { name: 'X' }, { formPage: '/network/seasons' })).status, 403);
  const bad = await as(admin).post('/network/admin/seasons/new', { name: '', startsOn: '2026-13-01', endsOn: '2026-01-01' });
  assert.equal(bad.status, 422);
  const html = await bad.text();
  assert.match(html, /Skriv sæsonens navn/);
  assert.match(html, /Skriv en dato som åååå-mm-dd/);
  const { seasonId } = await createSeasonAndMeeting('3');
  const gap = await as(admin).post('/network/admin/meetings/new', {
    seasonId: String(seasonId), hostMunicipalityId: '', title: 'Sommertid', lang: 'da', date: '2026-03-29', startTime: '02:30', endTime: '04:00', place: 'X', address: '', agenda: '', capacity: '0', deadlineDate: '', deadlineTime: '',
  });
  assert.equal(gap.status, 422);
  const gapHtml = await gap.text();
  assert.match(gapHtml, /Skriv et antal pladser fra 1 til 10.000/);
  const count = await app.db.transaction({ municipalityId: null }, (tx) => sql<{ n: number }>`select count(*)::int as n from network_meetings where title = 'Sommertid'`.execute(tx));
  assert.equal(count.rows[0]!.n, 0);
});

test('a member registers and gets an e-mail; the next waits; cancelling promotes and e-mails them; visitors never see registrants', async () => {
  const { meetingId } = await createSeasonAndMeeting('1');
  const path = `/network/meetings/${meetingId}`;
  const visitorPage = await (await app.client().get(path)).text();
  assert.match(visitorPage, /Møde om &lt;b&gt;samskabelse&lt;\/b&gt;/, 'the title is escaped');
  assert.match(visitorPage, /Log ind for at tilmelde dig/);
  assert.equal((await as(resident).post(`${path}/register`, {}, { formPage: path })).status, 403);

  const m = as(member);
  const r1 = await m.post(`${path}/register`, {}, { formPage: path });
  assert.equal(r1.status, 303);
  const s = as(second);
  assert.equal((await s.post(`${path}/register`, {}, { formPage: path })).status, 303);
  assert.match(await (await s.get(path)).text(), /Du er nummer 1 på ventelisten/);

  const outbox = await readOutbox(app.db, 10);
  assert.ok(outbox.some((e) => e.to === 'mona@example.dk' && /Du er tilmeldt/.test(e.subject) && /calendar\.ics/.test(e.text)));
  assert.ok(outbox.some((e) => e.to === second.email && /ventelisten/.test(e.subject)));

  // Registrants: the admin sees them, nobody else does.
  const adminPage = await (await as(admin).get(path)).text();
  assert.match(adminPage, /Mona Medlem/);
  assert.match(adminPage, /Niels Nummer To/);
  for (const html of [await (await app.client().get(path)).text(), await (await m.get(path)).text()]) {
    assert.doesNotMatch(html, /Niels Nummer To/);
  }
  assert.doesNotMatch(await (await app.client().get(path)).text(), /Mona Medlem/);

  assert.equal((await m.post(`${path}/cancel`, {}, { formPage: path })).status, 303);
  assert.match(await (await s.get(path)).text(), /Du er tilmeldt mødet/);
  const after = await readOutbox(app.db, 10);
  assert.ok(after.some((e) => e.to === second.email && /Du har fået en plads/.test(e.subject)));
});

test('calendar files: one meeting and the feed, in UTC, with the meeting URL', async () => {
  const { meetingId } = await createSeasonAndMeeting('5');
  const one = await app.client().get(`/network/meetings/${meetingId}/calendar.ics`);
  assert.equal(one.status, 200);
  assert.match(one.headers.get('content-type')!, /^text\/calendar/);
  const text = await one.text();
  assert.match(text, /BEGIN:VEVENT\r\nUID:network-meeting-\d+@samskab/);
  assert.match(text, /DTSTART:\d{8}T(08|09)0000Z/);
  const feed = await (await app.client().get('/network/meetings.ics')).text();
  assert.match(feed, new RegExp(`UID:network-meeting-${meetingId}@samskab`));
});

test('a members-only meeting is hidden from visitors and from the feed they get', async () => {
  const { meetingId } = await createSeasonAndMeeting('5');
  await app.db.transaction({ municipalityId: null }, (tx) => sql`update network_meetings set is_public = false where id = ${meetingId}`.execute(tx));
  const visitor = await app.client().get(`/network/meetings/${meetingId}`);
  assert.equal(visitor.status, 303);
  assert.equal((await as(member).get(`/network/meetings/${meetingId}`)).status, 200);
  assert.doesNotMatch(await (await app.client().get('/network/meetings.ics')).text(), new RegExp(`network-meeting-${meetingId}@`));
  assert.doesNotMatch(await (await app.client().get('/network/meetings')).text(), new RegExp(`/network/meetings/${meetingId}"`));
});

test('pages render for everyone: seasons, a season, meetings, the directory', async () => {
  const { seasonId } = await createSeasonAndMeeting('5');
  for (const path of ['/network/seasons', `/network/seasons/${seasonId}`, '/network/meetings', '/network/members', '/network/members?lang=en']) {
    for (const c of [app.client(), as(member), as(admin)]) assert.equal((await c.get(path)).status, 200, path);
  }
  assert.equal((await app.client().get('/network/seasons/999999')).status, 404);
  assert.equal((await app.client().get('/network/meetings/999999')).status, 404);
});
