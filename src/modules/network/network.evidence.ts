// Live evidence from the platform for initiatives behind cases and adoptions: verified volunteer hours
// and participants (workdays), signed-off savings and money reinvested (ledger). Each municipality's
// figures are read in a transaction scoped to that municipality, since they are its tenant data.
import type { Database, Executor } from '../../core/db/database.js';
import { hoursByInitiative } from '../workdays/index.js';
import { initiativesMoneyFacts } from '../ledger/index.js';
import { listCasesWithInitiative, setEvidence } from './network.repository.js';
import type { CaseRef, Evidence } from './network.types.js';

export const noEvidence: Evidence = { hours: 0, participants: 0, savingsOre: 0, reinvestedOre: 0 };

/** Figures for the given initiatives of one municipality; every id gets an entry (zeros when nothing is measured). */
export async function measureInitiatives(tx: Executor, municipalityId: number, initiativeIds: readonly number[]): Promise<Map<number, Evidence>> {
  const out = new Map<number, Evidence>();
  if (initiativeIds.length === 0) return out;
  const [hours, money] = await Promise.all([hoursByInitiative(tx, municipalityId), initiativesMoneyFacts(tx, municipalityId, initiativeIds)]);
  const byInitiative = new Map(hours.map((h) => [h.key, h]));
  for (const id of initiativeIds) {
    const h = byInitiative.get(id);
    const m = money.get(id);
    out.set(id, {
      hours: h ? Math.round((h.minutes / 60) * 100) / 100 : 0,
      participants: h?.people ?? 0,
      savingsOre: m?.savingsOre ?? 0,
      reinvestedOre: m?.reinvestedOre ?? 0,
    });
  }
  return out;
}

/** Measures the case's initiative and stores the snapshot. Runs in a transaction scoped to the case's municipality. */
export async function refreshCaseEvidenceIn(tx: Executor, ref: CaseRef, initiativeId: number, at = new Date()): Promise<Evidence> {
  const ev = (await measureInitiatives(tx, ref.municipalityId, [initiativeId])).get(initiativeId) ?? noEvidence;
  await setEvidence(tx, ref, ev, at);
  return ev;
}

/** Refreshes every case that has an initiative behind it, one municipality at a time. Returns how many. */
export async function refreshAllEvidence(db: Database, log: (line: string) => void = () => {}): Promise<number> {
  const cases = await db.transaction({ municipalityId: null }, (tx) => listCasesWithInitiative(tx));
  const byMunicipality = new Map<number, typeof cases>();
  for (const c of cases) byMunicipality.set(c.municipalityId, [...(byMunicipality.get(c.municipalityId) ?? []), c]);
  let n = 0;
  const at = new Date();
  for (const [mid, list] of byMunicipality) {
    await db.transaction({ municipalityId: mid }, async (tx) => {
      const measured = await measureInitiatives(tx, mid, list.map((c) => c.initiativeId));
      for (const c of list) await setEvidence(tx, c, measured.get(c.initiativeId) ?? noEvidence, at);
    });
    n += list.length;
    log(`municipality ${mid}: ${list.length} case(s)`);
  }
  return n;
}
