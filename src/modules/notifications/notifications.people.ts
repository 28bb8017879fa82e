// The few facts about people this module needs to send them e-mail: address, name and language.
// The one place in this module that reads accounts data; it reads the public columns of
// accounts_users and writes nothing. (To be switched to accounts/index.ts once it exports a lookup.)
import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import type { Lang } from '../../core/i18n/i18n.js';

export interface Recipient {
  id: number;
  email: string;
  displayName: string;
  lang: Lang | null;
}

export async function recipients(e: Executor, ids: readonly number[]): Promise<Map<number, Recipient>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const r = await sql<{ id: number; email: string; display_name: string; preferred_lang: string | null }>`
    select id, email, display_name, preferred_lang from accounts_users where id = any(${unique}::bigint[])`.execute(e);
  return new Map(
    r.rows.map((row) => [
      row.id,
      { id: row.id, email: row.email, displayName: row.display_name, lang: row.preferred_lang === 'da' || row.preferred_lang === 'en' ? row.preferred_lang : null },
    ]),
  );
}
