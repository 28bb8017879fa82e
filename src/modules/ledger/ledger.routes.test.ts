// The ledger foundation's pages, export and API through the in-process app: who sees what, forms
// that refuse bad input with errors next to the fields and store nothing, CSV format, JSON totals.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { createPerson } from '../../testing/actors.js';
import { SESSION_COOKIE } from '../../core/http/app.js';
import { account, allEntries, ledgerMunicipality, post } from './ledger.testkit.js';

let app: TestApp;
let slug: string;
let mid: number;
let officer: { id: number; sessionToken: string };
let facilitator: { sessionToken: string };
let resident: { sessionToken: string };
let budget: number;
let pot: number;

before(async () => {
  app = await testApp();
  const f = await ledgerMunicipality(app.db, 'rute');
  slug = f.slug;
  mid = f.mid;
  officer = f.officer;
  facilitator = await createPerson(app.db, { roles: [[mid, 'facilitator']] });
  resident = await createPerson(app.db, { roles: [[mid, 'resident']] });
  budget = await account(app.db, mid, { kind: 'municipal_budget', name: 'Kommunekassen', code: '0.00.01' });
  pot = await account(app.db, mid, { kind: 'pot', name: 'Lokal pulje <Juelsminde>' });
});
after(async () => {
  await app.close();
});

function as(token: string | null) {
  const c = app.client();
  if (token) c.setCookie(SESSION_COOKIE, token);
  return c;
}

test('visitors see the public totals, not the books; the books need a role', async () => {
  const res = await as(null).get(`/m/${slug}/ledger`);
  assert.equal(res.status, 200);
  const body = await res.text();
  assert.match(body, /Godkendte besparelser/);
  assert.match(body, /Lokal pulje &lt;Juelsminde&gt;/, 'pot names are public and escaped');
  assert.doesNotMatch(body, /Kommunekassen/, 'the books are not public');
  assert.equal((await as(null).get(`/m/${slug}/ledger/transactions`)).status, 302);
  assert.equal((await as(resident.sessionToken).get(`/m/${slug}/ledger/transactions`)).status, 403);
  assert.equal((await as(resident.sessionToken).get(`/m/${slug}/ledger/export/transactions.csv?from=2020-01-01&to=2030-01-01`)).status, 403);
  const fac = await as(facilitator.sessionToken).get(`/m/${slug}/ledger`);
  const facBody = await fac.text();
  assert.match(facBody, /Kommunekassen/);
  assert.doesNotMatch(facBody, /Ny postering/, 'facilitators read, they do not post');
  assert.equal((await as(facilitator.sessionToken).get(`/m/${slug}/ledger/transactions/new`)).status, 403);
  assert.equal((await as(null).get(`/m/nowhere/ledger`)).status, 404);
});

test('create account: errors next to fields, duplicates refused, success redirects to the account', async () => {
  const c = as(officer.sessionToken);
  const bad = await c.post(`/m/${slug}/ledger/accounts/new`, { kind: 'nonsense', name: '', code: '', description: '' });
  assert.equal(bad.status, 422);
  const badBody = await bad.text();
  assert.match(badBody, /Vælg kontoens type/);
  assert.match(badBody, /Skriv kontoens navn/);
  const dup = await c.post(`/m/${slug}/ledger/accounts/new`, { kind: 'pot', name: 'lokal pulje <juelsminde>', code: '', description: '' });
  assert.equal(dup.status, 422);
  assert.match(await dup.text(), /findes allerede/);
  const good = await c.post(`/m/${slug}/ledger/accounts/new`, { kind: 'service_budget', name: 'Bus route 312', code: '5.32.30', description: 'Rute 312' });
  assert.equal(good.status, 303);
  const loc = good.headers.get('location')!;
  assert.match(loc, new RegExp(`/m/${slug}/ledger/accounts/\\d+$`));
  const page = await (await c.get(loc)).text();
  assert.match(page, /Bus route 312/);
  assert.match(page, /5\.32\.30/);
});

test('manual posting: amounts in the user language, errors next to fields, nothing stored on error', async () => {
  const c = as(officer.sessionToken);
  const url = `/m/${slug}/ledger/transactions/new`;
  const base = { memo: 'Startkapital til puljen', kind: 'manual', line1Account: String(budget), line1Direction: 'out', line2Account: String(pot), line2Direction: 'in' };
  const wrongFormat = await c.post(url, { ...base, line1Amount: '1.2345', line2Amount: '12,345' });
  assert.equal(wrongFormat.status, 422);
  const wf = await wrongFormat.text();
  assert.match(wf, /Skriv beløbet som et tal i kroner/);
  assert.match(wf, /højst have to decimaler/);
  assert.match(wf, /value="1.2345"/, 'the entered value is kept');
  const unbalanced = await c.post(url, { ...base, line1Amount: '1.234,50', line2Amount: '1.234,49' });
  assert.equal(unbalanced.status, 422);
  assert.match(await unbalanced.text(), /går ikke op/);
  const overdrawn = await c.post(url, { ...base, line1Account: String(pot), line2Account: String(budget), line1Amount: '10', line2Amount: '10' });
  assert.equal(overdrawn.status, 422);
  assert.match(await overdrawn.text(), /ikke penge nok/);
  const oneLine = await c.post(url, { memo: 'x', kind: 'manual', line1Account: String(pot), line1Direction: 'in', line1Amount: '5' });
  assert.equal(oneLine.status, 422);
  assert.match(await oneLine.text(), /mindst to linjer/);
  const noMemo = await c.post(url, { ...base, memo: '  ', line1Amount: '5', line2Amount: '5' });
  assert.equal(noMemo.status, 422);
  assert.deepEqual(await allEntries(app.db, mid), []);

  const ok = await c.post(url, { ...base, memo: 'Startkapital <b>til</b> puljen', line1Amount: '1.234,50', line2Amount: '1234,5' });
  assert.equal(ok.status, 303);
  const page = await (await c.get(ok.headers.get('location')!)).text();
  assert.match(page, /Startkapital &lt;b&gt;til&lt;\/b&gt; puljen/);
  assert.match(page, /1\.234,50\skr\./);
  assert.deepEqual((await allEntries(app.db, mid)).map((e) => e.amountOre), [-123450n, 123450n]);

  // English input reads the English way.
  const en = await c.post(`${url}?lang=en`, { ...base, line1Amount: '1,000.00', line2Amount: '1000' }, { formPage: `${url}?lang=en` });
  assert.equal(en.status, 303);
});

test('reversal: reason required, reverses once, shown on both transactions; the list filters by account', async () => {
  const c = as(officer.sessionToken);
  const r = await post(app.db, mid, officer.id, [{ accountId: budget, amountOre: -500n }, { accountId: pot, amountOre: 500n }], 'manual', 'Fejl: forkert pulje');
  assert.ok(r.ok);
  const id = r.value.transactionId;
  const url = `/m/${slug}/ledger/transactions/${id}/reverse`;
  const empty = await c.post(url, { reason: ' ' }, { formPage: `/m/${slug}/ledger/transactions/${id}` });
  assert.equal(empty.status, 422);
  assert.match(await empty.text(), /Skriv hvorfor/);
  const done = await c.post(url, { reason: 'Bogført på forkert konto' }, { formPage: `/m/${slug}/ledger/transactions/${id}` });
  assert.equal(done.status, 303);
  const reversal = await (await c.get(done.headers.get('location')!)).text();
  assert.match(reversal, new RegExp(`Tilbagefører postering ${id}`));
  assert.match(reversal, /Bogført på forkert konto/);
  const original = await (await c.get(`/m/${slug}/ledger/transactions/${id}`)).text();
  assert.match(original, /Tilbageført af postering/);
  assert.doesNotMatch(original, /name="reason"/, 'no second reversal form');
  const again = await c.post(url, { reason: 'igen' }, { formPage: `/m/${slug}/ledger/transactions/new` });
  assert.equal(again.status, 422);
  assert.match(await again.text(), /allerede tilbageført/);

  const list = await c.get(`/m/${slug}/ledger/transactions?account=${pot}`);
  assert.equal(list.status, 200);
  assert.match(await list.text(), /Fejl: forkert pulje/);
  const badFilter = await c.get(`/m/${slug}/ledger/transactions?from=2026-13-01&to=x`);
  assert.equal(badFilter.status, 400);
  assert.match(await badFilter.text(), /ÅÅÅÅ-MM-DD/);
  const account = await (await c.get(`/m/${slug}/ledger/accounts/${pot}`)).text();
  assert.match(account, /Saldo efter/);
});

test('CSV export: BOM, semicolons, decimal comma, one line per entry, injection defused', async () => {
  const r = await post(app.db, mid, officer.id, [{ accountId: budget, amountOre: -1_234_567n }, { accountId: pot, amountOre: 1_234_567n }], 'opening', '=HYPERLINK("x"); "citat"');
  assert.ok(r.ok);
  const res = await as(facilitator.sessionToken).get(`/m/${slug}/ledger/export/transactions.csv?from=2000-01-01&to=2100-12-31`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type')!, /text\/csv; charset=utf-8/);
  assert.match(res.headers.get('content-disposition')!, /attachment; filename="posteringer-/);
  const bytes = new Uint8Array(await res.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes.slice(3));
  const lines = text.split('\r\n');
  assert.equal(lines[0], 'postering_id;linje;dato;kontonummer;konto;beloeb_kr;tekst;type;tilbagefoerer_id;initiativ_id;aftale_id;tilskudsansoegning_id;borgerbudget_id;bogfoert_af');
  const mine = lines.filter((l) => l.startsWith(`${r.value.transactionId};`));
  assert.equal(mine.length, 2);
  assert.match(mine[0]!, /;0\.00\.01;Kommunekassen;-12345,67;"'=HYPERLINK\(""x""\); ""citat""";opening;/);
  assert.match(mine[1]!, /;;Lokal pulje <Juelsminde>;12345,67;/);
  assert.match(mine[0]!, /^\d+;1;\d{4}-\d{2}-\d{2};/);
  const missing = await as(officer.sessionToken).get(`/m/${slug}/ledger/export/transactions.csv?from=&to=2020-01-01`);
  assert.equal(missing.status, 400);
  const reversed = await as(officer.sessionToken).get(`/m/${slug}/ledger/export/transactions.csv?from=2020-01-02&to=2020-01-01`);
  assert.equal(reversed.status, 400);
  const empty = await (await as(officer.sessionToken).get(`/m/${slug}/ledger/export/transactions.csv?from=2001-01-01&to=2001-12-31`)).text();
  assert.equal(empty.split('\r\n').filter(Boolean).length, 1, 'header only');
});

test('JSON API: public totals from the entries, registered in OpenAPI', async () => {
  const res = await app.fetch(`/api/v1/m/${slug}/ledger/totals`);
  assert.equal(res.status, 200);
  const body = (await res.json()) as { potsBalanceOre: string; pots: { name: string; balanceOre: string }[]; savingsSignedOffOre: string };
  const potBalance = await app.db.transaction({ municipalityId: mid }, async (trx) => (await import('./ledger.posting.js')).accountBalance(trx, mid, pot));
  assert.equal(body.potsBalanceOre, String(potBalance));
  assert.equal(body.pots.find((p) => p.name === 'Lokal pulje <Juelsminde>')?.balanceOre, String(potBalance));
  assert.equal(body.savingsSignedOffOre, '0');
  assert.equal((await app.fetch('/api/v1/m/nowhere/ledger/totals')).status, 404);
  const spec = (await (await app.fetch('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
  assert.ok(spec.paths['/api/v1/m/{slug}/ledger/totals'], Object.keys(spec.paths).join(', '));
});
