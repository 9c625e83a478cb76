import { sql } from 'drizzle-orm';

import { queryRows } from '../db/raw-rows.ts';
import { withoutTenant } from '../db/tenant-scope.ts';
import type { Db } from '../db/types.ts';

export type RateLimitRule = {
  /** The number of attempts one key may make in one window. */
  limit: number;
  /** The length of a window, in milliseconds. */
  windowMs: number;
};

export type RateLimitOutcome = {
  isAllowed: boolean;
  /** Attempts counted in the current window, this one included. */
  count: number;
  /** Seconds until the current window ends. */
  retryAfterSeconds: number;
};

/**
 * Counts one attempt for `key` in a fixed window kept in `rate_limits`, so all instances share
 * the count. The first attempt after a window has ended starts a new one. The upsert is
 * one statement, so concurrent attempts never lose a count.
 */
export async function consumeRateLimit(
  db: Db,
  key: string,
  rule: RateLimitRule,
): Promise<RateLimitOutcome> {
  const window = sql`make_interval(secs => ${rule.windowMs / 1000}::double precision)`;
  const hasEnded = sql`limits.window_started_at <= now() - ${window}`;
  const [row] = await withoutTenant(db, (tx) =>
    queryRows<{ count: number | string; seconds_left: number | string }>(
      tx,
      sql`insert into rate_limits as limits (key, window_started_at, count)
          values (${key}, now(), 1)
          on conflict (key) do update set
            window_started_at = case when ${hasEnded} then now() else limits.window_started_at end,
            count = case when ${hasEnded} then 1 else limits.count + 1 end
          returning count,
            extract(epoch from limits.window_started_at + ${window} - now()) as seconds_left`,
    ),
  );
  const count = Number(row!.count);

  return {
    isAllowed: count <= rule.limit,
    count,
    retryAfterSeconds: Math.max(1, Math.ceil(Number(row!.seconds_left))),
  };
}

/** Deletes the counters under a key prefix whose window started more than `olderThanMs` ago. */
export async function deleteExpiredRateLimits(
  db: Db,
  keyPrefix: string,
  olderThanMs: number,
): Promise<number> {
  const age = sql`make_interval(secs => ${olderThanMs / 1000}::double precision)`;
  const rows = await withoutTenant(db, (tx) =>
    queryRows<{ key: string }>(
      tx,
      sql`delete from rate_limits
          where key like ${`${keyPrefix}%`}
            and window_started_at < now() - ${age}
          returning key`,
    ),
  );

  return rows.length;
}
