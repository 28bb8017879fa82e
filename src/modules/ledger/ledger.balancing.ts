// Pure double-entry arithmetic: does a set of entries balance, and what does each account hold.
// The database checks the same rules at commit; these give the user a clear answer before that.
import { err, ok, type Result } from '../../core/errors/result.js';

export interface AmountLine {
  amountOre: bigint;
}
export interface AccountLine extends AmountLine {
  accountId: number;
}

export function sumOre(lines: readonly AmountLine[]): bigint {
  let total = 0n;
  for (const l of lines) total += l.amountOre;
  return total;
}

/** True when the lines sum to exactly zero. */
export function isBalanced(lines: readonly AmountLine[]): boolean {
  return sumOre(lines) === 0n;
}

/** The shape rules of one transaction: at least two entries, none zero, summing to zero. */
export function checkEntries(lines: readonly AmountLine[]): Result<undefined, 'ledger.tooFewEntries' | 'ledger.zeroAmount' | 'ledger.unbalanced'> {
  if (lines.length < 2) return err('ledger.tooFewEntries');
  if (lines.some((l) => l.amountOre === 0n)) return err('ledger.zeroAmount');
  if (!isBalanced(lines)) return err('ledger.unbalanced');
  return ok(undefined);
}

/** Each account's balance (sum of its entries); accounts without entries are absent. */
export function balancesByAccount(lines: readonly AccountLine[]): Map<number, bigint> {
  const out = new Map<number, bigint>();
  for (const l of lines) out.set(l.accountId, (out.get(l.accountId) ?? 0n) + l.amountOre);
  return out;
}

/** The net change per account of one posting (several lines on one account are summed). */
export const netByAccount = balancesByAccount;

/** The entries of a reversal: the same accounts, every amount negated. */
export function reversalLines<T extends AccountLine>(lines: readonly T[]): AccountLine[] {
  return lines.map((l) => ({ accountId: l.accountId, amountOre: -l.amountOre }));
}
