// CSV of signed-off savings per period, for the municipality's accounting system: semicolon
// separated, decimal comma, UTF-8 with a byte-order mark (so Excel in Danish opens it as it is),
// CRLF line ends. Pure.
import type { SignedOffSaving } from './ledger.savings.repository.js';

const BOM = '\uFEFF';

/** A field quoted when it holds a separator, a quote or a line break; a leading = + - @ is defused. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Øre as kroner with a decimal comma and no grouping: 123450n → "1234,50", -5n → "-0,05". */
export function decimalComma(ore: bigint): string {
  const sign = ore < 0n ? '-' : '';
  const abs = ore < 0n ? -ore : ore;
  return `${sign}${abs / 100n},${String(abs % 100n).padStart(2, '0')}`;
}

export const SAVINGS_CSV_HEADER = [
  'periode_id',
  'aftale_id',
  'aftale',
  'initiativ_id',
  'budgetlinje',
  'kontonummer',
  'periode',
  'fra',
  'til',
  'basis_kr',
  'faktisk_kr',
  'besparelse_kr',
  'indtastet_af',
  'godkendt_af',
  'godkendt',
  'postering_id',
];

export function savingsCsv(rows: SignedOffSaving[], names: Map<number, string>): string {
  const lines = [SAVINGS_CSV_HEADER.join(';')];
  for (const r of rows) {
    lines.push(
      [
        String(r.periodId),
        String(r.agreementId),
        r.agreementTitle,
        String(r.initiativeId),
        r.serviceAccountName,
        r.serviceAccountCode ?? '',
        r.label,
        r.startsOn,
        r.endsOn,
        decimalComma(r.baselineOre),
        decimalComma(r.actualOre),
        decimalComma(r.savingOre),
        names.get(r.enteredBy) ?? String(r.enteredBy),
        names.get(r.signedOffBy) ?? String(r.signedOffBy),
        r.signedOffAt.toISOString(),
        String(r.transactionId),
      ]
        .map(csvField)
        .join(';'),
    );
  }
  return BOM + lines.join('\r\n') + '\r\n';
}
