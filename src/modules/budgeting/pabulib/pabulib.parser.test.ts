import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { formatAmount, parsePb, toTallyElection, type PbElection } from './pabulib.parser.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const dataDir = path.resolve(repoRoot, '../shared/data/pabulib');

function parsed(text: string): PbElection {
  const result = parsePb(text, 'test.pb');
  assert.ok(result.ok, result.ok ? '' : `${result.error.line}: ${result.error.message}`);
  return result.value;
}

const lines = (...rows: string[]) => `${rows.join('\n')}\n`;

const small = lines(
  'META',
  'key;value',
  'description;Small test',
  'budget;1000',
  'vote_type;cumulative',
  'PROJECTS',
  'project_id;name;cost;votes',
  '1;"Park; benches and ""green"" paths";600;2',
  'M/02/X;Library;400;1',
  'VOTES',
  'voter_id;age;vote;points',
  'v1;34;1,M/02/X;3,2',
  'v2;None;1;5',
);

test('a well-formed file becomes typed meta, projects and votes, other columns kept by name', () => {
  const election = parsed(small);
  assert.equal(election.meta.budget, 1000n);
  assert.equal(election.meta.voteType, 'cumulative');
  assert.deepEqual(election.meta.other, [['description', 'Small test']]);
  assert.equal(election.decimals, 0);
  assert.deepEqual(election.projectColumns, ['name', 'votes']);
  assert.deepEqual(election.projects, [
    { id: '1', cost: 600n, extra: ['Park; benches and "green" paths', '2'] },
    { id: 'M/02/X', cost: 400n, extra: ['Library', '1'] },
  ]);
  assert.deepEqual(election.voteColumns, ['age']);
  assert.deepEqual(election.votes, [
    { voterId: 'v1', projects: ['1', 'M/02/X'], points: [3, 2], extra: ['34'] },
    { voterId: 'v2', projects: ['1'], points: [5], extra: ['None'] },
  ]);
});

test('BOM, CRLF, blank lines, padded fields and section titles in any case are tolerated', () => {
  const text = `\uFEFF${small.replaceAll('\n', '\r\n').replace('PROJECTS', '\r\n  projects  ').replace('v2;', ' v2 ; ')}\r\n\r\n`;
  assert.deepEqual(parsed(text), parsed(small));
});

test('a quoted field may span lines; errors after it still name the right line', () => {
  const text = small.replace('Library', '"Library\nof things"').replace('v2;None;1;5', 'v2;None;1;x');
  const result = parsePb(text, 'multi.pb');
  assert.ok(!result.ok);
  assert.deepEqual(result.error, { file: 'multi.pb', line: 14, message: 'points value "x" is not a whole number' });
  assert.equal(parsed(small.replace('Library', '"Library\nof things"')).projects[1]!.extra[0], 'Library\nof things');
});

test('decimal amounts with a dot or a comma stay exact, all scaled to the most decimals used', () => {
  const election = parsed(small.replace('budget;1000', 'budget;1000,50').replace(';600;', ';600.125;').replace(';400;', ';400.0;'));
  assert.equal(election.decimals, 3);
  assert.equal(election.meta.budget, 1000500n);
  assert.deepEqual(election.projects.map((p) => p.cost), [600125n, 400000n]);
  assert.equal(formatAmount(election.meta.budget, election.decimals), '1000.5');
  assert.equal(toTallyElection(election).currencyUnit, 1000n);
  // Trailing zeros add no decimals: Toulouse writes 400000.0.
  assert.equal(parsed(small.replace('budget;1000', 'budget;1000.00')).decimals, 0);
});

test('a project listed twice in one vote counts once, keeping its first place and points', () => {
  const election = parsed(small.replace('v1;34;1,M/02/X;3,2', 'v1;34;M/02/X,1,M/02/X;3,2,1'));
  assert.deepEqual(election.votes[0], { voterId: 'v1', projects: ['M/02/X', '1'], points: [3, 2], extra: ['34'] });
});

test('an empty or None vote is a voter who chose nothing, and still counts', () => {
  const election = parsed(small.replace('v2;None;1;5', 'v2;None;;').replace('VOTES\nvoter_id;age;vote;points', 'VOTES\nvoter_id;age;vote;points\nv0;1;None;None'));
  assert.deepEqual(election.votes.map((v) => v.projects), [[], ['1', 'M/02/X'], []]);
  assert.equal(toTallyElection(election).ballots.length, 3);
});

test('malformed input is an error naming the line and the problem, never an exception', () => {
  const cases: [string, number, RegExp][] = [
    [small.replace('META\n', ''), 1, /META section title before any data/],
    [small.replace('PROJECTS\n', 'VOTES\n'), 6, /section VOTES found where PROJECTS was expected/],
    [small.replace(/VOTES[^]*$/, ''), 9, /missing section VOTES/],
    ['\n\n', 1, /missing section META, PROJECTS, VOTES/],
    [`${small}META\n`, 14, /section META found after VOTES/],
    [small.replace('key;value', 'k;v'), 2, /META header must be key;value/],
    [small.replace('budget;1000\n', ''), 1, /META has no budget/],
    [small.replace('vote_type;cumulative', 'vote_type;knapsack'), 5, /vote_type "knapsack"/],
    [small.replace('description;Small test', 'budget;5'), 4, /META key "budget" appears twice/],
    [small.replace('budget;1000', 'budget;1 000'), 4, /budget "1 000" is not a non-negative decimal amount/],
    [small.replace('project_id;name;cost', 'project_id;name;price'), 7, /lacks required column cost/],
    [small.replace('voter_id;age;vote;points', 'voter_id;age;vote;extra'), 11, /lacks required column points/],
    [small.replace('project_id;name', 'project_id;cost'), 7, /two columns named "cost"/],
    [small.replace('M/02/X;Library', '1;Library'), 9, /project_id "1" appears twice/],
    [small.replace('v2;None', 'v1;None'), 13, /voter_id "v1" appears twice/],
    [small.replace('v2;None;1;5', 'v2;None;7;5'), 13, /vote lists project "7", which is not in PROJECTS/],
    [small.replace('v2;None;1;5', 'v2;None;1,;5'), 13, /empty project id/],
    [small.replace(';600;', ';six hundred;'), 8, /cost of project 1 "six hundred"/],
    [small.replace(';600;', ';-600;'), 8, /not a non-negative decimal amount/],
    [small.replace(';600;', ';1e9;'), 8, /not a non-negative decimal amount/],
    [small.replace(';600;', ';1234567890123456789;'), 8, /too large/],
    [small.replace(';600;', ';0.0000000001;'), 8, /more than 9 decimals/],
    [small.replace(';600;', ';None;'), 8, /cost of project 1 is missing/],
    [small.replace('v2;None;1;5', 'v2;None;1;2,5'), 13, /2 points for 1 projects/],
    [small.replace('v2;None;1;5', 'v2;None;1;2.5'), 13, /"2.5" is not a whole number/],
    [small.replace('v2;None;1;5', 'v2;None;1;99999999999999999999'), 13, /too large/],
    [small.replace('M/02/X;Library;400', 'M,02;Library;400').replace(',M/02/X', ''), 9, /contains a comma/],
    [small.replace('M/02/X;Library;400;1', 'M/02/X;Library;400'), 9, /PROJECTS row has 3 fields, the header has 4/],
    [small.replace('paths"', 'paths'), 8, /a quoted field is never closed/],
    [small.replace('paths";600', 'paths" x;600'), 8, /unexpected text after a closing quote/],
    [small.replace('v2;None;1;5', ';None;1;5'), 13, /voter_id is missing/],
  ];
  for (const [text, line, message] of cases) {
    const result = parsePb(text, 'bad.pb');
    assert.ok(!result.ok, `expected an error matching ${message}`);
    assert.equal(result.error.file, 'bad.pb');
    assert.match(result.error.message, message);
    assert.equal(result.error.line, line, result.error.message);
  }
});

test('property: no input makes the parser throw', () => {
  const fragments = fc.constantFrom('META', 'PROJECTS', 'VOTES', 'key;value', 'budget;10', 'vote_type;approval', 'project_id;cost', 'voter_id;vote', '1;5', 'a;1', '"', ';', ',', '\n', '\r\n', '\uFEFF', 'None', '1,2', ' ');
  fc.assert(
    fc.property(fc.array(fc.oneof(fragments, fc.string()), { maxLength: 40 }), (parts) => {
      const result = parsePb(parts.join(''), 'random.pb');
      assert.equal(typeof result.ok, 'boolean');
    }),
    { numRuns: 2000 },
  );
});

test('every shared instance parses, with the project and voter counts Pabulib lists', () => {
  const sources = JSON.parse(fs.readFileSync(path.join(dataDir, 'sources.json'), 'utf8')) as Record<string, { projects: number; voters: number; vote_type: string }>;
  for (const [file, source] of Object.entries(sources)) {
    const result = parsePb(fs.readFileSync(path.join(dataDir, 'instances', file), 'utf8'), file);
    assert.ok(result.ok, result.ok ? '' : `${file}:${result.error.line}: ${result.error.message}`);
    assert.equal(result.value.projects.length, source.projects, file);
    assert.equal(result.value.votes.length, source.voters, file);
    assert.equal(result.value.meta.voteType, source.vote_type, file);
  }
});
