// The ledger module: money, double-entry, in integer øre. Service budget lines and their actual
// costs, savings agreements and signed-off savings, reinvestment pots, grant pools and payouts,
// the public money trail and exports. Other modules use it only through here.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '../../core/module.js';
import { mergeTexts } from '../../core/i18n/i18n.js';
import { ledgerTexts } from './ledger.texts.js';
import { ledgerGrantsTexts } from './ledger.grants.texts.js';
import { GRANT_REPORT_UPLOAD, registerGrantRoutes } from './ledger.grants.routes.js';
import { ledgerCommand } from './ledger.grants.cli.js';
import { seedLedgerGrants } from './ledger.grants.seed.js';
import { registerLedgerRoutes } from './ledger.routes.js';
import { seedLedger } from './ledger.seed.js';
import { ledgerSavingsTexts } from './ledger.savings.texts.js';
import { registerSavingsRoutes } from './ledger.savings.routes.js';
import { seedSavings } from './ledger.savings.seed.js';

export { initiativeMoneyFacts, initiativesMoneyFacts, type InitiativeMoneyFacts } from './ledger.facts.js';

export const ledgerModule: ModuleManifest = {
  name: 'ledger',
  texts: mergeTexts(ledgerTexts, ledgerGrantsTexts, ledgerSavingsTexts),
  sections: [{ labelKey: 'ledger.nav.ledger', path: 'ledger', order: 60 }],
  migrationsDir: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
  routes: (app, deps) => {
    registerLedgerRoutes(app, deps);
    registerGrantRoutes(app, deps);
    registerSavingsRoutes(app, deps);
  },
  commands: [ledgerCommand],
  uploads: [GRANT_REPORT_UPLOAD],
  seed: async (deps, log) => {
    await seedLedger(deps, log);
    await seedLedgerGrants(deps, log);
    await seedSavings(deps, log);
  },
};
