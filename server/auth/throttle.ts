import { eq, inArray, sql } from 'drizzle-orm';

import { loginThrottles } from '../db/schema/index.ts';
import type { Tx } from '../db/types.ts';

/** How failures are counted and how long a key is locked. */
export type ThrottleRules = {
  /** Failures allowed before the first lock. */
  freeFailures: number;
  /** The first lock; each further failure doubles it. */
  baseLockMs: number;
  maxLockMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
};

/** Per account: five tries, then 30 s, 1 min, 2 min … up to 1 h. */
export const accountRules: ThrottleRules = {
  freeFailures: 5,
  baseLockMs: 30_000,
  maxLockMs: 3_600_000,
  windowMs: 3_600_000,
};

/** Per client address, looser, since one office may sit behind one address. */
export const addressRules: ThrottleRules = {
  freeFailures: 20,
  baseLockMs: 30_000,
  maxLockMs: 3_600_000,
  windowMs: 3_600_000,
};

export type ThrottleKey = { key: string; rules: ThrottleRules };

/** Returns how long the most locked of the keys stays locked, or 0 when none is. */
export async function lockedForMs(tx: Tx, keys: ThrottleKey[], now = new Date()): Promise<number> {
  const rows = await tx
    .select()
    .from(loginThrottles)
    .where(
      inArray(
        loginThrottles.key,
        keys.map((entry) => entry.key),
      ),
    );

  return Math.max(0, ...rows.map((row) => (row.lockedUntil?.getTime() ?? 0) - now.getTime()));
}

function lockDuration(failures: number, rules: ThrottleRules): number {
  const excess = failures - rules.freeFailures;
  if (excess < 0) {
    return 0;
  }

  return Math.min(rules.maxLockMs, rules.baseLockMs * 2 ** excess);
}

/** Counts one failed sign-in against each key and locks the keys that passed their limit. */
export async function recordFailure(tx: Tx, keys: ThrottleKey[], now = new Date()) {
  for (const { key, rules } of keys) {
    const windowStart = new Date(now.getTime() - rules.windowMs);
    const [row] = await tx
      .insert(loginThrottles)
      .values({ key, failures: 1, lastFailureAt: now })
      .onConflictDoUpdate({
        target: loginThrottles.key,
        set: {
          failures: sql`case when ${loginThrottles.lastFailureAt} < ${windowStart.toISOString()}::timestamptz
                        then 1 else ${loginThrottles.failures} + 1 end`,
          lastFailureAt: now,
        },
      })
      .returning({ failures: loginThrottles.failures });
    const lockMs = lockDuration(row?.failures ?? 1, rules);
    if (lockMs > 0) {
      await tx
        .update(loginThrottles)
        .set({ lockedUntil: new Date(now.getTime() + lockMs) })
        .where(eq(loginThrottles.key, key));
    }
  }
}

/** Forgets the failures of a key after a successful sign-in. */
export async function clearFailures(tx: Tx, key: string): Promise<void> {
  await tx.delete(loginThrottles).where(eq(loginThrottles.key, key));
}
