// The initiatives module: citizen initiatives from idea to evaluated result, with supports, follows,
// comments, the co-production agreement and the facilitator workspace. Other modules use it only through here.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '../../core/module.js';
import { initiativesTexts } from './initiatives.texts.js';
import { registerInitiativesRoutes } from './initiatives.routes.js';
import { registerInitiativesApi } from './initiatives.api.js';
import { seedInitiatives } from './initiatives.seed.js';
import { benchDataCommand } from './initiatives.bench-data.js';

export type { State } from './initiatives.lifecycle.js';
export { states } from './initiatives.lifecycle.js';
export type { InitiativeSummary } from './initiatives.types.js';
export { hasApprovedInitiative } from './initiatives.backers.js';

export const initiativesModule: ModuleManifest = {
  name: 'initiatives',
  texts: initiativesTexts,
  sections: [{ labelKey: 'initiatives.nav.list', path: 'initiatives', order: 20 }],
  migrationsDir: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
  routes(app, deps) {
    registerInitiativesRoutes(app, deps);
    registerInitiativesApi(app, deps);
  },
  seed: seedInitiatives,
  commands: [benchDataCommand],
};
