// The practice library through the in-process app on a fresh database: publishing an initiative with
// live evidence, adopting it into another municipality (idempotent, refused without a role), the
// lineage on both pages, pooled outcomes, comments with notifications, and bad input.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { SESSION_COOKIE } from '../../core/http/app.js';
import { createMunicipality, createPerson, type TestPerson } from '../../testing/actors.js';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { refreshAllEvidence } from './network.evidence.js';
import { median, pool } from './network.queries.js';
import { initiative, reverse, saving, verifiedHours } from './network.testkit.js';
import { caseFormSchema } from './network.schemas.js';

let app: TestApp;
let a: number;
let b: number;
let staffA: TestPerson;
let staffB: TestPerson;
let residentA: TestPerson;
let member: TestPerson;
let iniA: number;
let caseRef = '';

before(async () => {
  app = await testApp({ logLevel: 'error' } as never);
  a = await createMunicipality(app.db, 'alfa', 'Alfa Kommune');
  b = await createMunicipality(app.db, 'beta', 'Beta Kommune');
  staffA = await createPerson(app.db, { name: 'Anna Alfa', roles: [[a, 'facilitator']] });
  staffB = await createPerson(app.db, { name: 'Bent Beta', roles: [[b, 'admin']] });
  residentA = await createPerson(app.db, { name: 'Rasmus Resident', roles: [[a, 'resident']] });
  member = await createPerson(app.db, { name: 'Nina Netværk', networkRole: 'member' });
  iniA = await initiative(app.db, a, staffA.id, 'Borgerne planlægger bussen <script>');
  await verifiedHours(app.db, a, iniA, [{ userId: residentA.id, minutes: 150 }, { userId: member.id, minutes: 90 }], staffA.id);
  await saving(app.db, a, iniA, 12_500_000, staffA.id);
  await saving(app.db, a, iniA, 3_000_000, staffA.id, 'reinvestment');
});
after(async () => {
  await app.close();
});

function as(p: TestPerson | null) {
  const c = app.client();
  if (p) c.setCookie(SESSION_COOKIE, p.sessionToken);
  return c;
}

const publishForm = (over: Record<string, string | string[]> = {}) => ({
  title_da: 'Borgerne planlægger bussen <script>',
  summary_da: 'Borgerne lagde selv køreplanen om.',
  problem_da: 'Tomme busser.',
  approach_da: 'Fællesmøder med trafikselskabet.',
  title_en: '',
  status: 'proven',
  themes: ['mobility', 'democracy'],
  tags: 'partnership',
  stated_savings: '250.000',
  contact_name: 'Anna Alfa',
  contact_email: 'anna@alfa.dk',
  ...over,
});

async function countCases(): Promise<number> {
  return app.db.transaction({ municipalityId: null }, async (tx) => Number((await sql<{ n: number }>`select count(*) as n from network_cases`.execute(tx)).rows[0]!.n));
}

test('publish form is prefilled from the initiative; bad input re-renders 422 and stores nothing', async () => {
  const c = as(staffA);
  const path = `/network/publish/alfa/${iniA}`;
  const page = await (await c.get(path)).text();
  assert.match(page, /Borgerne planlægger bussen &lt;script&gt;/);
  assert.match(page, /Vi planlægger selv ruten om/);
  const bad: [Record<string, string | string[]>, string][] = [
    [{ title_da: '', title_en: '' }, 'Giv casen en titel på dansk eller engelsk'],
    [{ title_da: 'x'.repeat(141) }, 'Titlen må højst være 140 tegn'],
    [{ problem_da: 'nul\u0000byte' }, 'Teksten indeholder tegn, der ikke kan gemmes'],
    [{ approach_en: 'English text without a title' }, 'Giv også denne sprogversion en titel'],
    [{ contact_email: 'ikke-en-mail' }, 'Skriv en gyldig e-mailadresse'],
    [{ stated_savings: '12abc' }, 'Skriv et beløb i kroner'],
    [{ themes: ['mobility', 'rockets'] }, 'Vælg kun blandt temaerne'],
  ];
  for (const [over, message] of bad) {
    const r = await c.post(path, publishForm(over));
    assert.equal(r.status, 422, JSON.stringify(over));
    const body = await r.text();
    assert.ok(body.includes(message), `${JSON.stringify(over)} → ${message}`);
  }
  assert.equal(await countCases(), 0);
});

test('a resident may not publish; a staff member of another municipality neither', async () => {
  assert.equal((await as(residentA).post(`/network/publish/alfa/${iniA}`, publishForm(), { formPage: '/' })).status, 403);
  assert.equal((await as(staffB).post(`/network/publish/alfa/${iniA}`, publishForm(), { formPage: '/' })).status, 403);
  assert.equal((await as(null).post(`/network/publish/alfa/${iniA}`, publishForm(), { formPage: '/login' })).status, 401);
  assert.equal(await countCases(), 0);
});

test('staff publish the initiative: the case shows measured evidence beside the stated figure', async () => {
  const c = as(staffA);
  const r = await c.post(`/network/publish/alfa/${iniA}`, publishForm());
  assert.equal(r.status, 303);
  const location = r.headers.get('location')!;
  assert.match(location, /^\/network\/cases\/\d+-\d+$/);
  caseRef = location.split('/').pop()!;
  const html = await (await as(null).get(location)).text();
  assert.match(html, /<h1>Borgerne planlægger bussen &lt;script&gt;<\/h1>/);
  assert.ok(!html.includes('<script>'), 'text is escaped');
  assert.match(html, /Målt på Samskab/);
  assert.match(html, /Oplyst af kommunen/);
  // 150 + 90 minutes = 4 hours by 2 people; 125,000 kr. signed off; 30,000 kr. reinvested; 250,000 kr. stated.
  const measured = html.slice(html.indexOf('Målt på Samskab'), html.indexOf('Oplyst af kommunen'));
  assert.match(measured, /<dd>4<\/dd>/);
  assert.match(measured, /<dd>2<\/dd>/);
  assert.match(measured, /125\.000\s*kr\./);
  assert.match(measured, /30\.000\s*kr\./);
  assert.match(html.slice(html.indexOf('Oplyst af kommunen')), /250\.000\s*kr\./);
  const row = await app.db.transaction({ municipalityId: null }, async (tx) => (await sql<{ evidence_hours: string; evidence_savings_ore: number; initiative_id: number }>`select evidence_hours, evidence_savings_ore, initiative_id from network_cases`.execute(tx)).rows[0]!);
  assert.equal(Number(row.evidence_hours), 4);
  assert.equal(row.evidence_savings_ore, 12_500_000);
  assert.equal(row.initiative_id, iniA);
  // The initiative's page links to the case.
  const ini = await (await as(null).get(`/m/alfa/initiatives/${iniA}`)).text();
  assert.ok(ini.includes(`/network/cases/${caseRef}`));
});

test('publishing again updates the same case; a reversed saving drops out of the refreshed evidence', async () => {
  const tx = await saving(app.db, a, iniA, 1_000_000, staffA.id);
  await reverse(app.db, a, tx, staffA.id);
  const r = await as(staffA).post(`/network/publish/alfa/${iniA}`, publishForm({ status: 'running', summary_da: 'Borgerne lagde selv køreplanen om, og pengene gik til en bybus.' }));
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), `/network/cases/${caseRef}`);
  assert.equal(await countCases(), 1);
  await saving(app.db, a, iniA, 500_000, staffA.id);
  assert.equal(await refreshAllEvidence(app.db), 1);
  const row = await app.db.transaction({ municipalityId: null }, async (t) => (await sql<{ evidence_savings_ore: number; summary_da: string; status: string }>`select evidence_savings_ore, summary_da, status from network_cases`.execute(t)).rows[0]!);
  assert.equal(row.evidence_savings_ore, 13_000_000);
  assert.match(row.summary_da, /bybus/);
  assert.equal(row.status, 'running');
});

test('adopting: refused without a role there, refused for the own case, creates a draft with lineage, idempotent', async () => {
  const adopt = (p: TestPerson, into: number) => as(p).post(`/network/cases/${caseRef}/adopt`, { municipality: String(into) }, { formPage: `/network/cases/${caseRef}` });
  const refused = await adopt(staffB, a);
  assert.equal(refused.status, 403);
  assert.match(await refused.text(), /ingen rolle som facilitator eller administrator der/);
  const own = await adopt(staffA, a);
  assert.equal(own.status, 403);
  assert.match(await own.text(), /egen kommune/);
  const resident = await adopt(residentA, a);
  assert.equal(resident.status, 403);

  const first = await adopt(staffB, b);
  assert.equal(first.status, 303);
  const draftPath = first.headers.get('location')!;
  assert.match(draftPath, /^\/m\/beta\/initiatives\/\d+$/);
  const again = await adopt(staffB, b);
  assert.equal(again.status, 303);
  assert.equal(again.headers.get('location'), draftPath, 'the same initiative again');
  const [adoptions, drafts] = await app.db.transaction({ municipalityId: b }, async (tx) => [
    Number((await sql<{ n: number }>`select count(*) as n from network_adoptions`.execute(tx)).rows[0]!.n),
    (await sql<{ state: string; title: string }>`select state, title from initiatives where municipality_id = ${b}`.execute(tx)).rows,
  ] as const);
  assert.equal(adoptions, 1);
  assert.equal(drafts.length, 1);
  assert.equal(drafts[0]!.state, 'idea');
  assert.equal(drafts[0]!.title, 'Borgerne planlægger bussen <script>');

  const draftPage = await (await as(null).get(draftPath)).text();
  assert.match(draftPage, /Taget i brug fra casen »Borgerne planlægger bussen &lt;script&gt;« fra Alfa Kommune/);
  assert.ok(draftPage.includes(`href="/network/cases/${caseRef}"`));

  const casePage = await (await as(null).get(`/network/cases/${caseRef}`)).text();
  const adoptions2 = casePage.slice(casePage.indexOf('id="adoptions-heading"'));
  assert.match(adoptions2, /Beta Kommune/);
  assert.match(adoptions2, /Idé/);

  // The author was told.
  const told = await app.db.transaction({ municipalityId: null, userId: staffA.id }, async (tx) => (await sql<{ message_key: string }>`select message_key from notifications where user_id = ${staffA.id}`.execute(tx)).rows);
  assert.ok(told.some((n) => n.message_key === 'network.notify.adopted'));
});

test('pooled outcomes across adoptions: total and median', async () => {
  const ev = (hours: number, savingsOre: number) => ({ evidence: { hours, participants: 1, savingsOre, reinvestedOre: 0 } });
  assert.deepEqual(pool([ev(10, 100), ev(2, 0), ev(4, 50)]), { count: 3, totalSavingsOre: 150, totalHours: 16, medianHours: 4 });
  assert.equal(median([1, 3, 8, 10]), 5.5);
  assert.equal(median([]), null);
});

test('discussion: members comment (plain text, escaped) and the author is notified; residents may not', async () => {
  const path = `/network/cases/${caseRef}`;
  assert.equal((await as(residentA).post(`${path}/comments`, { body: 'Hej' }, { formPage: path })).status, 403);
  const empty = await as(member).post(`${path}/comments`, { body: '   ' }, { formPage: path });
  assert.equal(empty.status, 422);
  assert.match(await empty.text(), /Skriv en kommentar/);
  const r = await as(member).post(`${path}/comments`, { body: 'Hvordan fik I <b>trafikselskabet</b> med?' }, { formPage: path });
  assert.equal(r.status, 303);
  const html = await (await as(null).get(path)).text();
  assert.ok(html.includes('Hvordan fik I &lt;b&gt;trafikselskabet&lt;/b&gt; med?'));
  const told = await app.db.transaction({ municipalityId: null, userId: staffA.id }, async (tx) => (await sql<{ message_key: string }>`select message_key from notifications where user_id = ${staffA.id}`.execute(tx)).rows);
  assert.ok(told.some((n) => n.message_key === 'network.notify.comment'));
  // The commenter now follows and can stop.
  const page = await (await as(member).get(path)).text();
  assert.match(page, /Følg ikke længere/);
  assert.equal((await as(member).post(`${path}/follow`, { action: 'unfollow' }, { formPage: path })).status, 303);
  assert.match(await (await as(member).get(path)).text(), /Følg casen/);
});

test('drafts are seen only by the owning staff; the case form needs a title in one language', async () => {
  const c = as(staffA);
  const r = await c.post('/network/cases/new', { municipality: 'alfa', title_en: 'Shared school kitchen', summary_en: 'A kitchen for the town.', status: 'running' }, { formPage: '/network/cases/new' });
  assert.equal(r.status, 303);
  const path = r.headers.get('location')!;
  assert.equal((await as(null).get(path)).status, 404);
  assert.equal((await as(staffB).get(path)).status, 404);
  const own = await (await c.get(path)).text();
  assert.match(own, /Kladde/);
  // A Danish visitor sees the English text marked as English.
  assert.match(own, /<h1 lang="en">Shared school kitchen<\/h1>/);
  assert.match(own, /Teksten findes kun på engelsk/);
  assert.equal((await as(staffB).get(`${path}/edit`)).status, 403);
  const edit = await c.post(`${path}/edit`, { title_en: 'Shared school kitchen', title_da: 'Fælles skolekøkken', status: 'running', publish: 'on' }, { formPage: `${path}/edit` });
  assert.equal(edit.status, 303);
  assert.equal((await as(null).get(path)).status, 200);
});

test('the schema: at least a title, lengths, and plain text kept as written', () => {
  const ok = caseFormSchema.safeParse({ title_da: '  Fælles rengøring  ', problem_da: 'Linje 1\r\nLinje 2', status: 'idea' });
  assert.ok(ok.success);
  assert.equal((ok.data as Record<string, unknown>).title_da, 'Fælles rengøring');
  assert.equal((ok.data as Record<string, unknown>).problem_da, 'Linje 1\nLinje 2');
  assert.equal(caseFormSchema.safeParse({ status: 'idea' }).success, false);
  assert.equal(caseFormSchema.safeParse({ title_da: 'ab', status: 'idea' }).success, false);
  assert.equal(caseFormSchema.safeParse({ title_da: 'Godt', status: 'finished' }).success, false);
});
