import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { pbUsage, runPbCli } from './budgeting.cli.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dataDir = path.resolve(repoRoot, '../shared/data/pabulib');
const expected = JSON.parse(fs.readFileSync(path.join(dataDir, 'expected.json'), 'utf8')) as Record<string, Record<string, { selected: string[]; cost: string }>>;

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPbCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out, err };
}

function withBrokenFile(body: (broken: string) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samskab-pb-'));
  const broken = path.join(dir, 'broken.pb');
  fs.writeFileSync(broken, 'META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\na;50\nVOTES\nvoter_id;vote\n1;a,b\n');
  return body(broken).finally(() => fs.rmSync(dir, { recursive: true, force: true }));
}

const toulouse = 'France_Toulouse_2022_10_-_Jolimont_Soupetard_Roseraie_Gloire_Gramont_Amouroux.pb';
const warszawa = 'Poland_Warszawa_2019_Przyczolek_Grochowski.pb';

test('--json prints one line per file, the broken one as an error, and exits 1', async () => {
  await withBrokenFile(async (broken) => {
    const files = [path.join(dataDir, 'instances', toulouse), broken, path.join(dataDir, 'instances', warszawa)];
    const { code, out, err } = await run(['tally', ...files, '--rule', 'mes-cost-add1', '--json']);
    assert.equal(code, 1);
    assert.deepEqual(err, []);
    assert.deepEqual(
      out.map((line) => JSON.parse(line)),
      [
        { file: files[0], rule: 'mes-cost-add1', ...expected[toulouse]!['mes-cost-add1'] },
        { file: broken, rule: 'mes-cost-add1', error: `${broken}:10: vote lists project "b", which is not in PROJECTS` },
        { file: files[2], rule: 'mes-cost-add1', ...expected[warszawa]!['mes-cost-add1'] },
      ],
    );
  });
});

test('an unreadable file is an error line too; the others still succeed with exit 0 only if all did', async () => {
  const good = path.join(dataDir, 'instances', warszawa);
  const ok = await run(['tally', '--rule=greedy-votes', good, '--json']);
  assert.equal(ok.code, 0);
  assert.deepEqual(JSON.parse(ok.out[0]!), { file: good, rule: 'greedy-votes', ...expected[warszawa]!['greedy-votes'] });

  const missing = await run(['tally', '--json', '--rule', 'greedy-votes', 'no-such-file.pb', good]);
  assert.equal(missing.code, 1);
  assert.deepEqual(JSON.parse(missing.out[0]!), { file: 'no-such-file.pb', rule: 'greedy-votes', error: 'no-such-file.pb: cannot read: ENOENT' });
  assert.equal(missing.out.length, 2);
});

test('without --json each file is an aligned table; errors go to err', async () => {
  await withBrokenFile(async (broken) => {
    const file = path.join(dataDir, 'instances', warszawa);
    const { code, out, err } = await run(['tally', file, broken, '--rule', 'mes-cost']);
    assert.equal(code, 1);
    assert.equal(out.length, 1);
    const table = out[0]!.split('\n');
    assert.equal(table[0], `${file} — mes-cost`);
    assert.match(table[1]!, /^budget 114339\.91 · 274 voters · 4 projects · each voter started with 417\.3$/);
    assert.equal(table[2], 'funded 0 projects for 0');
    const header = table[4]!;
    assert.match(header, /^project +cost +votes +funded +why$/);
    const rows = table.slice(5);
    assert.equal(rows.length, 4);
    // Amounts are right-aligned: each ends where the header "cost" ends.
    const costEnd = header.indexOf('cost') + 'cost'.length;
    for (const row of rows) {
      assert.match(row.slice(0, costEnd), /\d$/);
      assert.equal(row[costEnd], ' ');
    }
    // 198 supporters with 114339.91 / 274 each cannot pay 92800.
    assert.match(rows[0]!, /^2303 +92800 +198 +no +equal shares, round 1: its supporters had only 82625\.19 left$/);
    assert.deepEqual(err, [`${broken}:10: vote lists project "b", which is not in PROJECTS`]);
  });
});

test('bad usage prints the usage on err and exits 2', async () => {
  const cases: [string[], RegExp][] = [
    [[], /missing subcommand/],
    [['import', 'x.pb'], /missing --municipality/],
    [['frobnicate'], /unknown subcommand "frobnicate"/],
    [['tally', 'x.pb'], /missing --rule/],
    [['tally', 'x.pb', '--rule'], /--rule needs a value/],
    [['tally', 'x.pb', '--rule', 'plurality'], /unknown rule "plurality"/],
    [['tally', '--rule', 'mes-cost'], /no \.pb files given/],
    [['tally', 'x.pb', '--rule', 'mes-cost', '--rule', 'greedy-votes'], /--rule given twice/],
    [['tally', 'x.pb', '--rule', 'mes-cost', '--fast'], /unknown option --fast/],
  ];
  for (const [args, message] of cases) {
    const { code, out, err } = await run(args);
    assert.equal(code, 2, args.join(' '));
    assert.deepEqual(out, []);
    assert.equal(err.length, 1);
    assert.match(err[0]!, message);
    assert.ok(err[0]!.endsWith(pbUsage));
  }
  assert.deepEqual(await run(['--help']), { code: 0, out: [pbUsage], err: [] });
  assert.deepEqual(await run(['tally', '-h']), { code: 0, out: [pbUsage], err: [] });
});
