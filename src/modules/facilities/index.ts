// The facilities module: rooms and equipment, opening hours, bookings that never overlap, approval,
// seasonal allocation, iCalendar feeds and day sheets. Other modules use it only through here.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '../../core/module.js';
import { facilitiesTexts } from './facilities.texts.js';
import { registerFacilitiesRoutes } from './facilities.routes.js';
import { registerFacilitiesApi } from './facilities.api.js';
import { seedFacilities } from './facilities.seed.js';

export type { Facility, Booking, BookingStatus, FacilityKind } from './facilities.types.js';

export const facilitiesModule: ModuleManifest = {
  name: 'facilities',
  texts: facilitiesTexts,
  sections: [{ labelKey: 'facilities.nav.list', path: 'facilities', order: 40 }],
  migrationsDir: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
  routes(app, deps) {
    registerFacilitiesRoutes(app, deps);
    registerFacilitiesApi(app, deps);
  },
  seed: seedFacilities,
};
