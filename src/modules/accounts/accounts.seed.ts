// Demo people for the demo municipalities, all with the password `samskab-demo` and confirmed
// e-mails, so every role can be tried at once. Idempotent: existing accounts and roles are left as they are.
import { sql } from 'kysely';
import type { AppDeps } from '../../core/http/context.js';
import type { MunicipalRole, NetworkRole } from '../../core/auth/actor.js';
import { findUserByEmail, insertRole, insertUser } from './accounts.repository.js';
import { hashPassword } from './passwords.js';

export const DEMO_PASSWORD = 'samskab-demo';

export interface DemoPerson {
  email: string;
  name: string;
  /** Slug of the municipality the role is in (also the home municipality); null for none. */
  municipality: string | null;
  role: MunicipalRole | null;
  networkRole: NetworkRole | null;
  /** Consent to be shown by name in member lists and directories (default no). */
  showInDirectory?: boolean;
}

const perMunicipality: Record<string, { admin: string; facilitator: string; finance: string; residents: string[]; network: string }> = {
  hedensted: {
    admin: 'Mette Kjær Rasmussen',
    facilitator: 'Anders Holm Sørensen',
    finance: 'Lene Vestergaard',
    residents: ['Karen Lund Jensen', 'Jens Peter Madsen', 'Fatima Ahmadi', 'Bo Skovgaard'],
    network: 'Henrik Bach Nielsen',
  },
  lemvig: {
    admin: 'Birgitte Thomsen',
    facilitator: 'Søren Kristensen',
    finance: 'Hanne Pedersen',
    residents: ['Niels Christensen', 'Anne Marie Larsen', 'Ole Poulsen'],
    network: 'Kirsten Dahl',
  },
  odder: {
    admin: 'Louise Møller',
    facilitator: 'Mads Andersen',
    finance: 'Tina Overgaard',
    residents: ['Peter Nielsen', 'Sofie Eriksen', 'Mohammad Haddad'],
    network: 'Lars Frederiksen',
  },
};

export const demoPeople: DemoPerson[] = [
  ...Object.entries(perMunicipality).flatMap(([slug, p]): DemoPerson[] => [
    { email: `admin@${slug}.samskab.dk`, name: p.admin, municipality: slug, role: 'admin', networkRole: null },
    { email: `facilitator@${slug}.samskab.dk`, name: p.facilitator, municipality: slug, role: 'facilitator', networkRole: null },
    { email: `okonomi@${slug}.samskab.dk`, name: p.finance, municipality: slug, role: 'finance_officer', networkRole: null },
    ...p.residents.map((name, i): DemoPerson => ({ email: `borger${i + 1}@${slug}.samskab.dk`, name, municipality: slug, role: 'resident', networkRole: null })),
    { email: `netvaerk@${slug}.samskab.dk`, name: p.network, municipality: slug, role: null, networkRole: 'member' },
  ]),
  { email: 'netvaerk@samskab.dk', name: 'Camilla Winther', municipality: null, role: null, networkRole: 'admin' },
  // Leaders in the network's seasons who agreed to be listed in the member directory.
  { email: 'leder@hedensted.samskab.dk', name: 'Pia Kragh Andersen', municipality: 'hedensted', role: null, networkRole: 'member', showInDirectory: true },
  { email: 'leder@lemvig.samskab.dk', name: 'Thomas Bjerre', municipality: 'lemvig', role: null, networkRole: 'member', showInDirectory: true },
  // A second finance officer, so a saving can be signed off by someone other than the one who entered the costs (four eyes).
  { email: 'okonomi2@hedensted.samskab.dk', name: 'Per Damgaard Holm', municipality: 'hedensted', role: 'finance_officer', networkRole: null },
];

export async function seedAccounts(deps: AppDeps, log: (line: string) => void): Promise<void> {
  const ids = await deps.db.transaction({ municipalityId: null }, async (tx) => {
    const r = await sql<{ id: number; slug: string }>`select id, slug from municipalities`.execute(tx);
    return new Map(r.rows.map((row) => [row.slug, row.id]));
  });
  let created = 0;
  for (const person of demoPeople) {
    const municipalityId = person.municipality ? ids.get(person.municipality) : null;
    if (municipalityId === undefined) continue; // that demo municipality is not there
    const existing = await deps.db.transaction({ municipalityId: null }, (tx) => findUserByEmail(tx, person.email));
    let userId = existing?.id ?? null;
    if (userId === null) {
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      userId = await deps.db.transaction({ municipalityId: null }, async (tx) => {
        const id = await insertUser(tx, {
          email: person.email,
          passwordHash,
          displayName: person.name,
          homeMunicipalityId: municipalityId,
          preferredLang: null,
          verified: true,
          networkRole: person.networkRole,
          showInDirectory: person.showInDirectory ?? false,
        });
        return id ?? (await findUserByEmail(tx, person.email))?.id ?? null;
      });
      created += 1;
    }
    if (userId !== null && municipalityId !== null && person.role) {
      const id = userId;
      await deps.db.transaction({ municipalityId }, (tx) => insertRole(tx, municipalityId, id, person.role as MunicipalRole, null));
    }
  }
  log(`  ${created} demo accounts created (${demoPeople.length} in the demo set), password "${DEMO_PASSWORD}"`);
}
