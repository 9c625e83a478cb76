import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { ConfigError } from '../../../server/config.ts';
import { jobs } from '../../../server/db/schema/index.ts';
import { JobWorker } from '../../../server/jobs/index.ts';
import { createLogger } from '../../../server/logger.ts';
import { recordDossierEvent } from '../../../server/services/dossier-events.ts';
import { createDossier } from '../../../server/services/dossiers.ts';
import {
  createNationalPortalClients,
  HttpNationalPortalClient,
  loadNationalPortalSettings,
  NationalPortalError,
} from '../../../server/services/national-portal.ts';
import {
  dossierStatusJobKind,
  monthlyStatisticsJobKind,
  nationalDeliveryMaxAttempts,
  registerServiceJobs,
  runServicesDaily,
} from '../../../server/services/national-sync.ts';
import { databaseErrorOf } from '../../helpers/database-errors.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { createTenant } from '../../helpers/factories.ts';
import { startFakeNationalPortal } from './fake-national-portal.ts';
import { at, createTestService, testServiceDependencies } from './service-fixtures.ts';

const year = new Date().getFullYear() - 1;
const applicant = { name: 'Lê Văn Riêng Tư', phone: '0911 222 333' };
const origin = { source: 'inbound' as const, actorUserId: null, ipAddress: null, requestId: 't' };
const token = 'token-of-the-national-portal';
const log = createLogger({ logLevel: 'silent' });

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('national portal deliveries', () => {
  let database: TestDatabase;
  let unitId: string;
  const deps = () => testServiceDependencies(database.db, ['public_service_portal']);
  const workers: JobWorker[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    await createTenant(database.db, { slug: 'mic', kind: 'main' });
    unitId = (await createTenant(database.db, { slug: 'vnta' })).id;
    await createTestService(database.db, unitId, {
      code: 'vt-sync',
      nationalTargets: ['public_service_portal'],
    });
    await createTestService(database.db, unitId, { code: 'vt-local', nationalTargets: [] });
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
    await database.db.delete(jobs);
  });

  afterAll(async () => {
    await database.destroy();
  });

  function startWorker(baseUrl: string) {
    const worker = new JobWorker({
      db: database.db,
      log,
      retry: { baseDelayMs: 20, maxDelayMs: 80 },
    });
    const settings = { endpoints: { public_service_portal: { baseUrl, token } }, timeoutMs: 5000 };
    registerServiceJobs(worker, { clients: createNationalPortalClients(settings) });
    worker.start({ intervalMs: 10 });
    workers.push(worker);
    return worker;
  }

  async function recordDossierWithSteps(code: string, serviceCode = 'vt-sync', tenantId = unitId) {
    const receivedAt = at(`${year}-05-04`);
    await createDossier(deps(), tenantId, { code, serviceCode, receivedAt, applicant }, origin);
    const steps = ['in_processing', 'additional_documents_requested', 'in_processing', 'done'];
    for (const [index, status] of steps.entries()) {
      await recordDossierEvent(
        deps(),
        tenantId,
        code,
        {
          eventId: `${code}-${index}`,
          status: status as 'in_processing',
          occurredAt: at(`${year}-05-0${5 + index}`),
        },
        origin,
      );
    }
  }

  async function statusJobs() {
    return database.db.select().from(jobs).where(eq(jobs.kind, dossierStatusJobKind));
  }

  it('delivers every event exactly once through failures and a worker restart', async () => {
    const portal = await startFakeNationalPortal({ failFirst: 3, holdSuccess: 2 });
    try {
      await recordDossierWithSteps('SYNC-0001');
      const queued = await statusJobs();
      expect(queued).toHaveLength(5);
      expect(queued.every((job) => job.maxAttempts === nationalDeliveryMaxAttempts)).toBe(true);

      const first = startWorker(portal.baseUrl);
      await portal.whenHeld();
      const stopping = first.stop();
      portal.release();
      await stopping;
      const deliveredBeforeRestart = portal.appliedKeys.size;
      const pending = (await statusJobs()).filter((job) => job.status !== 'done');

      startWorker(portal.baseUrl);
      await waitUntil(() => portal.appliedKeys.size === 5);
      await waitUntil(async () => (await statusJobs()).every((job) => job.status === 'done'));

      expect(deliveredBeforeRestart).toBe(2);
      expect(pending).toHaveLength(3);
      expect([...portal.appliedKeys.keys()].sort()).toEqual(
        queued.map((job) => job.dedupeKey).sort(),
      );
      const successfulCalls = portal.calls.filter((call) => call.status === 200);
      expect(successfulCalls).toHaveLength(5);
      expect(new Set(successfulCalls.map((call) => call.idempotencyKey)).size).toBe(5);
      expect(portal.calls.filter((call) => call.status === 503)).toHaveLength(3);
    } finally {
      await portal.close();
    }
  });

  it('sends the status without applicant data, with the bearer token', async () => {
    const portal = await startFakeNationalPortal();
    try {
      await recordDossierWithSteps('SYNC-0002');
      startWorker(portal.baseUrl);
      await waitUntil(() => portal.appliedKeys.size === 5);

      const done = portal.calls.find((call) => call.body.status === 'done_on_time')!;
      expect(done.path).toBe('/api/dossier-status');
      expect(done.authorization).toBe(`Bearer ${token}`);
      expect(done.body).toMatchObject({
        unit: { slug: 'vnta' },
        dossierCode: 'SYNC-0002',
        serviceCode: 'vt-sync',
        currentStatus: 'done_on_time',
      });
      const everything = JSON.stringify(portal.calls.map((call) => call.body));
      expect(everything).not.toContain(applicant.name);
      expect(everything).not.toContain('0911');
    } finally {
      await portal.close();
    }
  });

  it('delivers a job again after its worker died, under the same key', async () => {
    const portal = await startFakeNationalPortal();
    try {
      await createDossier(
        deps(),
        unitId,
        { code: 'SYNC-0003', serviceCode: 'vt-sync', receivedAt: at(`${year}-05-04`), applicant },
        origin,
      );
      const worker = startWorker(portal.baseUrl);
      await waitUntil(() => portal.appliedKeys.size === 1);
      await waitUntil(async () => (await statusJobs())[0]?.status === 'done');
      await worker.stop();
      // As if a worker had sent the call and died before recording it: running, lease expired.
      await database.db
        .update(jobs)
        .set({ status: 'running', lockedUntil: sql`now() - interval '1 second'` })
        .where(eq(jobs.kind, dossierStatusJobKind));

      startWorker(portal.baseUrl);
      await waitUntil(() => portal.calls.length === 2);
      await waitUntil(async () => (await statusJobs())[0]?.status === 'done');

      expect(portal.calls[0]!.idempotencyKey).toBe(portal.calls[1]!.idempotencyKey);
      expect(portal.appliedKeys.size).toBe(1);
    } finally {
      await portal.close();
    }
  });

  it('queues no delivery when the change rolls back', async () => {
    await createDossier(
      deps(),
      unitId,
      { code: 'SYNC-0004', serviceCode: 'vt-sync', receivedAt: at(`${year}-05-04`), applicant },
      origin,
    );
    // The audit entry is the last write of an event, after its delivery was queued.
    await database.db.execute(sql`
      create function test_reject_audit() returns trigger language plpgsql as
        $$ begin raise exception 'audit unavailable'; end $$`);
    await database.db.execute(sql`
      create trigger reject_audit before insert on audit_log
        for each row execute function test_reject_audit()`);
    const event = {
      eventId: 'sync-4-a',
      status: 'paused' as const,
      occurredAt: at(`${year}-05-05`),
    };
    try {
      await expect(
        recordDossierEvent(deps(), unitId, 'SYNC-0004', event, origin),
      ).rejects.toThrow();
    } finally {
      await database.db.execute(sql`drop trigger reject_audit on audit_log`);
    }
    const retried = await recordDossierEvent(deps(), unitId, 'SYNC-0004', event, origin);

    expect(retried.isReplay).toBe(false);
    expect(await statusJobs()).toHaveLength(2);
  });

  it('queues nothing for a service that names no national system', async () => {
    await recordDossierWithSteps('LOCAL-0001', 'vt-local');

    expect(await statusJobs()).toHaveLength(0);
  });

  it("sends each unit's monthly statistics once", async () => {
    const portal = await startFakeNationalPortal({ failFirst: 1 });
    try {
      const unit = await createTenant(database.db, { slug: 'thong-ke' });
      await createTestService(database.db, unit.id, { code: 'tk-1' });
      await recordDossierWithSteps('STAT-0001', 'tk-1', unit.id);
      await database.db.delete(jobs).where(eq(jobs.kind, dossierStatusJobKind));
      const now = new Date(at(`${year}-06-03`));

      const queued = await runServicesDaily(database.db, ['public_service_portal'], now);
      const again = await runServicesDaily(database.db, ['public_service_portal'], now);
      startWorker(portal.baseUrl);
      await waitUntil(async () => {
        const rows = await database.db
          .select()
          .from(jobs)
          .where(and(eq(jobs.kind, monthlyStatisticsJobKind), eq(jobs.status, 'done')));
        return rows.length === queued;
      });

      // One delivery per active unit and the main portal; the main portal has no services.
      expect(queued).toBe(3);
      expect(again).toBe(0);
      expect(portal.appliedKeys.size).toBe(2);
      const report = [...portal.appliedKeys.values()].find(
        (body) => (body.unit as { slug: string }).slug === 'thong-ke',
      )!;
      expect(report.month).toBe(`${year}-05`);
      expect(report.services).toEqual([
        {
          serviceCode: 'tk-1',
          procedureName: 'Thủ tục tk-1',
          received: 1,
          inProcessing: 0,
          finishedOnTime: 1,
          finishedLate: 0,
          rejectedOrReturned: 0,
        },
      ]);
    } finally {
      await portal.close();
    }
  });
});

describe('national portal settings', () => {
  it('reads each configured system', () => {
    const settings = loadNationalPortalSettings({
      NATIONAL_PUBLIC_SERVICE_PORTAL_URL: 'https://dvcqg.example.vn/api',
      NATIONAL_PUBLIC_SERVICE_PORTAL_TOKEN: 'abc',
      NATIONAL_SINGLE_WINDOW_URL: '',
    });

    expect(settings.endpoints.public_service_portal).toEqual({
      baseUrl: 'https://dvcqg.example.vn/api',
      token: 'abc',
    });
    expect(settings.endpoints.single_window).toBeUndefined();
    expect(settings.timeoutMs).toBe(15_000);
  });

  it('names the missing token', () => {
    const load = () =>
      loadNationalPortalSettings({ NATIONAL_SINGLE_WINDOW_URL: 'https://nsw.example.vn' });

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/NATIONAL_SINGLE_WINDOW_TOKEN/);
  });

  it('reports the status of a failed call', async () => {
    const portal = await startFakeNationalPortal({ failFirst: 1 });
    try {
      const client = new HttpNationalPortalClient({
        target: 'single_window',
        baseUrl: portal.baseUrl,
        token,
        timeoutMs: 5000,
      });
      const report = { unit: { slug: 'x', name: 'X' }, month: '2025-01', services: [] };

      const failure = client.pushMonthlyStatistics(report, 'key-1');

      await expect(failure).rejects.toBeInstanceOf(NationalPortalError);
      await expect(client.pushMonthlyStatistics(report, 'key-1')).resolves.toBeUndefined();
      expect(portal.calls[0]!.path).toBe('/api/monthly-statistics');
    } finally {
      await portal.close();
    }
  });
});
