// Grant pages over HTTP without JavaScript: public list and pool page, the apply form with its
// errors, staff actions, and the multipart final report with receipts (oversized, disguised, valid).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { SESSION_COOKIE } from '../../core/http/app.js';
import { testApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { applyForGrant } from './commands/apply-for-grant.js';
import { decideGrantApplication } from './commands/decide-grant-application.js';
import { payOutGrant } from './commands/pay-out-grant.js';
import { ledgerCommand } from './ledger.grants.cli.js';
import { GRANT_REPORT_UPLOAD } from './ledger.grants.routes.js';
import { fundedPool, grantWorld, tinyPdf, tinyPng, type GrantWorld } from './ledger.grants.testkit.js';

let app: TestApp;
let w: GrantWorld;
let poolId: number;
const slug = 'tilskud-kommune';
const base = `/m/${slug}/ledger/grants`;

function as(token: string): TestClient {
  const c = app.client();
  c.setCookie(SESSION_COOKIE, token);
  return c;
}

before(async () => {
  app = await testApp();
  w = await grantWorld(app.db, slug);
  poolId = (await fundedPool(app.db, w, 10_000_000n)).poolId;
});
after(async () => {
  await app.close();
});

const count = async (table: string) => Number((await app.db.transaction({ municipalityId: w.m.id }, (tx) => sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(tx))).rows[0]!.n);

test('anyone can read the list of open pools and a pool page with its rules', async () => {
  const list = await app.client().get(base);
  assert.equal(list.status, 200);
  const html = await list.text();
  assert.ok(html.includes('Landsbypuljen'));
  assert.ok(html.includes('op til 50.000,00 kr.'));
  const page = await (await app.client().get(`${base}/${poolId}`)).text();
  assert.ok(page.includes('Puljens regler'));
  assert.ok(page.includes('Mindst 20 % af projektets samlede budget'));
  assert.ok(page.includes('100.000,00 kr.'), 'balance shown');
  assert.ok(!page.includes('Ansøgninger</h2>'), 'visitors see no applications');
  const en = await (await app.client().get(`${base}/${poolId}?lang=en`)).text();
  assert.ok(en.includes('Rules of the pool'));
  assert.ok(en.includes('DKK 50,000.00'));
  assert.equal((await app.client().get(`${base}/999999`)).status, 404);
});

test('applying without JavaScript: errors next to fields with values kept, nothing stored; then success', async () => {
  const c = as(w.coordinator.sessionToken);
  const anon = await app.client().get(`${base}/${poolId}/apply`);
  assert.equal(anon.status, 302);
  const form = await (await c.get(`${base}/${poolId}/apply`)).text();
  assert.match(form, /name="applicant" value="g:\d+"/);
  assert.ok(!form.includes('value="resident"'), 'residents may not apply alone to this pool');
  const before = await count('ledger_grant_applications');
  const fields = {
    applicant: `g:${w.groupId}`,
    title: 'Shelter ved søen',
    purpose: 'Et shelter, hvor skoleklasser og vandrere kan overnatte.',
    amountRequested: '60.000',
    cofinancing: '1.000',
    budgetDesc1: 'Tømmer',
    budgetAmount1: '61.000',
  };
  const bad = await c.post(`${base}/${poolId}/apply`, fields, { formPage: `${base}/${poolId}/apply` });
  assert.equal(bad.status, 422);
  const body = await bad.text();
  assert.ok(body.includes('Beløbet er større end puljens maksimum på 50.000,00 kr.'));
  assert.ok(body.includes('value="Shelter ved søen"'));
  const wrongFormat = await c.post(`${base}/${poolId}/apply`, { ...fields, amountRequested: '1.2345' }, { formPage: `${base}/${poolId}/apply` });
  assert.equal(wrongFormat.status, 422);
  assert.ok((await wrongFormat.text()).includes('Skriv beløbet i kroner, fx 1.234,50.'));
  const lowCof = await c.post(`${base}/${poolId}/apply`, { ...fields, amountRequested: '40.000', budgetAmount1: '41.000' }, { formPage: `${base}/${poolId}/apply` });
  assert.equal(lowCof.status, 422);
  assert.ok((await lowCof.text()).includes('her mindst 10.000,00 kr.'));
  assert.equal(await count('ledger_grant_applications'), before);

  const ok = await c.post(`${base}/${poolId}/apply`, { ...fields, amountRequested: '40.000', cofinancing: '10.000', budgetAmount1: '45.000', budgetDesc2: 'Tag', budgetAmount2: '5.000' }, { formPage: `${base}/${poolId}/apply` });
  assert.equal(ok.status, 303);
  const url = ok.headers.get('location')!;
  assert.match(url, /\/applications\/\d+$/);
  const page = await (await c.get(url)).text();
  assert.ok(page.includes('Modtaget'));
  assert.ok(page.includes('50.000,00 kr.'), 'budget total');
  assert.ok(!page.includes('Noter fra behandlingen'), 'applicants do not see triage notes');
  // Someone else cannot see it at all.
  assert.equal((await as(w.resident.sessionToken).get(url)).status, 404);
  assert.equal((await app.client().get(url)).status, 302);
});

async function paidApplication(title: string): Promise<number> {
  const a = await applyForGrant(app.db, w.coordinator.actor, w.m, poolId, { groupId: w.groupId, title, purpose: 'Et projekt til glæde for byen.', lang: 'da', amountRequestedOre: 400_000n, cofinancingOre: 100_000n, budget: [{ description: 'Alt', amountOre: 500_000n }] });
  assert.ok(a.ok);
  const d = await decideGrantApplication(app.db, w.facilitator.actor, w.m, a.value.applicationId, { outcome: 'approve', decidingBody: 'Udvalget for Landdistrikter', decisionDate: '2026-01-01', amountGrantedOre: 400_000n, note: '' });
  assert.ok(d.ok);
  assert.ok((await payOutGrant(app.db, w.finance.actor, w.m, a.value.applicationId)).ok);
  return a.value.applicationId;
}

async function postReport(c: TestClient, id: number, files: { bytes: Buffer; name: string; type: string }[], fields: Record<string, string> = {}): Promise<Response> {
  const url = `${base}/applications/${id}/report`;
  const body = new FormData();
  body.append('_csrf', await c.csrfFrom(url));
  const all = { narrative: 'Vi har bygget det, og det bruges hver weekend.', spendingDesc1: 'Materialer', spendingAmount1: '4.000', ...fields };
  for (const [k, v] of Object.entries(all)) body.append(k, v);
  if (files.length === 0) body.append('receipts', new Blob([], { type: 'application/octet-stream' }), '');
  for (const f of files) body.append('receipts', new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
  return c.send(url, { method: 'POST', body });
}

test('the report route is registered as an upload with its own limit', () => {
  assert.ok(GRANT_REPORT_UPLOAD.pattern.test(`${base}/applications/12/report`));
  assert.ok(!GRANT_REPORT_UPLOAD.pattern.test(`${base}/applications/12/pay`));
});

test('final report uploads: oversized and disguised files refused with a clear error, valid ones stored', async () => {
  const id = await paidApplication('Legeplads');
  const c = as(w.coordinator.sessionToken);
  const form = await (await c.get(`${base}/applications/${id}/report`)).text();
  assert.match(form, /enctype="multipart\/form-data"/);
  assert.match(form, /type="file"[^>]*name="receipts"[^>]*multiple/);

  const cases: [{ bytes: Buffer; name: string; type: string }[], string][] = [
    [[], 'Vedlæg mindst én kvittering.'],
    [[{ bytes: Buffer.concat([tinyPdf(), Buffer.alloc(5 * 1024 * 1024)]), name: 'stor.pdf', type: 'application/pdf' }], 'En fil er større end 5 MB.'],
    [[{ bytes: Buffer.from('<html><script>alert(1)</script></html>'), name: 'faktura.pdf', type: 'application/pdf' }], 'En fil er ikke det, dens navn siger.'],
    [[{ bytes: tinyPng(), name: 'bon.pdf', type: 'application/pdf' }], 'En fil er ikke det, dens navn siger.'],
    [[{ bytes: Buffer.from('MZ\x90\x00'), name: 'virus.exe', type: 'application/octet-stream' }], 'Kvitteringer skal være PDF, JPEG eller PNG.'],
  ];
  for (const [files, message] of cases) {
    const res = await postReport(c, id, files);
    assert.equal(res.status, 422, message);
    const body = await res.text();
    assert.ok(body.includes(message), message);
    assert.ok(body.includes('Vi har bygget det'), 'values kept');
  }
  const badAmount = await postReport(c, id, [{ bytes: tinyPdf(), name: 'k.pdf', type: 'application/pdf' }], { spendingAmount1: '4.000,123' });
  assert.equal(badAmount.status, 422);
  assert.equal(await count('ledger_grant_receipts'), 0);

  // More than the route's limit is cut off by core before the route runs.
  const huge = await postReport(c, id, Array.from({ length: 6 }, (_, i) => ({ bytes: Buffer.concat([tinyPdf(), Buffer.alloc(5 * 1024 * 1024 - 200)]), name: `k${i}.pdf`, type: 'application/pdf' })));
  assert.equal(huge.status, 413);

  const ok = await postReport(c, id, [
    { bytes: tinyPdf(), name: 'kvittering.pdf', type: 'application/pdf' },
    { bytes: tinyPng('Kim was here'), name: 'bon.png', type: 'image/png' },
  ]);
  assert.equal(ok.status, 303);
  assert.equal(await count('ledger_grant_receipts'), 2);
  const page = await (await c.get(`${base}/applications/${id}`)).text();
  assert.ok(page.includes('Slutrapport modtaget'));
  const link = /href="([^"]*\/receipts\/\d+)">kvittering\.pdf/.exec(page)![1]!;
  const file = await c.get(link);
  assert.equal(file.status, 200);
  assert.equal(file.headers.get('content-type'), 'application/pdf');
  assert.match(file.headers.get('content-disposition')!, /^attachment; filename="kvittering.pdf"/);
  assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
  assert.deepEqual(Buffer.from(await file.arrayBuffer()), tinyPdf());
  assert.equal((await as(w.resident.sessionToken).get(link)).status, 404, 'others cannot fetch receipts');
  assert.equal((await as(w.facilitator.sessionToken).get(link)).status, 200, 'staff can');
});

test('staff screens: triage, decision with body and date, payout; refusals are clear', async () => {
  const a = await applyForGrant(app.db, w.coordinator.actor, w.m, poolId, { groupId: w.associationId, title: 'Nyt klubhus-tag', purpose: 'Taget på klubhuset er utæt og skal skiftes.', lang: 'da', amountRequestedOre: 3_000_000n, cofinancingOre: 1_000_000n, budget: [{ description: 'Tag', amountOre: 4_000_000n }] });
  assert.ok(a.ok);
  const url = `${base}/applications/${a.value.applicationId}`;
  const fac = as(w.facilitator.sessionToken);
  const page = await (await fac.get(url)).text();
  assert.ok(page.includes('Ny note'));
  assert.ok(page.includes('Registrér afgørelsen'));
  assert.ok(!page.includes('Hurtigspor</h2>'), 'above the fast-track limit');
  assert.equal((await fac.post(`${url}/triage`, { note: 'Mangler tilbud.' }, { formPage: url })).status, 303);
  const noBody = await fac.post(`${url}/decide`, { outcome: 'approve', decidingBody: '', decisionDate: '2026-01-10', amountGranted: '30.000', note: '' }, { formPage: url });
  assert.equal(noBody.status, 422);
  assert.ok((await noBody.text()).includes('Skriv, hvem der traf afgørelsen.'));
  const decided = await fac.post(`${url}/decide`, { outcome: 'approve', decidingBody: 'Udvalget for Landdistrikter', decisionDate: '2026-01-10', amountGranted: '25.000', note: 'Delvis bevilling' }, { formPage: url });
  assert.equal(decided.status, 303);
  // A facilitator cannot pay; a resident cannot decide.
  assert.equal((await fac.post(`${url}/pay`, {}, { formPage: url })).status, 403);
  const fin = as(w.finance.sessionToken);
  const finPage = await (await fin.get(url)).text();
  assert.ok(finPage.includes('Udbetal 25.000,00 kr.'));
  assert.ok(finPage.includes('Udvalget for Landdistrikter'));
  assert.equal((await fin.post(`${url}/pay`, {}, { formPage: url })).status, 303);
  const again = await fin.post(`${url}/pay`, {}, { csrf: await fin.csrfFrom(url) });
  assert.equal(again.status, 303, 'a second payout is refused with a message, not paid');
  const after = await (await fin.get(again.headers.get('location')!)).text();
  assert.ok(after.includes('Udbetalt'));
  const payouts = await app.db.transaction({ municipalityId: w.m.id }, (tx) => sql<{ n: string }>`select count(*) as n from ledger_transactions where grant_application_id = ${a.value.applicationId}`.execute(tx));
  assert.equal(Number(payouts.rows[0]!.n), 1);
});

test('finance officers create and fund pools through the forms', async () => {
  const fin = as(w.finance.sessionToken);
  assert.equal((await as(w.facilitator.sessionToken).get(`${base}/new`)).status, 403);
  const bad = await fin.post(`${base}/new`, { name: 'Ungepuljen', description: '', maxGrant: '10.000', cofinancingPercent: '0', deadline: '2020-01-01', fastTrack: '20.000', reportDueDays: '30' }, { formPage: `${base}/new` });
  assert.equal(bad.status, 422);
  const text = await bad.text();
  assert.ok(text.includes('Vælg mindst én, der kan søge.'));
  assert.ok(text.includes('Grænsen for hurtigspor kan ikke være højere'));
  const ok = await fin.post(`${base}/new`, { name: 'Ungepuljen', description: 'For unge under 25.', maxGrant: '10.000', cofinancingPercent: '0', allowResidents: 'yes', deadline: '2099-12-31', fastTrack: '2.000', reportDueDays: '30' }, { formPage: `${base}/new` });
  assert.equal(ok.status, 303);
  const poolUrl = ok.headers.get('location')!;
  const fundUrl = `${poolUrl}/fund`;
  const fundPage = await (await fin.get(fundUrl)).text();
  const source = /<option value="(\d+)"[^>]*>Kommunekassen/.exec(fundPage)![1]!;
  const funded = await fin.post(fundUrl, { sourceAccountId: source, amount: '5.000,50', memo: 'Byrådets bevilling' }, { formPage: fundUrl });
  assert.equal(funded.status, 303);
  assert.ok((await (await fin.get(poolUrl)).text()).includes('5.000,50 kr.'));
});

test('`samskab ledger flag-overdue`: --dry-run counts, a real run flags, a second run flags nothing', async () => {
  const a = await applyForGrant(app.db, w.coordinator.actor, w.m, poolId, { groupId: w.groupId, title: 'Glemt rapport', purpose: 'Et projekt, hvis rapport aldrig kom.', lang: 'da', amountRequestedOre: 100_000n, cofinancingOre: 25_000n, budget: [{ description: 'Alt', amountOre: 125_000n }] });
  assert.ok(a.ok);
  assert.ok((await decideGrantApplication(app.db, w.facilitator.actor, w.m, a.value.applicationId, { outcome: 'approve', decidingBody: 'Udvalget', decisionDate: '2020-01-01', amountGrantedOre: 100_000n, note: '' }, new Date('2020-02-01T12:00:00Z'))).ok);
  assert.ok((await payOutGrant(app.db, w.finance.actor, w.m, a.value.applicationId, new Date('2020-02-01T12:00:00Z'))).ok);
  const out: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((s: string) => (out.push(String(s)), true)) as typeof process.stdout.write;
  try {
    assert.equal(await ledgerCommand.run(['flag-overdue', '--dry-run'], async () => app.deps), 0);
    assert.equal(await status(a.value.applicationId), 'paid');
    assert.equal(await ledgerCommand.run(['flag-overdue'], async () => app.deps), 0);
    assert.equal(await status(a.value.applicationId), 'repayment_due');
    assert.equal(await ledgerCommand.run(['flag-overdue'], async () => app.deps), 0);
    assert.equal(await ledgerCommand.run(['flag-overdu'], async () => app.deps), 2);
  } finally {
    process.stdout.write = write;
  }
  assert.deepEqual(out.filter((l) => l.includes(':')).map((l) => l.trim()), [`${slug}: 1`, 'overdue reports: 1', `${slug}: 1`, 'flagged for repayment: 1', 'flagged for repayment: 0']);
  // The page the applicant sees says so.
  const page = await (await as(w.coordinator.sessionToken).get(`${base}/applications/${a.value.applicationId}`)).text();
  assert.ok(page.includes('Tilskuddet er markeret til tilbagebetaling'));
});

async function status(id: number): Promise<string> {
  return (await app.db.transaction({ municipalityId: w.m.id }, (tx) => sql<{ status: string }>`select status from ledger_grant_applications where id = ${id}`.execute(tx))).rows[0]!.status;
}

test('JSON API: public pools with rules and money, in the OpenAPI document', async () => {
  const res = await app.fetch(`/api/v1/m/${slug}/ledger/grants/pools`);
  assert.equal(res.status, 200);
  const body = (await res.json()) as { pools: { name: string; rules: { maxGrantOre: string; mayApply: string[]; cofinancingBasisPoints: number }; balanceOre: string }[] };
  const pool = body.pools.find((p) => p.name === 'Landsbypuljen')!;
  assert.equal(pool.rules.maxGrantOre, '5000000');
  assert.deepEqual(pool.rules.mayApply, ['group', 'association']);
  assert.equal(pool.rules.cofinancingBasisPoints, 2000);
  assert.match(pool.balanceOre, /^\d+$/);
  assert.ok(!JSON.stringify(body).includes('Kim Koordinator'), 'no applicant named');
  assert.equal((await app.fetch('/api/v1/m/nowhere/ledger/grants/pools')).status, 404);
  const spec = (await (await app.fetch('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
  assert.ok(spec.paths['/api/v1/m/{slug}/ledger/grants/pools']);
});
