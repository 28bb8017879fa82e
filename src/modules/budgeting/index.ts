// Participatory budgeting: processes with phases and frozen rules, projects and review, ballots
// (approval, knapsack, cumulative, ranked), results with explanations and exports; the exact tally
// library, the Pabulib parser and writer, and the `samskab pb tally` and `pb import` commands.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Executor } from '../../core/db/database.js';
import type { ModuleManifest } from '../../core/module.js';
import { listProcesses } from './budgeting.repository.js';
import { budgetingTexts } from './budgeting.texts.js';
import { pbUsage, runPbCli } from './budgeting.cli.js';
import { PROJECT_UPLOAD, registerBudgetingRoutes } from './budgeting.routes.js';
import { seedBudgeting } from './budgeting.seed.js';

export { tallyRules, isRuleName, RULE_NAMES, type RuleName } from './tally/rules.js';
export { parsePb, toTallyElection } from './pabulib/pabulib.parser.js';

/** Processes as id, title and envelope for other modules' pickers (the ledger's participatory-budget envelopes), newest first. */
export async function listProcessesForSelect(e: Executor, municipalityId: number): Promise<{ id: number; title: string; budgetOre: bigint }[]> {
  return (await listProcesses(e, municipalityId)).map((p) => ({ id: p.id, title: p.title, budgetOre: p.budgetOre }));
}

export const budgetingModule: ModuleManifest = {
  name: 'budgeting',
  texts: budgetingTexts,
  sections: [{ labelKey: 'budgeting.title', path: 'budgets', order: 50 }],
  migrationsDir: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
  routes: registerBudgetingRoutes,
  seed: seedBudgeting,
  uploads: [PROJECT_UPLOAD],
  commands: [
    {
      name: 'pb',
      summary: 'participatory budgeting tools: tally Pabulib (.pb) files with greedy or Method of Equal Shares rules, import one as a finished process',
      usage: `samskab ${pbUsage.replace(/^Usage: /, '')}`,
      run: (args, getDeps) =>
        runPbCli(
          args,
          {
            out: (text) => process.stdout.write(text + '\n'),
            err: (text) => process.stderr.write(text + '\n'),
          },
          getDeps,
        ),
    },
  ],
};
