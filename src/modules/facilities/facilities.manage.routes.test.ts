// Staff screens through HTTP: editing a facility (422 with errors by the fields, in Danish and English),
// closed dates (409 listing the bookings it would hit, then an explicit confirmation), and the public
// JSON API (facilities, one facility, availability without personal data) with its OpenAPI entries.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { createMunicipality, createPerson } from '../../testing/actors.js';
import type { Actor, MunicipalRole } from '../../core/auth/actor.js';
import { createFacility } from './commands/create-facility.js';
import { addDays, todayIn } from './facilities.time.js';

let app: TestApp;
let m: number;
let roomId: number;
const base = '/m/fac-manage/facilities';
const api = '/api/v1/municipalities/fac-manage/facilities';
const today = todayIn(new Date(), 'Europe/Copenhagen');
const day = addDays(today, 5);
const later = addDays(today, 9);

before(async () => {
  app = await testApp();
  m = await createMunicipality(app.db, 'fac-manage', 'Styrekommune');
  const p = await createPerson(app.db, { roles: [[m, 'admin']] });
  const staff: Actor = { id: p.id, sessionId: 's', displayName: 'A', email: p.email, emailVerified: true, lang: null, networkRole: null, roles: new Map([[m, new Set<MunicipalRole>(['admin'])]]) };
  const r = await createFacility(
    app.db,
    staff,
    m,
    { slug: 'salen', kind: 'room', name: 'Salen', institution: 'Hedensted Skole', address: 'Skolevej 1', description: 'Stor sal', capacity: 60, accessibility: 'Niveaufri adgang', houseRules: 'Ryd op', depositNote: '', needsApproval: false, allowResidents: true, allowGroups: true, allowAssociations: true, horizonDays: 30, priorityHorizonDays: 180, cancelDeadlineHours: 24 },
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensMin: 480, closesMin: 1320 })),
  );
  assert.ok(r.ok);
  roomId = r.value.id;
});
after(() => app.close());

async function as(role: MunicipalRole | null, lang: 'da' | 'en' = 'da'): Promise<TestClient> {
  const client = app.client();
  if (role) client.setCookie('samskab_session', (await createPerson(app.db, { roles: [[m, role]], lang })).sessionToken);
  return client;
}

const good = { name: 'Salen', institution: 'Hedensted Skole', kind: 'room', address: 'Skolevej 1', description: 'Stor sal', capacity: '60', accessibility: 'Niveaufri adgang', houseRules: 'Ryd op', depositNote: '', who: ['residents', 'groups', 'associations'], horizonDays: '30', priorityHorizonDays: '180', cancelDeadlineHours: '24', ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7].flatMap((w) => [[`opens_${w}`, '08:00'], [`closes_${w}`, '22:00']])) };

test('edit: staff only; the form starts with what is stored; bad input is 422 by the field in Danish and English', async () => {
  assert.equal((await (await as('resident')).get(`${base}/${roomId}/edit`)).status, 403);
  assert.equal((await (await as('finance_officer')).post(`${base}/${roomId}/edit`, good, { formPage: base })).status, 403);
  assert.equal((await (await as(null)).get(`${base}/${roomId}/edit`)).status, 302);
  const staff = await as('facilitator');
  assert.equal((await staff.get(`${base}/999999/edit`)).status, 404);
  const form = await (await staff.get(`${base}/${roomId}/edit`)).text();
  assert.match(form, /Redigér Salen/);
  assert.ok(form.includes('value="Skolevej 1"'));
  assert.match(form, />Niveaufri adgang<\/textarea>/);
  assert.ok(form.includes('name="opens_3"') && form.includes('value="08:00"'));
  const cases: [Record<string, string | string[]>, string, RegExp][] = [
    [{ capacity: '0' }, 'f-capacity-error', /Kapaciteten skal være mindst 1/],
    [{ capacity: '-2' }, 'f-capacity-error', /mindst 1/],
    [{ opens_2: '18:00', closes_2: '09:00' }, 'f-closes_2-error', /Lukketiden skal være efter åbningstiden/],
    [{ opens_5: '25:00' }, 'f-opens_5-error', /TT:MM/],
    [{ priorityHorizonDays: '10' }, 'f-priorityHorizonDays-error', /mindst lige så langt frem/],
    [{ horizonDays: '0' }, 'f-horizonDays-error', /fra 1 til 730/],
    [{ cancelDeadlineHours: '1000' }, 'f-cancelDeadlineHours-error', /fra 0 til 720/],
    [{ name: '' }, 'f-name-error', /Skriv et navn/],
  ];
  for (const [over, id, message] of cases) {
    const res = await staff.post(`${base}/${roomId}/edit`, { ...good, ...over, houseRules: '<b>Ryd op</b>' });
    assert.equal(res.status, 422, JSON.stringify(over));
    const body = await res.text();
    assert.ok(body.includes(`id="${id}"`), `${id}: ${[...body.matchAll(/id="(f-[^"]+-error)"/g)].map((x) => x[1]).join(',')}`);
    assert.match(body, message);
    assert.ok(body.includes('&lt;b&gt;Ryd op&lt;/b&gt;'), 'the value typed is kept, escaped');
  }
  const en = await (await as('admin', 'en')).post(`${base}/${roomId}/edit`, { ...good, opens_1: '20:00', closes_1: '10:00', capacity: '0' });
  assert.equal(en.status, 422);
  const enBody = await en.text();
  assert.match(enBody, /The closing time must be after the opening time/);
  assert.match(enBody, /The capacity must be at least 1/);
  const page = await (await staff.get(`${base}/${roomId}`)).text();
  assert.doesNotMatch(page, /<b>Ryd op/, 'nothing stored');
});

test('edit: saved changes show on the page; a booking now outside the hours is kept and staff are warned', async () => {
  const resident = await as('resident');
  assert.equal((await resident.post(`${base}/${roomId}/book`, { date: day, start: '20:00', end: '21:30', purpose: 'Aftenmøde', attendees: '10' })).status, 303);
  const staff = await as('admin');
  const res = await staff.post(`${base}/${roomId}/edit`, { ...good, name: 'Festsalen', capacity: '80', needsApproval: 'yes', who: ['groups', 'associations'], ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((w) => [`closes_${w}`, '18:00'])), opens_7: '', closes_7: '' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `${base}/${roomId}`);
  const page = await (await staff.get(`${base}/${roomId}`)).text();
  assert.match(page, /Festsalen/);
  assert.match(page, /80 personer/);
  assert.match(page, /Kræver godkendelse|skal godkendes/);
  assert.match(page, /uden for åbningstiden/);
  assert.match(page, /08:00–18:00/);
  assert.match(await (await resident.get(`${base}/bookings`)).text(), /Bekræftet/, 'the booking is kept');
  assert.equal((await staff.post(`${base}/${roomId}/edit`, good)).status, 303, 'back as it was');
});

test('closed dates: staff add one; it blocks booking, shows on the page and in the API; removing frees it', async () => {
  assert.equal((await (await as('resident')).get(`${base}/${roomId}/closed`)).status, 403);
  const staff = await as('facilitator');
  const page = await staff.get(`${base}/${roomId}/closed`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /Der er ingen kommende lukkedage/);
  for (const [over, id, message] of [
    [{ from: '' }, 'f-from-error', /rigtig dato/],
    [{ from: addDays(today, -1) }, 'f-from-error', /allerede gået/],
    [{ to: addDays(later, -1) }, 'f-to-error', /samme dag som eller efter/],
    [{ to: addDays(later, 60) }, 'f-to-error', /højst lukke 60 dage/],
  ] as const) {
    const res = await staff.post(`${base}/${roomId}/closed`, { from: later, to: '', reason: 'Valg <script>', ...over });
    assert.equal(res.status, 422, JSON.stringify(over));
    const body = await res.text();
    assert.ok(body.includes(`id="${id}"`), id);
    assert.match(body, message);
    assert.ok(body.includes('value="Valg &lt;script&gt;"'));
  }
  const ok = await staff.post(`${base}/${roomId}/closed`, { from: later, to: '', reason: 'Folketingsvalg' });
  assert.equal(ok.status, 303);
  const list = await (await staff.get(ok.headers.get('location')!)).text();
  assert.match(list, /Lukkedagene er tilføjet/);
  assert.match(list, /Folketingsvalg/);
  const resident = await as('resident');
  const refused = await resident.post(`${base}/${roomId}/book`, { date: later, start: '10:00', end: '11:00', purpose: 'Møde', attendees: '' });
  assert.equal(refused.status, 422);
  assert.match(await refused.text(), /Der er lukket den dag/);
  assert.match(await (await resident.get(`${base}/${roomId}?date=${later}`)).text(), /Lukket denne dag/);
  const avail = (await (await as(null)).get(`${api}/${roomId}/availability?from=${later}&to=${later}`).then((r) => r.json())) as { days: { open: unknown; closedReason: string | null; free: unknown[] }[] };
  assert.deepEqual(avail.days.map((d) => [d.open, d.closedReason, d.free.length]), [[null, 'Folketingsvalg', 0]]);

  const removed = await staff.post(`${base}/${roomId}/closed/${later}/delete`, {}, { formPage: `${base}/${roomId}/closed` });
  assert.equal(removed.status, 303);
  assert.match(await (await staff.get(`${base}/${roomId}/closed`)).text(), /Lukkedagen er fjernet/);
  assert.equal((await resident.post(`${base}/${roomId}/book`, { date: later, start: '10:00', end: '11:00', purpose: 'Møde', attendees: '' })).status, 303);
});

test('closed dates over bookings: 409 with the list and nothing closed; the explicit button cancels them and tells the booker', async () => {
  const resident = await as('resident');
  const when = addDays(today, 12);
  assert.equal((await resident.post(`${base}/${roomId}/book`, { date: when, start: '12:00', end: '14:00', purpose: 'Barnedåb', attendees: '30' })).status, 303);
  const staff = await as('admin');
  const first = await staff.post(`${base}/${roomId}/closed`, { from: addDays(when, -1), to: addDays(when, 1), reason: 'Vandskade' });
  assert.equal(first.status, 409);
  const body = await first.text();
  assert.match(body, /Der er 1 booking på de dage/);
  assert.match(body, /Barnedåb/);
  assert.match(body, /Luk og afbestil bookingen/);
  const ids = [...body.matchAll(/name="cancel" value="(\d+)"/g)].map((x) => x[1]!);
  assert.equal(ids.length, 1);
  assert.doesNotMatch(await (await staff.get(`${base}/${roomId}/closed`)).text(), /Vandskade/, 'nothing closed yet');

  const done = await staff.post(`${base}/${roomId}/closed`, { from: addDays(when, -1), to: addDays(when, 1), reason: 'Vandskade', confirm: 'yes', cancel: ids }, { formPage: `${base}/${roomId}/closed` });
  assert.equal(done.status, 303);
  assert.match(await (await staff.get(`${base}/${roomId}/closed`)).text(), /Bookingerne på dagene er afbestilt/);
  const mine = await (await resident.get(`${base}/bookings`)).text();
  assert.match(mine, /Afbestilt/);
  const notes = await (await resident.get('/notifications')).text();
  assert.match(notes, /lukket .*Vandskade/);
});

test('API: list and one facility (public fields, hours, closed dates ahead); availability has no personal data', async () => {
  const anon = await as(null);
  const list = await anon.get(api);
  assert.equal(list.status, 200);
  assert.match(list.headers.get('cache-control') ?? '', /public/);
  const body = (await list.json()) as { facilities: { id: number; name: string; links: { availability: string } }[]; total: number };
  assert.equal(body.total, 1);
  assert.equal(body.facilities[0]?.name, 'Salen');
  const one = (await (await anon.get(`${api}/${roomId}`)).json()) as Record<string, unknown>;
  assert.equal(one.accessibility, 'Niveaufri adgang');
  assert.equal(one.timeZone, 'Europe/Copenhagen');
  assert.equal((one.openingHours as unknown[]).length, 7);
  assert.ok(Array.isArray(one.closedDates));
  assert.ok((one.closedDates as { date: string }[]).every((d) => d.date >= today));
  assert.equal(one.slug, undefined, 'only the declared fields leave');

  const resident = await as('resident');
  const when = addDays(today, 3);
  assert.equal((await resident.post(`${base}/${roomId}/book`, { date: when, start: '09:00', end: '10:30', purpose: 'Hemmeligt møde', attendees: '' })).status, 303);
  const res = await anon.get(`${body.facilities[0]!.links.availability}?from=${when}&to=${addDays(when, 1)}`);
  assert.equal(res.status, 200);
  const text = await res.text();
  assert.doesNotMatch(text, /Hemmeligt møde/);
  assert.doesNotMatch(text, /bookedBy|booker|email/i);
  const avail = JSON.parse(text) as { days: { date: string; busy: { start: string; end: string; status: string }[]; free: { start: string; end: string }[] }[] };
  assert.equal(avail.days.length, 2);
  assert.deepEqual(avail.days[0]?.busy, [{ start: '09:00', end: '10:30', status: 'booked' }]);
  assert.deepEqual(avail.days[0]?.free, [{ start: '08:00', end: '09:00' }, { start: '10:30', end: '22:00' }]);

  assert.equal((await anon.get(`${api}/999999`)).status, 404);
  assert.equal((await anon.get('/api/v1/municipalities/nowhere/facilities')).status, 404);
  for (const q of ['from=2026-02-30', `from=${when}&to=${addDays(when, -1)}`, `from=${when}&to=${addDays(when, 40)}`, 'from=tomorrow']) {
    const bad = await anon.get(`${api}/${roomId}/availability?${q}`);
    assert.equal(bad.status, 400, q);
    assert.ok(((await bad.json()) as { error: { message: string } }).error.message);
  }
  const doc = (await (await anon.get('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
  for (const p of ['/api/v1/municipalities/{slug}/facilities', '/api/v1/municipalities/{slug}/facilities/{id}', '/api/v1/municipalities/{slug}/facilities/{id}/availability']) assert.ok(doc.paths[p], p);
});
