// Test helpers of the ledger: a municipality with a finance officer, accounts, raw reads.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../core/db/database.js';
import { createMunicipality, createPerson } from '../../testing/actors.js';
import { ensureAccount, postTransaction, type EnsureAccountInput, type EntryInput } from './ledger.posting.js';
import type { TransactionKind } from './ledger.types.js';

export async function ledgerMunicipality(db: Database, prefix = 'led') {
  const slug = `${prefix}-${crypto.randomBytes(3).toString('hex')}`;
  const mid = await createMunicipality(db, slug);
  const officer = await createPerson(db, { roles: [[mid, 'finance_officer']] });
  return { mid, slug, officer };
}

export function account(db: Database, mid: number, input: Omit<EnsureAccountInput, 'municipalityId'>): Promise<number> {
  return db.transaction({ municipalityId: mid }, (trx) => ensureAccount(trx, { ...input, municipalityId: mid }));
}

export function post(db: Database, mid: number, postedBy: number, entries: EntryInput[], kind: TransactionKind = 'manual', memo = 'test') {
  return db.transaction({ municipalityId: mid, userId: postedBy }, (trx) => postTransaction(trx, { municipalityId: mid, postedBy, memo, kind, entries }));
}

/** Every entry of the municipality, read as the app role (row-level security applies). */
export async function allEntries(db: Database, mid: number) {
  const r = await db.transaction({ municipalityId: mid }, (trx) =>
    sql<{ transaction_id: number; account_id: number; amount_ore: string }>`select transaction_id, account_id, amount_ore::text as amount_ore from ledger_entries order by transaction_id, line`.execute(trx),
  );
  return r.rows.map((x) => ({ transactionId: Number(x.transaction_id), accountId: x.account_id, amountOre: BigInt(x.amount_ore) }));
}

/** Runs raw SQL in a tenant transaction and returns the database's refusal hint (or 'committed'). */
export async function rawOutcome(db: Database, mid: number, fn: (trx: Parameters<Parameters<Database['transaction']>[1]>[0]) => Promise<unknown>): Promise<string> {
  try {
    await db.transaction({ municipalityId: mid }, fn);
    return 'committed';
  } catch (e) {
    const x = e as { hint?: string; code?: string; message?: string };
    return x.hint || x.code || String(x.message);
  }
}

/** A finance officer as an Actor (the roles the policy reads). */
export function officerActor(id: number, mid: number): import('../../core/auth/actor.js').Actor {
  return {
    id,
    sessionId: 'test',
    displayName: 'Finance Officer',
    email: 'fo@example.dk',
    emailVerified: true,
    lang: 'da',
    networkRole: null,
    roles: new Map([[mid, new Set(['finance_officer' as const])]]),
  };
}

/** The books' invariants, read from the database: every transaction has ≥ 2 entries summing to 0. */
export async function bookTotals(db: Database, mid: number) {
  return db.transaction({ municipalityId: mid }, async (trx) => {
    const perTx = await sql<{ id: number; n: number; total: string }>`
      select t.id, count(e.line)::int as n, coalesce(sum(e.amount_ore), 0)::text as total
        from ledger_transactions t left join ledger_entries e on e.municipality_id = t.municipality_id and e.transaction_id = t.id
       group by t.id order by t.id`.execute(trx);
    const all = await sql<{ total: string }>`select coalesce(sum(amount_ore), 0)::text as total from ledger_entries`.execute(trx);
    const balances = await sql<{ id: number; may_go_negative: boolean; balance: string }>`
      select a.id, a.may_go_negative, coalesce(sum(e.amount_ore), 0)::text as balance
        from ledger_accounts a left join ledger_entries e on e.municipality_id = a.municipality_id and e.account_id = a.id
       group by a.id, a.may_go_negative order by a.id`.execute(trx);
    return {
      transactions: perTx.rows.map((r) => ({ id: Number(r.id), entries: r.n, total: BigInt(r.total) })),
      total: BigInt(all.rows[0]!.total),
      balances: new Map(balances.rows.map((r) => [r.id, { mayGoNegative: r.may_go_negative, balance: BigInt(r.balance) }])),
    };
  });
}
