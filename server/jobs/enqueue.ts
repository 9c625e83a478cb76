import { jobs } from '../db/schema/index.ts';
import type { Db, Tx } from '../db/types.ts';
import type { Job } from './job.ts';

export type EnqueueJobOptions = {
  /** The handler that runs the job, as registered on the worker. */
  kind: string;
  /** The tenant the job works for. Its handler opens `withTenant` on it. */
  tenantId?: string | null;
  payload: Record<string, unknown>;
  /** The earliest time the job may run; the database's current time by default. */
  runAt?: Date;
  /**
   * A key that makes the job unique, e.g. `publish:<item id>:<time>`. The key stays taken after
   * the job is done or failed, so a second enqueue with it never adds a job.
   */
  dedupeKey?: string;
  /** How many times the job runs before it is marked failed; 5 by default. */
  maxAttempts?: number;
};

/**
 * Inserts a job and returns it, or returns null when a job with the same dedupe key exists.
 * Given a transaction, the job is created only if that transaction commits, together with the
 * change that needs it.
 */
export async function enqueue(executor: Db | Tx, options: EnqueueJobOptions): Promise<Job | null> {
  const maxAttempts = options.maxAttempts;
  if (maxAttempts !== undefined && (!Number.isInteger(maxAttempts) || maxAttempts < 1)) {
    throw new RangeError(
      `Invalid maxAttempts ${maxAttempts} for a ${options.kind} job: expected 1 or more.`,
    );
  }

  const [job] = await executor
    .insert(jobs)
    .values({
      kind: options.kind,
      tenantId: options.tenantId ?? null,
      payload: options.payload,
      runAt: options.runAt,
      dedupeKey: options.dedupeKey,
      maxAttempts,
    })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning();

  return job ?? null;
}
