// The comparison of member municipalities: aggregated, non-personal figures per 1,000 inhabitants —
// active initiatives, verified volunteer hours, signed-off savings and money reinvested. Each
// municipality's figures are read through the other modules' index.ts inside THAT municipality's tenant
// transaction (row-level security sees only its rows), a few at a time, and kept for a minute: the page
// is the same for everyone and the figures change slowly.
import type { Database } from '../../core/db/database.js';
import { countInitiativesInState } from '../initiatives/index.js';
import { initiativesMoneyFacts } from '../ledger/index.js';
import { listMunicipalities } from '../municipalities/index.js';
import { hoursForMunicipality } from '../workdays/index.js';

export const compareMetrics = ['initiatives', 'hours', 'savings', 'reinvested'] as const;
export type CompareMetric = (typeof compareMetrics)[number];

export interface MunicipalityFigures {
  id: number;
  slug: string;
  name: string;
  inhabitants: number;
  activeInitiatives: number;
  volunteerHours: number;
  savingsOre: number;
  reinvestedOre: number;
}

/** A figure per 1,000 inhabitants (money stays in øre). */
export function perThousand(value: number, inhabitants: number): number {
  return inhabitants > 0 ? (value * 1000) / inhabitants : 0;
}

export function metricValue(f: MunicipalityFigures, metric: CompareMetric): number {
  const raw = metric === 'initiatives' ? f.activeInitiatives : metric === 'hours' ? f.volunteerHours : metric === 'savings' ? f.savingsOre : f.reinvestedOre;
  return perThousand(raw, f.inhabitants);
}

/** Highest first; equal figures by name, so the order is stable. */
export function rankBy(rows: MunicipalityFigures[], metric: CompareMetric, lang: string): MunicipalityFigures[] {
  const collator = new Intl.Collator(lang);
  return [...rows].sort((a, b) => metricValue(b, metric) - metricValue(a, metric) || collator.compare(a.name, b.name));
}

const CACHE_MS = 60_000;
const PARALLEL = 4;
/** Per database, so two applications in one process (tests) never share figures. */
const cache = new WeakMap<Database, { at: number; rows: MunicipalityFigures[] }>();

/** Forget the kept figures (tests, and after bulk changes). */
export function forgetComparison(db: Database): void {
  cache.delete(db);
}

export async function loadComparison(db: Database, now = Date.now()): Promise<MunicipalityFigures[]> {
  const hit = cache.get(db);
  if (hit && now - hit.at < CACHE_MS) return hit.rows;
  const members = (await db.transaction({ municipalityId: null }, (tx) => listMunicipalities(tx))).filter((m) => m.networkMember && (m.inhabitants ?? 0) > 0);
  const rows: MunicipalityFigures[] = [];
  const queue = [...members];
  const worker = async () => {
    for (let m = queue.shift(); m; m = queue.shift()) {
      const mid = m.id;
      const figures = await db.transaction({ municipalityId: mid }, async (tx) => {
        const active = await countInitiativesInState(tx, mid, 'active');
        const hours = await hoursForMunicipality(tx, mid);
        const money = await initiativesMoneyFacts(tx, mid);
        let savingsOre = 0;
        let reinvestedOre = 0;
        for (const f of money.values()) {
          savingsOre += f.savingsOre;
          reinvestedOre += f.reinvestedOre;
        }
        return { activeInitiatives: active, volunteerHours: hours.minutes / 60, savingsOre, reinvestedOre };
      });
      rows.push({ id: m.id, slug: m.slug, name: m.name, inhabitants: m.inhabitants ?? 0, ...figures });
    }
  };
  await Promise.all(Array.from({ length: db.kind === 'postgres' ? PARALLEL : 1 }, worker));
  const collator = new Intl.Collator('da');
  rows.sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
  cache.set(db, { at: now, rows });
  return rows;
}
