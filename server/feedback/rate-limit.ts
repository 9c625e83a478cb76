import { sql } from 'drizzle-orm';

import { hashToken } from '../auth/tokens.ts';
import { queryRows } from '../db/raw-rows.ts';
import { withoutTenant } from '../db/tenant-scope.ts';
import type { Db } from '../db/types.ts';

/** A fixed-window limit: at most `limit` events per `windowSeconds` for one subject. */
export type RateLimitRule = { name: string; limit: number; windowSeconds: number };

const hour = 3_600;

/**
 * The public limits. A person writing a petition rarely sends more than one or two in an hour,
 * so five per client address leaves room for an office behind one address while stopping a
 * flood. Three per email address stops one sender from filling the queue through many
 * addresses. Lookups are cheap but are limited so that codes cannot be guessed in bulk.
 */
export const feedbackRateLimits = {
  submitPerAddress: { name: 'feedback.submit.address', limit: 5, windowSeconds: hour },
  submitPerEmail: { name: 'feedback.submit.email', limit: 3, windowSeconds: hour },
  lookupPerAddress: { name: 'feedback.lookup.address', limit: 30, windowSeconds: hour },
} as const satisfies Record<string, RateLimitRule>;

export type RateLimitResult = { isAllowed: boolean; retryAfterSeconds: number };

/**
 * Counts one event for `subject` under `rule` and returns whether it is within the limit. The
 * counter lives in `rate_limits`, so the limit holds across instances. The key stores a hash of
 * the subject, so the table keeps no address or email in clear.
 */
export async function consumeRateLimit(
  db: Db,
  rule: RateLimitRule,
  subject: string,
): Promise<RateLimitResult> {
  const key = `${rule.name}:${hashToken(subject.toLowerCase())}`;
  const windowSeconds = rule.windowSeconds;
  const [row] = await withoutTenant(db, (tx) =>
    queryRows<{ count: number; retry_after: number | string }>(
      tx,
      sql`insert into rate_limits (key, window_started_at, count)
          values (${key}, now(), 1)
          on conflict (key) do update set
            count = case
              when rate_limits.window_started_at <= now() - make_interval(secs => ${windowSeconds})
              then 1 else rate_limits.count + 1 end,
            window_started_at = case
              when rate_limits.window_started_at <= now() - make_interval(secs => ${windowSeconds})
              then now() else rate_limits.window_started_at end
          returning count,
            extract(epoch from window_started_at + make_interval(secs => ${windowSeconds}) - now())
              as retry_after`,
    ),
  );
  const count = Number(row?.count ?? 0);

  return {
    isAllowed: count <= rule.limit,
    retryAfterSeconds: Math.max(1, Math.ceil(Number(row?.retry_after ?? windowSeconds))),
  };
}

/** Deletes counters whose window ended more than a day ago; returns how many were deleted. */
export async function purgeRateLimits(db: Db): Promise<number> {
  const rows = await withoutTenant(db, (tx) =>
    queryRows<{ key: string }>(
      tx,
      sql`delete from rate_limits where window_started_at < now() - interval '1 day' returning key`,
    ),
  );

  return rows.length;
}

/** Returns the wait before the next allowed event, in whole minutes for a message. */
export function retryMinutes(result: RateLimitResult): number {
  return Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
}
