// Participatory-budget tally benchmark: every rule on every shared Pabulib instance, and MES-cost
// on a synthetic 10,000-voter, 100-project approval election.
//   npm run bench:pb [-- --rounds N] [-- --strict]
// Targets: the whole shared set with all rules under 10 s (first, cold round), and the synthetic
// MES-cost under 100 ms (median of repeated calls, each indexing the ballots afresh).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePb, toTallyElection } from '../src/modules/budgeting/pabulib/pabulib.parser.js';
import type { TallyElection } from '../src/modules/budgeting/tally/election.js';
import { RULE_NAMES, tallyRules, type RuleName } from '../src/modules/budgeting/tally/rules.js';

const USAGE = `Usage: npm run bench:pb -- [--rounds N] [--strict]
  --rounds N   passes over the shared set (default 2; the first, cold one is judged)
  --strict     exit 1 when a target is missed`;

const SET_TARGET_MS = 10_000;
const SYNTHETIC_TARGET_MS = 100;
const SYNTHETIC_REPEATS = 15;

const args = process.argv.slice(2);
if (args.includes('--help')) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 2;
if (!Number.isInteger(rounds) || rounds < 1) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const instancesDir = path.resolve(repoRoot, '../shared/data/pabulib/instances');
const log = (line: string) => process.stdout.write(`${line}\n`);
const ms = (value: number) => value.toFixed(value < 10 ? 1 : 0);
// CPU time of this process beside wall time: on a shared machine it shows what waiting added.
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

log(`load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs (timings on a shared machine vary)`);

const parseStart = performance.now();
const instances = fs
  .readdirSync(instancesDir)
  .filter((name) => name.endsWith('.pb'))
  .sort()
  .map((file) => {
    const parsed = parsePb(fs.readFileSync(path.join(instancesDir, file), 'utf8'), file);
    if (!parsed.ok) throw new Error(`${file}:${parsed.error.line}: ${parsed.error.message}`);
    return { file, election: toTallyElection(parsed.value) };
  });
log(`parsed ${instances.length} instances in ${ms(performance.now() - parseStart)} ms`);

function timeRule(rule: RuleName, election: TallyElection): number {
  const start = performance.now();
  const result = tallyRules[rule](election);
  const elapsed = performance.now() - start;
  if (!result.ok) throw new Error(result.detail.message);
  return elapsed;
}

let coldTotal = 0;
for (let round = 1; round <= rounds; round++) {
  const cpuStart = cpuMs();
  const perRule = RULE_NAMES.map((rule) => ({ rule, total: 0, slowest: { file: '', ms: -1 } }));
  for (const { file, election } of instances) {
    for (const entry of perRule) {
      const elapsed = timeRule(entry.rule, election);
      entry.total += elapsed;
      if (elapsed > entry.slowest.ms) entry.slowest = { file, ms: elapsed };
    }
  }
  const total = perRule.reduce((sum, entry) => sum + entry.total, 0);
  const cpu = cpuMs() - cpuStart;
  if (round === 1) coldTotal = total;
  log('');
  log(`round ${round}${round === 1 ? ' (cold)' : ''}: all ${RULE_NAMES.length} rules on all instances in ${ms(total)} ms (cpu ${ms(cpu)} ms)`);
  const width = Math.max(...RULE_NAMES.map((rule) => rule.length));
  for (const { rule, total: ruleTotal, slowest } of perRule) {
    log(`  ${rule.padEnd(width)}  ${ms(ruleTotal).padStart(6)} ms   slowest ${ms(slowest.ms).padStart(5)} ms  ${slowest.file}`);
  }
}

/** Mulberry32, seeded: the same synthetic election on every run and machine. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** 100 projects costing 10,000-500,000; voters approve 1-10 of them, popular ones more often. */
function syntheticElection(voters: number, projects: number, seed: number): TallyElection {
  const random = prng(seed);
  const ids = Array.from({ length: projects }, (_, p) => `p${p}`);
  return {
    budget: 5_000_000n,
    projects: ids.map((id) => ({ id, cost: BigInt(10_000 + Math.floor(random() * 490_000)) })),
    ballots: Array.from({ length: voters }, () => {
      const size = 1 + Math.floor(random() * 10);
      const ballot = new Set<string>();
      while (ballot.size < size) ballot.add(ids[Math.floor(random() ** 1.5 * projects)]!);
      return [...ballot];
    }),
  };
}

const synthetic = syntheticElection(10_000, 100, 2024);
const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const times: number[] = [];
const cpuTimes: number[] = [];
for (let repeat = 0; repeat < SYNTHETIC_REPEATS; repeat++) {
  const cpuStart = cpuMs();
  times.push(timeRule('mes-cost', synthetic));
  cpuTimes.push(cpuMs() - cpuStart);
}
const median = middle(times);
const check = tallyRules['mes-cost'](synthetic);
const funded = check.ok ? check.value.selected.length : 0;
log('');
log(`synthetic mes-cost, 10000 voters x 100 projects (${funded} funded): first ${ms(times[0]!)} ms, median of ${SYNTHETIC_REPEATS} ${ms(median)} ms, fastest ${ms(Math.min(...times))} ms`);
log(`  cpu: first ${ms(cpuTimes[0]!)} ms, median ${ms(middle(cpuTimes))} ms`);

const setMet = coldTotal < SET_TARGET_MS;
const syntheticMet = median < SYNTHETIC_TARGET_MS;
log('');
log(`target: shared set, all rules < ${SET_TARGET_MS / 1000} s: ${setMet ? 'met' : 'NOT met'} (${ms(coldTotal)} ms)`);
log(`target: synthetic mes-cost < ${SYNTHETIC_TARGET_MS} ms: ${syntheticMet ? 'met' : 'NOT met'} (median ${ms(median)} ms)`);
if (args.includes('--strict') && !(setMet && syntheticMet)) process.exitCode = 1;
