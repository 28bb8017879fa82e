// The Danish CVR number (company register): eight digits, the first not zero, whose weighted sum
// with weights 2,7,6,5,4,3,2,1 is divisible by 11. Catches every single mistyped digit and most swaps.
const WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** Digits only: people write "DK-12 34 56 78" or "12345678". */
export function normaliseCvr(input: string): string {
  return input.replace(/^\s*DK[-\s]?/i, '').replace(/[\s.-]/g, '');
}

export function isValidCvr(cvr: string): boolean {
  if (!/^[1-9][0-9]{7}$/.test(cvr)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(cvr[i]) * WEIGHTS[i]!;
  return sum % 11 === 0;
}
