// Participatory budgeting. So far: the exact tally library (greedy and Method of Equal Shares
// variants), the Pabulib parser and writer, and the `samskab pb tally` command.
import type { ModuleManifest } from '../../core/module.js';
import { budgetingTexts } from './budgeting.texts.js';
import { pbUsage, runPbCli } from './budgeting.cli.js';

export { tallyRules, isRuleName, RULE_NAMES, type RuleName } from './tally/rules.js';
export { parsePb, toTallyElection } from './pabulib/pabulib.parser.js';

export const budgetingModule: ModuleManifest = {
  name: 'budgeting',
  texts: budgetingTexts,
  commands: [
    {
      name: 'pb',
      summary: 'participatory budgeting tools: tally Pabulib (.pb) files with greedy or Method of Equal Shares rules',
      usage: `samskab ${pbUsage.replace(/^Usage: /, '')}`,
      run: (args) =>
        runPbCli(args, {
          out: (text) => process.stdout.write(text + '\n'),
          err: (text) => process.stderr.write(text + '\n'),
        }),
    },
  ],
};
