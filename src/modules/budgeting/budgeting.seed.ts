// Demo data in Hedensted: one budget open for voting and one finished with results. Idempotent: a
// process whose title already exists is left alone.
import { sql } from 'kysely';
import type { AppDeps } from '../../core/http/context.js';
import { insertDigitalBallot, insertProcess, insertProject, listProcesses, replaceChoices, setPhase, type ProcessFields } from './budgeting.repository.js';

const base = (title: string, over: Partial<ProcessFields>): ProcessFields => ({
  title,
  description: '',
  areaId: null,
  budgetOre: 500_000_00n,
  dates: { proposalsFrom: '2026-01-05', reviewFrom: '2026-02-02', votingFrom: '2026-03-02', resultFrom: '2026-04-06', implementationFrom: '2026-05-04' },
  kind: 'knapsack',
  maxChoices: null,
  minSpendOre: null,
  points: null,
  rule: 'mes-cost',
  minAge: 15,
  ...over,
});

const projects: [string, string, bigint][] = [
  ['Shelter ved Hedensted Sø', 'Et åbent shelter med bålplads til skoler, spejdere og familier.', 120_000n],
  ['Bænke langs Ølholm-stien', 'Ti bænke, så ældre kan gå turen med pauser.', 60_000n],
  ['Multibane i Løsning', 'En lille bane til fodbold og basket ved skolen.', 250_000n],
  ['Fællesværksted i Tørring', 'Værktøj og kurser i det gamle bibliotek.', 180_000n],
  ['Blomstereng i Uldum', 'Vilde blomster på kommunens græsplæne ved hallen.', 40_000n],
];

export async function seedBudgeting(deps: AppDeps, log: (line: string) => void): Promise<void> {
  const m = await deps.db.transaction({ municipalityId: null }, async (tx) => (await sql<{ id: number }>`select id from municipalities where slug = 'hedensted'`.execute(tx)).rows[0]?.id);
  if (m === undefined) return;
  const residents = await deps.db.transaction({ municipalityId: m }, async (tx) =>
    (await sql<{ id: number }>`select u.id from accounts_users u join accounts_roles r on r.user_id = u.id and r.municipality_id = ${m} order by u.id`.execute(tx)).rows.map((r) => Number(r.id)),
  );
  await deps.db.transaction({ municipalityId: m }, async (tx) => {
    const existing = new Set((await listProcesses(tx, m)).map((p) => p.title));
    const make = async (title: string, over: Partial<ProcessFields>, phase: 'voting' | 'result', ballots: number[][]) => {
      if (existing.has(title)) return;
      const process = await insertProcess(tx, m, base(title, over));
      const ids: number[] = [];
      for (const [t, d, kr] of projects) ids.push((await insertProject(tx, m, process.id, { title: t, description: d, areaId: null, proposedBy: residents[0] ?? null, status: 'feasible', costOre: kr * 100n })).id);
      await setPhase(tx, m, process.id, 'voting');
      for (const [i, choice] of ballots.entries()) {
        const voter = residents[i];
        if (voter === undefined) break;
        const ballotId = await insertDigitalBallot(tx, m, process.id, voter, 1970 + i);
        if (ballotId !== null) await replaceChoices(tx, m, process.id, ballotId, choice.map((p) => ({ projectId: ids[p]!, points: 1, rank: null })));
      }
      await setPhase(tx, m, process.id, phase);
      log(`budgeting: ${title} (${phase})`);
    };
    await make('Borgerbudget 2026: Hedensted by og land', {}, 'voting', []);
    await make('Borgerbudget 2025: Grønne fællesskaber', { budgetOre: 400_000_00n, rule: 'mes-cost', dates: { proposalsFrom: '2025-01-06', reviewFrom: '2025-02-03', votingFrom: '2025-03-03', resultFrom: '2025-04-07', implementationFrom: '2025-05-05' } }, 'result', [
      [0, 1, 4],
      [0, 1],
      [2],
      [2, 1],
      [3, 4],
      [0, 4],
      [2, 3],
    ]);
  });
}
