import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { tallyRules } from '../tally/rules.js';
import { parsePb, toTallyElection, type PbElection } from './pabulib.parser.js';
import { writePb } from './pabulib.writer.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const instancesDir = path.resolve(repoRoot, '../shared/data/pabulib/instances');

function parsed(text: string): PbElection {
  const result = parsePb(text, 'test.pb');
  assert.ok(result.ok, result.ok ? '' : `${result.error.line}: ${result.error.message}`);
  return result.value;
}

const tricky: PbElection = {
  meta: {
    budget: 1234567n,
    voteType: 'cumulative',
    other: [
      ['description', 'Names with ; and "quotes"'],
      ['comment', 'two\nlines'],
    ],
  },
  decimals: 2,
  projectColumns: ['name', 'selected'],
  projects: [
    { id: 'M/01/X', cost: 50005n, extra: ['Bench; "green"', '1'] },
    { id: 'p 2', cost: 0n, extra: ['', 'None'] },
  ],
  voteColumns: ['age'],
  votes: [
    { voterId: 'a;1', projects: ['p 2', 'M/01/X'], points: [4, 1], extra: ['34'] },
    { voterId: 'b', projects: [], points: [], extra: ['None'] },
  ],
};

test('a written election parses back to the same election, quotes, decimals and all', () => {
  assert.deepEqual(parsed(writePb(tricky)), tricky);
  assert.match(writePb(tricky), /^budget;12345\.67$/m);
});

test('every shared instance survives parse → write → parse unchanged', () => {
  for (const file of fs.readdirSync(instancesDir).filter((name) => name.endsWith('.pb'))) {
    const original = parsed(fs.readFileSync(path.join(instancesDir, file), 'utf8'));
    assert.deepEqual(parsed(writePb(original)), original, file);
  }
});

const text = fc.string({ maxLength: 12 }).map((s) => s.trim());
const electionArbitrary = fc
  .record({
    decimals: fc.integer({ min: 0, max: 3 }),
    costs: fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 5 }),
    names: fc.array(text, { minLength: 5, maxLength: 5 }),
    voters: fc.array(fc.record({ picks: fc.uniqueArray(fc.nat(4), { maxLength: 4 }), age: text }), { maxLength: 6 }),
    description: text,
  })
  .map(({ decimals, costs, names, voters, description }): PbElection => {
    // decimals is, by definition, the most any amount uses: make the budget use exactly that many.
    const budget = 10n ** BigInt(decimals + 6) + (decimals > 0 ? 1n : 0n);
    const ids = costs.map((_, p) => `id ${p};"${p}"`);
    return {
      meta: { budget, voteType: 'approval', other: [['description', description]] },
      decimals,
      projectColumns: ['name'],
      projects: costs.map((cost, p) => ({ id: ids[p]!, cost, extra: [names[p]!] })),
      voteColumns: ['age'],
      votes: voters.map(({ picks, age }, v) => ({ voterId: `v${v}`, projects: picks.filter((p) => p < costs.length).map((p) => ids[p]!), extra: [age] })),
    };
  });

test('property: any election round-trips', () => {
  fc.assert(
    fc.property(electionArbitrary, (election) => {
      assert.deepEqual(parsed(writePb(election)), election);
    }),
    { numRuns: 300 },
  );
});

test('anonymising renumbers voters in a seeded shuffle and drops per-voter columns, keeping every vote', () => {
  const election = parsed(fs.readFileSync(path.join(instancesDir, 'Poland_Czestochowa_2020_Bleszno.pb'), 'utf8'));
  const first = writePb(election, { anonymise: true, seed: 7 });
  assert.equal(writePb(election, { anonymise: true, seed: 7 }), first);
  assert.notEqual(writePb(election, { anonymise: true, seed: 8 }), first);

  const anonymous = parsed(first);
  assert.deepEqual(anonymous.voteColumns, []);
  assert.deepEqual(anonymous.votes.map((vote) => vote.voterId), election.votes.map((_, i) => String(i + 1)));
  const ballots = (e: PbElection) => e.votes.map((vote) => `${vote.projects.join(',')}|${vote.points?.join(',')}`).sort();
  assert.deepEqual(ballots(anonymous), ballots(election));
  assert.notDeepEqual(
    anonymous.votes.map((vote) => vote.projects),
    election.votes.map((vote) => vote.projects),
    'the order of the votes is shuffled',
  );
  assert.deepEqual({ ...anonymous, votes: [], voteColumns: [] }, { ...election, votes: [], voteColumns: [] });

  const outcome = (e: PbElection) => {
    const result = tallyRules['mes-cost'](toTallyElection(e));
    assert.ok(result.ok);
    return [...result.value.selected].sort();
  };
  assert.deepEqual(outcome(anonymous), outcome(election));
});

test('an id with a comma cannot be written as a vote, so writing refuses it', () => {
  const election: PbElection = { ...tricky, projects: [{ id: 'a,b', cost: 1n, extra: ['', ''] }], votes: [] };
  assert.throws(() => writePb(election), RangeError);
});
