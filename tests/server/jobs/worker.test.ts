import { eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { openDatabase, type Database } from '../../../server/db/client.ts';
import { contentItems, jobs } from '../../../server/db/schema/index.ts';
import { withTenant } from '../../../server/db/tenant-scope.ts';
import { enqueue } from '../../../server/jobs/enqueue.ts';
import { JobWorker, type JobHandler } from '../../../server/jobs/worker.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { createItem, createTenant } from '../../helpers/factories.ts';
import {
  createDeferred,
  createRecordingLogger,
  makeDue,
  readJob,
  secondsUntilRun,
} from './job-test-kit.ts';

const minute = 60_000;

describe('JobWorker', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.destroy();
  });

  beforeEach(async () => {
    await database.db.delete(jobs);
  });

  function createWorker(kind: string, handler: JobHandler, options = {}) {
    const { log, lines } = createRecordingLogger();
    const worker = new JobWorker({ db: database.db, log, ...options }).register(kind, handler);

    return { worker, lines };
  }

  /** Sets a job's state directly, as a worker on another instance would have left it. */
  async function setJob(id: string, values: PgUpdateSetSource<typeof jobs>) {
    await database.db.update(jobs).set(values).where(eq(jobs.id, id));
  }

  it('runs a due job once and marks it done', async () => {
    const ran: string[] = [];
    const { worker, lines } = createWorker('publish', async ({ job }) => {
      ran.push(job.id);
    });
    const job = await enqueue(database.db, { kind: 'publish', payload: { itemId: 'x' } });

    const firstCount = await worker.runOnce();
    const secondCount = await worker.runOnce();

    expect(firstCount).toBe(1);
    expect(secondCount).toBe(0);
    expect(ran).toEqual([job!.id]);
    const row = await readJob(database.db, job!.id);
    expect(row.status).toBe('done');
    expect(row.attempts).toBe(1);
    expect(row.lockedUntil).toBeNull();
    expect(row.finishedAt).toBeInstanceOf(Date);
    const claimed = lines.find((line) => line.msg === 'job claimed');
    expect(claimed).toMatchObject({ jobId: job!.id, kind: 'publish', attempt: 1 });
  });

  it('passes the payload to the handler', async () => {
    const payloads: unknown[] = [];
    const { worker } = createWorker('publish', async ({ job }) => {
      payloads.push(job.payload);
    });
    await enqueue(database.db, { kind: 'publish', payload: { itemId: 'x', at: 3 } });

    await worker.runOnce();

    expect(payloads).toEqual([{ itemId: 'x', at: 3 }]);
  });

  it('does not run a future job early', async () => {
    let runs = 0;
    const { worker } = createWorker('publish', async () => {
      runs++;
    });
    const job = await enqueue(database.db, {
      kind: 'publish',
      payload: {},
      runAt: new Date(Date.now() + 60 * minute),
    });

    const count = await worker.runOnce();

    expect(count).toBe(0);
    expect(runs).toBe(0);
    const row = await readJob(database.db, job!.id);
    expect(row.status).toBe('pending');
    expect(row.attempts).toBe(0);
  });

  it('runs a future job once it is due', async () => {
    let runs = 0;
    const { worker } = createWorker('publish', async () => {
      runs++;
    });
    const job = await enqueue(database.db, {
      kind: 'publish',
      payload: {},
      runAt: new Date(Date.now() + 60 * minute),
    });
    await worker.runOnce();

    await makeDue(database.db, job!.id);
    await worker.runOnce();

    expect(runs).toBe(1);
  });

  it('claims only the kinds it has handlers for', async () => {
    const { worker } = createWorker('publish', async () => {});
    const job = await enqueue(database.db, { kind: 'unknown-kind', payload: {} });

    const count = await worker.runOnce();

    expect(count).toBe(0);
    expect((await readJob(database.db, job!.id)).status).toBe('pending');
  });

  it('retries a failing job with back-off until it fails', async () => {
    let calls = 0;
    const { worker, lines } = createWorker(
      'deliver',
      async () => {
        calls++;
        throw new Error(`delivery refused, call ${calls}`);
      },
      { retry: { baseDelayMs: 10 * minute } },
    );
    const job = await enqueue(database.db, { kind: 'deliver', payload: {}, maxAttempts: 3 });

    await worker.runOnce();
    const afterFirst = await readJob(database.db, job!.id);
    const firstWait = await secondsUntilRun(database.db, job!.id);
    const countWhileWaiting = await worker.runOnce();
    await makeDue(database.db, job!.id);
    await worker.runOnce();
    const afterSecond = await readJob(database.db, job!.id);
    const secondWait = await secondsUntilRun(database.db, job!.id);
    await makeDue(database.db, job!.id);
    await worker.runOnce();
    const afterThird = await readJob(database.db, job!.id);
    await makeDue(database.db, job!.id);
    const countAfterFailure = await worker.runOnce();

    expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1, lockedUntil: null });
    expect(afterFirst.lastError).toBe('Error: delivery refused, call 1');
    expect(firstWait).toBeGreaterThan(590);
    expect(firstWait).toBeLessThanOrEqual(600);
    expect(countWhileWaiting).toBe(0);
    expect(afterSecond).toMatchObject({ status: 'pending', attempts: 2 });
    expect(secondWait).toBeGreaterThan(1190);
    expect(secondWait).toBeLessThanOrEqual(1200);
    expect(afterThird).toMatchObject({ status: 'failed', attempts: 3, lockedUntil: null });
    expect(afterThird.lastError).toBe('Error: delivery refused, call 3');
    expect(afterThird.finishedAt).toBeInstanceOf(Date);
    expect(countAfterFailure).toBe(0);
    expect(calls).toBe(3);
    const retries = lines.filter((line) => line.msg === 'job attempt failed, retry scheduled');
    expect(retries.map((line) => line.attempt)).toEqual([1, 2]);
    expect(retries[0]).toMatchObject({ jobId: job!.id, kind: 'deliver', delayMs: 10 * minute });
    const failure = lines.find((line) => line.msg === 'job failed on its last attempt');
    expect(failure).toMatchObject({ jobId: job!.id, attempt: 3, level: 50 });
    expect(failure!.err).toMatchObject({ message: 'delivery refused, call 3' });
  });

  it('takes over a job whose lease expired', async () => {
    let runs = 0;
    const { worker } = createWorker('publish', async () => {
      runs++;
    });
    const job = await enqueue(database.db, { kind: 'publish', payload: {} });
    await setJob(job!.id, {
      status: 'running',
      attempts: 1,
      lockedUntil: sql`now() - interval '1 minute'`,
    });

    const count = await worker.runOnce();

    expect(count).toBe(1);
    expect(runs).toBe(1);
    const row = await readJob(database.db, job!.id);
    expect(row.status).toBe('done');
    expect(row.attempts).toBe(2);
  });

  it('leaves a running job with a live lease alone', async () => {
    let runs = 0;
    const { worker } = createWorker('publish', async () => {
      runs++;
    });
    const job = await enqueue(database.db, { kind: 'publish', payload: {} });
    await setJob(job!.id, {
      status: 'running',
      attempts: 1,
      lockedUntil: sql`now() + interval '1 minute'`,
    });

    const count = await worker.runOnce();

    expect(count).toBe(0);
    expect(runs).toBe(0);
    expect((await readJob(database.db, job!.id)).status).toBe('running');
  });

  it('fails an expired job with no attempts left', async () => {
    let runs = 0;
    const { worker, lines } = createWorker('publish', async () => {
      runs++;
    });
    const job = await enqueue(database.db, { kind: 'publish', payload: {}, maxAttempts: 2 });
    await setJob(job!.id, {
      status: 'running',
      attempts: 2,
      lockedUntil: sql`now() - interval '1 minute'`,
    });

    await worker.runOnce();

    expect(runs).toBe(0);
    const row = await readJob(database.db, job!.id);
    expect(row.status).toBe('failed');
    expect(row.lastError).toMatch(/lease expired/);
    expect(lines.some((line) => line.jobId === job!.id && line.level === 50)).toBe(true);
  });

  it('keeps the state of a job another worker took over', async () => {
    const { worker, lines } = createWorker('publish', async ({ job, db }) => {
      // Another worker claims the job while this handler still runs.
      await db
        .update(jobs)
        .set({ attempts: job.attempts + 1 })
        .where(eq(jobs.id, job.id));
    });
    const job = await enqueue(database.db, { kind: 'publish', payload: {} });

    await worker.runOnce();

    const row = await readJob(database.db, job!.id);
    expect(row.status).toBe('running');
    expect(row.attempts).toBe(2);
    expect(lines.some((line) => line.level === 40 && line.jobId === job!.id)).toBe(true);
  });

  it('lets a handler work inside its tenant', async () => {
    const tenant = await createTenant(database.db);
    const otherTenant = await createTenant(database.db);
    await createItem(database.db, tenant.id);
    await createItem(database.db, otherTenant.id);
    await createItem(database.db, otherTenant.id);
    const seen: string[] = [];
    const { worker } = createWorker('count-items', async ({ job, db }) => {
      const items = await withTenant(db, job.tenantId!, (tx) =>
        tx.select({ tenantId: contentItems.tenantId }).from(contentItems),
      );
      seen.push(...items.map((item) => item.tenantId));
    });
    const job = await enqueue(database.db, {
      kind: 'count-items',
      tenantId: tenant.id,
      payload: {},
    });

    await worker.runOnce();

    expect(seen).toEqual([tenant.id]);
    expect((await readJob(database.db, job!.id)).status).toBe('done');
  });

  it('runs each job exactly once with two workers', async () => {
    // On PostgreSQL the second worker gets its own connection pool, as another instance would.
    let secondDatabase: Database | undefined;
    if (database.url) {
      secondDatabase = await openDatabase({
        databaseUrl: database.url,
        pgliteFolder: 'memory://',
        runMigrations: false,
      });
    }
    const runsByJob = new Map<string, number>();
    const runsByWorker = { first: 0, second: 0 };
    // Each worker's first handler waits until both workers have claimed a job, so the two
    // really run side by side instead of one draining the queue alone.
    const bothStarted = createDeferred();
    const started = new Set<string>();
    const handlerFor =
      (name: 'first' | 'second'): JobHandler =>
      async ({ job }) => {
        started.add(name);
        if (started.size === 2) {
          bothStarted.resolve();
        }
        await bothStarted.promise;
        runsByJob.set(job.id, (runsByJob.get(job.id) ?? 0) + 1);
        runsByWorker[name]++;
      };
    const quiet = createRecordingLogger().log;
    const options = { log: quiet, maxJobsPerRun: 1000 };
    const first = new JobWorker({ ...options, db: database.db });
    const second = new JobWorker({ ...options, db: (secondDatabase ?? database).db });
    first.register('publish', handlerFor('first'));
    second.register('publish', handlerFor('second'));
    const ids: string[] = [];
    for (let index = 0; index < 40; index++) {
      const job = await enqueue(database.db, { kind: 'publish', payload: { index } });
      ids.push(job!.id);
    }

    try {
      const [firstCount, secondCount] = await Promise.all([first.runOnce(), second.runOnce()]);

      expect(firstCount + secondCount).toBe(40);
    } finally {
      await secondDatabase?.close();
    }

    expect(runsByJob.size).toBe(40);
    for (const id of ids) {
      expect(runsByJob.get(id), id).toBe(1);
    }
    expect(runsByWorker.first).toBeGreaterThan(0);
    expect(runsByWorker.second).toBeGreaterThan(0);
    const statuses = await database.db.select({ status: jobs.status }).from(jobs);
    expect(statuses.every((row) => row.status === 'done')).toBe(true);
  });

  it('stop waits for the running handler', async () => {
    const handlerStarted = createDeferred();
    const release = createDeferred();
    const ran: string[] = [];
    const { worker, lines } = createWorker('publish', async ({ job }) => {
      handlerStarted.resolve();
      await release.promise;
      ran.push(job.id);
    });
    const firstJob = await enqueue(database.db, {
      kind: 'publish',
      payload: {},
      runAt: new Date(Date.now() - 2 * minute),
    });
    const secondJob = await enqueue(database.db, {
      kind: 'publish',
      payload: {},
      runAt: new Date(Date.now() - minute),
    });

    worker.start({ intervalMs: 10 });
    await handlerStarted.promise;
    let isStopped = false;
    const stopping = worker.stop().then(() => {
      isStopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const isStoppedWhileRunning = isStopped;
    release.resolve();
    await stopping;

    expect(isStoppedWhileRunning).toBe(false);
    expect(ran).toEqual([firstJob!.id]);
    expect((await readJob(database.db, firstJob!.id)).status).toBe('done');
    expect((await readJob(database.db, secondJob!.id)).status).toBe('pending');
    expect(lines.map((line) => line.msg)).toContain('job worker stopped');
  });

  it('polls for jobs after start', async () => {
    const ran = createDeferred<string>();
    const { worker } = createWorker('publish', async ({ job }) => {
      ran.resolve(job.id);
    });
    worker.start({ intervalMs: 10 });

    try {
      const job = await enqueue(database.db, { kind: 'publish', payload: {} });

      expect(await ran.promise).toBe(job!.id);
    } finally {
      await worker.stop();
    }
  });

  it('refuses a second handler for one kind', () => {
    const { worker } = createWorker('publish', async () => {});

    expect(() => worker.register('publish', async () => {})).toThrow(/already registered/);
  });
});
