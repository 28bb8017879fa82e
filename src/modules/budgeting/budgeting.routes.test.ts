// The pages end to end, in process: staff create a process, a resident proposes, staff review, the
// resident votes without JavaScript (errors re-rendered with 422), and the results export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { createMunicipality, createPerson } from '../../testing/actors.js';
import { formatAmount, parsePb } from './pabulib/pabulib.parser.js';

let app: TestApp;
let m: number;
const slug = 'pb-routes';

before(async () => {
  app = await testApp();
  m = await createMunicipality(app.db, slug);
});
after(() => app.close());

async function as(roles: [number, 'admin' | 'resident'][]) {
  const person = await createPerson(app.db, { roles });
  const client = app.client();
  client.setCookie('samskab_session', person.sessionToken);
  return client;
}

test('from proposals to results, without JavaScript', async () => {
  const admin = await as([[m, 'admin']]);
  const resident = await as([[m, 'resident']]);
  const base = `/m/${slug}/budgets`;
  const create = await admin.post(`${base}/new`, {
    title: 'Testbudget', description: '', areaId: '', budget: '100.000', proposalsFrom: '2026-01-01', reviewFrom: '2026-02-01', votingFrom: '2026-03-01',
    resultFrom: '2026-04-01', implementationFrom: '2026-05-01', kind: 'knapsack', maxChoices: '', minSpend: '', points: '', rule: 'mes-cost', minAge: '15',
  });
  assert.equal(create.status, 303);
  const processPath = create.headers.get('location')!;
  const bad = await admin.post(`${base}/new`, { title: '', budget: 'tusind', kind: 'approval' }, { formPage: `${base}/new` });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /Skriv en titel/);

  const ids: string[] = [];
  for (const [title, cost] of [['A', '60.000'], ['B', '50.000']] as const) {
    assert.equal((await resident.post(`${processPath}/projects/new`, { title, description: 'x', areaId: '' })).status, 303);
    const page = await (await admin.get(processPath)).text();
    const id = [...page.matchAll(/projects\/(\d+)\/review/g)].map((x) => x[1]!).filter((x) => !ids.includes(x))[0]!;
    ids.push(id);
    assert.equal((await admin.post(`${processPath}/projects/${id}/review`, { status: 'feasible', cost, reason: '' })).status, 303);
  }
  assert.equal((await admin.post(`${processPath}/phase`, { phase: 'voting' }, { formPage: processPath })).status, 303);

  const over = await resident.post(`${processPath}/ballot`, { replace: '0', project: ids, birthYear: '1980', resident: 'yes', action: 'vote' });
  assert.equal(over.status, 422);
  const overHtml = await over.text();
  assert.match(overHtml, /koster mere end beløbet/);
  assert.match(overHtml, /value="1980"/, 'values are kept');
  const total = await resident.post(`${processPath}/ballot`, { replace: '0', project: [ids[0]!], action: 'total' });
  assert.equal(total.status, 200);
  assert.match(await total.text(), /Valgt for 60\.000/);
  assert.equal((await resident.post(`${processPath}/ballot`, { replace: '0', project: [ids[0]!], birthYear: '1980', resident: 'yes', action: 'vote' })).status, 303);
  const twice = await resident.post(`${processPath}/ballot`, { replace: '0', project: [ids[1]!], birthYear: '1980', resident: 'yes', action: 'vote' });
  assert.equal(twice.status, 409);
  assert.equal((await resident.post(`${processPath}/ballot`, { replace: '1', project: [ids[1]!], birthYear: '1980', resident: 'yes', action: 'vote' })).status, 303);

  assert.equal((await admin.post(`${processPath}/phase`, { phase: 'result' }, { formPage: processPath })).status, 303);
  const closed = await resident.post(`${processPath}/ballot`, { replace: '1', project: [ids[0]!], birthYear: '1980', resident: 'yes', action: 'vote' }, { formPage: processPath });
  assert.equal(closed.status, 409);
  const results = await (await resident.get(`${processPath}/results`)).text();
  assert.match(results, /1 borger stemte/);
  const csv = await (await resident.get(`${processPath}/results.csv`)).text();
  assert.match(csv, /^project_id,title,cost_dkk,votes,points,funded/);
  assert.match(csv, new RegExp(`${ids[1]},B,50000\\.00,1,1,yes`));
  const pb = parsePb(await (await resident.get(`${processPath}/election.pb`)).text(), 'export.pb');
  assert.ok(pb.ok);
  assert.equal(formatAmount(pb.value.meta.budget, pb.value.decimals), '100000');
  assert.deepEqual(pb.value.votes.map((v) => v.projects), [[ids[1]]]);
});
