import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { eq, sql } from 'drizzle-orm';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

import { dossierEvents, dossiers, services } from '../db/schema/index.ts';
import type { Tx } from '../db/types.ts';
import { defaultTenantFolder, TenantFolderError } from '../tenancy/tenant-folder.ts';
import type { WorkingCalendar } from '../workflow/calendar.ts';
import { DossierCodeSchema } from './dossier-schemas.ts';
import {
  becomesCurrent,
  isTerminalState,
  reportedStatuses,
  resolveReportedStatus,
  type DossierState,
} from './dossier-status.ts';
import { receivedEventIdOf } from './dossiers.ts';
import { localDateOf } from './local-time.ts';
import { hashLookupSecret, lookupDigitsOf } from './lookup-secret.ts';
import { requireProvision, ServiceFieldsSchema, toServiceColumns } from './service-schemas.ts';

const instant = z.iso.datetime({ offset: true });

const DemoDossierSchema = z.object({
  code: DossierCodeSchema,
  /** The code of one of the file's services. */
  service: z.string().min(1),
  receivedAt: instant,
  applicant: z.object({ name: z.string().trim().min(1), phone: z.string().trim().min(8) }),
  /** The steps after receipt, in any order; the newest one sets the status. */
  events: z.array(z.object({ status: z.enum(reportedStatuses), at: instant })).default([]),
});

/** Demo services and dossiers of one unit, as kept in `tenants/services/<slug>.yaml`. */
export const DemoServicesFileSchema = z.object({
  tenant: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/),
  services: z.array(
    requireProvision(ServiceFieldsSchema.extend({ isPublished: z.boolean().default(true) })),
  ),
  dossiers: z.array(DemoDossierSchema).default([]),
});
export type DemoServicesFile = z.infer<typeof DemoServicesFileSchema>;

function describeProblems(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(file)';
    return `${file}: ${field}: ${issue.message}`;
  });
}

function checkReferences(file: string, content: DemoServicesFile): string[] {
  const codes = new Set(content.services.map((service) => service.code));

  return content.dossiers.flatMap((dossier, index) =>
    codes.has(dossier.service)
      ? []
      : [`${file}: dossiers.${index}.service: no service in this file has code ${dossier.service}`],
  );
}

/**
 * Reads and validates `tenants/services/*.yaml` (under the repository's tenants folder by
 * default), or throws a `TenantFolderError` listing every problem by file and field.
 */
export async function loadDemoServiceFiles(
  root: string = defaultTenantFolder,
): Promise<{ file: string; content: DemoServicesFile }[]> {
  const folder = path.join(root, 'services');
  const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') {
      return [] as string[];
    }
    throw error;
  });
  const problems: string[] = [];
  const files: { file: string; content: DemoServicesFile }[] = [];
  for (const name of names.filter((entry) => /\.ya?ml$/.test(entry)).sort()) {
    const file = path.join(path.basename(root), 'services', name);
    let data: unknown;
    try {
      data = parseYaml(await readFile(path.join(folder, name), 'utf8'));
    } catch (error) {
      problems.push(`${file}: (file): invalid YAML: ${(error as Error).message}`);
      continue;
    }
    const parsed = DemoServicesFileSchema.safeParse(data);
    if (!parsed.success) {
      problems.push(...describeProblems(file, parsed.error));
      continue;
    }
    problems.push(...checkReferences(file, parsed.data));
    files.push({ file, content: parsed.data });
  }
  if (problems.length > 0) {
    throw new TenantFolderError(problems);
  }

  return files;
}

export type SyncDemoServicesOptions = {
  /** The holiday calendar the demo dossiers' due dates are counted on. */
  calendar: WorkingCalendar;
};

export type DemoServicesReport = { servicesCreated: number; dossiersCreated: number };

/** Works out a demo dossier's status and finish time from its events, as the API would. */
function replayEvents(events: { status: DossierState; occurredAt: Date }[]) {
  let current: { status: DossierState; occurredAt: Date } | null = null;
  for (const event of events) {
    if (becomesCurrent(event.occurredAt, current?.occurredAt ?? null)) {
      current = event;
    }
  }
  const status = current?.status ?? 'received';
  const finishedAt = current && isTerminalState(status) ? current.occurredAt : null;

  return { status, finishedAt };
}

async function insertDemoDossier(
  tx: Tx,
  tenantId: string,
  dossier: DemoServicesFile['dossiers'][number],
  service: { id: string; processingDays: number },
  calendar: WorkingCalendar,
): Promise<boolean> {
  const receivedAt = new Date(dossier.receivedAt);
  const dueAt = calendar.addWorkingDays(receivedAt, service.processingDays);
  const events = dossier.events.map((event) => {
    const occurredAt = new Date(event.at);
    return { status: resolveReportedStatus(event.status, occurredAt, dueAt), occurredAt };
  });
  const outcome = replayEvents([{ status: 'received', occurredAt: receivedAt }, ...events]);
  const [row] = await tx
    .insert(dossiers)
    .values({
      tenantId,
      serviceId: service.id,
      code: dossier.code,
      applicantName: dossier.applicant.name,
      applicantPhone: dossier.applicant.phone,
      lookupSecretHash: hashLookupSecret(
        tenantId,
        dossier.code,
        lookupDigitsOf(dossier.applicant.phone),
      ),
      status: outcome.status,
      receivedOn: localDateOf(receivedAt),
      dueAt,
      finishedAt: outcome.finishedAt,
      source: 'admin',
    })
    .onConflictDoNothing({ target: [dossiers.tenantId, dossiers.code] })
    .returning({ id: dossiers.id });
  if (!row) {
    return false;
  }
  await tx.insert(dossierEvents).values([
    {
      tenantId,
      dossierId: row.id,
      eventId: receivedEventIdOf(row.id),
      status: 'received' as const,
      occurredAt: receivedAt,
    },
    ...events.map((event, index) => ({
      tenantId,
      dossierId: row.id,
      eventId: `platform:demo:${dossier.code}:${index + 1}`,
      status: event.status,
      occurredAt: event.occurredAt,
    })),
  ]);

  return true;
}

/**
 * Adds a unit's demo services and dossiers that are missing, inside the tenant sync's
 * transaction; rows that exist are never overwritten. It switches the transaction to the
 * unit's scope as `portal_app` first, as every request does, and leaves it there. Demo
 * dossiers queue no deliveries to the national systems and write no audit entries.
 */
export async function syncDemoServices(
  tx: Tx,
  tenantId: string,
  content: DemoServicesFile,
  options: SyncDemoServicesOptions,
): Promise<DemoServicesReport> {
  await tx.execute(
    sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('role', 'portal_app', true)`,
  );
  const report: DemoServicesReport = { servicesCreated: 0, dossiersCreated: 0 };
  const inserted = content.services.length
    ? await tx
        .insert(services)
        .values(
          content.services.map(({ isPublished, ...service }) => ({
            tenantId,
            ...toServiceColumns(service),
            isPublished,
          })),
        )
        .onConflictDoNothing({ target: [services.tenantId, services.code] })
        .returning({ id: services.id })
    : [];
  report.servicesCreated = inserted.length;

  const rows = await tx
    .select({ id: services.id, code: services.code, processingDays: services.processingDays })
    .from(services)
    .where(eq(services.tenantId, tenantId));
  const byCode = new Map(rows.map((row) => [row.code, row]));
  for (const dossier of content.dossiers) {
    const service = byCode.get(dossier.service);
    if (service && (await insertDemoDossier(tx, tenantId, dossier, service, options.calendar))) {
      report.dossiersCreated += 1;
    }
  }

  return report;
}
