// `samskab ledger flag-overdue`: paid grants whose final report is past due become "repayment due",
// in every municipality. Run it daily from cron; running it twice flags nothing twice.
import type { CliCommand } from '../../core/module.js';
import { listMunicipalities } from '../municipalities/index.js';
import type { AppDeps } from '../../core/http/context.js';
import { todayIn } from '../../core/time/zoned-time.js';
import { flagOverdueGrantReports } from './commands/flag-overdue-grant-reports.js';
import { flagOverdue } from './ledger.grants.repository.js';

const USAGE = 'samskab ledger flag-overdue [--dry-run]';

export const ledgerCommand: CliCommand = {
  name: 'ledger',
  summary: 'flag grants whose final report is overdue as repayment due (run it daily from cron)',
  usage: [
    USAGE,
    '',
    'flag-overdue  In every municipality, marks each paid-out grant whose final report was due before',
    '              today (in the municipality\'s time zone) as "repayment due", and prints how many.',
    '              Staff opening a pool page run the same check for their municipality.',
    '              --dry-run only counts them (nothing is changed).',
  ].join('\n'),
  async run(args, getDeps) {
    const [sub, ...rest] = args;
    if (sub !== 'flag-overdue' || rest.some((a) => a !== '--dry-run')) {
      process.stderr.write(`usage: ${USAGE}\n`);
      return 2;
    }
    const dryRun = rest.includes('--dry-run');
    const deps = await getDeps();
    const municipalities = await deps.db.transaction({ municipalityId: null }, (tx) => listMunicipalities(tx));
    let total = 0;
    for (const m of municipalities) {
      const flagged = dryRun ? await countOverdue(deps, m) : (await flagOverdueGrantReports(deps.db, { id: m.id, timeZone: m.timeZone })).length;
      if (flagged > 0) process.stdout.write(`${m.slug}: ${flagged}\n`);
      total += flagged;
    }
    process.stdout.write(`${dryRun ? 'overdue reports' : 'flagged for repayment'}: ${total}\n`);
    return 0;
  },
};

async function countOverdue(deps: AppDeps, m: { id: number; timeZone: string }): Promise<number> {
  // The same update, rolled back: the count is exactly what a real run would flag now.
  let n = 0;
  await deps.db
    .transaction({ municipalityId: m.id }, async (tx) => {
      n = (await flagOverdue(tx, m.id, todayIn(new Date(), m.timeZone))).length;
      throw new DryRun();
    })
    .catch((e: unknown) => {
      if (!(e instanceof DryRun)) throw e;
    });
  return n;
}

class DryRun extends Error {}
