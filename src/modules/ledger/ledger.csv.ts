// CSV of transactions for the municipality's accounting system. The format Danish accounting imports
// and Excel in Danish read without a dialog: UTF-8 with a byte-order mark, semicolon between fields,
// decimal comma without thousands separators ("-1234,50"), dates as YYYY-MM-DD in the municipality's
// time zone, CRLF line ends, one line per entry. Column names are fixed (Danish, snake_case) so an
// import mapping keeps working whatever language the user reads the site in. Pure.
import { toWallClock } from '../../core/time/zoned-time.js';
import type { ExportRow } from './ledger.repository.js';

const BOM = '\uFEFF';

export const TRANSACTIONS_CSV_HEADER = [
  'postering_id',
  'linje',
  'dato',
  'kontonummer',
  'konto',
  'beloeb_kr',
  'tekst',
  'type',
  'tilbagefoerer_id',
  'initiativ_id',
  'aftale_id',
  'tilskudsansoegning_id',
  'borgerbudget_id',
  'bogfoert_af',
] as const;

/** A text field quoted when it holds a separator, a quote or a line break; a leading = + - @ is defused (CSV injection). */
export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Øre as kroner with a decimal comma and no grouping: 123450n → "1234,50", -5n → "-0,05". */
export function decimalComma(ore: bigint): string {
  const sign = ore < 0n ? '-' : '';
  const abs = ore < 0n ? -ore : ore;
  return `${sign}${abs / 100n},${String(abs % 100n).padStart(2, '0')}`;
}

const id = (v: number | null) => (v === null ? '' : String(v));

export function transactionsCsv(rows: ExportRow[], names: Map<number, string>, timeZone: string): string {
  const lines = [TRANSACTIONS_CSV_HEADER.join(';')];
  for (const r of rows) {
    lines.push(
      [
        String(r.transactionId),
        String(r.line),
        toWallClock(r.postedAt, timeZone).date,
        csvText(r.accountCode ?? ''),
        csvText(r.accountName),
        decimalComma(r.amountOre),
        csvText(r.memo),
        r.kind,
        id(r.reversesId),
        id(r.initiativeId),
        id(r.agreementId),
        id(r.grantApplicationId),
        id(r.budgetingProcessId),
        csvText(names.get(r.postedBy) ?? ''),
      ].join(';'),
    );
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
