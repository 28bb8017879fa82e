// Finding demo people by e-mail, through the accounts module's public index.
import type { Executor } from '../../core/db/database.js';
import { findPersonByEmail } from '../accounts/index.js';

export interface PersonByEmail {
  id: number;
  email: string;
  displayName: string;
}

export async function findPeopleByEmail(e: Executor, emails: readonly string[]): Promise<Map<string, PersonByEmail>> {
  const found = new Map<string, PersonByEmail>();
  for (const email of emails) {
    const p = await findPersonByEmail(e, email);
    if (p) found.set(p.email, { id: p.id, email: p.email, displayName: p.displayName });
  }
  return found;
}
