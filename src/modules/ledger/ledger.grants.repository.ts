// SQL of grant pools and applications. No permissions here; every function runs inside the caller's
// tenant transaction. Amounts travel as text into the database and come back through toOre.
import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import { toOre } from './ledger.money.js';
import type {
  ApplicantKind,
  ApplicationStatus,
  GrantApplication,
  GrantPool,
  MoneyLine,
  PoolStatus,
  PoolWithBalance,
  Receipt,
  ReceiptType,
  TextLang,
  TriageNote,
} from './ledger.grants.types.js';

type Num = number | string;

interface PoolRow {
  municipality_id: number;
  id: number;
  name: string;
  description: string;
  lang: TextLang;
  account_id: number;
  max_grant_ore: Num;
  cofinancing_bp: number;
  allow_groups: boolean;
  allow_associations: boolean;
  allow_residents: boolean;
  deadline: string;
  fast_track_ore: Num;
  report_due_days: number;
  status: PoolStatus;
  created_at: Date;
}

const toPool = (r: PoolRow): GrantPool => ({
  municipalityId: r.municipality_id,
  id: r.id,
  name: r.name,
  description: r.description,
  lang: r.lang,
  accountId: r.account_id,
  maxGrantOre: toOre(r.max_grant_ore),
  cofinancingBp: r.cofinancing_bp,
  allowGroups: r.allow_groups,
  allowAssociations: r.allow_associations,
  allowResidents: r.allow_residents,
  deadline: r.deadline,
  fastTrackOre: toOre(r.fast_track_ore),
  reportDueDays: r.report_due_days,
  status: r.status,
  createdAt: r.created_at,
});

export interface NewPool {
  name: string;
  description: string;
  lang: TextLang;
  accountId: number;
  maxGrantOre: bigint;
  cofinancingBp: number;
  allowGroups: boolean;
  allowAssociations: boolean;
  allowResidents: boolean;
  deadline: string;
  fastTrackOre: bigint;
  reportDueDays: number;
  createdBy: number | null;
}

export async function insertPool(e: Executor, mid: number, p: NewPool): Promise<number> {
  const r = await sql<{ id: number }>`
    insert into ledger_grant_pools (municipality_id, name, description, lang, account_id, max_grant_ore, cofinancing_bp,
      allow_groups, allow_associations, allow_residents, deadline, fast_track_ore, report_due_days, created_by)
    values (${mid}, ${p.name}, ${p.description}, ${p.lang}, ${p.accountId}, ${p.maxGrantOre.toString()}, ${p.cofinancingBp},
      ${p.allowGroups}, ${p.allowAssociations}, ${p.allowResidents}, ${p.deadline}, ${p.fastTrackOre.toString()}, ${p.reportDueDays}, ${p.createdBy})
    returning id`.execute(e);
  return r.rows[0]!.id;
}

export async function poolNameTaken(e: Executor, mid: number, name: string): Promise<boolean> {
  const r = await sql`select 1 from ledger_grant_pools where municipality_id = ${mid} and lower(name) = lower(${name})`.execute(e);
  return r.rows.length > 0;
}

export async function findPool(e: Executor, mid: number, poolId: number, options: { lock?: boolean } = {}): Promise<GrantPool | null> {
  const r = await sql<PoolRow>`select * from ledger_grant_pools where municipality_id = ${mid} and id = ${poolId} ${options.lock ? sql`for update` : sql``}`.execute(e);
  return r.rows[0] ? toPool(r.rows[0]) : null;
}

export async function findPoolByName(e: Executor, mid: number, name: string): Promise<GrantPool | null> {
  const r = await sql<PoolRow>`select * from ledger_grant_pools where municipality_id = ${mid} and name = ${name}`.execute(e);
  return r.rows[0] ? toPool(r.rows[0]) : null;
}

export async function setPoolStatus(e: Executor, mid: number, poolId: number, status: PoolStatus): Promise<boolean> {
  const r = await sql`update ledger_grant_pools set status = ${status} where municipality_id = ${mid} and id = ${poolId}`.execute(e);
  return Number(r.numAffectedRows ?? 0) > 0;
}

/** Pools with their balance and what is granted but not yet paid; `status` null lists all. */
export async function listPools(e: Executor, mid: number, status: PoolStatus | null, poolId?: number): Promise<PoolWithBalance[]> {
  const r = await sql<PoolRow & { balance: string; committed: string; application_count: Num }>`
    select p.*,
      coalesce((select sum(amount_ore) from ledger_entries en where en.municipality_id = p.municipality_id and en.account_id = p.account_id), 0)::text as balance,
      coalesce((select sum(amount_granted_ore) from ledger_grant_applications a
                 where a.municipality_id = p.municipality_id and a.pool_id = p.id and a.status in ('approved', 'fast_track_approved')), 0)::text as committed,
      (select count(*) from ledger_grant_applications a where a.municipality_id = p.municipality_id and a.pool_id = p.id) as application_count
    from ledger_grant_pools p
    where p.municipality_id = ${mid}
      ${status ? sql`and p.status = ${status}` : sql``}
      ${poolId !== undefined ? sql`and p.id = ${poolId}` : sql``}
    order by p.status = 'open' desc, p.deadline, p.id`.execute(e);
  return r.rows.map((row) => ({ ...toPool(row), balanceOre: toOre(row.balance), committedOre: toOre(row.committed), applicationCount: Number(row.application_count) }));
}

// Applications ----------------------------------------------------------------------------------

export interface NewApplication {
  poolId: number;
  applicantId: number;
  applicantKind: ApplicantKind;
  groupId: number | null;
  title: string;
  purpose: string;
  lang: TextLang;
  amountRequestedOre: bigint;
  cofinancingOre: bigint;
  budget: { description: string; amountOre: bigint }[];
}

export async function insertApplication(e: Executor, mid: number, a: NewApplication): Promise<number> {
  const r = await sql<{ id: number }>`
    insert into ledger_grant_applications (municipality_id, pool_id, applicant_id, applicant_kind, group_id, title, purpose, lang,
      amount_requested_ore, cofinancing_ore)
    values (${mid}, ${a.poolId}, ${a.applicantId}, ${a.applicantKind}, ${a.groupId}, ${a.title}, ${a.purpose}, ${a.lang},
      ${a.amountRequestedOre.toString()}, ${a.cofinancingOre.toString()})
    returning id`.execute(e);
  const id = r.rows[0]!.id;
  await insertLines(e, mid, 'ledger_grant_budget_lines', id, a.budget);
  return id;
}

async function insertLines(e: Executor, mid: number, table: 'ledger_grant_budget_lines' | 'ledger_grant_spending_lines', applicationId: number, lines: { description: string; amountOre: bigint }[]): Promise<void> {
  for (const [i, l] of lines.entries()) {
    await sql`insert into ${sql.table(table)} (municipality_id, application_id, line, description, amount_ore)
      values (${mid}, ${applicationId}, ${i + 1}, ${l.description}, ${l.amountOre.toString()})`.execute(e);
  }
}

interface ApplicationRow {
  municipality_id: number;
  id: number;
  pool_id: number;
  pool_name: string;
  pool_lang: TextLang;
  applicant_id: Num;
  applicant_name: string;
  applicant_kind: ApplicantKind;
  group_id: number | null;
  group_name: string | null;
  title: string;
  purpose: string;
  lang: TextLang;
  amount_requested_ore: Num;
  cofinancing_ore: Num;
  status: ApplicationStatus;
  deciding_body: string | null;
  decision_date: string | null;
  decision_note: string;
  amount_granted_ore: Num | null;
  fast_track: boolean;
  decided_by_name: string | null;
  decided_at: Date | null;
  payout_transaction_id: Num | null;
  paid_at: Date | null;
  report_due_on: string | null;
  report_narrative: string | null;
  report_lang: TextLang | null;
  reported_at: Date | null;
  repayment_flagged_at: Date | null;
  repayment_transaction_id: Num | null;
  closed_at: Date | null;
  created_at: Date;
}

const toApplication = (r: ApplicationRow): GrantApplication => ({
  municipalityId: r.municipality_id,
  id: r.id,
  poolId: r.pool_id,
  poolName: r.pool_name,
  poolLang: r.pool_lang,
  applicantId: Number(r.applicant_id),
  applicantName: r.applicant_name,
  applicantKind: r.applicant_kind,
  groupId: r.group_id,
  groupName: r.group_name,
  title: r.title,
  purpose: r.purpose,
  lang: r.lang,
  amountRequestedOre: toOre(r.amount_requested_ore),
  cofinancingOre: toOre(r.cofinancing_ore),
  status: r.status,
  decidingBody: r.deciding_body,
  decisionDate: r.decision_date,
  decisionNote: r.decision_note,
  amountGrantedOre: r.amount_granted_ore === null ? null : toOre(r.amount_granted_ore),
  fastTrack: r.fast_track,
  decidedByName: r.decided_by_name,
  decidedAt: r.decided_at,
  payoutTransactionId: r.payout_transaction_id === null ? null : Number(r.payout_transaction_id),
  paidAt: r.paid_at,
  reportDueOn: r.report_due_on,
  reportNarrative: r.report_narrative,
  reportLang: r.report_lang,
  reportedAt: r.reported_at,
  repaymentFlaggedAt: r.repayment_flagged_at,
  repaymentTransactionId: r.repayment_transaction_id === null ? null : Number(r.repayment_transaction_id),
  closedAt: r.closed_at,
  createdAt: r.created_at,
});

const applicationSelect = sql`
  select a.*, p.name as pool_name, p.lang as pool_lang, u.display_name as applicant_name, g.name as group_name, d.display_name as decided_by_name
  from ledger_grant_applications a
  join ledger_grant_pools p on p.municipality_id = a.municipality_id and p.id = a.pool_id
  join accounts_users u on u.id = a.applicant_id
  left join groups g on g.municipality_id = a.municipality_id and g.id = a.group_id
  left join accounts_users d on d.id = a.decided_by`;

export async function findApplication(e: Executor, mid: number, applicationId: number): Promise<GrantApplication | null> {
  const r = await sql<ApplicationRow>`${applicationSelect} where a.municipality_id = ${mid} and a.id = ${applicationId}`.execute(e);
  return r.rows[0] ? toApplication(r.rows[0]) : null;
}

/** Locks the application row for the rest of the transaction: two payouts of one grant queue here. */
export async function lockApplication(e: Executor, mid: number, applicationId: number): Promise<{ status: ApplicationStatus } | null> {
  const r = await sql<{ status: ApplicationStatus }>`select status from ledger_grant_applications where municipality_id = ${mid} and id = ${applicationId} for update`.execute(e);
  return r.rows[0] ?? null;
}

export interface ApplicationFilter {
  poolId?: number;
  applicantId?: number;
  groupIds?: number[];
}

export async function listApplications(e: Executor, mid: number, f: ApplicationFilter): Promise<GrantApplication[]> {
  const mine =
    f.applicantId !== undefined
      ? f.groupIds && f.groupIds.length > 0
        ? sql`and (a.applicant_id = ${f.applicantId} or a.group_id in (${sql.join(f.groupIds)}))`
        : sql`and a.applicant_id = ${f.applicantId}`
      : sql``;
  const r = await sql<ApplicationRow>`${applicationSelect}
    where a.municipality_id = ${mid}
      ${f.poolId !== undefined ? sql`and a.pool_id = ${f.poolId}` : sql``}
      ${mine}
    order by a.created_at desc, a.id desc`.execute(e);
  return r.rows.map(toApplication);
}

export async function moneyLines(e: Executor, mid: number, table: 'ledger_grant_budget_lines' | 'ledger_grant_spending_lines', applicationId: number): Promise<MoneyLine[]> {
  const r = await sql<{ line: number; description: string; amount_ore: Num }>`
    select line, description, amount_ore from ${sql.table(table)} where municipality_id = ${mid} and application_id = ${applicationId} order by line`.execute(e);
  return r.rows.map((l) => ({ line: l.line, description: l.description, amountOre: toOre(l.amount_ore) }));
}

export async function triageNotes(e: Executor, mid: number, applicationId: number): Promise<TriageNote[]> {
  const r = await sql<{ id: number; author_name: string | null; note: string; lang: TextLang; created_at: Date }>`
    select n.id, u.display_name as author_name, n.note, n.lang, n.created_at
    from ledger_grant_triage_notes n left join accounts_users u on u.id = n.author_id
    where n.municipality_id = ${mid} and n.application_id = ${applicationId} order by n.created_at, n.id`.execute(e);
  return r.rows.map((n) => ({ id: n.id, authorName: n.author_name, note: n.note, lang: n.lang, createdAt: n.created_at }));
}

export async function insertTriageNote(e: Executor, mid: number, applicationId: number, authorId: number, note: string, lang: TextLang): Promise<void> {
  await sql`insert into ledger_grant_triage_notes (municipality_id, application_id, author_id, note, lang) values (${mid}, ${applicationId}, ${authorId}, ${note}, ${lang})`.execute(e);
  await sql`update ledger_grant_applications set status = 'in_triage', updated_at = now()
    where municipality_id = ${mid} and id = ${applicationId} and status = 'submitted'`.execute(e);
}

export interface Decision {
  status: 'approved' | 'fast_track_approved' | 'declined';
  decidingBody: string | null;
  decisionDate: string | null;
  note: string;
  amountGrantedOre: bigint | null;
  fastTrack: boolean;
  decidedBy: number;
}

export async function recordDecision(e: Executor, mid: number, applicationId: number, d: Decision): Promise<void> {
  await sql`update ledger_grant_applications
    set status = ${d.status}, deciding_body = ${d.decidingBody}, decision_date = ${d.decisionDate}, decision_note = ${d.note},
        amount_granted_ore = ${d.amountGrantedOre === null ? null : d.amountGrantedOre.toString()}, fast_track = ${d.fastTrack},
        decided_by = ${d.decidedBy}, decided_at = now(), updated_at = now()
    where municipality_id = ${mid} and id = ${applicationId}`.execute(e);
}

export async function recordPayout(e: Executor, mid: number, applicationId: number, transactionId: number, reportDueOn: string): Promise<void> {
  await sql`update ledger_grant_applications
    set status = 'paid', payout_transaction_id = ${transactionId}, paid_at = now(), report_due_on = ${reportDueOn}, updated_at = now()
    where municipality_id = ${mid} and id = ${applicationId}`.execute(e);
}

export async function recordReport(e: Executor, mid: number, applicationId: number, r: { narrative: string; lang: TextLang; reportedBy: number; spending: { description: string; amountOre: bigint }[] }): Promise<void> {
  await sql`update ledger_grant_applications
    set status = 'reported', report_narrative = ${r.narrative}, report_lang = ${r.lang}, reported_at = now(), reported_by = ${r.reportedBy}, updated_at = now()
    where municipality_id = ${mid} and id = ${applicationId}`.execute(e);
  await insertLines(e, mid, 'ledger_grant_spending_lines', applicationId, r.spending);
}

export async function insertReceipt(e: Executor, mid: number, applicationId: number, f: { fileName: string; contentType: ReceiptType; bytes: Buffer; uploadedBy: number }): Promise<number> {
  const r = await sql<{ id: number }>`insert into ledger_grant_receipts (municipality_id, application_id, file_name, content_type, bytes, uploaded_by)
    values (${mid}, ${applicationId}, ${f.fileName}, ${f.contentType}, ${f.bytes}, ${f.uploadedBy}) returning id`.execute(e);
  return r.rows[0]!.id;
}

export async function listReceipts(e: Executor, mid: number, applicationId: number): Promise<Receipt[]> {
  const r = await sql<{ id: number; file_name: string; content_type: ReceiptType; size: number; created_at: Date }>`
    select id, file_name, content_type, octet_length(bytes) as size, created_at
    from ledger_grant_receipts where municipality_id = ${mid} and application_id = ${applicationId} order by id`.execute(e);
  return r.rows.map((x) => ({ id: x.id, fileName: x.file_name, contentType: x.content_type, size: Number(x.size), createdAt: x.created_at }));
}

export async function receiptBytes(e: Executor, mid: number, applicationId: number, receiptId: number): Promise<{ fileName: string; contentType: ReceiptType; bytes: Buffer } | null> {
  const r = await sql<{ file_name: string; content_type: ReceiptType; bytes: Uint8Array }>`
    select file_name, content_type, bytes from ledger_grant_receipts
    where municipality_id = ${mid} and application_id = ${applicationId} and id = ${receiptId}`.execute(e);
  const row = r.rows[0];
  return row ? { fileName: row.file_name, contentType: row.content_type, bytes: Buffer.from(row.bytes) } : null;
}

export async function recordRepayment(e: Executor, mid: number, applicationId: number, transactionId: number, closedBy: number): Promise<void> {
  await sql`update ledger_grant_applications
    set status = 'closed', repayment_transaction_id = ${transactionId}, closed_by = ${closedBy}, closed_at = now(), updated_at = now()
    where municipality_id = ${mid} and id = ${applicationId}`.execute(e);
}

export async function closeApplication(e: Executor, mid: number, applicationId: number, closedBy: number): Promise<void> {
  await sql`update ledger_grant_applications set status = 'closed', closed_by = ${closedBy}, closed_at = now(), updated_at = now()
    where municipality_id = ${mid} and id = ${applicationId}`.execute(e);
}

/** Paid grants whose report was due before `today` become repayment due; returns their ids. */
export async function flagOverdue(e: Executor, mid: number, today: string): Promise<number[]> {
  const r = await sql<{ id: number }>`update ledger_grant_applications
    set status = 'repayment_due', repayment_flagged_at = now(), updated_at = now()
    where municipality_id = ${mid} and status = 'paid' and report_due_on < ${today}::date
    returning id`.execute(e);
  return r.rows.map((x) => x.id);
}

export async function repaidAmount(e: Executor, mid: number, transactionId: number, poolAccountId: number): Promise<bigint> {
  const r = await sql<{ s: string | null }>`select sum(amount_ore)::text as s from ledger_entries
    where municipality_id = ${mid} and transaction_id = ${transactionId} and account_id = ${poolAccountId}`.execute(e);
  return toOre(r.rows[0]?.s ?? null);
}

export interface AccountChoice {
  id: number;
  kind: string;
  name: string;
  code: string | null;
  balanceOre: bigint;
}

/** Accounts a pool may be funded from: pots, area pools and the municipal budget. */
export async function fundingSources(e: Executor, mid: number): Promise<AccountChoice[]> {
  const r = await sql<{ id: number; kind: string; name: string; code: string | null; balance: string }>`
    select a.id, a.kind, a.name, a.code,
      coalesce((select sum(amount_ore) from ledger_entries en where en.municipality_id = a.municipality_id and en.account_id = a.id), 0)::text as balance
    from ledger_accounts a
    where a.municipality_id = ${mid} and a.kind in ('pot', 'area_pool', 'municipal_budget') and not a.archived
    order by a.kind = 'municipal_budget', a.name, a.id`.execute(e);
  return r.rows.map((a) => ({ id: a.id, kind: a.kind, name: a.name, code: a.code, balanceOre: toOre(a.balance) }));
}
