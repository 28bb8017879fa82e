// Demo data of savings: the bus case in Hedensted. Citizens re-planned the town bus; the baseline is
// the operator contract, the saving is agreed 100 % to the local pot, two half-years of actual costs
// are entered by one finance officer and signed off by another, and the pot funds the town bus
// initiative and a participatory-budget envelope. Idempotent: an existing bus agreement is left alone.
import type { Actor } from '../../core/auth/actor.js';
import type { AppDeps } from '../../core/http/context.js';
import { findPersonByEmail, type Person } from '../accounts/index.js';
import { listProcessesForSelect } from '../budgeting/index.js';
import { listInitiativesForSelect } from '../initiatives/index.js';
import { loadMunicipality } from '../municipalities/index.js';
import { agreeAgreement } from './commands/agree-agreement.js';
import { enterActualCosts } from './commands/enter-actual-costs.js';
import { fundFromPot } from './commands/fund-from-pot.js';
import { saveAgreement } from './commands/save-agreement.js';
import { signOffPeriod } from './commands/sign-off-period.js';
import { ensureAccount } from './ledger.posting.js';
import { DEMO_ACCOUNTS } from './ledger.seed.js';
import { listAgreements, listPeriods } from './ledger.savings.repository.js';

export const BUS_AGREEMENT_TITLE = 'Ny rute for bybussen';

const officer = (p: Person, mid: number): Actor => ({
  id: p.id,
  sessionId: 'seed',
  displayName: p.displayName,
  email: p.email,
  emailVerified: true,
  lang: p.lang,
  networkRole: null,
  roles: new Map([[mid, new Set(['finance_officer' as const])]]),
});

export async function seedSavings(deps: AppDeps, log: (line: string) => void): Promise<void> {
  const m = await loadMunicipality(deps, 'hedensted');
  if (!m) return;
  const setup = await deps.db.transaction({ municipalityId: m.id }, async (tx) => {
    const bus = (await listInitiativesForSelect(tx, m.id)).find((i) => i.title.startsWith('Borgerne tegner en ny rute for bybussen'));
    const first = await findPersonByEmail(tx, 'okonomi@hedensted.samskab.dk');
    const second = await findPersonByEmail(tx, 'okonomi2@hedensted.samskab.dk');
    if (!bus || !first || !second) return null;
    if ((await listAgreements(tx, m.id, { initiativeId: bus.id, includeDrafts: true })).some((a) => a.title === BUS_AGREEMENT_TITLE)) return null;
    const pot = await ensureAccount(tx, { municipalityId: m.id, kind: 'pot', name: DEMO_ACCOUNTS.pot('Hedensted') });
    const process = (await listProcessesForSelect(tx, m.id))[0] ?? null;
    return { bus, first: officer(first, m.id), second: officer(second, m.id), pot, process };
  });
  if (!setup) return;
  const { bus, first, second, pot, process } = setup;

  const saved = await saveAgreement(deps.db, first, m.id, null, {
    initiativeId: bus.id,
    title: BUS_AGREEMENT_TITLE,
    serviceAccountId: null,
    newServiceName: DEMO_ACCOUNTS.busRoute,
    newServiceCode: DEMO_ACCOUNTS.busRouteCode,
    baselineAnnualOre: 1_460_000_00n,
    baselineSource: 'Kontrakt med Midttrafik 2024–2027, bilag 3 (køreplantimer × timepris)',
    proposedAnnualOre: 1_080_000_00n,
    startsOn: '2025-01-01',
    endsOn: '2026-12-31',
    splits: [{ accountId: pot, shareBp: 10000 }],
  });
  if (!saved.ok) throw new Error(`seed: bus agreement refused: ${saved.error} ${JSON.stringify(saved.detail)}`);
  const agreementId = saved.value.agreementId;
  const agreed = await agreeAgreement(deps.db, first, m.id, agreementId);
  if (!agreed.ok) throw new Error(`seed: bus agreement not agreed: ${agreed.error}`);
  const periods = [
    { label: '1. halvår 2025', startsOn: '2025-01-01', endsOn: '2025-06-30', actualOre: 535_000_00n, sourceNote: 'Midttrafik, faktura 2025-0611' },
    { label: '2. halvår 2025', startsOn: '2025-07-01', endsOn: '2025-12-31', actualOre: 541_000_00n, sourceNote: 'Midttrafik, faktura 2025-1219' },
  ];
  for (const p of periods) {
    const entered = await enterActualCosts(deps.db, first, m.id, agreementId, p);
    if (!entered.ok) throw new Error(`seed: costs refused: ${entered.error}`);
    const signed = await signOffPeriod(deps.db, second, m.id, agreementId, entered.value.periodId, (title, label) => `Besparelse: ${title}, ${label}`);
    if (!signed.ok) throw new Error(`seed: sign-off refused: ${signed.error}`);
  }
  const funded = await fundFromPot(deps.db, second, m.id, { potId: pot, target: { kind: 'initiative', initiativeId: bus.id }, amountOre: 300_000_00n, memo: 'Drift af bybussen i 2026 med frivillige værter' });
  if (!funded.ok) throw new Error(`seed: funding the bus refused: ${funded.error}`);
  if (process) {
    const pb = await fundFromPot(deps.db, first, m.id, { potId: pot, target: { kind: 'pb', processId: process.id }, amountOre: 50_000_00n, memo: `Til borgerbudgettet: ${process.title}`.slice(0, 1000) });
    if (!pb.ok) throw new Error(`seed: funding the participatory budget refused: ${pb.error}`);
  }
  const count = await deps.db.transaction({ municipalityId: m.id }, (tx) => listPeriods(tx, m.id, agreementId));
  log(`ledger: bus case in ${m.slug} (${count.length} signed-off periods, pot funds the town bus${process ? ' and a participatory budget' : ''})`);
}
