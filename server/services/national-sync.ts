import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';

import { dossierEvents, dossiers, services, tenants } from '../db/schema/index.ts';
import { withoutTenant, withTenant } from '../db/tenant-scope.ts';
import type { Db, Tx } from '../db/types.ts';
import { enqueue, type JobContext, type JobWorker } from '../jobs/index.ts';
import { localDateOf } from './local-time.ts';
import {
  nationalTargetNames,
  nationalTargets,
  type DossierStatusUpdate,
  type MonthlyStatisticsReport,
  type NationalPortalClient,
  type NationalTarget,
} from './national-portal.ts';
import { deleteExpiredRateLimits } from './rate-limit.ts';
import { loadDossierTallies, loadServiceNames } from './statistics.ts';
import { figuresOf, previousMonth } from './statistics-figures.ts';

export const dossierStatusJobKind = 'services.sync_dossier_status';
export const monthlyStatisticsJobKind = 'services.push_monthly_statistics';
export const dailyRunJobKind = 'services.daily_run';

/**
 * Attempts of one delivery before it is marked failed. The worker's default back-off waits 30
 * seconds, doubled after each failure and capped at one hour. So the first eight attempts are
 * spread over about an hour and all 48 over about 41 hours, and a national system that is down
 * for an hour, or a night, loses nothing.
 */
export const nationalDeliveryMaxAttempts = 48;

/** The prefix of the public lookup's rate-limit keys, whose old rows the daily run deletes. */
export const lookupRateLimitPrefix = 'dossier-lookup:';

const dayMs = 24 * 3_600_000;

export type ServiceJobDependencies = {
  /** The client of each configured national system. */
  clients: Partial<Record<NationalTarget, NationalPortalClient>>;
};

/**
 * Queues the delivery of one dossier event to each national system that the service names
 * and that is configured. Call it in the transaction that records the event: the jobs table is
 * the outbox, so the event and its deliveries commit together or not at all.
 */
export async function enqueueDossierStatusSync(
  tx: Tx,
  options: {
    tenantId: string;
    eventRowId: string;
    serviceTargets: readonly NationalTarget[];
    configuredTargets: readonly NationalTarget[];
  },
): Promise<number> {
  let queued = 0;
  for (const target of options.serviceTargets) {
    if (!options.configuredTargets.includes(target)) {
      continue;
    }
    const job = await enqueue(tx, {
      kind: dossierStatusJobKind,
      tenantId: options.tenantId,
      payload: { target, eventRowId: options.eventRowId },
      dedupeKey: `${dossierStatusJobKind}:${target}:${options.tenantId}:${options.eventRowId}`,
      maxAttempts: nationalDeliveryMaxAttempts,
    });
    queued += job ? 1 : 0;
  }

  return queued;
}

async function buildStatusUpdate(
  tx: Tx,
  tenantId: string,
  eventRowId: string,
): Promise<DossierStatusUpdate | null> {
  const [row] = await tx
    .select({ event: dossierEvents, dossier: dossiers, service: services, unit: tenants })
    .from(dossierEvents)
    .innerJoin(
      dossiers,
      and(eq(dossiers.tenantId, dossierEvents.tenantId), eq(dossiers.id, dossierEvents.dossierId)),
    )
    .innerJoin(
      services,
      and(eq(services.tenantId, dossiers.tenantId), eq(services.id, dossiers.serviceId)),
    )
    .innerJoin(tenants, eq(tenants.id, dossiers.tenantId))
    .where(and(eq(dossierEvents.tenantId, tenantId), eq(dossierEvents.id, eventRowId)));
  if (!row) {
    return null;
  }
  const { event, dossier, service, unit } = row;

  return {
    unit: { slug: unit.slug, name: unit.nameVi },
    dossierCode: dossier.code,
    serviceCode: service.code,
    procedureName: service.procedureName,
    status: event.status,
    occurredAt: event.occurredAt.toISOString(),
    currentStatus: dossier.status,
    receivedOn: dossier.receivedOn,
    dueAt: dossier.dueAt?.toISOString() ?? null,
    finishedAt: dossier.finishedAt?.toISOString() ?? null,
  };
}

async function buildMonthlyReport(
  db: Db,
  tenantId: string,
  month: string,
): Promise<MonthlyStatisticsReport | null> {
  return withTenant(db, tenantId, async (tx) => {
    const names = await loadServiceNames(tx, tenantId);
    const [unit] = await tx.select().from(tenants).where(eq(tenants.id, tenantId));
    if (names.length === 0 || !unit) {
      return null;
    }
    const tallies = await loadDossierTallies(tx, tenantId, { firstMonth: month, lastMonth: month });

    return {
      unit: { slug: unit.slug, name: unit.nameVi },
      month,
      services: names.map((service) => ({
        serviceCode: service.code,
        procedureName: service.procedureName,
        ...figuresOf(
          tallies.filter((tally) => tally.serviceId === service.id),
          month,
          month,
        ),
      })),
    };
  });
}

const DossierStatusPayloadSchema = z.object({
  target: z.enum(nationalTargets),
  eventRowId: z.uuid(),
});
const MonthlyStatisticsPayloadSchema = z.object({
  target: z.enum(nationalTargets),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
});

function clientFor(deps: ServiceJobDependencies, target: NationalTarget): NationalPortalClient {
  const client = deps.clients[target];
  if (!client) {
    // Thrown, not skipped, so the delivery waits for the endpoint to be configured again.
    throw new Error(`The ${nationalTargetNames[target]} is not configured on this instance`);
  }

  return client;
}

/** Sends one queued dossier event; throws to have the worker retry it. */
export async function deliverDossierStatus(deps: ServiceJobDependencies, context: JobContext) {
  const { job, db, log } = context;
  const payload = DossierStatusPayloadSchema.safeParse(job.payload);
  if (!payload.success || !job.tenantId) {
    log.error({ payload: job.payload }, 'dossier status job has an invalid payload, dropped');
    return;
  }
  const { target, eventRowId } = payload.data;
  const update = await withTenant(db, job.tenantId, (tx) =>
    buildStatusUpdate(tx, job.tenantId!, eventRowId),
  );
  if (!update) {
    log.error({ eventRowId }, 'dossier event of a status job not found, dropped');
    return;
  }
  await clientFor(deps, target).pushDossierStatus(update, job.dedupeKey ?? job.id);
  log.info({ target, dossierCode: update.dossierCode, status: update.status }, 'status delivered');
}

/** Sends one unit's statistics of one month; throws to have the worker retry it. */
export async function deliverMonthlyStatistics(deps: ServiceJobDependencies, context: JobContext) {
  const { job, db, log } = context;
  const payload = MonthlyStatisticsPayloadSchema.safeParse(job.payload);
  if (!payload.success || !job.tenantId) {
    log.error({ payload: job.payload }, 'monthly statistics job has an invalid payload, dropped');
    return;
  }
  const { target, month } = payload.data;
  const report = await buildMonthlyReport(db, job.tenantId, month);
  if (!report) {
    log.info({ month }, 'unit has no services, no statistics sent');
    return;
  }
  await clientFor(deps, target).pushMonthlyStatistics(report, job.dedupeKey ?? job.id);
  log.info({ target, month, services: report.services.length }, 'monthly statistics delivered');
}

/**
 * Queues the daily run of the services module for the day of `runAt`. The dedupe key allows
 * one run per day, so every instance may call this at start-up.
 */
export async function enqueueServicesDailyRun(db: Db, runAt: Date): Promise<void> {
  await enqueue(db, {
    kind: dailyRunJobKind,
    payload: {},
    runAt,
    dedupeKey: `${dailyRunJobKind}:${localDateOf(runAt)}`,
  });
}

/**
 * Queues, for every active hosted unit and the main portal, the previous month's statistics
 * to each configured national system, and deletes lookup rate-limit counters older than a
 * day. Returns how many statistics deliveries were queued; months already queued are skipped.
 *
 * NOTE: a month is sent once. Events recorded later for dossiers of that month change the
 * public page, not what the national system received.
 */
export async function runServicesDaily(
  db: Db,
  configuredTargets: readonly NationalTarget[],
  now = new Date(),
): Promise<number> {
  const month = previousMonth(localDateOf(now).slice(0, 7));
  const units = await withoutTenant(db, (tx) =>
    tx
      .select({ id: tenants.id })
      .from(tenants)
      .where(and(eq(tenants.status, 'active'), ne(tenants.kind, 'independent'))),
  );
  let queued = 0;
  for (const unit of units) {
    for (const target of configuredTargets) {
      const job = await enqueue(db, {
        kind: monthlyStatisticsJobKind,
        tenantId: unit.id,
        payload: { target, month },
        dedupeKey: `${monthlyStatisticsJobKind}:${target}:${unit.id}:${month}`,
        maxAttempts: nationalDeliveryMaxAttempts,
      });
      queued += job ? 1 : 0;
    }
  }
  await deleteExpiredRateLimits(db, lookupRateLimitPrefix, dayMs);

  return queued;
}

/**
 * Registers the jobs of the services module: deliveries to the national systems and the daily
 * run, which queues the next day's run itself.
 */
export function registerServiceJobs(worker: JobWorker, deps: ServiceJobDependencies): void {
  const configured = nationalTargets.filter((target) => deps.clients[target] !== undefined);
  worker.register(dossierStatusJobKind, (context) => deliverDossierStatus(deps, context));
  worker.register(monthlyStatisticsJobKind, (context) => deliverMonthlyStatistics(deps, context));
  worker.register(dailyRunJobKind, async ({ db, log }) => {
    const queued = await runServicesDaily(db, configured);
    log.info({ queued }, 'services daily run finished');
    await enqueueServicesDailyRun(db, new Date(Date.now() + dayMs));
  });
}
