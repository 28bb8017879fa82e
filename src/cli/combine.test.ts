// Commands of the same name from several modules (bench-data): one command that runs every part in
// module order, each with only the options it declares, refuses options no part takes, and --only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CliCommand } from '../core/module.js';
import { combineCommands } from './cli.js';

function fake(name: string, options: string[] | undefined, calls: string[][], code = 0): CliCommand {
  return {
    name,
    summary: `${name} part`,
    usage: `usage of ${name}`,
    ...(options ? { options } : {}),
    async run(args) {
      calls.push([...args]);
      return code;
    },
  };
}

const noDeps = () => Promise.reject(new Error('not needed'));

test('a name used once stays the command itself', () => {
  const one = fake('serve', undefined, []);
  assert.deepEqual(combineCommands([{ owner: 'core', command: one }]), [one]);
});

test('parts run in order, each with its own options; shared options reach both', async () => {
  const a: string[][] = [];
  const b: string[][] = [];
  const [cmd] = combineCommands([
    { owner: 'initiatives', command: fake('bench-data', ['municipalities', 'initiatives'], a) },
    { owner: 'network', command: fake('bench-data', ['municipalities', 'cases'], b) },
  ]);
  assert.equal(await cmd!.run(['--municipalities=5', '--initiatives=50', '--cases=70'], noDeps), 0);
  assert.deepEqual(a, [['--municipalities=5', '--initiatives=50']]);
  assert.deepEqual(b, [['--municipalities=5', '--cases=70']]);
  assert.match(cmd!.summary, /bench-data part; bench-data part/);
  assert.match(cmd!.usage, /\[initiatives\][\s\S]*\[network\]/);
});

test('--only picks parts; an unknown part or an option no part takes is refused before anything runs', async () => {
  const a: string[][] = [];
  const b: string[][] = [];
  const [cmd] = combineCommands([
    { owner: 'initiatives', command: fake('bench-data', ['initiatives'], a) },
    { owner: 'network', command: fake('bench-data', ['cases'], b) },
  ]);
  assert.equal(await cmd!.run(['--only=network', '--cases=3'], noDeps), 0);
  assert.deepEqual(a, []);
  assert.deepEqual(b, [['--cases=3']]);
  assert.equal(await cmd!.run(['--only=network', '--initiatives=3'], noDeps), 2, 'the option belongs to a part not picked');
  assert.equal(await cmd!.run(['--only=ledger'], noDeps), 2);
  assert.equal(await cmd!.run(['--comments=9'], noDeps), 2);
  assert.deepEqual(a, []);
  assert.equal(b.length, 1);
});

test('a failing part stops the rest and its exit code is the result', async () => {
  const b: string[][] = [];
  const [cmd] = combineCommands([
    { owner: 'initiatives', command: fake('bench-data', [], [], 3) },
    { owner: 'network', command: fake('bench-data', [], b) },
  ]);
  assert.equal(await cmd!.run([], noDeps), 3);
  assert.deepEqual(b, []);
});
