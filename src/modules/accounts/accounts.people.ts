// What other modules may know about people, through index.ts: lookups that run inside the caller's
// transaction (accounts_users has no row-level security; these read only its public columns).
import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import { isLang, type Lang } from '../../core/i18n/i18n.js';

export interface Person {
  id: number;
  email: string;
  displayName: string;
  /** null: follow the browser (for mail: the language of the request that triggered it). */
  lang: Lang | null;
  /** Consent to be shown by name in member lists and directories. */
  showInDirectory: boolean;
}

interface PersonRow {
  id: number;
  email: string;
  display_name: string;
  preferred_lang: string | null;
  show_in_directory: boolean;
}

const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  lang: isLang(r.preferred_lang) ? r.preferred_lang : null,
  showInDirectory: r.show_in_directory,
});

export async function peopleByIds(e: Executor, ids: readonly number[]): Promise<Map<number, Person>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const r = await sql<PersonRow>`
    select id, email, display_name, preferred_lang, show_in_directory from accounts_users where id = any(${unique}::bigint[])`.execute(e);
  return new Map(r.rows.map((row) => [row.id, toPerson(row)]));
}

export async function displayNames(e: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  const people = await peopleByIds(e, ids);
  return new Map([...people].map(([id, p]) => [id, p.displayName]));
}

/** The e-mail is normalised here (trimmed, lower case) as it is everywhere in accounts. */
export async function findPersonByEmail(e: Executor, email: string): Promise<Person | null> {
  const r = await sql<PersonRow>`
    select id, email, display_name, preferred_lang, show_in_directory from accounts_users where email = ${email.trim().toLowerCase()}`.execute(e);
  return r.rows[0] ? toPerson(r.rows[0]) : null;
}
