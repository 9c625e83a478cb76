import type { Db } from '../db/types.ts';
import type { Logger } from '../logger.ts';
import type { Job } from './job.ts';
import {
  claimNextJob,
  failExpiredLastAttempts,
  markJobAttemptFailed,
  markJobDone,
} from './job-queries.ts';
import { retryDelayMs, type RetryDelayOptions } from './retry-delay.ts';

/** A handler's arguments: the claimed job, the database and a logger bound to the job's ids. */
export type JobContext = { job: Job; db: Db; log: Logger };

/**
 * Does the work of one job and throws to have it retried. A handler for a tenant's job opens
 * `withTenant(db, job.tenantId, …)` itself. Jobs run at least once, not exactly once: a worker
 * that dies after the work but before recording it leaves the job to run again when its lease
 * expires, so handlers must be safe to repeat.
 */
export type JobHandler = (context: JobContext) => Promise<void>;

export type JobWorkerOptions = {
  db: Db;
  log: Logger;
  /**
   * The lease of a claim in milliseconds, 5 minutes by default. A running job whose lease has
   * expired is taken over by another worker, so a handler must finish within it.
   */
  leaseMs?: number;
  /** The maximum number of jobs one `runOnce()` runs before it returns, 20 by default. */
  maxJobsPerRun?: number;
  retry?: RetryDelayOptions;
};

export type StartJobWorkerOptions = {
  /** The pause between polls for due jobs, in milliseconds. */
  intervalMs: number;
};

const maxErrorLength = 2000;

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);

  return text.slice(0, maxErrorLength);
}

/**
 * Runs due jobs from the `jobs` table, one at a time, with the handlers registered for their
 * kinds. Any number of workers, in one process or many, may poll the same database. Each claim
 * is a short transaction that commits before the handler starts, so the handler's own
 * transactions do not wait for it, which matters on PGlite: it has one connection and runs one
 * transaction at a time.
 */
export class JobWorker {
  readonly #db: Db;
  readonly #log: Logger;
  readonly #leaseMs: number;
  readonly #maxJobsPerRun: number;
  readonly #retry: RetryDelayOptions;
  readonly #handlers = new Map<string, JobHandler>();
  readonly #runs = new Set<Promise<number>>();
  #loop: Promise<void> | undefined;
  #isStopping = false;
  #wakeUp: (() => void) | undefined;
  #failedPolls = 0;

  constructor(options: JobWorkerOptions) {
    this.#db = options.db;
    this.#log = options.log;
    this.#leaseMs = options.leaseMs ?? 5 * 60_000;
    this.#maxJobsPerRun = options.maxJobsPerRun ?? 20;
    this.#retry = options.retry ?? {};
  }

  /** Registers the handler of one kind of job. The worker claims only registered kinds. */
  register(kind: string, handler: JobHandler): this {
    if (this.#handlers.has(kind)) {
      throw new Error(`A handler for ${kind} jobs is already registered.`);
    }
    this.#handlers.set(kind, handler);

    return this;
  }

  /**
   * Claims and runs due jobs one after another until none is due, `maxJobsPerRun` have run or
   * the worker is stopping. Returns how many jobs ran, failed attempts included.
   */
  runOnce(): Promise<number> {
    const run = this.#runDueJobs();
    this.#runs.add(run);
    const forget = () => this.#runs.delete(run);
    run.then(forget, forget);

    return run;
  }

  /** Polls for due jobs every `intervalMs` until `stop()`. */
  start(options: StartJobWorkerOptions): void {
    if (this.#loop) {
      throw new Error('The job worker is already started.');
    }
    this.#isStopping = false;
    this.#loop = this.#poll(options.intervalMs);
    this.#log.info({ intervalMs: options.intervalMs, kinds: this.#kinds() }, 'job worker started');
  }

  /**
   * Stops polling and resolves once the job that is running, if any, has finished; no further
   * job is claimed meanwhile. A stopped worker can be started again.
   */
  async stop(): Promise<void> {
    this.#isStopping = true;
    this.#wakeUp?.();
    await this.#loop;
    await Promise.allSettled([...this.#runs]);
    this.#isStopping = false;
    if (this.#loop) {
      this.#loop = undefined;
      this.#log.info('job worker stopped');
    }
  }

  #kinds(): string[] {
    return [...this.#handlers.keys()];
  }

  async #runDueJobs(): Promise<number> {
    const kinds = this.#kinds();
    if (kinds.length === 0 || this.#isStopping) {
      return 0;
    }
    for (const job of await failExpiredLastAttempts(this.#db, kinds)) {
      this.#log.error(
        { jobId: job.id, kind: job.kind, tenantId: job.tenantId, attempt: job.attempts },
        'job failed: its lease expired during the last attempt',
      );
    }

    let count = 0;
    while (count < this.#maxJobsPerRun && !this.#isStopping) {
      const job = await claimNextJob(this.#db, kinds, this.#leaseMs);
      if (!job) {
        break;
      }
      await this.#runJob(job);
      count++;
    }

    return count;
  }

  async #runJob(job: Job): Promise<void> {
    const log = this.#log.child({
      jobId: job.id,
      kind: job.kind,
      tenantId: job.tenantId,
      attempt: job.attempts,
    });
    log.info({ maxAttempts: job.maxAttempts }, 'job claimed');
    const handler = this.#handlers.get(job.kind)!;
    const startedAt = Date.now();
    try {
      await handler({ job, db: this.#db, log });
    } catch (error) {
      await this.#recordFailure(job, error, log);
      return;
    }

    if (await markJobDone(this.#db, job)) {
      log.info({ durationMs: Date.now() - startedAt }, 'job done');
    } else {
      log.warn('job finished after another worker took it over, outcome not recorded');
    }
  }

  async #recordFailure(job: Job, error: unknown, log: Logger): Promise<void> {
    const isLastAttempt = job.attempts >= job.maxAttempts;
    const delayMs = isLastAttempt ? null : retryDelayMs(job.attempts, this.#retry);
    const row = await markJobAttemptFailed(this.#db, job, describeError(error), delayMs);
    if (!row) {
      log.warn({ err: error }, 'job failed after another worker took it over');
    } else if (isLastAttempt) {
      log.error({ err: error }, 'job failed on its last attempt');
    } else {
      log.warn({ err: error, retryAt: row.runAt, delayMs }, 'job attempt failed, retry scheduled');
    }
  }

  async #poll(intervalMs: number): Promise<void> {
    while (!this.#isStopping) {
      let count = 0;
      try {
        count = await this.runOnce();
        this.#notePollSucceeded();
      } catch (error) {
        this.#notePollFailed(error);
      }
      // A full batch suggests more jobs are due, so the next poll starts at once.
      if (count < this.#maxJobsPerRun) {
        await this.#sleep(intervalMs);
      }
    }
  }

  #notePollSucceeded(): void {
    if (this.#failedPolls > 0) {
      this.#log.info({ failedPolls: this.#failedPolls }, 'job polling recovered');
      this.#failedPolls = 0;
    }
  }

  /** Logs the first failure of a run of failed polls, so an outage logs once, not every poll. */
  #notePollFailed(error: unknown): void {
    this.#failedPolls++;
    if (this.#failedPolls === 1) {
      this.#log.error({ err: error }, 'job polling failed, retrying at each interval');
    }
  }

  #sleep(milliseconds: number): Promise<void> {
    if (this.#isStopping) {
      return Promise.resolve();
    }

    return new Promise((resolve) => {
      const wakeUp = () => {
        clearTimeout(timer);
        this.#wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(wakeUp, milliseconds);
      this.#wakeUp = wakeUp;
    });
  }
}
