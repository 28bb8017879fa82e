// The ledger module: money, double-entry, in integer øre. Service budget lines and their actual
// costs, savings agreements and signed-off savings, reinvestment pots, grant pools and payouts,
// the public money trail and exports. Other modules use it only through here.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '../../core/module.js';
import { mergeTexts } from '../../core/i18n/i18n.js';
import { ledgerTexts } from './ledger.texts.js';

export const ledgerModule: ModuleManifest = {
  name: 'ledger',
  texts: mergeTexts(ledgerTexts),
  sections: [{ labelKey: 'ledger.nav.ledger', path: 'ledger', order: 60 }],
  migrationsDir: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
};
