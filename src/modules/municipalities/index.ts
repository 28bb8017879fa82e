// The municipalities module: tenants, local areas and themes. Other modules use it only through here.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '../../core/module.js';
import { municipalitiesTexts } from './municipalities.texts.js';
import { registerMunicipalitiesRoutes } from './municipalities.routes.js';
import { seedMunicipalities } from './municipalities.seed.js';

export type { Municipality, Area, Theme, AreaKind, Boundary } from './municipalities.types.js';
export { areaKinds } from './municipalities.types.js';
export { loadMunicipality, getAreasAndThemes } from './municipalities.queries.js';
export { listMunicipalities, listAreas, listThemes } from './municipalities.repository.js';

export const municipalitiesModule: ModuleManifest = {
  name: 'municipalities',
  texts: municipalitiesTexts,
  migrationsDir: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
  routes: registerMunicipalitiesRoutes,
  seed: seedMunicipalities,
};
