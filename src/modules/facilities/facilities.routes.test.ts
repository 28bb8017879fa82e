// The facilities pages through HTTP: who gets in, forms that fail (422) and conflict (409), approval,
// escaping, the iCalendar feed and the day sheet.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { createMunicipality, createPerson } from '../../testing/actors.js';
import type { MunicipalRole } from '../../core/auth/actor.js';
import { createFacility } from './commands/create-facility.js';
import { addDays, todayIn } from './facilities.time.js';
import type { Actor } from '../../core/auth/actor.js';

let app: TestApp;
let m: number;
let kitchenId: number;
let roomId: number;
const base = '/m/fac-routes/facilities';
// Always a future weekday within the horizon: next Wednesday (or the one after, if it is close).
const today = todayIn(new Date(), 'Europe/Copenhagen');
let day = addDays(today, 3);
while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 3) day = addDays(day, 1);

before(async () => {
  app = await testApp();
  m = await createMunicipality(app.db, 'fac-routes', 'Rutekommune');
  const p = await createPerson(app.db, { roles: [[m, 'admin']] });
  const staff: Actor = { id: p.id, sessionId: 's', displayName: 'A', email: p.email, emailVerified: true, lang: null, networkRole: null, roles: new Map([[m, new Set<MunicipalRole>(['admin'])]]) };
  const fields = {
    kind: 'room' as const,
    institution: 'Tørring Skole',
    address: '',
    description: 'Beskrivelse <b>fed</b>',
    capacity: 10,
    accessibility: '',
    houseRules: '',
    depositNote: '',
    allowResidents: true,
    allowGroups: true,
    allowAssociations: true,
    horizonDays: 30,
    priorityHorizonDays: 180,
    cancelDeadlineHours: 24,
  };
  const hours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensMin: 480, closesMin: 1320 }));
  const k = await createFacility(app.db, staff, m, { ...fields, slug: 'kitchen', name: 'Skolekøkkenet <script>alert(1)</script>', needsApproval: true }, hours);
  const r = await createFacility(app.db, staff, m, { ...fields, slug: 'room', name: 'Mødelokale', needsApproval: false }, hours);
  assert.ok(k.ok && r.ok);
  kitchenId = k.value.id;
  roomId = r.value.id;
});
after(() => app.close());

async function as(role: MunicipalRole | null, lang: 'da' | 'en' = 'da'): Promise<TestClient> {
  const client = app.client();
  if (role) client.setCookie('samskab_session', (await createPerson(app.db, { roles: [[m, role]], lang })).sessionToken);
  return client;
}

const booking = (over: Record<string, string> = {}) => ({ date: day, start: '10:00', end: '12:00', purpose: 'Fællesspisning', attendees: '8', ...over });

test('anyone can see the list and a facility; its name is escaped', async () => {
  const client = await as(null);
  const list = await client.get(base);
  assert.equal(list.status, 200);
  const body = await list.text();
  assert.ok(body.includes('Skolekøkkenet &lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(!body.includes('<script>alert(1)'));
  const page = await client.get(`${base}/${kitchenId}?view=week&date=${day}`);
  assert.equal(page.status, 200);
  const text = await page.text();
  assert.match(text, /Beskrivelse &lt;b&gt;fed&lt;\/b&gt;/);
  assert.match(text, /Log ind for at booke/);
  assert.equal((await client.get(`${base}/999999`)).status, 404);
  assert.equal((await client.get('/m/nowhere/facilities')).status, 404);
});

test('booking needs a signed-in person: GET goes to sign-in, POST is 401', async () => {
  const client = await as(null);
  const res = await client.get(`${base}/${roomId}/book`);
  assert.equal(res.status, 302);
  assert.match(res.headers.get('location') ?? '', /^\/login\?next=/);
  assert.equal((await client.post(`${base}/${roomId}/book`, booking(), { formPage: '/login' })).status, 401);
});

test('bad input re-renders with 422, the values kept and an error by the field', async () => {
  const client = await as('resident');
  const cases: [Record<string, string>, RegExp, string][] = [
    [{ start: '12:00', end: '10:00' }, /Sluttiden skal være efter starttiden/, 'f-end-error'],
    [{ start: '06:00' }, /uden for åbningstiden/, 'f-start-error'],
    [{ date: '2020-01-01' }, /Tiden er allerede gået/, 'f-start-error'],
    [{ date: '2026-02-31' }, /Skriv en rigtig dato/, 'f-date-error'],
    [{ date: addDays(today, 60) }, /højst booke 30 dage frem/, 'f-date-error'],
    [{ attendees: '0' }, /mindst 1/, 'f-attendees-error'],
    [{ attendees: '-4' }, /mindst 1/, 'f-attendees-error'],
    [{ attendees: '11' }, /kun plads til 10/, 'f-attendees-error'],
    [{ purpose: '' }, /Skriv kort, hvad I skal bruge det til/, 'f-purpose-error'],
  ];
  for (const [over, message, errorId] of cases) {
    const res = await client.post(`${base}/${roomId}/book`, booking({ ...over, purpose: over.purpose ?? '<img src=x onerror=alert(1)>' }));
    assert.equal(res.status, 422, JSON.stringify(over));
    const body = await res.text();
    assert.match(body, message, JSON.stringify(over));
    assert.ok(body.includes(`id="${errorId}"`), `${errorId} for ${JSON.stringify(over)}`);
    if (over.purpose === undefined) assert.ok(body.includes('value="&lt;img src=x onerror=alert(1)&gt;"'), 'the value typed is kept, escaped');
  }
  const mine = await (await client.get(`${base}/bookings`)).text();
  assert.match(mine, /Du har ingen kommende bookinger/, 'nothing was stored');
});

test('a daylight-saving gap is a clear error in English too', async () => {
  const client = await as('resident', 'en');
  const year = Number(today.slice(0, 4)) + 1;
  // The last Sunday of March next year.
  let d = `${year}-03-31`;
  while (new Date(`${d}T12:00:00Z`).getUTCDay() !== 0) d = addDays(d, -1);
  const res = await client.post(`${base}/${roomId}/book`, booking({ date: d, start: '02:30', end: '04:00' }));
  assert.equal(res.status, 422);
  assert.match(await res.text(), /That time does not exist on that day|at most 30 days ahead/);
});

test('booking a free room: 303 to my bookings; the same slot again is 409; cancel works', async () => {
  const client = await as('resident');
  const res = await client.post(`${base}/${roomId}/book`, booking({ start: '14:00', end: '15:00' }));
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `${base}/bookings`);
  const mine = await (await client.get(`${base}/bookings`)).text();
  assert.match(mine, /Tiden er booket/);
  assert.match(mine, /Bekræftet/);
  const other = await as('resident');
  const clash = await other.post(`${base}/${roomId}/book`, booking({ start: '14:30', end: '15:30' }));
  assert.equal(clash.status, 409);
  const clashBody = await clash.text();
  assert.match(clashBody, /allerede booket af en anden/);
  assert.ok(clashBody.includes('value="14:30"'));
  const day1 = await (await other.get(`${base}/${roomId}?date=${day}`)).text();
  assert.match(day1, /14:00–15:00/);
  assert.match(day1, /Optaget/);
  assert.doesNotMatch(day1, /Fællesspisning/, 'the public page does not say who booked or why');
  const id = /\/bookings\/(\d+)\/cancel/.exec(mine)?.[1];
  assert.ok(id);
  assert.equal((await other.post(`${base}/bookings/${id}/cancel`, {}, { formPage: `${base}/bookings` })).status, 403);
  const cancel = await client.post(`${base}/bookings/${id}/cancel`, {}, { formPage: `${base}/bookings` });
  assert.equal(cancel.status, 303);
  assert.match(await (await client.get(`${base}/bookings`)).text(), /Bookingen er afbestilt/);
});

test('approval: residents get 403 at the queue; a facilitator approves; a clash is 409', async () => {
  const resident = await as('resident');
  const resident2 = await as('resident');
  assert.equal((await resident.post(`${base}/${kitchenId}/book`, booking({ start: '17:00', end: '19:00' }))).status, 303);
  assert.equal((await resident2.post(`${base}/${kitchenId}/book`, booking({ start: '18:00', end: '20:00' }))).status, 303);
  assert.match(await (await resident.get(`${base}/bookings`)).text(), /Venter på godkendelse/);
  assert.equal((await resident.get(`${base}/requests`)).status, 403);
  assert.equal((await (await as('finance_officer')).get(`${base}/requests`)).status, 403);

  const staff = await as('facilitator');
  const queue = await (await staff.get(`${base}/requests`)).text();
  const ids = [...queue.matchAll(/\/bookings\/(\d+)\/approve/g)].map((x) => x[1]);
  assert.equal(ids.length, 2);
  assert.equal((await resident.post(`${base}/bookings/${ids[0]}/approve`, {}, { formPage: `${base}/bookings` })).status, 403);
  const ok = await staff.post(`${base}/bookings/${ids[0]}/approve`, {}, { formPage: `${base}/requests` });
  assert.equal(ok.status, 303);
  const clash = await staff.post(`${base}/bookings/${ids[1]}/approve`, {}, { formPage: `${base}/requests` });
  assert.equal(clash.status, 409);
  assert.match(await clash.text(), /kan ikke godkendes/);
  const reject = await staff.post(`${base}/bookings/${ids[1]}/reject`, {}, { formPage: `${base}/requests` });
  assert.equal(reject.status, 303);
  assert.match(await (await staff.get(`${base}/requests`)).text(), /Anmodningen er afvist/);
  assert.match(await (await resident.get(`${base}/bookings`)).text(), /Bekræftet/);
  assert.match(await (await resident2.get(`${base}/bookings`)).text(), /Afvist/);

  const sheet = await staff.get(`${base}/${kitchenId}/day-sheet?date=${day}`);
  assert.equal(sheet.status, 200);
  const sheetText = await sheet.text();
  assert.match(sheetText, /17:00–19:00/);
  assert.match(sheetText, /Fællesspisning/);
  assert.match(sheetText, /\/assets\/facilities\/print\.css/);
  assert.equal((await resident.get(`${base}/${kitchenId}/day-sheet?date=${day}`)).status, 403);
  const css = await staff.get('/assets/facilities/print.css');
  assert.equal(css.status, 200);
  assert.match(css.headers.get('content-type') ?? '', /text\/css/);
});

test('the iCalendar feed: RFC 5545 text with CRLF, confirmed bookings only, no personal data', async () => {
  const res = await (await as(null)).get(`${base}/${kitchenId}/calendar.ics`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/calendar/);
  const text = await res.text();
  assert.ok(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));
  assert.equal(text.replace(/\r\n/g, '').includes('\n'), false);
  const unfolded = text.replace(/\r\n /g, '');
  assert.equal((unfolded.match(/BEGIN:VEVENT/g) ?? []).length, 1, 'only the approved one');
  assert.match(unfolded, /UID:facility-booking-\d+-\d+@/);
  assert.match(unfolded, /DTSTART:\d{8}T\d{6}Z/);
  assert.doesNotMatch(unfolded, /Fællesspisning/);
  assert.ok(unfolded.includes('X-WR-CALNAME:Skolekøkkenet <script>alert(1)</script> – Tørring Skole'), 'text, not HTML: escaped per RFC 5545 only');
});

test('new facility: staff only; capacity 0 or negative and bad hours are 422 with errors by the fields', async () => {
  assert.equal((await (await as('resident')).get(`${base}/new`)).status, 403);
  const staff = await as('admin');
  const good = { name: 'Værkstedet', institution: 'Hedensted Skole', kind: 'room', capacity: '12', who: ['residents', 'groups'], horizonDays: '14', priorityHorizonDays: '90', cancelDeadlineHours: '12', opens_1: '08:00', closes_1: '16:00' };
  for (const [over, id, message] of [
    [{ capacity: '0' }, 'f-capacity-error', /mindst 1/],
    [{ capacity: '-5' }, 'f-capacity-error', /mindst 1/],
    [{ capacity: 'ti' }, 'f-capacity-error', /helt tal/],
    [{ closes_1: '07:00' }, 'f-closes_1-error', /efter åbningstiden/],
    [{ closes_1: '' }, 'f-closes_1-error', /både/],
    [{ priorityHorizonDays: '7' }, 'f-priorityHorizonDays-error', /mindst lige så langt/],
    [{ name: '<i>x</i>', who: [] }, 'f-who-error', /mindst én/],
  ] as const) {
    const res = await staff.post(`${base}/new`, { ...good, ...over } as Record<string, string | string[]>);
    assert.equal(res.status, 422, JSON.stringify(over));
    const body = await res.text();
    assert.ok(body.includes(`id="${id}"`), id);
    assert.match(body, message);
    assert.doesNotMatch(body, /<i>x<\/i>/);
  }
  const res = await staff.post(`${base}/new`, good);
  assert.equal(res.status, 303);
  const page = await (await staff.get(res.headers.get('location')!)).text();
  assert.match(page, /Værkstedet/);
  assert.match(page, /Lokalet er oprettet/);
  assert.equal((await staff.post(`${base}/new`, good)).status, 422, 'the same name twice');
});

test('seasons: staff create a season; allocating creates the weekly bookings; a clash is 409', async () => {
  const staff = await as('admin');
  assert.equal((await (await as('resident')).post(`${base}/seasons`, { name: 'X', startsOn: '2027-01-01', endsOn: '2027-02-01' }, { formPage: `${base}/seasons` })).status, 403);
  const bad = await staff.post(`${base}/seasons`, { name: 'Vinter', startsOn: '2027-03-01', endsOn: '2027-01-01' });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /sidste dag skal være efter den første/);
  const res = await staff.post(`${base}/seasons`, { name: 'Vinter', startsOn: '2027-01-04', endsOn: '2027-01-31' });
  assert.equal(res.status, 303);
  const seasonPath = res.headers.get('location')!;
  const seasonText = await (await staff.get(seasonPath)).text();
  assert.match(seasonText, /Kopiér sidste sæsons tider/);
  const copy = await staff.post(`${seasonPath}/copy`, {}, { formPage: seasonPath });
  assert.equal(copy.status, 409, 'no earlier season');
});
