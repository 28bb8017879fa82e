// One value mapping for both backends, so code and tests see the same types on PGlite and PostgreSQL:
// int8 (counts, øre amounts) as number, numeric as exact string, date as 'YYYY-MM-DD' (no time-zone shift).
import pg from 'pg';

export const OID = { INT8: 20, DATE: 1082, NUMERIC: 1700 } as const;

function int8ToNumber(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} exceeds the safe integer range`);
  return n;
}

/** Parsers handed to PGlite's query options. */
export const pgliteParsers: Record<number, (value: string) => unknown> = {
  [OID.INT8]: int8ToNumber,
  [OID.DATE]: (value) => value,
  [OID.NUMERIC]: (value) => value,
};

/** A `types` object for node-postgres pools with the same mapping. */
export const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID.INT8) return int8ToNumber;
    if (oid === OID.DATE) return (value: string) => value;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};
