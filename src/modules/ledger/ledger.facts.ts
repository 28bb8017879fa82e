// Read-only money facts per initiative for other modules (the network's live evidence): signed-off
// savings (transactions of kind 'saving') and money reinvested (kind 'reinvestment') linked to an
// initiative. A transaction's amount is the sum of its positive entries (what moved); a transaction
// that has been reversed counts as nothing, since its reversal is its exact negation. Runs in the
// caller's transaction, whose tenant must be `municipalityId`.
import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';

export interface InitiativeMoneyFacts {
  /** Signed-off savings in øre. */
  savingsOre: number;
  /** Money reinvested into the initiative in øre. */
  reinvestedOre: number;
}

/** Facts for every initiative of the municipality that has any; initiatives without money are absent. */
export async function initiativesMoneyFacts(e: Executor, municipalityId: number, initiativeIds?: readonly number[]): Promise<Map<number, InitiativeMoneyFacts>> {
  if (initiativeIds && initiativeIds.length === 0) return new Map();
  const only = initiativeIds ? sql`and t.initiative_id = any(${sql.val([...initiativeIds])}::int[])` : sql``;
  const r = await sql<{ initiative_id: number; kind: 'saving' | 'reinvestment'; ore: string | number }>`
    select t.initiative_id, t.kind, coalesce(sum(e.amount_ore), 0) as ore
    from ledger_transactions t
    join ledger_entries e on e.municipality_id = t.municipality_id and e.transaction_id = t.id and e.amount_ore > 0
    where t.municipality_id = ${municipalityId} and t.initiative_id is not null and t.kind in ('saving', 'reinvestment') ${only}
      and not exists (select 1 from ledger_transactions r where r.municipality_id = t.municipality_id and r.reverses_id = t.id)
    group by t.initiative_id, t.kind`.execute(e);
  const out = new Map<number, InitiativeMoneyFacts>();
  for (const row of r.rows) {
    const f = out.get(row.initiative_id) ?? { savingsOre: 0, reinvestedOre: 0 };
    if (row.kind === 'saving') f.savingsOre += Number(row.ore);
    else f.reinvestedOre += Number(row.ore);
    out.set(row.initiative_id, f);
  }
  return out;
}

export async function initiativeMoneyFacts(e: Executor, municipalityId: number, initiativeId: number): Promise<InitiativeMoneyFacts> {
  return (await initiativesMoneyFacts(e, municipalityId, [initiativeId])).get(initiativeId) ?? { savingsOre: 0, reinvestedOre: 0 };
}
