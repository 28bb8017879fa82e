// Every rule on every real election in shared/data/pabulib, against the reference outcomes in its
// expected.json (selected ids sorted as strings, total cost as a decimal string). Entries marked
// "tie" had two projects with exactly equal priority in some round; the reference broke those
// ties by the README's rules, which the rules here implement, so they must match too.
// A missing rule entry (Add1 needing thousands of raises) is still run, and must stay in budget.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { formatAmount, parsePb, toTallyElection } from '../pabulib/pabulib.parser.js';
import { compareIds } from './election.js';
import { RULE_NAMES, tallyRules } from './rules.js';

// In CI the repo is cloned elsewhere with shared/ beside it, so find it from this file.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const dataDir = path.resolve(repoRoot, '../shared/data/pabulib');

interface Expected {
  readonly selected: readonly string[];
  readonly cost: string;
  readonly tie?: boolean;
}

const expected = JSON.parse(fs.readFileSync(path.join(dataDir, 'expected.json'), 'utf8')) as Record<string, Partial<Record<string, Expected>>>;
const files = fs.readdirSync(path.join(dataDir, 'instances')).filter((name) => name.endsWith('.pb')).sort();

test('every instance has reference outcomes and every reference has its instance', () => {
  assert.ok(files.length > 0);
  assert.deepEqual(Object.keys(expected).sort(), files);
});

let compared = 0;
let matched = 0;

for (const file of files) {
  test(file, async (t) => {
    const parsed = parsePb(fs.readFileSync(path.join(dataDir, 'instances', file), 'utf8'), file);
    assert.ok(parsed.ok, parsed.ok ? '' : `${parsed.error.line}: ${parsed.error.message}`);
    const election = toTallyElection(parsed.value);
    for (const rule of RULE_NAMES) {
      await t.test(rule, () => {
        const result = tallyRules[rule](election);
        assert.ok(result.ok);
        const outcome = result.value;
        assert.ok(outcome.totalCost <= election.budget);
        const reference = expected[file]?.[rule];
        if (reference === undefined) return;
        compared += 1;
        assert.deepEqual(
          { selected: [...outcome.selected].sort(compareIds), cost: formatAmount(outcome.totalCost, parsed.value.decimals) },
          { selected: reference.selected, cost: reference.cost },
          reference.tie ? 'an outcome that depends on the README tie rule' : undefined,
        );
        matched += 1;
      });
    }
  });
}

test('all reference outcomes compared and matched', () => {
  const total = Object.values(expected).reduce((sum, rules) => sum + Object.keys(rules).length, 0);
  assert.equal(compared, total);
  assert.equal(matched, total);
});
