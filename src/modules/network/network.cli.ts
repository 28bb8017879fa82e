// `samskab network refresh-evidence`: recomputes every case's measured evidence (volunteer hours,
// participants, signed-off savings, money reinvested) from live platform data, e.g. nightly from cron.
import type { CliCommand } from '../../core/module.js';
import { refreshAllEvidence } from './network.evidence.js';

export const networkLibraryCommand: CliCommand = {
  name: 'network',
  summary: 'practice library maintenance: refresh the measured evidence of every case (run it nightly from cron)',
  usage: [
    'samskab network refresh-evidence',
    '',
    'Recomputes the "measured on Samskab" figures of every case published from an initiative, one',
    'municipality at a time, from verified work-day hours and the ledger. Exit code 0 on success.',
  ].join('\n'),
  async run(args, getDeps) {
    if (args[0] !== 'refresh-evidence') {
      process.stderr.write('usage: samskab network refresh-evidence\n');
      return 2;
    }
    const deps = await getDeps();
    const n = await refreshAllEvidence(deps.db, (line) => process.stdout.write(`${line}\n`));
    process.stdout.write(`refreshed evidence of ${n} case(s)\n`);
    return 0;
  },
};
