import { and, eq, max } from 'drizzle-orm';

import { appendAudit } from '../audit/audit-log.ts';
import { dossierEvents, dossiers } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Tx } from '../db/types.ts';
import { AppError, type FieldProblem } from '../errors.ts';
import { findOwnService } from './catalogue.ts';
import type { DossierOrigin, ServiceDependencies } from './dependencies.ts';
import type { DossierEventInput } from './dossier-schemas.ts';
import {
  becomesCurrent,
  isTerminalState,
  matchesReportedStatus,
  resolveReportedStatus,
} from './dossier-status.ts';
import {
  allowedClockSkewMs,
  findDossierByCode,
  receivedAtOf,
  type DossierRow,
  type Idempotent,
} from './dossiers.ts';
import { enqueueDossierStatusSync } from './national-sync.ts';
import { readServiceDetails } from './service-schemas.ts';

type EventRow = typeof dossierEvents.$inferSelect;

/** The result of recording an event; like a dossier receipt, it never changes afterwards. */
export type EventReceipt = {
  eventId: string;
  dossierCode: string;
  /** The status as recorded: a reported `done` becomes done on time or done late. */
  status: string;
  occurredAt: string;
  recordedAt: string;
};

function toReceipt(event: EventRow, dossier: DossierRow): EventReceipt {
  return {
    eventId: event.eventId,
    dossierCode: dossier.code,
    status: event.status,
    occurredAt: event.occurredAt.toISOString(),
    recordedAt: event.recordedAt.toISOString(),
  };
}

function replayConflicts(
  existing: EventRow,
  dossier: DossierRow,
  input: DossierEventInput,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const differ = (field: string, message: string) => problems.push({ field, message });
  if (existing.dossierId !== dossier.id) {
    differ('eventId', 'is already used for another dossier');
    return problems;
  }
  if (!matchesReportedStatus(existing.status, input.status)) {
    differ('status', 'differs from the event already recorded with this id');
  }
  if (existing.occurredAt.getTime() !== new Date(input.occurredAt).getTime()) {
    differ('occurredAt', 'differs from the event already recorded with this id');
  }
  if ((existing.note ?? undefined) !== input.note) {
    differ('note', 'differs from the event already recorded with this id');
  }

  return problems;
}

async function latestOccurredAt(tx: Tx, dossier: DossierRow): Promise<Date | null> {
  const [row] = await tx
    .select({ latest: max(dossierEvents.occurredAt) })
    .from(dossierEvents)
    .where(
      and(eq(dossierEvents.tenantId, dossier.tenantId), eq(dossierEvents.dossierId, dossier.id)),
    );
  const latest = row?.latest;

  return latest ? new Date(latest) : null;
}

async function checkOccurredAt(tx: Tx, dossier: DossierRow, occurredAt: Date) {
  if (occurredAt.getTime() > Date.now() + allowedClockSkewMs) {
    throw new AppError('invalid_input', 'The event time is in the future', {
      fields: [{ field: 'occurredAt', message: 'must not be in the future' }],
    });
  }
  if (occurredAt.getTime() < (await receivedAtOf(tx, dossier)).getTime()) {
    throw new AppError('invalid_input', 'The event time is before the dossier was received', {
      fields: [{ field: 'occurredAt', message: 'must not be before the dossier was received' }],
    });
  }
}

/**
 * Records one event of a dossier and sets the dossier's current status from it, unless it is
 * older than the latest recorded event, which puts it in the history only.
 *
 * The event id makes the call idempotent. The same event sent again returns the first receipt,
 * while other data under an id already used is a 409. The deliveries to the national systems
 * are queued in the same transaction.
 */
export async function recordDossierEvent(
  deps: ServiceDependencies,
  tenantId: string,
  code: string,
  input: DossierEventInput,
  origin: DossierOrigin,
): Promise<Idempotent<EventReceipt>> {
  return withTenant(deps.db, tenantId, async (tx) => {
    // The lock orders concurrent events of one dossier, so each one reads the one before it.
    const dossier = await findDossierByCode(tx, tenantId, code, { forUpdate: true });
    if (!dossier) {
      throw new AppError('not_found', `This unit has no dossier with code ${code}`, {
        fields: [{ field: 'code', message: 'is not a dossier of this unit' }],
      });
    }
    const [existing] = await tx
      .select()
      .from(dossierEvents)
      .where(and(eq(dossierEvents.tenantId, tenantId), eq(dossierEvents.eventId, input.eventId)));
    if (existing) {
      const problems = replayConflicts(existing, dossier, input);
      if (problems.length > 0) {
        throw new AppError('conflict', `Event ${input.eventId} already exists with other data`, {
          fields: problems,
        });
      }
      return { result: toReceipt(existing, dossier), isReplay: true };
    }

    const occurredAt = new Date(input.occurredAt);
    await checkOccurredAt(tx, dossier, occurredAt);
    // NOTE: the due date stays as computed at receipt. A pause or a request for more documents
    // does not move it, although a procedure's rules may stop the clock for such steps.
    const status = resolveReportedStatus(input.status, occurredAt, dossier.dueAt);
    const isCurrent = becomesCurrent(occurredAt, await latestOccurredAt(tx, dossier));
    const [event] = await tx
      .insert(dossierEvents)
      .values({
        tenantId,
        dossierId: dossier.id,
        eventId: input.eventId,
        status,
        note: input.note ?? null,
        occurredAt,
        actorUserId: origin.actorUserId,
      })
      .returning();
    if (isCurrent) {
      await tx
        .update(dossiers)
        .set({
          status,
          finishedAt: isTerminalState(status) ? occurredAt : null,
          updatedAt: new Date(),
        })
        .where(and(eq(dossiers.tenantId, tenantId), eq(dossiers.id, dossier.id)));
    }

    const service = await findOwnService(tx, tenantId, { id: dossier.serviceId });
    await enqueueDossierStatusSync(tx, {
      tenantId,
      eventRowId: event!.id,
      serviceTargets: service ? readServiceDetails(service.details).nationalTargets : [],
      configuredTargets: deps.nationalTargets,
    });
    await appendAudit(tx, {
      tenantId,
      actorUserId: origin.actorUserId,
      action: 'dossier.record_event',
      resourceType: 'dossier',
      resourceId: dossier.id,
      before: { status: dossier.status },
      after: {
        eventId: event!.eventId,
        status,
        isCurrent,
        source: origin.source,
        tokenId: origin.tokenId ?? null,
      },
      ipAddress: origin.ipAddress,
      requestId: origin.requestId,
    });

    return { result: toReceipt(event!, dossier), isReplay: false };
  });
}
