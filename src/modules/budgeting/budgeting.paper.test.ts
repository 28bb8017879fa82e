// Paper ballots and voting-station totals: staff enter them (same validation as digital), a second
// staff member checks each, and both show on the results, totals in greedy counts only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, MunicipalRole } from '../../core/auth/actor.js';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { createMunicipality, createPerson } from '../../testing/actors.js';
import { changePhase } from './commands/change-phase.js';
import { checkPaperBallot, enterPaperBallot, enterStationTotals } from './commands/paper-ballots.js';
import { reviewProject } from './commands/review-project.js';
import { createProcess } from './commands/save-process.js';
import { insertProject, listBallots } from './budgeting.repository.js';
import { getResults } from './budgeting.queries.js';

let app: TestApp;
let m: number;
const slug = 'pb-paper';
let admin: Actor;
let facilitator: Actor;
let resident: Actor;
const tokens = new Map<Actor, string>();
let processId: number;
let a: number;
let b: number;
let cProject: number;

function actor(id: number, roles: [number, MunicipalRole][] = []): Actor {
  const map = new Map<number, Set<MunicipalRole>>();
  for (const [mm, r] of roles) map.set(mm, (map.get(mm) ?? new Set()).add(r));
  return { id, sessionId: 's', displayName: 'A', email: 'a@example.dk', emailVerified: true, lang: null, networkRole: null, roles: map };
}

async function person(roles: [number, MunicipalRole][]): Promise<Actor> {
  const p = await createPerson(app.db, { roles });
  const x = actor(p.id, roles);
  tokens.set(x, p.sessionToken);
  return x;
}

function client(x: Actor) {
  const cl = app.client();
  cl.setCookie('samskab_session', tokens.get(x)!);
  return cl;
}

before(async () => {
  app = await testApp();
  m = await createMunicipality(app.db, slug);
  admin = await person([[m, 'admin']]);
  facilitator = await person([[m, 'facilitator']]);
  resident = await person([[m, 'resident']]);
  const created = await createProcess(app.db, admin, m, {
    title: 'Papir', description: '', areaId: null, budgetOre: 100_000_00n,
    dates: { proposalsFrom: '2026-01-01', reviewFrom: '2026-02-01', votingFrom: '2026-03-01', resultFrom: '2026-04-01', implementationFrom: '2026-05-01' },
    kind: 'knapsack', maxChoices: null, minSpendOre: null, points: null, rule: 'mes-cost', minAge: 0,
  });
  assert.ok(created.ok);
  processId = created.value.id;
  const ids: number[] = [];
  for (const [title, cost] of [['A', 60_000_00n], ['B', 50_000_00n], ['C', 40_000_00n]] as const) {
    const p = await app.db.transaction({ municipalityId: m }, (tx) => insertProject(tx, m, processId, { title, description: '', areaId: null, proposedBy: null }));
    assert.ok((await reviewProject(app.db, admin, m, processId, p.id, { status: 'feasible', costOre: cost, rejectReason: null })).ok);
    ids.push(p.id);
  }
  [a, b, cProject] = ids as [number, number, number];
});
after(() => app.close());

test('commands: only staff enter paper, same validation, never before voting, four eyes on the check', async () => {
  assert.equal((await enterPaperBallot(app.db, facilitator, m, processId, { project: [String(a)] })).ok ? 'ok' : 'refused', 'refused', 'not before voting');
  assert.ok((await changePhase(app.db, admin, m, processId, 'voting')).ok);
  const forbidden = await enterPaperBallot(app.db, resident, m, processId, { project: [String(a)] });
  assert.equal(!forbidden.ok && forbidden.error, 'forbidden');
  const over = await enterPaperBallot(app.db, facilitator, m, processId, { project: [String(a), String(b)] });
  assert.ok(!over.ok);
  assert.equal(over.error, 'invalid_ballot');
  assert.deepEqual(over.detail, ['over_budget']);
  const entered = await enterPaperBallot(app.db, facilitator, m, processId, { project: [String(a)] });
  assert.ok(entered.ok);
  const own = await checkPaperBallot(app.db, facilitator, m, processId, entered.value.ballotId);
  assert.equal(!own.ok && own.error, 'own_entry');
  const byResident = await checkPaperBallot(app.db, resident, m, processId, entered.value.ballotId);
  assert.equal(!byResident.ok && byResident.error, 'forbidden');
  assert.ok((await checkPaperBallot(app.db, admin, m, processId, entered.value.ballotId)).ok);
  const again = await checkPaperBallot(app.db, admin, m, processId, entered.value.ballotId);
  assert.equal(!again.ok && again.error, 'already_checked');
  const missing = await checkPaperBallot(app.db, admin, m, processId, 999_999);
  assert.equal(!missing.ok && missing.error, 'not_found');
  const stored = (await app.db.transaction({ municipalityId: m }, (tx) => listBallots(tx, m, processId))).find((x) => x.id === entered.value.ballotId)!;
  assert.deepEqual({ source: stored.source, enteredBy: stored.enteredBy, checkedBy: stored.checkedBy, voterId: stored.voterId }, { source: 'paper', enteredBy: facilitator.id, checkedBy: admin.id, voterId: null });
  const badVotes = await enterStationTotals(app.db, facilitator, m, processId, 'Hallen', new Map([[a, '-3']]));
  assert.equal(!badVotes.ok && badVotes.error, 'votes_invalid');
  const noName = await enterStationTotals(app.db, facilitator, m, processId, '  ', new Map([[a, '3']]));
  assert.equal(!noName.ok && noName.error, 'station_invalid');
});

test('pages: 403 for residents, 422 for an invalid ballot, no checking of your own entry, results explain', async () => {
  const base = `/m/${slug}/budgets/${processId}`;
  const fac = client(facilitator);
  const adm = client(admin);
  const res = client(resident);
  assert.equal((await res.get(`${base}/paper`)).status, 403);
  assert.equal((await res.post(`${base}/paper`, { project: [String(b)] }, { formPage: base })).status, 403);
  assert.equal((await res.post(`${base}/paper/stations`, { station: 'X' }, { formPage: base })).status, 403);
  assert.match(await (await fac.get(base)).text(), /Indtast papirstemmer/);

  const invalid = await fac.post(`${base}/paper`, { project: [String(a), String(b)] });
  assert.equal(invalid.status, 422);
  assert.match(await invalid.text(), /koster mere end beløbet/);
  const empty = await fac.post(`${base}/paper`, {});
  assert.equal(empty.status, 422);
  const saved = await fac.post(`${base}/paper`, { project: [String(b)] });
  assert.equal(saved.status, 303);
  const paperHtml = await (await fac.get(`${base}/paper`)).text();
  assert.match(paperHtml, /1 papirstemme venter/);
  assert.match(paperHtml, /Din indtastning/);
  const bid = /paper\/(\d+)\/check/.exec(await (await adm.get(`${base}/paper`)).text())?.[1];
  assert.ok(bid, 'another staff member sees a check button');
  const own = await fac.post(`${base}/paper/${bid}/check`, {}, { formPage: `${base}/paper` });
  assert.equal(own.status, 409);
  assert.match(await own.text(), /ikke kontrollere din egen/);

  // Station totals: 5 votes for C, which greedy counts and Equal Shares cannot.
  const badStation = await fac.post(`${base}/paper/stations`, { station: 'Hallen', [`votes_${cProject}`]: 'fem' }, { formPage: `${base}/paper` });
  assert.equal(badStation.status, 422);
  assert.match(await badStation.text(), /helt antal stemmer/);
  assert.equal((await fac.post(`${base}/paper/stations`, { station: 'Hallen', [`votes_${cProject}`]: '5' }, { formPage: `${base}/paper` })).status, 303);
  assert.match(await (await fac.get(`${base}/paper`)).text(), /Hallen: C 5/);

  assert.equal((await adm.post(`${base}/phase`, { phase: 'result' }, { formPage: base })).status, 303);
  const results = await getResults({ db: app.db }, m, processId);
  const row = (id: number) => results!.results.projects.find((r) => r.project.id === id)!;
  assert.equal(results!.results.voters, 2);
  assert.equal(results!.results.uncheckedPaper, 1);
  assert.equal(row(cProject).stationVotes, 5);
  assert.equal(row(cProject).votes, 0, 'Equal Shares sees individual ballots only');
  assert.equal(row(cProject).fundedByGreedy, true, 'greedy counts the station totals: C (5) first');
  assert.equal(row(cProject).greedyReport.votes, 5);
  const page = await (await res.get(`${base}/results`)).text();
  assert.match(page, /1 papirstemme er endnu ikke kontrolleret af en anden medarbejder\. De tælles med/);
  assert.match(page, /5 stemmer fra valgstedernes optælling tæller med i sammenligningen/);
  assert.match(page, /har brug for hver enkelt stemmeseddel/);

  // Paper ballots still arrive after voting closes; the check then succeeds for someone else.
  assert.equal((await adm.post(`${base}/paper/${bid}/check`, {}, { formPage: `${base}/paper` })).status, 303);
  assert.doesNotMatch(await (await res.get(`${base}/results`)).text(), /endnu ikke kontrolleret/);
});
