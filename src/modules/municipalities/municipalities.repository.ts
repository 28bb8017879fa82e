// SQL for municipalities, areas and themes. Knows nothing of permissions; callers pass the executor
// of a transaction whose tenant is already set.
import type { ColumnType, Generated } from 'kysely';
import { tables, type Executor } from '../../core/db/database.js';
import type { Area, AreaKind, Boundary, Lang, Municipality, Theme } from './municipalities.types.js';

interface MunicipalityRow {
  id: Generated<number>;
  slug: string;
  name: string;
  region: string | null;
  inhabitants: number | null;
  time_zone: Generated<string>;
  default_lang: Generated<Lang>;
  tagline_da: Generated<string>;
  tagline_en: Generated<string>;
  network_member: Generated<boolean>;
  created_at: Generated<Date>;
}
interface AreaRow {
  municipality_id: number;
  id: Generated<number>;
  name: string;
  kind: AreaKind;
  inhabitants: number | null;
  // Written as JSON text: pg would send a JS array as a PostgreSQL array, not as JSON.
  boundary: ColumnType<Boundary | null, string | null, string | null>;
  created_at: Generated<Date>;
}
interface ThemeRow {
  municipality_id: number;
  id: Generated<number>;
  key: string;
  name_da: string;
  name_en: string;
  created_at: Generated<Date>;
}
type Selected<R> = { [K in keyof R]: R[K] extends ColumnType<infer S, unknown, unknown> ? S : R[K] };
export interface MunicipalitiesTables {
  municipalities: MunicipalityRow;
  municipalities_areas: AreaRow;
  municipalities_themes: ThemeRow;
}

const db = (e: Executor) => tables<MunicipalitiesTables>(e);

function toMunicipality(r: Selected<MunicipalityRow>): Municipality {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    region: r.region,
    inhabitants: r.inhabitants,
    timeZone: r.time_zone,
    defaultLang: r.default_lang,
    tagline: { da: r.tagline_da, en: r.tagline_en },
    networkMember: r.network_member,
  };
}
const toArea = (r: Selected<AreaRow>): Area => ({ municipalityId: r.municipality_id, id: r.id, name: r.name, kind: r.kind, inhabitants: r.inhabitants, boundary: r.boundary });
const toTheme = (r: Selected<ThemeRow>): Theme => ({ municipalityId: r.municipality_id, id: r.id, key: r.key, name: { da: r.name_da, en: r.name_en } });

export async function listMunicipalities(e: Executor): Promise<Municipality[]> {
  return (await db(e).selectFrom('municipalities').selectAll().orderBy('name').execute()).map(toMunicipality);
}

export async function findMunicipalityBySlug(e: Executor, slug: string): Promise<Municipality | null> {
  const row = await db(e).selectFrom('municipalities').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row ? toMunicipality(row) : null;
}

// The tenant filter is repeated here although row-level security enforces it: two locks, one door.
export async function listAreas(e: Executor, municipalityId: number): Promise<Area[]> {
  return (await db(e).selectFrom('municipalities_areas').selectAll().where('municipality_id', '=', municipalityId).orderBy('name').execute()).map(toArea);
}

export async function listThemes(e: Executor, municipalityId: number): Promise<Theme[]> {
  return (await db(e).selectFrom('municipalities_themes').selectAll().where('municipality_id', '=', municipalityId).orderBy('key').execute()).map(toTheme);
}

export async function findArea(e: Executor, municipalityId: number, id: number): Promise<Area | null> {
  const row = await db(e).selectFrom('municipalities_areas').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
  return row ? toArea(row) : null;
}

export interface AreaFields {
  name: string;
  kind: AreaKind;
  inhabitants: number | null;
  boundary: Boundary | null;
}

const boundaryParam = (b: Boundary | null) => (b === null ? null : JSON.stringify(b));

export async function insertArea(e: Executor, municipalityId: number, f: AreaFields): Promise<Area> {
  const row = await db(e)
    .insertInto('municipalities_areas')
    .values({ municipality_id: municipalityId, name: f.name, kind: f.kind, inhabitants: f.inhabitants, boundary: boundaryParam(f.boundary) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toArea(row);
}

/** Returns null when there is no such area in this municipality. */
export async function updateArea(e: Executor, municipalityId: number, id: number, f: AreaFields): Promise<Area | null> {
  const row = await db(e)
    .updateTable('municipalities_areas')
    .set({ name: f.name, kind: f.kind, inhabitants: f.inhabitants, boundary: boundaryParam(f.boundary) })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toArea(row) : null;
}

/** True when a row was deleted. */
export async function deleteArea(e: Executor, municipalityId: number, id: number): Promise<boolean> {
  const r = await db(e).deleteFrom('municipalities_areas').where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function findTheme(e: Executor, municipalityId: number, id: number): Promise<Theme | null> {
  const row = await db(e).selectFrom('municipalities_themes').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
  return row ? toTheme(row) : null;
}

export interface ThemeFields {
  key: string;
  name: { da: string; en: string };
}

export async function insertTheme(e: Executor, municipalityId: number, f: ThemeFields): Promise<Theme> {
  const row = await db(e)
    .insertInto('municipalities_themes')
    .values({ municipality_id: municipalityId, key: f.key, name_da: f.name.da, name_en: f.name.en })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toTheme(row);
}

export async function updateTheme(e: Executor, municipalityId: number, id: number, f: ThemeFields): Promise<Theme | null> {
  const row = await db(e)
    .updateTable('municipalities_themes')
    .set({ key: f.key, name_da: f.name.da, name_en: f.name.en })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toTheme(row) : null;
}

export async function deleteTheme(e: Executor, municipalityId: number, id: number): Promise<boolean> {
  const r = await db(e).deleteFrom('municipalities_themes').where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export interface SettingsFields {
  name: string;
  tagline: { da: string; en: string };
  inhabitants: number | null;
  defaultLang: Lang;
}

export async function updateMunicipalitySettings(e: Executor, id: number, f: SettingsFields): Promise<Municipality | null> {
  const row = await db(e)
    .updateTable('municipalities')
    .set({ name: f.name, tagline_da: f.tagline.da, tagline_en: f.tagline.en, inhabitants: f.inhabitants, default_lang: f.defaultLang })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toMunicipality(row) : null;
}

export interface NewMunicipalityFields {
  slug: string;
  name: string;
  region: string | null;
  inhabitants: number | null;
}

export async function insertMunicipality(e: Executor, f: NewMunicipalityFields): Promise<Municipality> {
  const row = await db(e)
    .insertInto('municipalities')
    .values({ slug: f.slug, name: f.name, region: f.region, inhabitants: f.inhabitants })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMunicipality(row);
}

/** The constraint a statement broke, when it broke one of the given kind (unique, foreign key). */
export function violatedConstraint(error: unknown, kind: 'unique' | 'foreign_key'): string | null {
  const code = kind === 'unique' ? '23505' : '23503';
  if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code) {
    return String((error as { constraint?: unknown }).constraint ?? '');
  }
  return null;
}

/** Names of the constraints commands turn into typed errors. */
export const constraints = {
  areaName: 'municipalities_areas_name_uq',
  themeKey: 'municipalities_themes_municipality_id_key_key',
  municipalitySlug: 'municipalities_slug_key',
} as const;
