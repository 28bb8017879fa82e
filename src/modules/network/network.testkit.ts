// Test fixtures of the library: municipalities, initiatives, verified volunteer hours and signed-off
// savings written straight in SQL inside each tenant's transaction, so the evidence can be checked
// against numbers the test chose.
import { sql } from 'kysely';
import type { Database } from '../../core/db/database.js';

export async function initiative(db: Database, mid: number, by: number, title: string, state = 'active'): Promise<number> {
  return db.transaction({ municipalityId: mid, userId: by }, async (tx) => {
    const r = await sql<{ id: number }>`insert into initiatives (municipality_id, title, problem, proposal, lang, state, created_by)
      values (${mid}, ${title}, ${'Bussen kører tom det meste af dagen, og borgerne mangler ture om aftenen.'},
        ${'Vi planlægger selv ruten om sammen med trafikselskabet.\n\nPengene, vi sparer, går til en lokal bybus.'}, 'da', ${state}, ${by})
      returning id`.execute(tx);
    return r.rows[0]!.id;
  });
}

/** One past work day for the initiative with a verified shift per person (minutes each). */
export async function verifiedHours(db: Database, mid: number, initiativeId: number, people: { userId: number; minutes: number }[], verifier: number): Promise<void> {
  await db.transaction({ municipalityId: mid }, async (tx) => {
    const starts = new Date(Date.now() - 7 * 86400_000);
    const ends = new Date(starts.getTime() + 6 * 3600_000);
    const d = await sql<{ id: number }>`insert into workdays_days (municipality_id, title, lang, initiative_id, address, starts_at, ends_at)
      values (${mid}, 'Arbejdsdag', 'da', ${initiativeId}, 'Torvet 1', ${starts}, ${ends}) returning id`.execute(tx);
    const s = await sql<{ id: number }>`insert into workdays_shifts (municipality_id, day_id, label, starts_at, ends_at, capacity)
      values (${mid}, ${d.rows[0]!.id}, 'Hele dagen', ${starts}, ${ends}, 100) returning id`.execute(tx);
    let position = 1;
    for (const p of people) {
      await sql`insert into workdays_signups (municipality_id, shift_id, user_id, status, position, attended, minutes, verified_by, verified_at)
        values (${mid}, ${s.rows[0]!.id}, ${p.userId}, 'confirmed', ${position++}, true, ${p.minutes}, ${verifier}, now())`.execute(tx);
    }
  });
}

/** A signed-off saving of `ore` for the initiative: service budget → pot. Returns the transaction id. */
export async function saving(db: Database, mid: number, initiativeId: number, ore: number, postedBy: number, kind: 'saving' | 'reinvestment' = 'saving'): Promise<number> {
  return db.transaction({ municipalityId: mid, userId: postedBy }, async (tx) => {
    const from = await sql<{ id: number }>`insert into ledger_accounts (municipality_id, kind, name, may_go_negative)
      values (${mid}, 'service_budget', ${`Budget ${Math.random()}`}, true) returning id`.execute(tx);
    const to = await sql<{ id: number }>`insert into ledger_accounts (municipality_id, kind, name, may_go_negative)
      values (${mid}, 'pot', ${`Pulje ${Math.random()}`}, false) returning id`.execute(tx);
    const t = await sql<{ id: number }>`insert into ledger_transactions (municipality_id, posted_by, memo, kind, initiative_id)
      values (${mid}, ${postedBy}, 'Besparelse godkendt', ${kind}, ${initiativeId}) returning id`.execute(tx);
    const id = t.rows[0]!.id;
    await sql`insert into ledger_entries (municipality_id, transaction_id, line, account_id, amount_ore)
      values (${mid}, ${id}, 1, ${from.rows[0]!.id}, ${-ore}), (${mid}, ${id}, 2, ${to.rows[0]!.id}, ${ore})`.execute(tx);
    return id;
  });
}

export async function reverse(db: Database, mid: number, transactionId: number, postedBy: number): Promise<void> {
  await db.transaction({ municipalityId: mid, userId: postedBy }, async (tx) => {
    const t = await sql<{ id: number }>`insert into ledger_transactions (municipality_id, posted_by, memo, kind, reverses_id)
      values (${mid}, ${postedBy}, 'Tilbageført', 'reversal', ${transactionId}) returning id`.execute(tx);
    await sql`insert into ledger_entries (municipality_id, transaction_id, line, account_id, amount_ore)
      select municipality_id, ${t.rows[0]!.id}, line, account_id, -amount_ore from ledger_entries
      where municipality_id = ${mid} and transaction_id = ${transactionId}`.execute(tx);
  });
}
