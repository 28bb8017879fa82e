// What the savings pages show, each read in one transaction for the municipality.
import { sql } from 'kysely';
import type { AppDeps } from '../../core/http/context.js';
import type { Executor } from '../../core/db/database.js';
import { displayNames } from '../accounts/index.js';
import { listProcessesForSelect } from '../budgeting/index.js';
import { findInitiativeRef, listInitiativesForSelect } from '../initiatives/index.js';
import { hoursByInitiative } from '../workdays/index.js';
import { SPLIT_ACCOUNT_KINDS } from './commands/save-agreement.js';
import { toOre } from './ledger.money.js';
import { balancesOf } from './ledger.posting.js';
import {
  accountsOfKinds,
  findAccount,
  findAgreement,
  listAgreements,
  listPeriods,
  trailOf,
  volunteerHourRate,
  type AccountOption,
  type Agreement,
  type Period,
  type TrailLine,
  agreementTransactions,
  type AgreementTransaction,
} from './ledger.savings.repository.js';
import { proratedBaseline, realisedSaving, volunteerValueOre } from './ledger.savings.js';
import type { AccountKind } from './ledger.types.js';

type Deps = Pick<AppDeps, 'db'>;

export interface InitiativeRef {
  id: number;
  title: string;
  lang: 'da' | 'en';
}

export interface VolunteerValue {
  minutes: number;
  people: number;
  rateOre: bigint;
  valueOre: bigint;
}

async function volunteerFor(e: Executor, mid: number, initiativeIds: number[]): Promise<VolunteerValue> {
  const rateOre = await volunteerHourRate(e, mid);
  const wanted = new Set(initiativeIds);
  const rows = wanted.size === 0 ? [] : (await hoursByInitiative(e, mid)).filter((h) => h.key !== null && wanted.has(h.key));
  const minutes = rows.reduce((n, r) => n + r.minutes, 0);
  // People are counted per initiative; someone who helped two initiatives counts twice here.
  const people = rows.reduce((n, r) => n + r.people, 0);
  return { minutes, people, rateOre, valueOre: volunteerValueOre(minutes, rateOre) };
}

export interface AgreementListItem {
  agreement: Agreement;
  initiative: InitiativeRef | null;
  signedOffOre: bigint;
}

export async function loadAgreementList(deps: Deps, mid: number, includeDrafts: boolean): Promise<AgreementListItem[]> {
  return deps.db.transaction({ municipalityId: mid }, async (tx) => {
    const agreements = await listAgreements(tx, mid, { includeDrafts });
    const initiatives = new Map((await listInitiativesForSelect(tx, mid)).map((i) => [i.id, i]));
    const sums = await sql<{ agreement_id: number; total: string }>`select agreement_id, coalesce(sum(saving_ore), 0)::text as total
      from ledger_agreement_periods where municipality_id = ${mid} and signed_off_at is not null group by agreement_id`.execute(tx);
    const signed = new Map(sums.rows.map((r) => [r.agreement_id, toOre(r.total)]));
    return agreements.map((agreement) => ({ agreement, initiative: initiatives.get(agreement.initiativeId) ?? null, signedOffOre: signed.get(agreement.id) ?? 0n }));
  });
}

export interface AgreementFormData {
  initiatives: InitiativeRef[];
  serviceAccounts: AccountOption[];
  splitAccounts: AccountOption[];
}

export async function loadAgreementFormData(deps: Deps, mid: number): Promise<AgreementFormData> {
  return deps.db.transaction({ municipalityId: mid }, async (tx) => ({
    initiatives: await listInitiativesForSelect(tx, mid),
    serviceAccounts: await accountsOfKinds(tx, mid, ['service_budget']),
    splitAccounts: (await accountsOfKinds(tx, mid, [...SPLIT_ACCOUNT_KINDS])).filter((a) => a.budgetingProcessId === null),
  }));
}

export interface PeriodView extends Period {
  /** The pro-rated baseline and saving: fixed at sign-off, otherwise as it would be now. */
  baselineNowOre: bigint;
  savingNowOre: bigint;
}

export interface AgreementPageData {
  agreement: Agreement;
  initiative: InitiativeRef | null;
  periods: PeriodView[];
  names: Map<number, string>;
  volunteer: VolunteerValue;
  signedOffOre: bigint;
}

export async function loadAgreementPage(deps: Deps, mid: number, id: number): Promise<AgreementPageData | null> {
  return deps.db.transaction({ municipalityId: mid }, async (tx) => {
    const agreement = await findAgreement(tx, mid, id);
    if (!agreement) return null;
    const periods = (await listPeriods(tx, mid, id)).map((p): PeriodView => {
      const baselineNowOre = p.baselineOre ?? proratedBaseline(agreement.baselineAnnualOre, p.startsOn, p.endsOn);
      return { ...p, baselineNowOre, savingNowOre: p.savingOre ?? realisedSaving(baselineNowOre, p.actualOre) };
    });
    const people = [agreement.agreedBy, agreement.createdBy, ...periods.flatMap((p) => [p.enteredBy, p.signedOffBy])].filter((x): x is number => x !== null);
    return {
      agreement,
      initiative: await findInitiativeRef(tx, mid, agreement.initiativeId),
      periods,
      names: await displayNames(tx, people),
      volunteer: await volunteerFor(tx, mid, [agreement.initiativeId]),
      signedOffOre: periods.reduce((n, p) => n + (p.savingOre ?? 0n), 0n),
    };
  });
}

export interface PotRow {
  account: AccountOption;
  balanceOre: bigint;
}

export async function loadPots(deps: Deps, mid: number): Promise<{ pots: PotRow[]; envelopes: PotRow[] }> {
  return deps.db.transaction({ municipalityId: mid }, async (tx) => {
    const accounts = await accountsOfKinds(tx, mid, ['pot', 'area_pool']);
    const balances = await balancesOf(tx, mid, accounts.map((a) => a.id));
    const rows = accounts.map((account) => ({ account, balanceOre: balances.get(account.id) ?? 0n }));
    return { pots: rows.filter((r) => r.account.budgetingProcessId === null), envelopes: rows.filter((r) => r.account.budgetingProcessId !== null) };
  });
}

export interface ReinvestFormData {
  pot: AccountOption;
  balanceOre: bigint;
  initiatives: InitiativeRef[];
  processes: { id: number; title: string; budgetOre: bigint }[];
}

export async function loadReinvestForm(deps: Deps, mid: number, potId: number): Promise<ReinvestFormData | null> {
  return deps.db.transaction({ municipalityId: mid }, async (tx) => {
    const pot = await findAccount(tx, mid, potId);
    if (!pot || !(pot.kind === 'pot' || pot.kind === 'area_pool') || pot.budgetingProcessId !== null) return null;
    return {
      pot,
      balanceOre: (await balancesOf(tx, mid, [pot.id])).get(pot.id) ?? 0n,
      initiatives: await listInitiativesForSelect(tx, mid),
      processes: await listProcessesForSelect(tx, mid),
    };
  });
}

// The money trail ---------------------------------------------------------------------------------

/** One box of the flow: an account on the other side, with the total that moved. */
export interface FlowNode {
  accountId: number;
  name: string;
  kind: AccountKind;
  amountOre: bigint;
  initiativeId: number | null;
  budgetingProcessId: number | null;
}

export interface Trail {
  lines: TrailLine[];
  sources: FlowNode[];
  uses: FlowNode[];
  inOre: bigint;
  outOre: bigint;
}

/** Groups trail lines by the account on the other side: where money came from, and where it went. */
export function summarise(lines: TrailLine[]): Trail {
  const sources = new Map<number, FlowNode>();
  const uses = new Map<number, FlowNode>();
  let inOre = 0n;
  let outOre = 0n;
  for (const l of lines) {
    const into = l.amountOre > 0n;
    if (into) inOre += l.amountOre;
    else outOre -= l.amountOre;
    const side = into ? sources : uses;
    // A line with several counterparts (rare: a split) is credited to the first, so totals stay exact.
    const c = l.counterparts[0];
    const key = c?.id ?? 0;
    const node = side.get(key) ?? { accountId: key, name: c?.name ?? '?', kind: c?.kind ?? 'external', amountOre: 0n, initiativeId: c?.initiativeId ?? null, budgetingProcessId: c?.budgetingProcessId ?? null };
    node.amountOre += into ? l.amountOre : -l.amountOre;
    side.set(key, node);
  }
  const order = (a: FlowNode, b: FlowNode) => (a.amountOre === b.amountOre ? a.name.localeCompare(b.name) : a.amountOre > b.amountOre ? -1 : 1);
  // A reversal can bring a side to zero or below; such a node has nothing to show as a flow.
  return { lines, sources: [...sources.values()].filter((n) => n.amountOre > 0n).sort(order), uses: [...uses.values()].filter((n) => n.amountOre > 0n).sort(order), inOre, outOre };
}

export interface PotTrailData {
  pot: AccountOption;
  balanceOre: bigint;
  trail: Trail;
  /** Volunteer time in the initiatives this pot has funded. */
  volunteer: VolunteerValue;
  fundedInitiatives: number;
}

export async function loadPotTrail(deps: Deps, mid: number, potId: number): Promise<PotTrailData | null> {
  return deps.db.transaction({ municipalityId: mid }, async (tx) => {
    const pot = await findAccount(tx, mid, potId);
    if (!pot || !['pot', 'area_pool', 'grant_pool', 'municipal_budget'].includes(pot.kind)) return null;
    const trail = summarise(await trailOf(tx, mid, [pot.id]));
    const funded = [...new Set(trail.uses.map((u) => u.initiativeId).filter((x): x is number => x !== null))];
    return { pot, balanceOre: trail.inOre - trail.outOre, trail, volunteer: await volunteerFor(tx, mid, funded), fundedInitiatives: funded.length };
  });
}

export interface InitiativeTrailData {
  initiative: InitiativeRef;
  /** Money into and out of the initiative's own budget accounts. */
  budget: Trail;
  balanceOre: bigint;
  /** Savings the initiative's agreements produced: from service budget lines (sources) into pots (uses). */
  savings: { sources: FlowNode[]; uses: FlowNode[]; totalOre: bigint; transactions: AgreementTransaction[] };
  agreements: Agreement[];
  volunteer: VolunteerValue;
}

export async function loadInitiativeTrail(deps: Deps, mid: number, initiativeId: number): Promise<InitiativeTrailData | null> {
  return deps.db.transaction({ municipalityId: mid }, async (tx) => {
    const initiative = await findInitiativeRef(tx, mid, initiativeId);
    if (!initiative) return null;
    const accounts = (await accountsOfKinds(tx, mid, ['initiative_budget'])).filter((a) => a.initiativeId === initiativeId);
    const budget = summarise(await trailOf(tx, mid, accounts.map((a) => a.id)));
    const agreements = await listAgreements(tx, mid, { initiativeId, includeDrafts: false });
    // Every entry of the transactions of this initiative's agreements (savings and any reversal of
    // them), netted per account: service lines end negative (sources), pots positive (uses).
    const transactions = await agreementTransactions(tx, mid, agreements.map((a) => a.id));
    const net = new Map<number, FlowNode>();
    for (const t of transactions) {
      for (const en of t.entries) {
        const node = net.get(en.accountId) ?? { accountId: en.accountId, name: en.name, kind: en.kind, amountOre: 0n, initiativeId: null, budgetingProcessId: null };
        node.amountOre += en.amountOre;
        net.set(en.accountId, node);
      }
    }
    const order = (a: FlowNode, b: FlowNode) => (a.amountOre === b.amountOre ? a.name.localeCompare(b.name) : a.amountOre > b.amountOre ? -1 : 1);
    const sources = [...net.values()].filter((n) => n.amountOre < 0n).map((n) => ({ ...n, amountOre: -n.amountOre })).sort(order);
    const uses = [...net.values()].filter((n) => n.amountOre > 0n).sort(order);
    return {
      initiative,
      budget,
      balanceOre: budget.inOre - budget.outOre,
      savings: { sources, uses, totalOre: uses.reduce((n, u) => n + u.amountOre, 0n), transactions },
      agreements,
      volunteer: await volunteerFor(tx, mid, [initiativeId]),
    };
  });
}

/** For the initiative page's money section: agreed agreements, signed-off savings and money received. */
export async function initiativeMoneySummary(e: Executor, mid: number, initiativeId: number): Promise<{ agreements: number; savingsOre: bigint; receivedOre: bigint }> {
  const r = await sql<{ agreements: number; savings: string; received: string }>`
    select (select count(*)::int from ledger_agreements where municipality_id = ${mid} and initiative_id = ${initiativeId} and status = 'agreed') as agreements,
      (select coalesce(sum(p.saving_ore), 0)::text from ledger_agreement_periods p join ledger_agreements a on a.municipality_id = p.municipality_id and a.id = p.agreement_id
        where p.municipality_id = ${mid} and a.initiative_id = ${initiativeId} and p.signed_off_at is not null) as savings,
      (select coalesce(sum(en.amount_ore) filter (where en.amount_ore > 0), 0)::text from ledger_entries en join ledger_accounts ac on ac.municipality_id = en.municipality_id and ac.id = en.account_id
        where en.municipality_id = ${mid} and ac.kind = 'initiative_budget' and ac.initiative_id = ${initiativeId}) as received`.execute(e);
  const row = r.rows[0]!;
  return { agreements: row.agreements, savingsOre: toOre(row.savings), receivedOre: toOre(row.received) };
}
