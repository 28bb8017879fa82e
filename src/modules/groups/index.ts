// The groups module: local groups, associations and local councils; membership and coordinators;
// boards, activities and a discussion. Other modules use it only through here.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../core/http/context.js';
import type { ModuleManifest } from '../../core/module.js';
import { groupsTexts } from './groups.texts.js';
import { registerGroupsRoutes } from './groups.routes.js';
import { registerGroupsApi } from './groups.api.js';
import { seedGroups } from './groups.seed.js';

export type { GroupSummary, GroupKind, MembershipPolicy, MemberRole, MemberStatus, Membership } from './groups.types.js';
export type { GroupOfUser } from './groups.queries.js';
export { findGroupSummary as findGroup, listGroupsForUser, isCoordinator, listActiveMemberIds } from './groups.queries.js';
export { setGroupInitiativesProvider, type GroupInitiativesProvider, type GroupRef, type InitiativesSlot } from './groups.slots.js';
export { urls as groupUrls } from './groups.urls.js';

export const groupsModule: ModuleManifest = {
  name: 'groups',
  texts: groupsTexts,
  sections: [{ labelKey: 'groups.nav.groups', path: 'groups', order: 10 }],
  migrationsDir: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
  routes(app: Hono<AppEnv>, deps: AppDeps) {
    registerGroupsRoutes(app, deps);
    registerGroupsApi(app, deps);
  },
  seed: seedGroups,
};
