// Demo data: in each demo municipality an open "Landsbypuljen" funded from the municipal budget, with
// applications from the demo residents' groups in different states: one just received, one in triage,
// one granted by fast track, and one paid out with its final report still to come. Made through the
// same commands the pages use. Idempotent: a municipality that already has the pool is left alone.
import type { Actor, MunicipalRole } from '../../core/auth/actor.js';
import type { AppDeps } from '../../core/http/context.js';
import { todayIn } from '../../core/time/zoned-time.js';
import { findPersonByEmail, type Person } from '../accounts/index.js';
import { listGroupsForUser } from '../groups/index.js';
import { loadMunicipality } from '../municipalities/index.js';
import { applyForGrant, type ApplyInput } from './commands/apply-for-grant.js';
import { createGrantPool } from './commands/create-grant-pool.js';
import { decideGrantApplication } from './commands/decide-grant-application.js';
import { fastTrackGrant } from './commands/fast-track-grant.js';
import { fundGrantPool } from './commands/fund-grant-pool.js';
import { payOutGrant } from './commands/pay-out-grant.js';
import { triageGrantApplication } from './commands/triage-grant-application.js';
import { findPoolByName } from './ledger.grants.repository.js';
import { addDays } from './ledger.grants.rules.js';
import { ensureAccount } from './ledger.posting.js';

const POOL = 'Landsbypuljen';

const actorOf = (p: Person, mid: number, role: MunicipalRole): Actor => ({
  id: p.id,
  sessionId: 'seed',
  displayName: p.displayName,
  email: p.email,
  emailVerified: true,
  lang: p.lang,
  networkRole: null,
  roles: new Map([[mid, new Set([role])]]),
});

const ideas: Omit<ApplyInput, 'groupId'>[] = [
  {
    title: 'Nye bænke ved gadekæret',
    purpose: 'Tre bænke ved gadekæret, så ældre og børnefamilier kan hvile sig på gåturen. Vi monterer dem selv på en arbejdsdag.',
    lang: 'da',
    amountRequestedOre: 2_400_000n,
    cofinancingOre: 600_000n,
    budget: [
      { description: 'Tre bænke i egetræ', amountOre: 2_400_000n },
      { description: 'Fundament og beslag', amountOre: 300_000n },
      { description: 'Frivilligt arbejde (værdi)', amountOre: 300_000n },
    ],
  },
  {
    title: 'Shelter og bålplads i byskoven',
    purpose: 'Et shelter med bålplads, som skoleklasser, spejdere og vandrere kan bruge hele året.',
    lang: 'da',
    amountRequestedOre: 4_000_000n,
    cofinancingOre: 1_000_000n,
    budget: [
      { description: 'Byggesæt til shelter', amountOre: 3_800_000n },
      { description: 'Bålplads og brænderum', amountOre: 700_000n },
      { description: 'Egen indsamling', amountOre: 500_000n },
    ],
  },
  {
    title: 'Maling til forsamlingshusets facade',
    purpose: 'Maling og pensler, så vi kan male forsamlingshusets facade på en fælles arbejdsdag i foråret.',
    lang: 'da',
    amountRequestedOre: 400_000n,
    cofinancingOre: 100_000n,
    budget: [{ description: 'Maling, pensler og afdækning', amountOre: 500_000n }],
  },
  {
    title: 'Høstfest for hele byen',
    purpose: 'En høstfest på torvet med musik, boder fra foreningerne og spisning, så nye og gamle borgere mødes.',
    lang: 'da',
    amountRequestedOre: 1_500_000n,
    cofinancingOre: 500_000n,
    budget: [
      { description: 'Telt og scene', amountOre: 1_200_000n },
      { description: 'Musik', amountOre: 500_000n },
      { description: 'Mad (delvis betalt af billetter)', amountOre: 300_000n },
    ],
  },
];

export async function seedLedgerGrants(deps: AppDeps, log: (line: string) => void): Promise<void> {
  for (const slug of ['hedensted', 'lemvig', 'odder']) {
    const m = await loadMunicipality(deps, slug);
    if (!m) continue;
    const setup = await deps.db.transaction({ municipalityId: m.id }, async (tx) => {
      if (await findPoolByName(tx, m.id, POOL)) return null;
      const [finance, facilitator, b1, b2] = await Promise.all(['okonomi', 'facilitator', 'borger1', 'borger2'].map((w) => findPersonByEmail(tx, `${w}@${slug}.samskab.dk`)));
      if (!finance || !facilitator || !b1 || !b2) return null;
      const coordinated = async (p: Person) => (await listGroupsForUser(tx, m.id, p.id)).filter((g) => g.membership.role === 'coordinator' && g.membership.status === 'active').map((g) => g.group.id);
      const budget = await ensureAccount(tx, { municipalityId: m.id, kind: 'municipal_budget', name: 'Kommunekassen' });
      return { finance, facilitator, b1, b2, groups1: await coordinated(b1), groups2: await coordinated(b2), budget };
    });
    if (!setup) continue;
    const tz = { id: m.id, timeZone: m.timeZone };
    const finance = actorOf(setup.finance, m.id, 'finance_officer');
    const facilitator = actorOf(setup.facilitator, m.id, 'facilitator');
    const today = todayIn(new Date(), m.timeZone);
    const pool = await createGrantPool(deps.db, finance, tz, {
      name: POOL,
      description:
        'Landsbypuljen støtter projekter, som lokale grupper og foreninger selv tager initiativ til og løfter sammen: mødesteder, grønne områder, fællesskaber og arrangementer.\nVi lægger vægt på, at mange er med, og at projektet lever videre.',
      lang: 'da',
      maxGrantOre: 5_000_000n,
      cofinancingBp: 2000,
      allowGroups: true,
      allowAssociations: true,
      allowResidents: false,
      deadline: addDays(today, 60),
      fastTrackOre: 500_000n,
      reportDueDays: 90,
    });
    if (!pool.ok) continue;
    const poolId = pool.value.poolId;
    await fundGrantPool(deps.db, finance, m.id, poolId, { sourceAccountId: setup.budget, amountOre: 20_000_000n, memo: 'Byrådets bevilling til Landsbypuljen' });

    const [ga, gb] = [setup.groups1[0] ?? null, setup.groups2[0] ?? setup.groups1[1] ?? null];
    const applicants: [Person, number | null][] = [
      [setup.b1, ga],
      [setup.b2, gb],
      [setup.b1, ga],
      [setup.b2, gb],
    ];
    const ids: number[] = [];
    for (const [i, idea] of ideas.entries()) {
      const [who, groupId] = applicants[i]!;
      if (groupId === null) continue;
      const r = await applyForGrant(deps.db, actorOf(who, m.id, 'resident'), tz, poolId, { ...idea, groupId });
      if (r.ok) ids.push(r.value.applicationId);
    }
    // The first stays as received.
    const [, triaged, fast, paid] = ids;
    if (triaged) await triageGrantApplication(deps.db, facilitator, m.id, triaged, 'Godt projekt. Vi mangler et tilbud på byggesættet, før udvalget kan behandle ansøgningen.', 'da');
    if (fast) await fastTrackGrant(deps.db, facilitator, tz, fast, 'Lille beløb til et klart formål, som mange i byen får glæde af.');
    if (paid) {
      await decideGrantApplication(deps.db, facilitator, tz, paid, { outcome: 'approve', decidingBody: 'Udvalget for Landdistrikter', decisionDate: today, amountGrantedOre: 1_500_000n, note: 'Bevilget som ansøgt.' });
      await payOutGrant(deps.db, finance, tz, paid);
    }
    log(`ledger: ${POOL} in ${slug} with ${ids.length} applications`);
  }
}
