// Read models of the ledger foundation: the overview, public totals, pages with people's names filled in.
import type { Executor } from '../../core/db/database.js';
import { displayNames } from '../accounts/index.js';
import { listAccounts, movedByKind } from './ledger.repository.js';
import type { AccountKind, AccountWithBalance } from './ledger.types.js';

/** Kinds whose balance is money waiting to be spent on something: shown publicly as "the pots". */
export const potKinds: AccountKind[] = ['pot', 'area_pool', 'grant_pool'];

export interface PublicTotals {
  /** Money moved by signed-off savings (kind 'saving'), net of reversals. */
  savingsSignedOffOre: bigint;
  /** Money moved from pots to initiatives and participatory budgets ('reinvestment', 'pb_envelope'), net of reversals. */
  reinvestedOre: bigint;
  /** Grants paid out, less repayments, net of reversals. */
  grantsPaidOre: bigint;
  /** What the pots hold now. */
  potsBalanceOre: bigint;
  pots: { id: number; kind: AccountKind; name: string; balanceOre: bigint }[];
}

/** The totals anyone may see, computed from the entries by transaction kind and account kind. */
export async function publicTotals(e: Executor, municipalityId: number): Promise<PublicTotals> {
  const moved = await movedByKind(e, municipalityId);
  const m = (k: Parameters<typeof moved.get>[0]) => moved.get(k) ?? 0n;
  const pots = (await listAccounts(e, municipalityId, { kinds: potKinds })).map((a) => ({ id: a.id, kind: a.kind, name: a.name, balanceOre: a.balanceOre }));
  return {
    savingsSignedOffOre: m('saving'),
    reinvestedOre: m('reinvestment') + m('pb_envelope'),
    grantsPaidOre: m('grant_payout') - m('grant_repayment'),
    potsBalanceOre: pots.reduce((s, p) => s + p.balanceOre, 0n),
    pots,
  };
}

/** Accounts grouped by kind, in the order of the kinds' list; kinds without accounts are left out. */
export function groupByKind(accounts: AccountWithBalance[], order: readonly AccountKind[]): { kind: AccountKind; accounts: AccountWithBalance[]; totalOre: bigint }[] {
  return order
    .map((kind) => {
      const list = accounts.filter((a) => a.kind === kind);
      return { kind, accounts: list, totalOre: list.reduce((s, a) => s + a.balanceOre, 0n) };
    })
    .filter((g) => g.accounts.length > 0);
}

export async function namesOf(e: Executor, ids: number[]): Promise<Map<number, string>> {
  return displayNames(e, ids);
}
