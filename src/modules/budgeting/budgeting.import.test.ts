// `pb import`: a real Pabulib election becomes a finished process whose export and results agree with
// the file; broken and over-precise files are refused, naming the file and the problem.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createMunicipality } from '../../testing/actors.js';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { runPbCli } from './budgeting.cli.js';
import { getResults } from './budgeting.queries.js';
import { formatAmount, parsePb, toTallyElection, type PbElection } from './pabulib/pabulib.parser.js';
import { compareIds } from './tally/election.js';
import { tallyRules } from './tally/rules.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const instances = path.resolve(repoRoot, '../shared/data/pabulib/instances');
const small = path.join(instances, 'US_Stanford_Dataset_Participatory_Budgeting_Project_PB2_2021_Ballot_vote_approvals.pb');
const slug = 'pb-import';

let app: TestApp;
let tmp: string;
let municipalityId: number;
before(async () => {
  app = await testApp();
  municipalityId = await createMunicipality(app.db, slug);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'samskab-pb-import-'));
});
after(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await app.close();
});

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPbCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) }, async () => ({ db: app.db }));
  return { code, out, err };
}

function parse(text: string, name: string): PbElection {
  const r = parsePb(text, name);
  assert.ok(r.ok, r.ok ? '' : `${r.error.line}: ${r.error.message}`);
  return r.value;
}

const projectsOf = (e: PbElection) => e.projects.map((p) => `${p.id}=${formatAmount(p.cost, e.decimals)}`).sort();
/** Ballots as a multiset: approval ballots as sets, ordinal ones in order, cumulative with points. */
const ballotsOf = (e: PbElection) =>
  e.votes
    .map((v) => {
      const listed = v.projects.map((id, i) => (v.points ? `${id}:${v.points[i]}` : id));
      return (e.meta.voteType === 'ordinal' ? listed : listed.sort()).join(',');
    })
    .sort();

test('imports a real election, exports it back and shows what the rule selects on the file', async () => {
  const { code, out, err } = await run(['import', small, '--municipality', slug]);
  assert.deepEqual(err, []);
  assert.equal(code, 0);
  const m = /imported as process (\d+) in pb-import \(12 projects, 129 ballots, rule mes-cost\): (\S+)$/.exec(out[0] ?? '');
  assert.ok(m, out.join('\n'));
  const id = Number(m[1]);
  const resultsPath = m[2]!;

  const original = parse(fs.readFileSync(small, 'utf8'), 'original.pb');
  const client = app.client();
  const exported = parse(await (await client.get(`/m/${slug}/budgets/${id}/election.pb`)).text(), 'export.pb');
  assert.equal(formatAmount(exported.meta.budget, exported.decimals), formatAmount(original.meta.budget, original.decimals));
  assert.equal(exported.meta.voteType, original.meta.voteType);
  assert.deepEqual(projectsOf(exported), projectsOf(original));
  assert.deepEqual(ballotsOf(exported), ballotsOf(original));
  assert.equal(exported.meta.other.find(([k]) => k === 'description')?.[1], 'Participatory Budgeting Project PB2 2021 Ballot');

  const expected = tallyRules['mes-cost'](toTallyElection(original));
  assert.ok(expected.ok);
  const results = (await getResults({ db: app.db }, municipalityId, id))!;
  assert.equal(results.process.phase, 'result');
  const funded = results.results.projects.filter((r) => r.funded);
  assert.deepEqual(funded.map((r) => r.project.externalId!).sort(compareIds), [...expected.value.selected].sort(compareIds));
  const page = await client.get(resultsPath);
  assert.equal(page.status, 200);
  const body = await page.text();
  assert.match(body, new RegExp(`129 borgere stemte\\. ${funded.length} projekt(er)? får penge`));
  for (const r of funded) assert.match(body, new RegExp(`Project ${r.project.externalId}\\b`));
});

test('refuses amounts with more than two decimals, naming the amount', async () => {
  const file = path.join(tmp, 'precise.pb');
  fs.writeFileSync(file, 'META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\na;50.125\nb;20\nVOTES\nvoter_id;vote\n1;a,b\n');
  const { code, out, err } = await run(['import', file, '--municipality', slug]);
  assert.equal(code, 1);
  assert.deepEqual(out, []);
  assert.deepEqual(err, [`${file}: the cost of project a is 50.125, with 3 decimals; amounts are stored in whole øre, so at most 2 decimals are allowed`]);
});

test('a parse error names the file and line; usage errors exit 2; an unknown municipality exits 1', async () => {
  const broken = path.join(tmp, 'broken.pb');
  fs.writeFileSync(broken, 'META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\na;50\nVOTES\nvoter_id;vote\n1;a,b\n');
  const parsed = await run(['import', broken, '--municipality', slug]);
  assert.equal(parsed.code, 1);
  assert.deepEqual(parsed.err, [`${broken}:10: vote lists project "b", which is not in PROJECTS`]);
  assert.equal((await run(['import', broken])).code, 2);
  assert.equal((await run(['import', '--municipality', slug])).code, 2);
  const nowhere = await run(['import', small, '--municipality', 'nowhere']);
  assert.equal(nowhere.code, 1);
  assert.deepEqual(nowhere.err, ['pb import: no municipality "nowhere"']);
  const missing = await run(['import', path.join(tmp, 'missing.pb'), '--municipality', slug]);
  assert.equal(missing.code, 1);
  assert.match(missing.err[0]!, /missing\.pb: cannot read: ENOENT/);
});

for (const [kind, file] of [
  ['cumulative', 'Poland_Czestochowa_2020_Bleszno.pb'],
  ['ordinal', 'Worldwide_Mechanical_Turk_Ranking_value_3.pb'],
  ['choose-1', 'Poland_Poznan_2025_5_-_Grunwald_Polnoc_Grunwald_Poludnie_Stary_Grunwald__small.pb'],
] as const) {
  test(`a ${kind} election round-trips and keeps its outcome`, async () => {
    const full = path.join(instances, file);
    const { code, out, err } = await run(['import', full, `--municipality=${slug}`]);
    assert.deepEqual(err, []);
    assert.equal(code, 0);
    const id = Number(/imported as process (\d+)/.exec(out[0]!)![1]);
    const original = parse(fs.readFileSync(full, 'utf8'), file);
    const exported = parse(await (await app.client().get(`/m/${slug}/budgets/${id}/election.pb`)).text(), 'export.pb');
    assert.equal(exported.meta.voteType, original.meta.voteType);
    assert.equal(formatAmount(exported.meta.budget, exported.decimals), formatAmount(original.meta.budget, original.decimals));
    assert.deepEqual(projectsOf(exported), projectsOf(original));
    assert.deepEqual(ballotsOf(exported), ballotsOf(original));
    const expected = tallyRules['mes-cost'](toTallyElection(original));
    assert.ok(expected.ok);
    const results = (await getResults({ db: app.db }, municipalityId, id))!;
    assert.deepEqual(
      results.results.projects.filter((r) => r.funded).map((r) => r.project.externalId!).sort(compareIds),
      [...expected.value.selected].sort(compareIds),
    );
  });
}
