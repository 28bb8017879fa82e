// Fixed-window rate limits kept in the database, so every process behind a load balancer counts together.
import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

/** Counts one hit on `bucket`; false when the bucket is already over its limit in this window. */
export async function hitRateLimit(executor: Executor, bucket: string, rule: RateLimitRule, now = new Date()): Promise<boolean> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const r = await sql<{ hits: number }>`
    insert into core_rate_limits (bucket, window_start, hits) values (${bucket}, ${windowStart}, 1)
    on conflict (bucket, window_start) do update set hits = core_rate_limits.hits + 1
    returning hits`.execute(executor);
  return (r.rows[0]?.hits ?? 0) <= rule.limit;
}

/** Old windows are useless; removed now and then so the table stays small. */
export async function pruneRateLimits(executor: Executor, olderThan: Date): Promise<void> {
  await sql`delete from core_rate_limits where window_start < ${olderThan}`.execute(executor);
}
