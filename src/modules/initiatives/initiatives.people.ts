// The one place outside the repository's name lookups that reads accounts data: finding demo and
// bench people by e-mail. It reads the public columns of accounts_users and writes nothing.
// (To be switched to accounts/index.ts once it exports a lookup.)
import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';

export interface PersonByEmail {
  id: number;
  email: string;
  displayName: string;
}

export async function findPeopleByEmail(e: Executor, emails: readonly string[]): Promise<Map<string, PersonByEmail>> {
  if (emails.length === 0) return new Map();
  const r = await sql<{ id: number; email: string; display_name: string }>`select id, email, display_name from accounts_users
    where email = any(${emails.map((x) => x.toLowerCase())}::text[])`.execute(e);
  return new Map(r.rows.map((x) => [x.email, { id: x.id, email: x.email, displayName: x.display_name }]));
}
