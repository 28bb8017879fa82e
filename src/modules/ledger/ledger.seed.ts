// Demo data of the ledger foundation: in each demo municipality the municipal budget ("Kommunekassen")
// and a local pot; in Hedensted also the service budget line of bus route 312 with its annual budget
// posted as an opening transaction. Idempotent: accounts come from ensureAccount (the savings and
// grants seeds call it with the same names and get the same accounts), and the opening transaction
// is posted only while the bus line has no entries.
import type { AppDeps } from '../../core/http/context.js';
import { findPersonByEmail } from '../accounts/index.js';
import { loadMunicipality } from '../municipalities/index.js';
import { ensureAccount, postTransaction } from './ledger.posting.js';
import { findAccount, listAccounts } from './ledger.repository.js';

/** Names the demo seeds share (ensureAccount finds an account by kind and name). */
export const DEMO_ACCOUNTS = {
  municipalBudget: 'Kommunekassen',
  busRoute: 'Buslinje 312 (bybussen)',
  busRouteCode: '5.32.30',
  pot: (town: string) => `Lokal pulje ${town}`,
} as const;

const towns: Record<string, string> = { hedensted: 'Hedensted', lemvig: 'Lemvig', odder: 'Odder' };

export async function seedLedger(deps: AppDeps, log: (line: string) => void): Promise<void> {
  for (const [slug, town] of Object.entries(towns)) {
    const m = await loadMunicipality(deps, slug);
    if (!m) continue;
    const officer = await deps.db.transaction({ municipalityId: m.id }, (tx) => findPersonByEmail(tx, `okonomi@${slug}.samskab.dk`));
    const posted = await deps.db.transaction({ municipalityId: m.id, userId: officer?.id ?? null }, async (tx) => {
      const before = (await listAccounts(tx, m.id)).length;
      const budget = await ensureAccount(tx, { municipalityId: m.id, kind: 'municipal_budget', name: DEMO_ACCOUNTS.municipalBudget, description: 'Kommunens kasse: hvor budgetter kommer fra, og hvor en del af besparelserne går tilbage til.' });
      await ensureAccount(tx, { municipalityId: m.id, kind: 'pot', name: DEMO_ACCOUNTS.pot(town), description: 'Besparelser fra lokale initiativer, som borgerne selv er med til at bruge.' });
      let opening = false;
      if (slug === 'hedensted') {
        const bus = await ensureAccount(tx, { municipalityId: m.id, kind: 'service_budget', name: DEMO_ACCOUNTS.busRoute, code: DEMO_ACCOUNTS.busRouteCode, description: 'Driftsbudget for bybussen (rute 312), kørt af Midttrafik.' });
        if (officer && (await findAccount(tx, m.id, bus))?.entryCount === 0) {
          const r = await postTransaction(tx, {
            municipalityId: m.id,
            postedBy: officer.id,
            memo: 'Årsbudget 2025 for buslinje 312 (driftsaftale med Midttrafik)',
            kind: 'opening',
            entries: [
              { accountId: budget, amountOre: -1_460_000_00n },
              { accountId: bus, amountOre: 1_460_000_00n },
            ],
          });
          if (!r.ok) throw new Error(`seed: opening budget refused: ${r.error}`);
          opening = true;
        }
      }
      return { created: (await listAccounts(tx, m.id)).length - before, opening };
    });
    if (posted.created > 0 || posted.opening) log(`ledger: ${m.name}: ${posted.created} accounts${posted.opening ? ', opening budget of bus route 312' : ''}`);
  }
}
