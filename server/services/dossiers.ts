import { and, eq } from 'drizzle-orm';

import { appendAudit } from '../audit/audit-log.ts';
import { dossierEvents, dossiers } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Tx } from '../db/types.ts';
import { AppError, type FieldProblem } from '../errors.ts';
import { MissingHolidayYearError, type WorkingCalendar } from '../workflow/calendar.ts';
import { findOwnService, type ServiceRow } from './catalogue.ts';
import type { DossierOrigin, ServiceDependencies } from './dependencies.ts';
import type { Applicant, CreateDossierInput } from './dossier-schemas.ts';
import { localDateOf } from './local-time.ts';
import { hashLookupSecret, lookupDigitsOf } from './lookup-secret.ts';
import { enqueueDossierStatusSync } from './national-sync.ts';
import { readServiceDetails } from './service-schemas.ts';

export type DossierRow = typeof dossiers.$inferSelect;

/**
 * The result of creating a dossier. It contains only what cannot change later, so a replayed
 * call returns exactly the body of the first one.
 */
export type DossierReceipt = {
  code: string;
  serviceCode: string;
  receivedAt: string;
  receivedOn: string;
  dueAt: string;
};

/** The result of an idempotent command: the receipt, and whether the call was a replay. */
export type Idempotent<T> = { result: T; isReplay: boolean };

/** How far ahead of the server's clock a reported time may be, for clocks slightly apart. */
export const allowedClockSkewMs = 5 * 60_000;

/** Returns the event id of the "received" event that creating a dossier records. */
export function receivedEventIdOf(dossierId: string): string {
  return `platform:received:${dossierId}`;
}

function computeDueAt(calendar: WorkingCalendar, receivedAt: Date, days: number): Date {
  try {
    return calendar.addWorkingDays(receivedAt, days);
  } catch (error) {
    if (error instanceof MissingHolidayYearError) {
      throw new AppError(
        'unavailable',
        `The due date cannot be computed: there is no holiday calendar for ${error.year}`,
        { cause: error, retryAfterSeconds: 3600, logMessage: error.message },
      );
    }
    throw error;
  }
}

function applicantColumns(tenantId: string, code: string, applicant: Applicant) {
  return {
    applicantName: applicant.name,
    applicantPhone: applicant.phone,
    applicantEmail: applicant.email ?? null,
    applicantIdNumber: applicant.idNumber ?? null,
    lookupSecretHash: hashLookupSecret(tenantId, code, lookupDigitsOf(applicant.phone)),
  };
}

/** Finds a dossier of the tenant by code; with `forUpdate`, locks it until the transaction ends. */
export async function findDossierByCode(
  tx: Tx,
  tenantId: string,
  code: string,
  options: { forUpdate?: boolean } = {},
): Promise<DossierRow | null> {
  const query = tx
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.tenantId, tenantId), eq(dossiers.code, code)));
  const [row] = options.forUpdate ? await query.for('update') : await query;

  return row ?? null;
}

/** Returns the instant a dossier was received: the time of its platform "received" event. */
export async function receivedAtOf(tx: Tx, dossier: DossierRow): Promise<Date> {
  const [event] = await tx
    .select({ occurredAt: dossierEvents.occurredAt })
    .from(dossierEvents)
    .where(
      and(
        eq(dossierEvents.tenantId, dossier.tenantId),
        eq(dossierEvents.eventId, receivedEventIdOf(dossier.id)),
      ),
    );

  return event?.occurredAt ?? new Date(`${dossier.receivedOn}T00:00:00+07:00`);
}

async function toReceipt(tx: Tx, dossier: DossierRow, service: ServiceRow) {
  const receipt: DossierReceipt = {
    code: dossier.code,
    serviceCode: service.code,
    receivedAt: (await receivedAtOf(tx, dossier)).toISOString(),
    receivedOn: dossier.receivedOn,
    dueAt: dossier.dueAt!.toISOString(),
  };

  return receipt;
}

/** Names the fields in which a repeated create differs from the dossier already recorded. */
async function replayConflicts(
  tx: Tx,
  existing: DossierRow,
  desired: { serviceId: string; receivedAt: Date; columns: ReturnType<typeof applicantColumns> },
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const differ = (field: string) =>
    problems.push({ field, message: 'differs from the dossier already recorded with this code' });
  if (existing.serviceId !== desired.serviceId) {
    differ('serviceCode');
  }
  if ((await receivedAtOf(tx, existing)).getTime() !== desired.receivedAt.getTime()) {
    differ('receivedAt');
  }
  const applicantFields = [
    ['applicantName', 'applicant.name'],
    ['applicantPhone', 'applicant.phone'],
    ['applicantEmail', 'applicant.email'],
    ['applicantIdNumber', 'applicant.idNumber'],
  ] as const;
  for (const [column, field] of applicantFields) {
    if (existing[column] !== desired.columns[column]) {
      differ(field);
    }
  }

  return problems;
}

async function requireService(tx: Tx, tenantId: string, serviceCode: string) {
  const service = await findOwnService(tx, tenantId, { code: serviceCode });
  if (!service) {
    throw new AppError('invalid_input', `This unit has no service with code ${serviceCode}`, {
      fields: [{ field: 'serviceCode', message: 'is not a service of this unit' }],
    });
  }

  return service;
}

/**
 * Records a dossier received by a unit, with its "received" event, its due date and the
 * deliveries to the national systems, in one transaction. The code makes the call idempotent:
 * the same dossier sent again returns the first receipt and records nothing, while different
 * data under a code already used is a 409 naming the fields that differ.
 */
export async function createDossier(
  deps: ServiceDependencies,
  tenantId: string,
  input: CreateDossierInput,
  origin: DossierOrigin,
): Promise<Idempotent<DossierReceipt>> {
  const calendar = await deps.getCalendar();
  const receivedAt = new Date(input.receivedAt);
  if (receivedAt.getTime() > Date.now() + allowedClockSkewMs) {
    throw new AppError('invalid_input', 'The receipt time is in the future', {
      fields: [{ field: 'receivedAt', message: 'must not be in the future' }],
    });
  }

  return withTenant(deps.db, tenantId, async (tx) => {
    const service = await requireService(tx, tenantId, input.serviceCode);
    const columns = applicantColumns(tenantId, input.code, input.applicant);
    const desired = { serviceId: service.id, receivedAt, columns };
    const replay = async (existing: DossierRow) => {
      const problems = await replayConflicts(tx, existing, desired);
      if (problems.length > 0) {
        throw new AppError('conflict', `Dossier ${input.code} already exists with other data`, {
          fields: problems,
        });
      }
      const existingService = await findOwnService(tx, tenantId, { id: existing.serviceId });

      return { result: await toReceipt(tx, existing, existingService!), isReplay: true };
    };

    const existing = await findDossierByCode(tx, tenantId, input.code);
    if (existing) {
      return replay(existing);
    }
    const [dossier] = await tx
      .insert(dossiers)
      .values({
        tenantId,
        serviceId: service.id,
        code: input.code,
        ...columns,
        status: 'received',
        receivedOn: localDateOf(receivedAt),
        dueAt: computeDueAt(calendar, receivedAt, service.processingDays),
        source: origin.source,
      })
      .onConflictDoNothing({ target: [dossiers.tenantId, dossiers.code] })
      .returning();
    if (!dossier) {
      // A concurrent call inserted the code between the lookup and this insert.
      return replay((await findDossierByCode(tx, tenantId, input.code))!);
    }

    const [event] = await tx
      .insert(dossierEvents)
      .values({
        tenantId,
        dossierId: dossier.id,
        eventId: receivedEventIdOf(dossier.id),
        status: 'received',
        occurredAt: receivedAt,
        actorUserId: origin.actorUserId,
      })
      .returning();
    await enqueueDossierStatusSync(tx, {
      tenantId,
      eventRowId: event!.id,
      serviceTargets: readServiceDetails(service.details).nationalTargets,
      configuredTargets: deps.nationalTargets,
    });
    await appendAudit(tx, {
      tenantId,
      actorUserId: origin.actorUserId,
      action: 'dossier.create',
      resourceType: 'dossier',
      resourceId: dossier.id,
      after: {
        code: dossier.code,
        serviceCode: service.code,
        source: origin.source,
        tokenId: origin.tokenId ?? null,
      },
      ipAddress: origin.ipAddress,
      requestId: origin.requestId,
    });

    return { result: await toReceipt(tx, dossier, service), isReplay: false };
  });
}
