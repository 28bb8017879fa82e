// `samskab workdays reminders`: the e-mail the day before a shift. Run it from cron (e.g. hourly).
import type { CliCommand } from '../../core/module.js';
import { sendReminders } from './workdays.mail.js';

export const remindersCommand: CliCommand = {
  name: 'workdays',
  summary: 'send the reminder e-mail for shifts starting within the next day (run it from cron, e.g. hourly)',
  usage: [
    'samskab workdays reminders [--dry-run] [--hours=N]',
    '',
    'E-mails everyone with a confirmed place on a shift that starts within the next N hours (default 24)',
    'and has not been reminded yet, in every municipality, with a single-use "can\'t come" link.',
    'Each reminder is marked as sent in the same transaction that finds it, so running the command',
    'again (or from two machines at once) never sends a reminder twice. --dry-run only counts them.',
  ].join('\n'),
  async run(args, getDeps) {
    const [sub, ...rest] = args;
    if (sub !== 'reminders') {
      process.stderr.write('usage: samskab workdays reminders [--dry-run] [--hours=N]\n');
      return 2;
    }
    const hoursArg = rest.find((a) => a.startsWith('--hours='));
    const hours = hoursArg ? Number(hoursArg.slice('--hours='.length)) : 24;
    if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 7) {
      process.stderr.write('--hours must be a number of hours between 0 and 168\n');
      return 2;
    }
    const deps = await getDeps();
    const sent = await sendReminders(deps, { hours, dryRun: rest.includes('--dry-run') });
    process.stdout.write(`${rest.includes('--dry-run') ? 'reminders due' : 'reminders sent'}: ${sent}\n`);
    return 0;
  },
};
