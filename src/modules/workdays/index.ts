// The workdays module: volunteer work days and recurring rounds, shifts with capacity and a waitlist,
// mixed resident and staff teams, attendance and verified hours, field reports, iCalendar feeds.
// Other modules use it only through here.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '../../core/module.js';
import { workdaysTexts } from './workdays.texts.js';
import { registerWorkdaysRoutes } from './workdays.routes.js';
import { seedWorkdays } from './workdays.seed.js';
import { remindersCommand } from './workdays.cli.js';
import { registerReportAndAdminRoutes, REPORT_UPLOAD } from './workdays.report-routes.js';

export type { HoursTotal, TotalsBy } from './workdays.repository.js';
export { hoursByInitiative, hoursByGroup, hoursByArea, hoursForMunicipality } from './workdays.queries.js';

export const workdaysModule: ModuleManifest = {
  name: 'workdays',
  texts: workdaysTexts,
  sections: [{ labelKey: 'workdays.nav.workdays', path: 'workdays', order: 30 }],
  migrationsDir: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
  routes: (app, deps) => {
    registerWorkdaysRoutes(app, deps);
    registerReportAndAdminRoutes(app, deps);
  },
  seed: seedWorkdays,
  commands: [remindersCommand],
  uploads: [REPORT_UPLOAD],
};
