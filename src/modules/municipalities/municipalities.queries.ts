// Reads for routes and for other modules: the municipality behind a slug, cached briefly because every
// tenant page starts with it and municipalities change rarely, and the lists pages show.
import type { AppDeps } from '../../core/http/context.js';
import { findArea, findMunicipalityBySlug, findTheme, listAreas, listMunicipalities, listThemes } from './municipalities.repository.js';
import type { Area, Municipality, Theme } from './municipalities.types.js';

const CACHE_MS = 5_000;
const cache = new Map<string, { at: number; value: Municipality | null }>();

export async function loadMunicipality(deps: Pick<AppDeps, 'db'>, slug: string): Promise<Municipality | null> {
  if (!/^[a-z0-9-]{1,60}$/.test(slug)) return null;
  const hit = cache.get(slug);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const value = await deps.db.transaction({ municipalityId: null }, (tx) => findMunicipalityBySlug(tx, slug));
  cache.set(slug, { at: Date.now(), value });
  return value;
}

/**
 * Called after a change so the next request reads it fresh in this process. Other processes see the
 * change within CACHE_MS.
 */
export function forgetMunicipality(slug: string): void {
  cache.delete(slug);
}

export async function getMunicipalities(deps: Pick<AppDeps, 'db'>): Promise<Municipality[]> {
  return deps.db.transaction({ municipalityId: null }, (tx) => listMunicipalities(tx));
}

export async function getAreasAndThemes(deps: Pick<AppDeps, 'db'>, municipalityId: number): Promise<{ areas: Area[]; themes: Theme[] }> {
  return deps.db.transaction({ municipalityId }, async (tx) => ({ areas: await listAreas(tx, municipalityId), themes: await listThemes(tx, municipalityId) }));
}

export async function getArea(deps: Pick<AppDeps, 'db'>, municipalityId: number, id: number): Promise<Area | null> {
  return deps.db.transaction({ municipalityId }, (tx) => findArea(tx, municipalityId, id));
}

export async function getTheme(deps: Pick<AppDeps, 'db'>, municipalityId: number, id: number): Promise<Theme | null> {
  return deps.db.transaction({ municipalityId }, (tx) => findTheme(tx, municipalityId, id));
}
