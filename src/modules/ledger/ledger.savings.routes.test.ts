// The savings pages over HTTP, as a browser without JavaScript uses them: forms, errors with the values
// kept, four-eyes refusal, reinvestment, the public money trail and the CSV.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createMunicipality, createPerson } from '../../testing/actors.js';
import { testApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { ensureAccount } from './ledger.posting.js';

let app: TestApp;
before(async () => {
  app = await testApp();
});
after(async () => {
  await app.close();
});

async function as(mid: number, role: 'finance_officer' | 'facilitator' | 'resident'): Promise<TestClient> {
  const p = await createPerson(app.db, { roles: [[mid, role]], lang: 'da' });
  const c = app.client();
  c.setCookie('samskab_session', p.sessionToken);
  return c;
}

test('the bus case over HTTP: draft → agreed → costs → refused own sign-off → second officer signs → pot funds → trail and CSV', async () => {
  const slug = 'rute-kommune';
  const mid = await createMunicipality(app.db, slug);
  const { initiativeId, potId, processId } = await app.db.transaction({ municipalityId: mid }, async (tx) => {
    const i = await sql<{ id: number }>`insert into initiatives (municipality_id, title, problem, proposal, lang) values (${mid}, 'Ny rute for bybussen', 'p', 'p', 'da') returning id`.execute(tx);
    const pr = await sql<{ id: number }>`insert into budgeting_processes (municipality_id, title, budget_ore, proposals_from, review_from, voting_from, result_from, implementation_from, ballot_kind, max_choices, rule)
      values (${mid}, 'Borgerbudget 2026', 50000000, '2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', 'approval', 3, 'greedy-votes') returning id`.execute(tx);
    return { initiativeId: i.rows[0]!.id, processId: pr.rows[0]!.id, potId: await ensureAccount(tx, { municipalityId: mid, kind: 'pot', name: 'Lokal pulje Rute' }) };
  });
  const base = `/m/${slug}/ledger`;
  const officer1 = await as(mid, 'finance_officer');
  const officer2 = await as(mid, 'finance_officer');
  const visitor = app.client();

  // A resident may not open the form; a visitor is sent to sign in.
  assert.equal((await (await as(mid, 'resident')).get(`${base}/agreements/new`)).status, 403);
  assert.equal((await visitor.get(`${base}/agreements/new`)).status, 302);

  const fields = {
    initiativeId: String(initiativeId),
    title: 'Bybussen: ny rute',
    serviceAccountId: '',
    newServiceName: 'Buslinje 312',
    newServiceCode: '5.32.30',
    baselineAnnual: '1.460.000',
    baselineSource: 'Kontrakt med operatøren 2025, bilag 3',
    proposedAnnual: '1.080.000,00',
    startsOn: '2025-01-01',
    endsOn: '2026-12-31',
    split1Account: String(potId),
    split1Percent: '90',
  };
  const bad = await officer1.post(`${base}/agreements/new`, { ...fields, baselineAnnual: '1.4600,00' }, { formPage: `${base}/agreements/new` });
  assert.equal(bad.status, 422);
  const badPage = await bad.text();
  assert.match(badPage, /Andelene skal give præcis 100 % tilsammen/);
  assert.match(badPage, /value="Kontrakt med operatøren 2025, bilag 3"/);
  const created = await officer1.post(`${base}/agreements/new`, { ...fields, split1Percent: '100' }, { formPage: `${base}/agreements/new` });
  assert.equal(created.status, 303, await created.text());
  const agreementUrl = created.headers.get('location')!;
  assert.match(agreementUrl, /\/agreements\/\d+$/);

  // Drafts are not public.
  assert.equal((await visitor.get(agreementUrl)).status, 404);
  assert.equal((await officer2.post(`${agreementUrl}/agree`, {}, { formPage: agreementUrl })).status, 303);
  assert.equal((await visitor.get(agreementUrl)).status, 200);

  const costs = { label: '1. halvår 2025', startsOn: '2025-01-01', endsOn: '2025-06-30', actual: '520.000', sourceNote: 'Faktura 2025-117' };
  const outside = await officer1.post(`${agreementUrl}/periods`, { ...costs, startsOn: '2024-12-01' }, { formPage: agreementUrl });
  assert.equal(outside.status, 422);
  assert.match(await outside.text(), /Perioden skal ligge inden for aftalens periode/);
  assert.equal((await officer1.post(`${agreementUrl}/periods`, costs, { formPage: agreementUrl })).status, 303);

  const page = await (await officer1.get(agreementUrl)).text();
  const action = /action="([^"]+\/sign-off)"/.exec(page)?.[1];
  assert.ok(action, 'a sign-off form');
  const own = await officer1.post(action, {}, { formPage: agreementUrl });
  assert.equal(own.status, 303);
  assert.match(await (await officer1.get(agreementUrl)).text(), /Du kan ikke godkende en besparelse, hvor du selv har indtastet udgifterne/);
  assert.equal((await officer2.post(action, {}, { formPage: agreementUrl })).status, 303);
  const signed = await (await officer2.get(agreementUrl)).text();
  assert.match(signed, /Besparelsen er godkendt og bogført i puljerne/);
  assert.match(signed, /204\.000,00 kr\./);

  // Reinvestment: too much is refused with the values kept; then the bus and the participatory budget.
  const reinvest = `${base}/pots/${potId}/reinvest`;
  const tooMuch = await officer1.post(reinvest, { target: 'initiative', initiativeId: String(initiativeId), processId: '', amount: '204.000,01', memo: 'For meget' }, { formPage: reinvest });
  assert.equal(tooMuch.status, 422);
  assert.match(await tooMuch.text(), /Der er ikke penge nok/);
  assert.equal((await officer1.post(reinvest, { target: 'initiative', initiativeId: String(initiativeId), processId: '', amount: '150.000', memo: 'Drift af bybussen' }, { formPage: reinvest })).status, 303);
  assert.equal((await officer1.post(reinvest, { target: 'pb', initiativeId: '', processId: String(processId), amount: '50.000', memo: 'Til borgerbudgettet' }, { formPage: reinvest })).status, 303);

  // The public trail of the pot and of the initiative.
  const potTrail = await (await visitor.get(`${base}/trail/pot/${potId}`)).text();
  assert.match(potTrail, /role="img"/);
  assert.match(potTrail, /Buslinje 312/);
  assert.match(potTrail, /Borgerbudget 2026/);
  assert.match(potTrail, /4\.000,00 kr\./);
  const initiativeTrail = await visitor.get(`${base}/trail/initiative/${initiativeId}`);
  assert.equal(initiativeTrail.status, 200);
  const it = await initiativeTrail.text();
  assert.match(it, /Godkendte besparelser i alt: 204\.000,00 kr\./);
  assert.match(it, /150\.000,00 kr\./);
  assert.match(it, /Frivillig tid/);

  // CSV for finance staff only.
  assert.equal((await visitor.get(`${base}/savings.csv`)).status, 302);
  const csv = await officer2.get(`${base}/savings.csv`);
  assert.equal(csv.status, 200);
  const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
  assert.ok(body.startsWith('\uFEFF'));
  assert.match(body, /;1\. halvår 2025;2025-01-01;2025-06-30;724000,00;520000,00;204000,00;/);

  for (const path of [`${base}/agreements`, `${base}/pots`, `${base}/trail/initiative/999999`]) {
    const r = await visitor.get(path);
    assert.ok(r.status === 200 || r.status === 404, `${path}: ${r.status}`);
  }
});

test('the value of a volunteer hour: set by finance staff, refused in a wrong format, shown as a value beside cash', async () => {
  const slug = 'timesats-kommune';
  const mid = await createMunicipality(app.db, slug);
  const initiativeId = await app.db.transaction({ municipalityId: mid }, async (tx) => (await sql<{ id: number }>`insert into initiatives (municipality_id, title, problem, proposal, lang) values (${mid}, 'Rengøringsholdet', 'p', 'p', 'da') returning id`.execute(tx)).rows[0]!.id);
  const path = `/m/${slug}/ledger/settings/volunteer-rate`;
  const officer = await as(mid, 'finance_officer');
  assert.equal((await (await as(mid, 'facilitator')).get(path)).status, 403);
  assert.match(await (await officer.get(path)).text(), /value="150,00"/);
  const bad = await officer.post(path, { rate: '175,505' });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /value="175,505"/);
  assert.equal((await officer.post(path, { rate: '175' })).status, 303);
  assert.match(await (await officer.get(path)).text(), /value="175,00"/);
  // No verified hours yet: the trail says so, and that the value is not money.
  const trail = await (await app.client().get(`/m/${slug}/ledger/trail/initiative/${initiativeId}`)).text();
  assert.match(trail, /ikke registreret godkendte frivillige timer/);
  assert.match(trail, /Det er ikke penge, der er flyttet/);
});
