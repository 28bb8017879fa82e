// The network module: the municipalities' practice library (cases with evidence), adoption of a
// practice into another municipality with its lineage, search across the network, seasons and
// meetings, the member directory and the comparison of member municipalities.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '../../core/module.js';
import { mergeTexts } from '../../core/i18n/i18n.js';
import { networkTexts } from './network.texts.js';
import { registerLibraryRoutes } from './network.library.routes.js';
import { seedNetwork } from './network.seed.js';
import { networkLibraryCommand } from './network.cli.js';
import { networkMeetingsTexts } from './network.meetings.texts.js';
import { registerMeetingsRoutes } from './network.meetings.routes.js';
import { seedNetworkMeetings } from './network.meetings.seed.js';
import { networkSearchTexts } from './network.search.texts.js';
import { registerSearchRoutes } from './network.search.routes.js';
import { networkBenchDataCommand } from './network.bench-data.js';

export const networkModule: ModuleManifest = {
  name: 'network',
  texts: mergeTexts(networkTexts, networkMeetingsTexts, networkSearchTexts),
  migrationsDir: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
  routes: (app, deps) => {
    registerLibraryRoutes(app, deps);
    registerMeetingsRoutes(app, deps);
    registerSearchRoutes(app, deps);
  },
  // The practice library's cases are seeded before the meetings, which link to them.
  seed: async (deps, log) => {
    await seedNetwork(deps, log);
    await seedNetworkMeetings(deps, log);
  },
  commands: [networkBenchDataCommand, networkLibraryCommand],
};
