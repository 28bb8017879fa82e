// Commands against a real, freshly migrated database (PGlite, or PostgreSQL when DATABASE_URL is set).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Actor, MunicipalRole } from '../../core/auth/actor.js';
import { testDatabase, type TestDatabase } from '../../testing/test-db.js';
import { createMunicipality, createPerson } from '../../testing/actors.js';
import { castBallot } from './commands/cast-ballot.js';
import { changePhase } from './commands/change-phase.js';
import { proposeProject } from './commands/propose-project.js';
import { reviewProject } from './commands/review-project.js';
import { createProcess, updateProcessCommand } from './commands/save-process.js';
import { countBallots, listBallots, type ProcessFields } from './budgeting.repository.js';
import type { Process } from './budgeting.types.js';

let db: TestDatabase;
let m: number;
let admin: Actor;
const voters: Actor[] = [];

function actor(id: number, roles: [number, MunicipalRole][] = []): Actor {
  const map = new Map<number, Set<MunicipalRole>>();
  for (const [mm, r] of roles) map.set(mm, (map.get(mm) ?? new Set()).add(r));
  return { id, sessionId: 's', displayName: 'A', email: 'a@example.dk', emailVerified: true, lang: null, networkRole: null, roles: map };
}

const fields = (over: Partial<ProcessFields> = {}): ProcessFields => ({
  title: 'Borgerbudget 2026',
  description: '',
  areaId: null,
  budgetOre: 100_000_00n,
  dates: { proposalsFrom: '2026-01-01', reviewFrom: '2026-02-01', votingFrom: '2026-03-01', resultFrom: '2026-04-01', implementationFrom: '2026-05-01' },
  kind: 'knapsack',
  maxChoices: null,
  minSpendOre: null,
  points: null,
  rule: 'mes-cost',
  minAge: 15,
  ...over,
});

before(async () => {
  db = await testDatabase();
  m = await createMunicipality(db, 'pb-cmd');
  const a = await createPerson(db, { roles: [[m, 'admin']] });
  admin = actor(a.id, [[m, 'admin']]);
  for (let i = 0; i < 21; i++) voters.push(actor((await createPerson(db)).id));
});
after(() => db.destroy());

/** A process in voting with three feasible projects costing 40 000, 50 000 and 70 000 kr. */
async function votingProcess(over: Partial<ProcessFields> = {}): Promise<{ process: Process; ids: number[] }> {
  const created = await createProcess(db, admin, m, fields(over));
  assert.ok(created.ok);
  const ids: number[] = [];
  for (const [title, kr] of [['Shelter', 40_000n], ['Bænke', 50_000n], ['Legeplads', 70_000n]] as const) {
    const p = await proposeProject(db, voters[0]!, m, created.value.id, { title, description: '', areaId: null });
    assert.ok(p.ok);
    assert.ok((await reviewProject(db, admin, m, created.value.id, p.value.id, { status: 'feasible', costOre: kr * 100n, rejectReason: null })).ok);
    ids.push(p.value.id);
  }
  assert.ok((await changePhase(db, admin, m, created.value.id, 'voting')).ok);
  return { process: created.value, ids };
}

const vote = (process: Process, voter: Actor, f: Record<string, string | string[]>, replace = false, birthYear = 1980) =>
  castBallot(db, voter, m, process.id, { fields: f, birthYear, resident: true, replace, year: 2026 });

test('only an admin creates a process; money is stored as øre in a bigint', async () => {
  assert.deepEqual(await createProcess(db, voters[0]!, m, fields()), { ok: false, error: 'forbidden', detail: undefined });
  const r = await createProcess(db, admin, m, fields({ budgetOre: 12_345_678_901n }));
  assert.ok(r.ok);
  assert.equal(r.value.budgetOre, 12_345_678_901n);
});

test('rules are editable before voting and frozen once a ballot exists, in the command and in the database', async () => {
  const { process, ids } = await votingProcess();
  // Voting is open, no ballot yet: the command still refuses a rule change.
  assert.deepEqual(await updateProcessCommand(db, admin, m, process.id, fields({ budgetOre: 1n })), { ok: false, error: 'rules_frozen', detail: undefined });
  assert.ok((await vote(process, voters[1]!, { project: [String(ids[0])] })).ok);
  assert.ok((await changePhase(db, admin, m, process.id, 'review')).ok);
  // Back in review (a mistake by staff): the trigger still refuses because a ballot exists.
  assert.deepEqual(await updateProcessCommand(db, admin, m, process.id, fields({ rule: 'greedy-votes' })), { ok: false, error: 'rules_frozen', detail: undefined });
  await assert.rejects(
    db.transaction({ municipalityId: m }, (tx) => sql`update budgeting_processes set budget_ore = 1 where id = ${process.id}`.execute(tx)),
    /budgeting_rules_frozen/,
  );
  // The title is not a rule.
  assert.ok((await updateProcessCommand(db, admin, m, process.id, fields({ title: 'Nyt navn' }))).ok);
});

test('bad ballots are rejected with a reason and store nothing', async () => {
  const { process, ids } = await votingProcess({ minSpendOre: 50_000_00n });
  const cases: [Record<string, string | string[]>, string][] = [
    [{ project: ids.map(String) }, 'over_budget'],
    [{ project: ['999999'] }, 'unknown_project'],
    [{ project: [String(ids[0])] }, 'under_min_spend'],
    [{}, 'empty'],
  ];
  for (const [f, problem] of cases) {
    const r = await vote(process, voters[2]!, f);
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.error === 'invalid_ballot' && r.detail?.includes(problem as never), `${JSON.stringify(f)} → ${JSON.stringify(r)}`);
  }
  assert.deepEqual(await vote(process, voters[2]!, { project: [String(ids[0])] }, false, 2020), { ok: false, error: 'too_young', detail: undefined });
  const notResident = await castBallot(db, voters[2]!, m, process.id, { fields: { project: [String(ids[1])] }, birthYear: 1980, resident: false, replace: false, year: 2026 });
  assert.equal(!notResident.ok && notResident.error, 'not_resident');
  assert.equal(await db.transaction({ municipalityId: m }, (tx) => countBallots(tx, m, process.id)), 0);
});

test('a voter changes the ballot until voting closes; a second first ballot is already_voted; after closing nothing is accepted', async () => {
  const { process, ids } = await votingProcess({ kind: 'approval', maxChoices: 2 });
  assert.ok((await vote(process, voters[3]!, { project: [String(ids[0])] })).ok);
  assert.equal((await vote(process, voters[3]!, { project: [String(ids[1])] })).ok, false);
  const over = await vote(process, voters[3]!, { project: ids.map(String) }, true);
  assert.ok(!over.ok && over.detail?.includes('too_many'));
  assert.ok((await vote(process, voters[3]!, { project: [String(ids[1]), String(ids[2])] }, true)).ok);
  const ballots = await db.transaction({ municipalityId: m }, (tx) => listBallots(tx, m, process.id));
  assert.deepEqual(ballots.map((b) => b.choices.map((c) => c.projectId)), [[ids[1], ids[2]]]);
  assert.ok((await changePhase(db, admin, m, process.id, 'result')).ok);
  assert.deepEqual(await vote(process, voters[3]!, { project: [String(ids[0])] }, true), { ok: false, error: 'voting_closed', detail: undefined });
  // The trigger refuses a digital ballot in a closed process even past the command.
  await assert.rejects(
    db.transaction({ municipalityId: m }, (tx) => sql`insert into budgeting_ballots (municipality_id, process_id, voter_id, source) values (${m}, ${process.id}, ${voters[4]!.id}, 'digital')`.execute(tx)),
    /budgeting_voting_closed/,
  );
});

test('20 parallel first submissions by one voter store exactly one ballot', async () => {
  const { process, ids } = await votingProcess({ kind: 'cumulative', points: 10 });
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => vote(process, voters[5]!, { [`points_${ids[i % 3]}`]: String(1 + (i % 10)) })));
  assert.equal(results.filter((r) => r.ok).length, 1);
  assert.ok(results.every((r) => r.ok || r.error === 'already_voted'));
  const ballots = await db.transaction({ municipalityId: m }, (tx) => listBallots(tx, m, process.id));
  assert.equal(ballots.length, 1);
  assert.equal(ballots[0]!.choices.length, 1);
});

test('the unique index holds even against raw SQL', async () => {
  const { process } = await votingProcess();
  const insert = () =>
    db.transaction({ municipalityId: m }, (tx) => sql`insert into budgeting_ballots (municipality_id, process_id, voter_id, source) values (${m}, ${process.id}, ${voters[6]!.id}, 'digital')`.execute(tx));
  await insert();
  await assert.rejects(insert(), /budgeting_ballots_one_per_voter|duplicate key/);
});
