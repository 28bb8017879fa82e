// The notifications module: in-app notifications and e-mail (immediately, as a daily digest, or never).
// Other modules call `notify` inside the transaction of the change they report, then
// `deliverInBackground` after it commits.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '../../core/module.js';
import { notificationsTexts } from './notifications.texts.js';
import { registerNotificationsRoutes } from './notifications.routes.js';
import { sendDueDigests, settleNotifications } from './notifications.service.js';

export { notify, deliverPending, deliverInBackground, settleNotifications, sendDueDigests, type NotifyInput } from './notifications.service.js';
export { discardPendingEmail } from './notifications.repository.js';
export type { EmailFrequency, NotificationParams } from './notifications.repository.js';

export const notificationsModule: ModuleManifest = {
  name: 'notifications',
  texts: notificationsTexts,
  migrationsDir: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
  routes: registerNotificationsRoutes,
  stop: settleNotifications,
  commands: [
    {
      name: 'notifications',
      summary: 'send due daily e-mail digests of notifications (run it from cron, e.g. every hour)',
      usage: [
        'samskab notifications digest [--dry-run] [--min-hours=N]',
        '',
        'Sends one e-mail to each person who chose "daily digest" and has unsent notifications, if their',
        'last digest went out at least N hours ago (default 23, so an hourly or daily cron job sends at',
        'most one a day). Everything waiting, from every municipality, goes into that one e-mail.',
        'People who changed their setting to "never" have their waiting notifications dropped from e-mail.',
        '--dry-run only lists who would get a digest. Exit code 0 on success.',
      ].join('\n'),
      async run(args, getDeps) {
        const [sub, ...rest] = args;
        if (sub !== 'digest') {
          process.stderr.write('usage: samskab notifications digest [--dry-run] [--min-hours=N]\n');
          return 2;
        }
        const minArg = rest.find((a) => a.startsWith('--min-hours='));
        const minHours = minArg ? Number(minArg.slice('--min-hours='.length)) : 23;
        if (!Number.isFinite(minHours) || minHours < 0) {
          process.stderr.write('--min-hours must be a number of hours\n');
          return 2;
        }
        const deps = await getDeps();
        const report = await sendDueDigests(deps, { minHours, dryRun: rest.includes('--dry-run'), log: (line) => process.stdout.write(`${line}\n`) });
        process.stdout.write(`digests sent: ${report.people} (${report.notifications} notifications)\n`);
        return 0;
      },
    },
  ],
};
