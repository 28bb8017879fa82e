// The initiatives module: citizen initiatives from idea to evaluated result, with supports, follows,
// comments, the co-production agreement and the facilitator workspace. Other modules use it only through here.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';
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
export { listInitiativesForOwnerSelect, isInitiativeMember, findInitiativeTitle, type InitiativeOption } from './initiatives.organisers.js';
export { initiativeForPractice, initiativeHeadlines, listInitiativeHeadlines, createDraftInitiativeFromPractice, type InitiativeForPractice, type InitiativeHeadline, type DraftFromPractice } from './initiatives.practice.js';
export { setInitiativeAsideProvider, type InitiativeAside, type InitiativeAsideProvider, type InitiativeSlotRef } from './initiatives.slots.js';

/** Initiatives as id and title for other modules' pickers and labels (e.g. the ledger's agreements), by title. */
export async function listInitiativesForSelect(e: Executor, municipalityId: number): Promise<{ id: number; title: string; lang: 'da' | 'en' }[]> {
  const r = await sql<{ id: number; title: string; lang: 'da' | 'en' }>`select id, title, lang from initiatives where municipality_id = ${municipalityId} order by title, id`.execute(e);
  return r.rows;
}

/** How many of the municipality's initiatives are in the given state (e.g. 'active', for the network's comparison). */
export async function countInitiativesInState(e: Executor, municipalityId: number, state: import('./initiatives.lifecycle.js').State): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from initiatives where municipality_id = ${municipalityId} and state = ${state}`.execute(e);
  return Number(r.rows[0]?.n ?? 0);
}

/** One initiative's id and title, or null if the municipality has no such initiative. */
export async function findInitiativeRef(e: Executor, municipalityId: number, id: number): Promise<{ id: number; title: string; lang: 'da' | 'en' } | null> {
  const r = await sql<{ id: number; title: string; lang: 'da' | 'en' }>`select id, title, lang from initiatives where municipality_id = ${municipalityId} and id = ${id}`.execute(e);
  return r.rows[0] ?? null;
}

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
