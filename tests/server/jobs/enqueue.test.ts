import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { jobs } from '../../../server/db/schema/index.ts';
import { withTenant } from '../../../server/db/tenant-scope.ts';
import { enqueue } from '../../../server/jobs/enqueue.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { createTenant } from '../../helpers/factories.ts';
import { readJob } from './job-test-kit.ts';

describe('enqueue', () => {
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

  it('inserts a pending job with the defaults', async () => {
    const before = Date.now();

    const job = await enqueue(database.db, { kind: 'publish', payload: { itemId: 'a1' } });

    expect(job).not.toBeNull();
    const row = await readJob(database.db, job!.id);
    expect(row.status).toBe('pending');
    expect(row.attempts).toBe(0);
    expect(row.maxAttempts).toBe(5);
    expect(row.payload).toEqual({ itemId: 'a1' });
    expect(row.tenantId).toBeNull();
    expect(row.runAt.getTime()).toBeGreaterThanOrEqual(before - 1_000);
  });

  it('stores the given tenant, time and attempts', async () => {
    const tenant = await createTenant(database.db);
    const runAt = new Date('2030-01-02T03:04:05.000Z');

    const job = await enqueue(database.db, {
      kind: 'reminder',
      tenantId: tenant.id,
      payload: {},
      runAt,
      maxAttempts: 2,
    });

    const row = await readJob(database.db, job!.id);
    expect(row.tenantId).toBe(tenant.id);
    expect(row.runAt).toEqual(runAt);
    expect(row.maxAttempts).toBe(2);
  });

  it('enqueues a dedupe key once', async () => {
    const first = await enqueue(database.db, {
      kind: 'publish',
      payload: { version: 1 },
      dedupeKey: 'publish:item-1:2030-01-01T00:00',
    });
    const second = await enqueue(database.db, {
      kind: 'publish',
      payload: { version: 2 },
      dedupeKey: 'publish:item-1:2030-01-01T00:00',
    });

    expect(first).not.toBeNull();
    expect(second).toBeNull();
    const rows = await database.db.select().from(jobs);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.payload).toEqual({ version: 1 });
  });

  it('keeps the dedupe key after the job is done', async () => {
    const job = await enqueue(database.db, { kind: 'publish', payload: {}, dedupeKey: 'once' });
    await database.db.update(jobs).set({ status: 'done' }).where(eq(jobs.id, job!.id));

    const again = await enqueue(database.db, { kind: 'publish', payload: {}, dedupeKey: 'once' });

    expect(again).toBeNull();
  });

  it('inserts every job without a dedupe key', async () => {
    await enqueue(database.db, { kind: 'publish', payload: {} });
    await enqueue(database.db, { kind: 'publish', payload: {} });

    const rows = await database.db.select().from(jobs);
    expect(rows).toHaveLength(2);
  });

  it('joins the transaction it is given', async () => {
    const tenant = await createTenant(database.db);

    await withTenant(database.db, tenant.id, async (tx) => {
      await enqueue(tx, { kind: 'publish', tenantId: tenant.id, payload: {} });
    });
    const rollback = withTenant(database.db, tenant.id, async (tx) => {
      await enqueue(tx, { kind: 'discarded', tenantId: tenant.id, payload: {} });
      throw new Error('roll back');
    });

    await expect(rollback).rejects.toThrow('roll back');
    const kinds = await database.db.select({ kind: jobs.kind }).from(jobs);
    expect(kinds).toEqual([{ kind: 'publish' }]);
  });

  it('rejects fewer than one attempt', async () => {
    const attempt = enqueue(database.db, { kind: 'publish', payload: {}, maxAttempts: 0 });

    await expect(attempt).rejects.toThrow(RangeError);
    const [row] = await database.db.select({ total: sql<number>`count(*)::int` }).from(jobs);
    expect(row!.total).toBe(0);
  });
});
