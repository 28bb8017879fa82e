// Posting money: the one way entries are written. Must run inside deps.db.transaction(...): it locks
// the touched accounts (in id order, so two postings never deadlock), checks the shape and that no
// account that may not go negative would, then inserts. The deferred triggers of 0001_ledger.sql
// check the same at commit as a backstop for every other writer.
import { sql } from 'kysely';
import { tables, type Executor } from '../../core/db/database.js';
import { err, ok, type Result } from '../../core/errors/result.js';
import { checkEntries, netByAccount } from './ledger.balancing.js';
import { toOre } from './ledger.money.js';
import { defaultMayGoNegative, type AccountKind, type LedgerTables, type PostingError, type TransactionKind, type TransactionLinks } from './ledger.types.js';

export interface EntryInput {
  accountId: number;
  amountOre: bigint;
}

export interface PostingInput {
  municipalityId: number;
  postedBy: number;
  /** Why the money moved (required, shown on every page and in the export). */
  memo: string;
  kind: TransactionKind;
  entries: EntryInput[];
  links?: TransactionLinks;
  /** Only for kind 'reversal': the transaction this one reverses. Use commands/reverse-transaction.ts. */
  reversesId?: number;
}

const db = (trx: Executor) => tables<LedgerTables>(trx);

export async function postTransaction(trx: Executor, input: PostingInput): Promise<Result<{ transactionId: number }, PostingError>> {
  const memo = input.memo.trim();
  if (memo === '' || memo.length > 1000) throw new Error('postTransaction: memo must be 1–1000 characters (validate it in the command)');
  const shape = checkEntries(input.entries);
  if (!shape.ok) return shape;

  const net = netByAccount(input.entries);
  const ids = [...net.keys()].sort((a, b) => a - b);
  const accounts = await db(trx)
    .selectFrom('ledger_accounts')
    .select(['id', 'may_go_negative'])
    .where('municipality_id', '=', input.municipalityId)
    .where('id', 'in', ids)
    .orderBy('id')
    .forNoKeyUpdate()
    .execute();
  if (accounts.length !== ids.length) return err('ledger.unknownAccount');

  const guarded = accounts.filter((a) => !a.may_go_negative && (net.get(a.id) ?? 0n) < 0n).map((a) => a.id);
  if (guarded.length > 0) {
    const balances = await balancesOf(trx, input.municipalityId, guarded);
    for (const id of guarded) {
      if ((balances.get(id) ?? 0n) + (net.get(id) ?? 0n) < 0n) return err('ledger.overdrawn');
    }
  }

  const links = input.links ?? {};
  const row = await db(trx)
    .insertInto('ledger_transactions')
    .values({
      municipality_id: input.municipalityId,
      posted_by: input.postedBy,
      memo,
      kind: input.kind,
      reverses_id: input.reversesId ?? null,
      initiative_id: links.initiativeId ?? null,
      agreement_id: links.agreementId ?? null,
      grant_application_id: links.grantApplicationId ?? null,
      budgeting_process_id: links.budgetingProcessId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db(trx)
    .insertInto('ledger_entries')
    .values(
      input.entries.map((e, i) => ({
        municipality_id: input.municipalityId,
        transaction_id: row.id,
        line: i + 1,
        account_id: e.accountId,
        amount_ore: e.amountOre.toString(),
      })),
    )
    .execute();
  return ok({ transactionId: Number(row.id) });
}

/** Balances of several accounts (sum of their entries); accounts without entries are 0. */
export async function balancesOf(trx: Executor, municipalityId: number, accountIds: number[]): Promise<Map<number, bigint>> {
  const out = new Map<number, bigint>(accountIds.map((id) => [id, 0n]));
  if (accountIds.length === 0) return out;
  const rows = await db(trx)
    .selectFrom('ledger_entries')
    .select(['account_id', sql<string>`sum(amount_ore)::text`.as('balance')])
    .where('municipality_id', '=', municipalityId)
    .where('account_id', 'in', accountIds)
    .groupBy('account_id')
    .execute();
  for (const r of rows) out.set(r.account_id, toOre(r.balance));
  return out;
}

export async function accountBalance(trx: Executor, municipalityId: number, accountId: number): Promise<bigint> {
  return (await balancesOf(trx, municipalityId, [accountId])).get(accountId) ?? 0n;
}

export interface EnsureAccountInput {
  municipalityId: number;
  kind: AccountKind;
  name: string;
  code?: string | null;
  description?: string;
  initiativeId?: number | null;
  budgetingProcessId?: number | null;
  areaId?: number | null;
  groupId?: number | null;
  createdBy?: number | null;
  /** Defaults by kind: false for pots, pools and initiative budgets, true otherwise. */
  mayGoNegative?: boolean;
}

/**
 * Idempotent: the active (not archived) account of that kind for that initiative / process / area /
 * group when one of those is given, otherwise the active account of that kind and name; created
 * when there is none. Safe to call from several seeds and from concurrent requests (an advisory
 * lock per key serialises creation).
 */
export async function ensureAccount(trx: Executor, input: EnsureAccountInput): Promise<number> {
  const owner = {
    initiative_id: input.initiativeId ?? null,
    budgeting_process_id: input.budgetingProcessId ?? null,
    area_id: input.areaId ?? null,
    group_id: input.groupId ?? null,
  };
  const byOwner = Object.values(owner).some((v) => v !== null);
  const name = input.name.trim();
  const key = `ledger_account:${input.municipalityId}:${input.kind}:${byOwner ? JSON.stringify(owner) : name.toLowerCase()}`;
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);

  let q = db(trx)
    .selectFrom('ledger_accounts')
    .select('id')
    .where('municipality_id', '=', input.municipalityId)
    .where('kind', '=', input.kind)
    .where('archived', '=', false);
  for (const [col, value] of Object.entries(owner) as [keyof typeof owner, number | null][]) {
    q = value === null ? q.where(col, 'is', null) : q.where(col, '=', value);
  }
  if (!byOwner) q = q.where(sql<boolean>`lower(name) = ${name.toLowerCase()}`);
  const found = await q.orderBy('id').executeTakeFirst();
  if (found) return found.id;

  const row = await db(trx)
    .insertInto('ledger_accounts')
    .values({
      municipality_id: input.municipalityId,
      kind: input.kind,
      name,
      code: input.code ?? null,
      description: input.description ?? '',
      may_go_negative: input.mayGoNegative ?? defaultMayGoNegative(input.kind),
      ...owner,
      created_by: input.createdBy ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The ledger's refusal codes raised by the database (hint of a P0001 error), as error codes. */
const dbErrors: Record<string, PostingError | 'ledger.appendOnly' | 'ledger.reversal.mismatch'> = {
  ledger_unbalanced: 'ledger.unbalanced',
  ledger_too_few_entries: 'ledger.tooFewEntries',
  ledger_overdrawn: 'ledger.overdrawn',
  ledger_append_only: 'ledger.appendOnly',
  ledger_reversal_mismatch: 'ledger.reversal.mismatch',
};

/** Maps an error thrown by the database (usually at commit) to the ledger's code, or null if it is none of ours. */
export function ledgerDbError(error: unknown): PostingError | 'ledger.appendOnly' | 'ledger.reversal.mismatch' | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { code?: unknown; hint?: unknown; message?: unknown };
  if (e.code !== 'P0001') return null;
  const hint = typeof e.hint === 'string' ? e.hint : typeof e.message === 'string' ? e.message : '';
  return dbErrors[hint] ?? null;
}
