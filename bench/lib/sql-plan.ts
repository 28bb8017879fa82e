// What one request costs the database, as units of work the limit server replays: each unit is one
// pool checkout running its statements one after another (a transaction from begin to commit, or a
// single statement outside any transaction).

export interface Statement {
  text: string;
  values: unknown[];
}

export interface Unit {
  transaction: boolean;
  statements: Statement[];
}

export interface SqlPlan {
  /** Units the app runs on every request. */
  perRequest: Unit[];
  /** Units the app runs only when its in-process cache is stale, then caches for `cacheMs`. */
  cached: Unit[];
  cacheMs: number;
}

interface Captured extends Statement {
  pid: number;
}

const isBegin = (t: string) => /^\s*(begin|start transaction)\b/i.test(t);
const isEnd = (t: string) => /^\s*(commit|rollback|end)\b/i.test(t);

/**
 * Splits a captured statement log into units. Statements are grouped per connection (pid); within a
 * connection, begin..commit is one unit and anything outside a transaction is a unit of its own.
 * Units are ordered by their first statement. Returns warnings for shapes the replay cannot match
 * (statements of one request on several connections at once).
 */
export function toUnits(log: Captured[]): { units: Unit[]; warnings: string[] } {
  const warnings: string[] = [];
  const open = new Map<number, { unit: Unit; order: number }>();
  const done: { unit: Unit; order: number }[] = [];
  log.forEach((s, i) => {
    const stmt = { text: s.text, values: s.values };
    const current = open.get(s.pid);
    if (current) {
      current.unit.statements.push(stmt);
      if (isEnd(s.text)) {
        open.delete(s.pid);
        done.push(current);
      }
      return;
    }
    if (isBegin(s.text)) {
      if (open.size > 0) warnings.push('two transactions were open at once on different connections; the limit replays them one after another');
      open.set(s.pid, { unit: { transaction: true, statements: [stmt] }, order: i });
    } else {
      done.push({ unit: { transaction: false, statements: [stmt] }, order: i });
    }
  });
  for (const u of open.values()) {
    warnings.push('a transaction was still open at the end of the request');
    done.push(u);
  }
  return { units: done.sort((a, b) => a.order - b.order).map((d) => d.unit), warnings };
}

const unitKey = (u: Unit) => JSON.stringify(u);

/**
 * The plan from the log of the first (cold) request and of a later (warm) one: warm units are per
 * request, units only the cold request ran are the cached ones.
 */
export function derivePlan(cold: Captured[], warm: Captured[], cacheMs: number): { plan: SqlPlan; warnings: string[] } {
  const c = toUnits(cold);
  const w = toUnits(warm);
  const remaining = new Map<string, number>();
  for (const u of w.units) remaining.set(unitKey(u), (remaining.get(unitKey(u)) ?? 0) + 1);
  const cached: Unit[] = [];
  for (const u of c.units) {
    const k = unitKey(u);
    const n = remaining.get(k) ?? 0;
    if (n > 0) remaining.set(k, n - 1);
    else cached.push(u);
  }
  const warnings = [...c.warnings, ...w.warnings];
  if ([...remaining.values()].some((n) => n > 0)) warnings.push('the warm request ran statements the cold one did not');
  return { plan: { perRequest: w.units, cached, cacheMs }, warnings };
}

export function describePlan(plan: SqlPlan): string {
  const show = (units: Unit[], indent: string) =>
    units
      .map((u, i) => `${indent}unit ${i + 1}${u.transaction ? ' (transaction)' : ''}:\n` + u.statements.map((s) => `${indent}  ${s.text}${s.values.length ? `   -- ${JSON.stringify(s.values)}` : ''}`).join('\n'))
      .join('\n');
  const count = (units: Unit[]) => units.reduce((n, u) => n + u.statements.length, 0);
  return [
    `every request: ${plan.perRequest.length} pool checkout(s), ${count(plan.perRequest)} statements (= round trips)`,
    show(plan.perRequest, '  '),
    `when the ${plan.cacheMs / 1000} s cache is stale: ${plan.cached.length} more checkout(s), ${count(plan.cached)} statements`,
    show(plan.cached, '  '),
  ].join('\n');
}
