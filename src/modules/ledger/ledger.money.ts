// Amounts of money as the user writes them, and back. Pure. Money is integer øre (bigint); an amount
// is never rounded: more than two decimals is an error, and a Danish "1.234,50" is 1234.50 kr.,
// never 1.2345.
import { err, ok, type Result } from '../../core/errors/result.js';

export type AmountLang = 'da' | 'en';
export type AmountError = 'ledger.amount.format' | 'ledger.amount.decimals' | 'ledger.amount.negative' | 'ledger.amount.tooLarge';

/** The largest amount one entry may carry: 999.999.999.999,99 kr. (sums stay far inside int8 and JS safe integers). */
export const MAX_AMOUNT_ORE = 99_999_999_999_999n;

const SPACE = /[\s\u00a0\u202f]/;

/**
 * Reads an amount in kroner written the way the user's language writes it.
 * Danish: decimal comma, thousands grouped by "." or a space ("1.234,50", "1 234,50", "1234,5").
 * English: decimal point, thousands grouped by "," or a space ("1,234.50").
 * An optional "kr."/"kr"/"DKK" around the number is allowed. Zero is a valid amount here.
 */
export function parseAmount(input: string, lang: AmountLang): Result<bigint, AmountError> {
  let s = input.trim();
  s = s.replace(/^(dkk|kr\.?)\s*/i, '').replace(/\s*(dkk|kr\.?)$/i, '').trim();
  if (s === '') return err('ledger.amount.format');
  if (/^[-\u2212]/.test(s)) {
    // Only a number with a minus in front is "negative"; "-abc" is just not an amount.
    const rest = parseAmount(s.slice(1), lang);
    return rest.ok || rest.error !== 'ledger.amount.format' ? err('ledger.amount.negative') : rest;
  }
  const decimal = lang === 'da' ? ',' : '.';
  const group = lang === 'da' ? '.' : ',';
  const parts = s.split(decimal);
  if (parts.length > 2) return err('ledger.amount.format');
  const intPart = parts[0] ?? '';
  const fracPart = parts[1];
  if (fracPart !== undefined && !/^\d+$/.test(fracPart)) {
    // A space or the group separator after the decimal mark ("1,234.5" in Danish) is a wrong format.
    return err('ledger.amount.format');
  }
  const digits = readInteger(intPart, group);
  if (digits === null) return err('ledger.amount.format');
  if (fracPart !== undefined && fracPart.length > 2) return err('ledger.amount.decimals');
  const frac = (fracPart ?? '').padEnd(2, '0');
  const ore = BigInt(digits) * 100n + BigInt(frac);
  if (ore > MAX_AMOUNT_ORE) return err('ledger.amount.tooLarge');
  return ok(ore);
}

/** The digits of the krone part, or null: plain digits, or groups of three split by one separator kind. */
function readInteger(intPart: string, group: string): string | null {
  if (/^\d+$/.test(intPart)) return intPart;
  const hasSpace = SPACE.test(intPart);
  const hasGroup = intPart.includes(group);
  if (hasSpace && hasGroup) return null;
  const sep = hasSpace ? SPACE : group === '.' ? /\./g : /,/g;
  const groups = intPart.split(sep);
  if (groups.length < 2) return null;
  const [first, ...rest] = groups;
  if (!first || !/^\d{1,3}$/.test(first)) return null;
  if (!rest.every((g) => /^\d{3}$/.test(g))) return null;
  return groups.join('');
}

function grouped(n: bigint, sep: string): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

function split(ore: bigint | number): { sign: string; kroner: bigint; ore: string } {
  const v = typeof ore === 'bigint' ? ore : BigInt(ore);
  const abs = v < 0n ? -v : v;
  return { sign: v < 0n ? '-' : '', kroner: abs / 100n, ore: (abs % 100n).toString().padStart(2, '0') };
}

/** "1.234,50 kr." (da) / "DKK 1,234.50" (en); negative amounts get a leading minus. */
export function formatOre(ore: bigint | number, lang: AmountLang): string {
  const p = split(ore);
  return lang === 'da' ? `${p.sign}${grouped(p.kroner, '.')},${p.ore} kr.` : `${p.sign}DKK ${grouped(p.kroner, ',')}.${p.ore}`;
}

/** The amount as it is typed into a form field: "1234,50" (da) / "1234.50" (en); parseAmount reads it back. */
export function formatOreInput(ore: bigint | number, lang: AmountLang): string {
  const p = split(ore);
  return `${p.sign}${p.kroner}${lang === 'da' ? ',' : '.'}${p.ore}`;
}

/** A database value of øre (number from int8, string from numeric sums) as bigint. */
export function toOre(value: number | bigint | string | null | undefined): bigint {
  if (value === null || value === undefined) return 0n;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`not an øre amount: ${value}`);
    return BigInt(value);
  }
  if (!/^-?\d+$/.test(value)) throw new RangeError(`not an øre amount: ${value}`);
  return BigInt(value);
}
