// The modules of this installation, in dependency order: a module's migrations may reference only
// tables of modules listed before it.
import type { ModuleManifest } from './core/module.js';
import { municipalitiesModule } from './modules/municipalities/index.js';
import { accountsModule } from './modules/accounts/index.js';
import { notificationsModule } from './modules/notifications/index.js';
import { groupsModule } from './modules/groups/index.js';
import { initiativesModule } from './modules/initiatives/index.js';
import { workdaysModule } from './modules/workdays/index.js';
import { facilitiesModule } from './modules/facilities/index.js';
import { budgetingModule } from './modules/budgeting/index.js';
import { ledgerModule } from './modules/ledger/index.js';
import { networkModule } from './modules/network/index.js';

export const appModules: ModuleManifest[] = [municipalitiesModule, accountsModule, notificationsModule, groupsModule, initiativesModule, facilitiesModule, workdaysModule, budgetingModule, ledgerModule, networkModule];
