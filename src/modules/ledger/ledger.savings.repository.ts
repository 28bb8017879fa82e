// SQL of savings agreements, their split and periods, the ledger settings and the money trail. No
// permissions here; callers run inside deps.db.transaction(...) for the municipality.
import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import { toOre } from './ledger.money.js';
import type { AccountKind, TransactionKind } from './ledger.types.js';

export type AgreementStatus = 'draft' | 'agreed';

export interface AgreementSplit {
  accountId: number;
  accountName: string;
  accountKind: AccountKind;
  shareBp: number;
}

export interface Agreement {
  municipalityId: number;
  id: number;
  initiativeId: number;
  serviceAccountId: number;
  serviceAccountName: string;
  serviceAccountCode: string | null;
  title: string;
  baselineAnnualOre: bigint;
  baselineSource: string;
  proposedAnnualOre: bigint;
  startsOn: string;
  endsOn: string;
  status: AgreementStatus;
  agreedBy: number | null;
  agreedAt: Date | null;
  createdBy: number | null;
  createdAt: Date;
  splits: AgreementSplit[];
}

export interface Period {
  id: number;
  agreementId: number;
  label: string;
  startsOn: string;
  endsOn: string;
  actualOre: bigint;
  sourceNote: string;
  enteredBy: number;
  enteredAt: Date;
  baselineOre: bigint | null;
  savingOre: bigint | null;
  signedOffBy: number | null;
  signedOffAt: Date | null;
  transactionId: number | null;
}

export interface AgreementFields {
  initiativeId: number;
  serviceAccountId: number;
  title: string;
  baselineAnnualOre: bigint;
  baselineSource: string;
  proposedAnnualOre: bigint;
  startsOn: string;
  endsOn: string;
}

interface AgreementRow {
  municipality_id: number;
  id: number;
  initiative_id: number;
  service_account_id: number;
  service_account_name: string;
  service_account_code: string | null;
  title: string;
  baseline_annual_ore: number;
  baseline_source: string;
  proposed_annual_ore: number;
  starts_on: string;
  ends_on: string;
  status: AgreementStatus;
  agreed_by: number | null;
  agreed_at: Date | null;
  created_by: number | null;
  created_at: Date;
}

const agreementSelect = sql`select a.municipality_id, a.id, a.initiative_id, a.service_account_id, s.name as service_account_name, s.code as service_account_code,
    a.title, a.baseline_annual_ore, a.baseline_source, a.proposed_annual_ore, a.starts_on, a.ends_on, a.status, a.agreed_by, a.agreed_at, a.created_by, a.created_at
  from ledger_agreements a
  join ledger_accounts s on s.municipality_id = a.municipality_id and s.id = a.service_account_id`;

function toAgreement(r: AgreementRow, splits: AgreementSplit[]): Agreement {
  return {
    municipalityId: r.municipality_id,
    id: r.id,
    initiativeId: r.initiative_id,
    serviceAccountId: r.service_account_id,
    serviceAccountName: r.service_account_name,
    serviceAccountCode: r.service_account_code,
    title: r.title,
    baselineAnnualOre: toOre(r.baseline_annual_ore),
    baselineSource: r.baseline_source,
    proposedAnnualOre: toOre(r.proposed_annual_ore),
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    status: r.status,
    agreedBy: r.agreed_by,
    agreedAt: r.agreed_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    splits,
  };
}

async function splitsOf(e: Executor, mid: number, ids: number[]): Promise<Map<number, AgreementSplit[]>> {
  const out = new Map<number, AgreementSplit[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const r = await sql<{ agreement_id: number; account_id: number; name: string; kind: AccountKind; share_bp: number }>`
    select sp.agreement_id, sp.account_id, ac.name, ac.kind, sp.share_bp
    from ledger_agreement_splits sp
    join ledger_accounts ac on ac.municipality_id = sp.municipality_id and ac.id = sp.account_id
    where sp.municipality_id = ${mid} and sp.agreement_id = any(${ids}::integer[])
    order by sp.share_bp desc, ac.name, sp.account_id`.execute(e);
  for (const row of r.rows) out.get(row.agreement_id)?.push({ accountId: row.account_id, accountName: row.name, accountKind: row.kind, shareBp: row.share_bp });
  return out;
}

/** `lock`: the agreement row is locked for the rest of the transaction (agreeing, editing). */
export async function findAgreement(e: Executor, mid: number, id: number, lock = false): Promise<Agreement | null> {
  if (lock) await sql`select 1 from ledger_agreements where municipality_id = ${mid} and id = ${id} for update`.execute(e);
  const r = await sql<AgreementRow>`${agreementSelect} where a.municipality_id = ${mid} and a.id = ${id}`.execute(e);
  const row = r.rows[0];
  if (!row) return null;
  return toAgreement(row, (await splitsOf(e, mid, [id])).get(id) ?? []);
}

export async function listAgreements(e: Executor, mid: number, filter: { initiativeId?: number; includeDrafts: boolean }): Promise<Agreement[]> {
  const r = await sql<AgreementRow>`${agreementSelect}
    where a.municipality_id = ${mid}
      and (${filter.initiativeId ?? null}::integer is null or a.initiative_id = ${filter.initiativeId ?? null}::integer)
      and (${filter.includeDrafts} or a.status = 'agreed')
    order by a.starts_on desc, a.id desc`.execute(e);
  const splits = await splitsOf(e, mid, r.rows.map((x) => x.id));
  return r.rows.map((row) => toAgreement(row, splits.get(row.id) ?? []));
}

export async function insertAgreement(e: Executor, mid: number, f: AgreementFields, createdBy: number): Promise<number> {
  const r = await sql<{ id: number }>`insert into ledger_agreements
      (municipality_id, initiative_id, service_account_id, title, baseline_annual_ore, baseline_source, proposed_annual_ore, starts_on, ends_on, created_by)
    values (${mid}, ${f.initiativeId}, ${f.serviceAccountId}, ${f.title}, ${f.baselineAnnualOre.toString()}, ${f.baselineSource}, ${f.proposedAnnualOre.toString()}, ${f.startsOn}, ${f.endsOn}, ${createdBy})
    returning id`.execute(e);
  return r.rows[0]!.id;
}

export async function updateAgreement(e: Executor, mid: number, id: number, f: AgreementFields): Promise<void> {
  await sql`update ledger_agreements set initiative_id = ${f.initiativeId}, service_account_id = ${f.serviceAccountId}, title = ${f.title},
      baseline_annual_ore = ${f.baselineAnnualOre.toString()}, baseline_source = ${f.baselineSource}, proposed_annual_ore = ${f.proposedAnnualOre.toString()},
      starts_on = ${f.startsOn}, ends_on = ${f.endsOn}, updated_at = now()
    where municipality_id = ${mid} and id = ${id}`.execute(e);
}

export async function replaceSplits(e: Executor, mid: number, agreementId: number, splits: { accountId: number; shareBp: number }[]): Promise<void> {
  await sql`delete from ledger_agreement_splits where municipality_id = ${mid} and agreement_id = ${agreementId}`.execute(e);
  for (const s of splits) {
    await sql`insert into ledger_agreement_splits (municipality_id, agreement_id, account_id, share_bp) values (${mid}, ${agreementId}, ${s.accountId}, ${s.shareBp})`.execute(e);
  }
}

export async function markAgreed(e: Executor, mid: number, id: number, by: number): Promise<void> {
  await sql`update ledger_agreements set status = 'agreed', agreed_by = ${by}, agreed_at = now(), updated_at = now() where municipality_id = ${mid} and id = ${id}`.execute(e);
}

interface PeriodRow {
  id: number;
  agreement_id: number;
  label: string;
  starts_on: string;
  ends_on: string;
  actual_ore: number;
  source_note: string;
  entered_by: number;
  entered_at: Date;
  baseline_ore: number | null;
  saving_ore: number | null;
  signed_off_by: number | null;
  signed_off_at: Date | null;
  transaction_id: number | null;
}

const periodColumns = sql`p.id, p.agreement_id, p.label, p.starts_on, p.ends_on, p.actual_ore, p.source_note, p.entered_by, p.entered_at,
  p.baseline_ore, p.saving_ore, p.signed_off_by, p.signed_off_at, p.transaction_id`;

function toPeriod(r: PeriodRow): Period {
  return {
    id: r.id,
    agreementId: r.agreement_id,
    label: r.label,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    actualOre: toOre(r.actual_ore),
    sourceNote: r.source_note,
    enteredBy: r.entered_by,
    enteredAt: r.entered_at,
    baselineOre: r.baseline_ore === null ? null : toOre(r.baseline_ore),
    savingOre: r.saving_ore === null ? null : toOre(r.saving_ore),
    signedOffBy: r.signed_off_by,
    signedOffAt: r.signed_off_at,
    transactionId: r.transaction_id,
  };
}

export async function listPeriods(e: Executor, mid: number, agreementId: number): Promise<Period[]> {
  const r = await sql<PeriodRow>`select ${periodColumns} from ledger_agreement_periods p
    where p.municipality_id = ${mid} and p.agreement_id = ${agreementId} order by p.starts_on, p.id`.execute(e);
  return r.rows.map(toPeriod);
}

/** The period's row, locked `for update`: concurrent sign-offs of one period go one at a time. */
export async function lockPeriod(e: Executor, mid: number, agreementId: number, periodId: number): Promise<Period | null> {
  const r = await sql<PeriodRow>`select ${periodColumns} from ledger_agreement_periods p
    where p.municipality_id = ${mid} and p.agreement_id = ${agreementId} and p.id = ${periodId} for update`.execute(e);
  return r.rows[0] ? toPeriod(r.rows[0]) : null;
}

export interface PeriodFields {
  label: string;
  startsOn: string;
  endsOn: string;
  actualOre: bigint;
  sourceNote: string;
}

export async function insertPeriod(e: Executor, mid: number, agreementId: number, f: PeriodFields, by: number): Promise<number> {
  const r = await sql<{ id: number }>`insert into ledger_agreement_periods (municipality_id, agreement_id, label, starts_on, ends_on, actual_ore, source_note, entered_by)
    values (${mid}, ${agreementId}, ${f.label}, ${f.startsOn}, ${f.endsOn}, ${f.actualOre.toString()}, ${f.sourceNote}, ${by}) returning id`.execute(e);
  return r.rows[0]!.id;
}

/** Corrects a period's costs before sign-off; whoever corrects them is the one who entered them. */
export async function updatePeriodCosts(e: Executor, mid: number, periodId: number, f: PeriodFields, by: number): Promise<void> {
  await sql`update ledger_agreement_periods set label = ${f.label}, starts_on = ${f.startsOn}, ends_on = ${f.endsOn}, actual_ore = ${f.actualOre.toString()},
      source_note = ${f.sourceNote}, entered_by = ${by}, entered_at = now()
    where municipality_id = ${mid} and id = ${periodId}`.execute(e);
}

export async function markSignedOff(e: Executor, mid: number, periodId: number, s: { baselineOre: bigint; savingOre: bigint; by: number; transactionId: number }): Promise<void> {
  await sql`update ledger_agreement_periods set baseline_ore = ${s.baselineOre.toString()}, saving_ore = ${s.savingOre.toString()},
      signed_off_by = ${s.by}, signed_off_at = now(), transaction_id = ${s.transactionId}
    where municipality_id = ${mid} and id = ${periodId}`.execute(e);
}

// Accounts for pickers ------------------------------------------------------------------------

export interface AccountOption {
  id: number;
  kind: AccountKind;
  name: string;
  code: string | null;
  initiativeId: number | null;
  budgetingProcessId: number | null;
}

export async function accountsOfKinds(e: Executor, mid: number, kinds: AccountKind[]): Promise<AccountOption[]> {
  const r = await sql<{ id: number; kind: AccountKind; name: string; code: string | null; initiative_id: number | null; budgeting_process_id: number | null }>`
    select id, kind, name, code, initiative_id, budgeting_process_id from ledger_accounts
    where municipality_id = ${mid} and kind = any(${kinds}::text[]) and not archived order by name, id`.execute(e);
  return r.rows.map((x) => ({ id: x.id, kind: x.kind, name: x.name, code: x.code, initiativeId: x.initiative_id, budgetingProcessId: x.budgeting_process_id }));
}

export async function findAccount(e: Executor, mid: number, id: number): Promise<AccountOption | null> {
  const r = await sql<{ id: number; kind: AccountKind; name: string; code: string | null; initiative_id: number | null; budgeting_process_id: number | null }>`
    select id, kind, name, code, initiative_id, budgeting_process_id from ledger_accounts where municipality_id = ${mid} and id = ${id}`.execute(e);
  const x = r.rows[0];
  return x ? { id: x.id, kind: x.kind, name: x.name, code: x.code, initiativeId: x.initiative_id, budgetingProcessId: x.budgeting_process_id } : null;
}

// Settings ------------------------------------------------------------------------------------

export const DEFAULT_HOUR_RATE_ORE = 150_00n;

export async function volunteerHourRate(e: Executor, mid: number): Promise<bigint> {
  const r = await sql<{ volunteer_hour_rate_ore: number }>`select volunteer_hour_rate_ore from ledger_settings where municipality_id = ${mid}`.execute(e);
  return r.rows[0] ? toOre(r.rows[0].volunteer_hour_rate_ore) : DEFAULT_HOUR_RATE_ORE;
}

export async function setVolunteerHourRate(e: Executor, mid: number, rateOre: bigint, by: number): Promise<void> {
  await sql`insert into ledger_settings (municipality_id, volunteer_hour_rate_ore, updated_by) values (${mid}, ${rateOre.toString()}, ${by})
    on conflict (municipality_id) do update set volunteer_hour_rate_ore = excluded.volunteer_hour_rate_ore, updated_by = excluded.updated_by, updated_at = now()`.execute(e);
}

// The money trail -----------------------------------------------------------------------------

/** One entry of an account, with the other side of its transaction. */
export interface TrailLine {
  transactionId: number;
  postedAt: Date;
  kind: TransactionKind;
  memo: string;
  /** Into the account when positive, out of it when negative. */
  amountOre: bigint;
  /** The accounts on the other side: those that gave (for money in) or received (for money out). */
  counterparts: { id: number; name: string; kind: AccountKind; initiativeId: number | null; budgetingProcessId: number | null }[];
  agreementId: number | null;
  initiativeId: number | null;
  budgetingProcessId: number | null;
}

/** Every entry of the given accounts, oldest first, each with the accounts on the other side. */
export async function trailOf(e: Executor, mid: number, accountIds: number[]): Promise<TrailLine[]> {
  if (accountIds.length === 0) return [];
  const r = await sql<{
    transaction_id: number;
    posted_at: Date;
    kind: TransactionKind;
    memo: string;
    amount_ore: string;
    agreement_id: number | null;
    initiative_id: number | null;
    budgeting_process_id: number | null;
    counterparts: { id: number; name: string; kind: AccountKind; initiative_id: number | null; budgeting_process_id: number | null }[] | null;
  }>`
    select t.id as transaction_id, t.posted_at, t.kind, t.memo, sum(en.amount_ore)::text as amount_ore, t.agreement_id, t.initiative_id, t.budgeting_process_id,
      (select json_agg(json_build_object('id', a.id, 'name', a.name, 'kind', a.kind, 'initiative_id', a.initiative_id, 'budgeting_process_id', a.budgeting_process_id) order by a.id)
         from ledger_accounts a
        where a.municipality_id = t.municipality_id
          and a.id in (select o.account_id from ledger_entries o
                        where o.municipality_id = t.municipality_id and o.transaction_id = t.id
                          and o.account_id <> all(${accountIds}::integer[])
                          and sign(o.amount_ore) <> sign(sum(en.amount_ore)))) as counterparts
    from ledger_entries en
    join ledger_transactions t on t.municipality_id = en.municipality_id and t.id = en.transaction_id
    where en.municipality_id = ${mid} and en.account_id = any(${accountIds}::integer[])
    group by t.municipality_id, t.id
    having sum(en.amount_ore) <> 0
    order by t.posted_at, t.id`.execute(e);
  return r.rows.map((x) => ({
    transactionId: Number(x.transaction_id),
    postedAt: x.posted_at,
    kind: x.kind,
    memo: x.memo,
    amountOre: toOre(x.amount_ore),
    counterparts: (x.counterparts ?? []).map((c) => ({ id: c.id, name: c.name, kind: c.kind, initiativeId: c.initiative_id, budgetingProcessId: c.budgeting_process_id })),
    agreementId: x.agreement_id,
    initiativeId: x.initiative_id,
    budgetingProcessId: x.budgeting_process_id,
  }));
}

/** Signed-off periods with their agreement, for the CSV export and the savings list. */
export interface SignedOffSaving {
  periodId: number;
  agreementId: number;
  agreementTitle: string;
  initiativeId: number;
  serviceAccountName: string;
  serviceAccountCode: string | null;
  label: string;
  startsOn: string;
  endsOn: string;
  baselineOre: bigint;
  actualOre: bigint;
  savingOre: bigint;
  enteredBy: number;
  signedOffBy: number;
  signedOffAt: Date;
  transactionId: number;
}

export async function listSignedOff(e: Executor, mid: number, range: { from: string | null; to: string | null }): Promise<SignedOffSaving[]> {
  const r = await sql<{
    id: number;
    agreement_id: number;
    title: string;
    initiative_id: number;
    service_name: string;
    service_code: string | null;
    label: string;
    starts_on: string;
    ends_on: string;
    baseline_ore: number;
    actual_ore: number;
    saving_ore: number;
    entered_by: number;
    signed_off_by: number;
    signed_off_at: Date;
    transaction_id: number;
  }>`
    select p.id, p.agreement_id, a.title, a.initiative_id, s.name as service_name, s.code as service_code, p.label, p.starts_on, p.ends_on,
      p.baseline_ore, p.actual_ore, p.saving_ore, p.entered_by, p.signed_off_by, p.signed_off_at, p.transaction_id
    from ledger_agreement_periods p
    join ledger_agreements a on a.municipality_id = p.municipality_id and a.id = p.agreement_id
    join ledger_accounts s on s.municipality_id = a.municipality_id and s.id = a.service_account_id
    where p.municipality_id = ${mid} and p.signed_off_at is not null
      and (${range.from}::date is null or p.ends_on >= ${range.from}::date)
      and (${range.to}::date is null or p.starts_on <= ${range.to}::date)
    order by p.starts_on, a.id, p.id`.execute(e);
  return r.rows.map((x) => ({
    periodId: x.id,
    agreementId: x.agreement_id,
    agreementTitle: x.title,
    initiativeId: x.initiative_id,
    serviceAccountName: x.service_name,
    serviceAccountCode: x.service_code,
    label: x.label,
    startsOn: x.starts_on,
    endsOn: x.ends_on,
    baselineOre: toOre(x.baseline_ore),
    actualOre: toOre(x.actual_ore),
    savingOre: toOre(x.saving_ore),
    enteredBy: x.entered_by,
    signedOffBy: x.signed_off_by,
    signedOffAt: x.signed_off_at,
    transactionId: Number(x.transaction_id),
  }));
}

/** The P0001 hint of a savings trigger, or the name of a violated constraint; null for other errors. */
export function savingsDbError(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { code?: unknown; hint?: unknown; message?: unknown; constraint?: unknown };
  if (e.code === 'P0001') return typeof e.hint === 'string' ? e.hint : typeof e.message === 'string' ? e.message : null;
  if (e.code === '23P01' || e.code === '23514' || e.code === '23503') return typeof e.constraint === 'string' ? e.constraint : String(e.code);
  return null;
}

/** The transactions that belong to the given agreements (savings and any reversal of them), with every entry. */
export interface AgreementTransaction {
  transactionId: number;
  agreementId: number;
  postedAt: Date;
  kind: TransactionKind;
  memo: string;
  entries: { accountId: number; name: string; kind: AccountKind; amountOre: bigint }[];
}

export async function agreementTransactions(e: Executor, mid: number, agreementIds: number[]): Promise<AgreementTransaction[]> {
  if (agreementIds.length === 0) return [];
  const r = await sql<{ id: number; agreement_id: number; posted_at: Date; kind: TransactionKind; memo: string; account_id: number; name: string; account_kind: AccountKind; amount_ore: number }>`
    select t.id, t.agreement_id, t.posted_at, t.kind, t.memo, en.account_id, a.name, a.kind as account_kind, en.amount_ore
    from ledger_transactions t
    join ledger_entries en on en.municipality_id = t.municipality_id and en.transaction_id = t.id
    join ledger_accounts a on a.municipality_id = en.municipality_id and a.id = en.account_id
    where t.municipality_id = ${mid} and t.agreement_id = any(${agreementIds}::integer[])
    order by t.posted_at, t.id, en.line`.execute(e);
  const out: AgreementTransaction[] = [];
  for (const row of r.rows) {
    let t = out[out.length - 1];
    if (!t || t.transactionId !== Number(row.id)) {
      t = { transactionId: Number(row.id), agreementId: row.agreement_id, postedAt: row.posted_at, kind: row.kind, memo: row.memo, entries: [] };
      out.push(t);
    }
    t.entries.push({ accountId: row.account_id, name: row.name, kind: row.account_kind, amountOre: toOre(row.amount_ore) });
  }
  return out;
}
