// SQL of the ledger foundation: accounts, transactions and entries. Knows nothing of permissions;
// callers pass the executor of a transaction whose tenant is already set. The tenant filter is
// repeated in every query although row-level security enforces it. Writes of money go through
// ledger.posting.ts only.
import { sql } from 'kysely';
import { tables, type Executor } from '../../core/db/database.js';
import { toOre } from './ledger.money.js';
import type { AccountKind, AccountWithBalance, LedgerAccount, LedgerEntry, LedgerTables, LedgerTransaction, TransactionKind } from './ledger.types.js';

const db = (e: Executor) => tables<LedgerTables>(e);

interface AccountRow {
  municipality_id: number;
  id: number;
  kind: AccountKind;
  name: string;
  code: string | null;
  description: string;
  may_go_negative: boolean;
  initiative_id: number | null;
  area_id: number | null;
  budgeting_process_id: number | null;
  group_id: number | null;
  archived: boolean;
  created_at: Date;
  created_by: number | null;
}
const toAccount = (r: AccountRow): LedgerAccount => ({
  municipalityId: r.municipality_id,
  id: r.id,
  kind: r.kind,
  name: r.name,
  code: r.code,
  description: r.description,
  mayGoNegative: r.may_go_negative,
  initiativeId: r.initiative_id,
  areaId: r.area_id,
  budgetingProcessId: r.budgeting_process_id,
  groupId: r.group_id,
  archived: r.archived,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

/** Every account with its balance and number of entries, ordered by kind, then name. */
export async function listAccounts(e: Executor, municipalityId: number, options: { includeArchived?: boolean; kinds?: AccountKind[] } = {}): Promise<AccountWithBalance[]> {
  const r = await sql<AccountRow & { balance: string; entry_count: number }>`
    select a.*, coalesce(b.balance, '0') as balance, coalesce(b.entry_count, 0)::int as entry_count
      from ledger_accounts a
      left join (select account_id, sum(amount_ore)::text as balance, count(*) as entry_count
                   from ledger_entries where municipality_id = ${municipalityId} group by account_id) b on b.account_id = a.id
     where a.municipality_id = ${municipalityId}
       ${options.includeArchived ? sql`` : sql`and not a.archived`}
       ${options.kinds && options.kinds.length > 0 ? sql`and a.kind = any(${options.kinds}::text[])` : sql``}
     order by a.kind, lower(a.name), a.id`.execute(e);
  return r.rows.map((row) => ({ ...toAccount(row), balanceOre: toOre(row.balance), entryCount: Number(row.entry_count) }));
}

export async function findAccount(e: Executor, municipalityId: number, id: number): Promise<AccountWithBalance | null> {
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2147483647) return null;
  const all = await sql<AccountRow & { balance: string; entry_count: number }>`
    select a.*, coalesce((select sum(amount_ore) from ledger_entries where municipality_id = a.municipality_id and account_id = a.id), 0)::text as balance,
           (select count(*) from ledger_entries where municipality_id = a.municipality_id and account_id = a.id)::int as entry_count
      from ledger_accounts a where a.municipality_id = ${municipalityId} and a.id = ${id}`.execute(e);
  const row = all.rows[0];
  return row ? { ...toAccount(row), balanceOre: toOre(row.balance), entryCount: Number(row.entry_count) } : null;
}

export interface NewAccount {
  kind: AccountKind;
  name: string;
  code: string | null;
  description: string;
  mayGoNegative: boolean;
  createdBy: number;
}

export async function insertAccount(e: Executor, municipalityId: number, a: NewAccount): Promise<number> {
  const row = await db(e)
    .insertInto('ledger_accounts')
    .values({ municipality_id: municipalityId, kind: a.kind, name: a.name, code: a.code, description: a.description, may_go_negative: a.mayGoNegative, created_by: a.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function accountNameTaken(e: Executor, municipalityId: number, kind: AccountKind, name: string): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from ledger_accounts
    where municipality_id = ${municipalityId} and kind = ${kind} and not archived and lower(name) = lower(${name})`.execute(e);
  return (r.rows[0]?.n ?? 0) > 0;
}

interface TransactionRow {
  municipality_id: number;
  id: number;
  posted_at: Date;
  posted_by: number;
  memo: string;
  kind: TransactionKind;
  reverses_id: number | null;
  reversed_by_id: number | null;
  initiative_id: number | null;
  agreement_id: number | null;
  grant_application_id: number | null;
  budgeting_process_id: number | null;
}
const toTransaction = (r: TransactionRow): LedgerTransaction => ({
  municipalityId: r.municipality_id,
  id: Number(r.id),
  postedAt: r.posted_at,
  postedBy: Number(r.posted_by),
  memo: r.memo,
  kind: r.kind,
  reversesId: r.reverses_id === null ? null : Number(r.reverses_id),
  reversedById: r.reversed_by_id === null ? null : Number(r.reversed_by_id),
  initiativeId: r.initiative_id,
  agreementId: r.agreement_id,
  grantApplicationId: r.grant_application_id,
  budgetingProcessId: r.budgeting_process_id,
});

export interface TransactionFilter {
  /** Inclusive start instant. */
  from?: Date | null;
  /** Exclusive end instant. */
  to?: Date | null;
  accountId?: number | null;
  limit?: number;
  offset?: number;
}

const transactionColumns = sql`t.municipality_id, t.id, t.posted_at, t.posted_by, t.memo, t.kind, t.reverses_id,
  (select r.id from ledger_transactions r where r.municipality_id = t.municipality_id and r.reverses_id = t.id) as reversed_by_id,
  t.initiative_id, t.agreement_id, t.grant_application_id, t.budgeting_process_id`;

function filterSql(municipalityId: number, f: TransactionFilter) {
  return sql`t.municipality_id = ${municipalityId}
    ${f.from ? sql`and t.posted_at >= ${f.from}` : sql``}
    ${f.to ? sql`and t.posted_at < ${f.to}` : sql``}
    ${f.accountId ? sql`and exists (select 1 from ledger_entries x where x.municipality_id = t.municipality_id and x.transaction_id = t.id and x.account_id = ${f.accountId})` : sql``}`;
}

/** Transactions newest first, each with its entries. */
export async function listTransactions(e: Executor, municipalityId: number, f: TransactionFilter = {}): Promise<{ transaction: LedgerTransaction; entries: LedgerEntry[] }[]> {
  const r = await sql<TransactionRow>`select ${transactionColumns} from ledger_transactions t
    where ${filterSql(municipalityId, f)} order by t.posted_at desc, t.id desc limit ${f.limit ?? 200} offset ${f.offset ?? 0}`.execute(e);
  const txs = r.rows.map(toTransaction);
  const entries = await entriesOf(e, municipalityId, txs.map((t) => t.id));
  return txs.map((t) => ({ transaction: t, entries: entries.get(t.id) ?? [] }));
}

export async function countTransactions(e: Executor, municipalityId: number, f: TransactionFilter = {}): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from ledger_transactions t where ${filterSql(municipalityId, f)}`.execute(e);
  return r.rows[0]?.n ?? 0;
}

export async function findTransaction(e: Executor, municipalityId: number, id: number): Promise<{ transaction: LedgerTransaction; entries: LedgerEntry[] } | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const r = await sql<TransactionRow>`select ${transactionColumns} from ledger_transactions t where t.municipality_id = ${municipalityId} and t.id = ${id}`.execute(e);
  const row = r.rows[0];
  if (!row) return null;
  const transaction = toTransaction(row);
  return { transaction, entries: (await entriesOf(e, municipalityId, [transaction.id])).get(transaction.id) ?? [] };
}

async function entriesOf(e: Executor, municipalityId: number, transactionIds: number[]): Promise<Map<number, LedgerEntry[]>> {
  const out = new Map<number, LedgerEntry[]>();
  if (transactionIds.length === 0) return out;
  const r = await sql<{ transaction_id: number; line: number; account_id: number; amount_ore: string }>`
    select transaction_id, line, account_id, amount_ore::text as amount_ore from ledger_entries
     where municipality_id = ${municipalityId} and transaction_id = any(${transactionIds}::bigint[]) order by transaction_id, line`.execute(e);
  for (const row of r.rows) {
    const id = Number(row.transaction_id);
    const list = out.get(id) ?? [];
    list.push({ transactionId: id, line: row.line, accountId: row.account_id, amountOre: toOre(row.amount_ore) });
    out.set(id, list);
  }
  return out;
}

export interface AccountEntryRow {
  transactionId: number;
  line: number;
  amountOre: bigint;
  /** The account's balance after this entry (entries in posting order). */
  balanceAfterOre: bigint;
  postedAt: Date;
  postedBy: number;
  memo: string;
  kind: TransactionKind;
}

/** The entries of one account, newest first, with the running balance. */
export async function accountEntries(e: Executor, municipalityId: number, accountId: number, limit = 500): Promise<AccountEntryRow[]> {
  const r = await sql<{ transaction_id: number; line: number; amount_ore: string; balance_after: string; posted_at: Date; posted_by: number; memo: string; kind: TransactionKind }>`
    select * from (
      select e.transaction_id, e.line, e.amount_ore::text as amount_ore,
             (sum(e.amount_ore) over (order by e.transaction_id, e.line))::text as balance_after,
             t.posted_at, t.posted_by, t.memo, t.kind
        from ledger_entries e
        join ledger_transactions t on t.municipality_id = e.municipality_id and t.id = e.transaction_id
       where e.municipality_id = ${municipalityId} and e.account_id = ${accountId}) x
    order by transaction_id desc, line desc limit ${limit}`.execute(e);
  return r.rows.map((row) => ({
    transactionId: Number(row.transaction_id),
    line: row.line,
    amountOre: toOre(row.amount_ore),
    balanceAfterOre: toOre(row.balance_after),
    postedAt: row.posted_at,
    postedBy: Number(row.posted_by),
    memo: row.memo,
    kind: row.kind,
  }));
}

export interface ExportRow {
  transactionId: number;
  line: number;
  postedAt: Date;
  accountCode: string | null;
  accountName: string;
  amountOre: bigint;
  memo: string;
  kind: TransactionKind;
  reversesId: number | null;
  initiativeId: number | null;
  agreementId: number | null;
  grantApplicationId: number | null;
  budgetingProcessId: number | null;
  postedBy: number;
}

/** One row per entry of the transactions posted in [from, to), oldest first. */
export async function exportEntries(e: Executor, municipalityId: number, from: Date, to: Date): Promise<ExportRow[]> {
  const r = await sql<{
    transaction_id: number; line: number; posted_at: Date; code: string | null; name: string; amount_ore: string; memo: string; kind: TransactionKind;
    reverses_id: number | null; initiative_id: number | null; agreement_id: number | null; grant_application_id: number | null; budgeting_process_id: number | null; posted_by: number;
  }>`
    select e.transaction_id, e.line, t.posted_at, a.code, a.name, e.amount_ore::text as amount_ore, t.memo, t.kind, t.reverses_id,
           t.initiative_id, t.agreement_id, t.grant_application_id, t.budgeting_process_id, t.posted_by
      from ledger_entries e
      join ledger_transactions t on t.municipality_id = e.municipality_id and t.id = e.transaction_id
      join ledger_accounts a on a.municipality_id = e.municipality_id and a.id = e.account_id
     where e.municipality_id = ${municipalityId} and t.posted_at >= ${from} and t.posted_at < ${to}
     order by t.posted_at, e.transaction_id, e.line`.execute(e);
  return r.rows.map((row) => ({
    transactionId: Number(row.transaction_id),
    line: row.line,
    postedAt: row.posted_at,
    accountCode: row.code,
    accountName: row.name,
    amountOre: toOre(row.amount_ore),
    memo: row.memo,
    kind: row.kind,
    reversesId: row.reverses_id === null ? null : Number(row.reverses_id),
    initiativeId: row.initiative_id,
    agreementId: row.agreement_id,
    grantApplicationId: row.grant_application_id,
    budgetingProcessId: row.budgeting_process_id,
    postedBy: Number(row.posted_by),
  }));
}

/**
 * Money moved per transaction kind, net of reversals: the positive side of each transaction, and
 * for a reversal the (negative) mirror of that side, counted under the kind it reverses.
 */
export async function movedByKind(e: Executor, municipalityId: number): Promise<Map<TransactionKind, bigint>> {
  const r = await sql<{ kind: TransactionKind; moved: string }>`
    select coalesce(o.kind, t.kind) as kind,
           sum(case when t.reverses_id is null and e.amount_ore > 0 then e.amount_ore
                    when t.reverses_id is not null and e.amount_ore < 0 then e.amount_ore else 0 end)::text as moved
      from ledger_entries e
      join ledger_transactions t on t.municipality_id = e.municipality_id and t.id = e.transaction_id
      left join ledger_transactions o on o.municipality_id = t.municipality_id and o.id = t.reverses_id
     where e.municipality_id = ${municipalityId}
     group by 1`.execute(e);
  return new Map(r.rows.map((row) => [row.kind, toOre(row.moved)]));
}
