import { and, asc, eq, gte, inArray, lt, lte, or, sql } from 'drizzle-orm';

import { jobs } from '../db/schema/index.ts';
import { withoutTenant } from '../db/tenant-scope.ts';
import type { Db } from '../db/types.ts';
import type { Job } from './job.ts';

/** `now()` plus a number of milliseconds, on the database's clock. */
function nowPlus(milliseconds: number) {
  return sql`now() + make_interval(secs => ${milliseconds / 1000}::double precision)`;
}

/** Matches the job's row only while it belongs to this claim, untaken by another worker. */
function isSameClaim(job: Job) {
  return and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.attempts, job.attempts));
}

/**
 * Claims the next due job of one of `kinds` and returns it, or undefined when none is due. A
 * job is due when it is pending and its `run_at` has come, or when it is running with an
 * expired lease and attempts left. The claim is one short transaction, and `SKIP LOCKED` lets
 * concurrent workers pass over a row another worker is claiming instead of waiting for it.
 */
export async function claimNextJob(
  db: Db,
  kinds: readonly string[],
  leaseMs: number,
): Promise<Job | undefined> {
  return withoutTenant(db, async (tx) => {
    const isPendingAndDue = and(eq(jobs.status, 'pending'), lte(jobs.runAt, sql`now()`));
    const hasExpiredLease = and(
      eq(jobs.status, 'running'),
      lt(jobs.lockedUntil, sql`now()`),
      lt(jobs.attempts, jobs.maxAttempts),
    );
    const next = tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(inArray(jobs.kind, [...kinds]), or(isPendingAndDue, hasExpiredLease)))
      .orderBy(asc(jobs.runAt))
      .limit(1)
      .for('update', { skipLocked: true });
    const [job] = await tx
      .update(jobs)
      .set({
        status: 'running',
        attempts: sql`${jobs.attempts} + 1`,
        lockedUntil: nowPlus(leaseMs),
      })
      .where(inArray(jobs.id, next))
      .returning();

    return job;
  });
}

/**
 * Marks as failed the running jobs of `kinds` whose lease expired during their last attempt,
 * and returns them. Their worker stopped before it could record the outcome, and no attempt is
 * left to run them again.
 */
export async function failExpiredLastAttempts(db: Db, kinds: readonly string[]): Promise<Job[]> {
  return withoutTenant(db, (tx) =>
    tx
      .update(jobs)
      .set({
        status: 'failed',
        lockedUntil: null,
        finishedAt: sql`now()`,
        lastError: 'The lease expired during the last attempt: its worker stopped or timed out.',
      })
      .where(
        and(
          inArray(jobs.kind, [...kinds]),
          eq(jobs.status, 'running'),
          lt(jobs.lockedUntil, sql`now()`),
          gte(jobs.attempts, jobs.maxAttempts),
        ),
      )
      .returning(),
  );
}

/** Marks a claimed job done. Returns false when another worker has taken it over. */
export async function markJobDone(db: Db, job: Job): Promise<boolean> {
  const rows = await withoutTenant(db, (tx) =>
    tx
      .update(jobs)
      .set({ status: 'done', lockedUntil: null, finishedAt: sql`now()` })
      .where(isSameClaim(job))
      .returning({ id: jobs.id }),
  );

  return rows.length === 1;
}

/**
 * Records a failed attempt of a claimed job: back to pending, due again after `retryAfterMs`,
 * or failed for good when `retryAfterMs` is null. Returns the updated row, or undefined when
 * another worker has taken the job over.
 */
export async function markJobAttemptFailed(
  db: Db,
  job: Job,
  lastError: string,
  retryAfterMs: number | null,
): Promise<Job | undefined> {
  const outcome =
    retryAfterMs === null
      ? { status: 'failed' as const, finishedAt: sql`now()` }
      : { status: 'pending' as const, runAt: nowPlus(retryAfterMs) };
  const [row] = await withoutTenant(db, (tx) =>
    tx
      .update(jobs)
      .set({ ...outcome, lockedUntil: null, lastError })
      .where(isSameClaim(job))
      .returning(),
  );

  return row;
}
