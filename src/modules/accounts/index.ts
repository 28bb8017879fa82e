// The accounts module: people, sign-in, sessions, profiles and roles. Other modules use it only through here.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '../../core/module.js';
import { accountsTexts } from './accounts.texts.js';
import { registerAccountsRoutes } from './accounts.routes.js';
import { seedAccounts } from './accounts.seed.js';
import { createSessionResolver } from './sessions.js';

export type { User, StaffMember, NetworkMember } from './accounts.types.js';
export type { Person } from './accounts.people.js';
export { peopleByIds, displayNames, findPersonByEmail } from './accounts.people.js';
export { canManageStaff, canManageNetwork } from './accounts.policy.js';
export { listNetworkMembers } from './accounts.repository.js';
import { settleAccountMail } from './accounts.mail.js';
export { settleAccountMail };

export const accountsModule: ModuleManifest = {
  name: 'accounts',
  texts: accountsTexts,
  migrationsDir: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
  routes: registerAccountsRoutes,
  seed: seedAccounts,
  sessionResolver: createSessionResolver,
  stop: settleAccountMail,
};
