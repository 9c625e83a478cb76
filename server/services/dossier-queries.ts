import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';

import type { TenantRef } from '../access/context.ts';
import { dossierEvents, dossiers, services, type DossierState } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Tx } from '../db/types.ts';
import type { Db } from '../db/types.ts';
import { AppError } from '../errors.ts';
import type { DossierRow } from './dossiers.ts';

type EventRow = typeof dossierEvents.$inferSelect;
type ServiceRef = { code: string; nameVi: string };

/** Presents a dossier as the unit's handling staff see it, applicant data included. */
export function presentDossierForStaff(dossier: DossierRow, service: ServiceRef) {
  return {
    code: dossier.code,
    service: { code: service.code, nameVi: service.nameVi },
    status: dossier.status,
    source: dossier.source,
    receivedOn: dossier.receivedOn,
    dueAt: dossier.dueAt?.toISOString() ?? null,
    finishedAt: dossier.finishedAt?.toISOString() ?? null,
    applicant: {
      name: dossier.applicantName,
      phone: dossier.applicantPhone,
      email: dossier.applicantEmail,
      idNumber: dossier.applicantIdNumber,
    },
    updatedAt: dossier.updatedAt.toISOString(),
  };
}

/** Presents one event of a dossier's history as staff see it, with the internal note. */
export function presentEventForStaff(event: EventRow) {
  return {
    eventId: event.eventId,
    status: event.status,
    note: event.note,
    occurredAt: event.occurredAt.toISOString(),
    recordedAt: event.recordedAt.toISOString(),
    actorUserId: event.actorUserId,
  };
}

/** Lists a dossier's events in the order they happened, ties in the order they were recorded. */
export async function listDossierEvents(tx: Tx, dossier: DossierRow): Promise<EventRow[]> {
  return tx
    .select()
    .from(dossierEvents)
    .where(
      and(eq(dossierEvents.tenantId, dossier.tenantId), eq(dossierEvents.dossierId, dossier.id)),
    )
    .orderBy(asc(dossierEvents.occurredAt), asc(dossierEvents.recordedAt));
}

export type ListDossiersOptions = {
  status?: DossierState | undefined;
  serviceCode?: string | undefined;
  page: number;
  pageSize: number;
};

/** Lists a unit's dossiers, newest first, for its handling staff. */
export async function listDossiers(db: Db, tenant: TenantRef, options: ListDossiersOptions) {
  return withTenant(db, tenant.id, async (tx) => {
    const conditions: SQL[] = [eq(dossiers.tenantId, tenant.id)];
    if (options.status) {
      conditions.push(eq(dossiers.status, options.status));
    }
    if (options.serviceCode) {
      conditions.push(eq(services.code, options.serviceCode));
    }
    const where = and(...conditions);
    const joined = and(
      eq(services.tenantId, dossiers.tenantId),
      eq(services.id, dossiers.serviceId),
    );
    const rows = await tx
      .select({ dossier: dossiers, service: { code: services.code, nameVi: services.nameVi } })
      .from(dossiers)
      .innerJoin(services, joined)
      .where(where)
      .orderBy(desc(dossiers.receivedOn), desc(dossiers.createdAt))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize);
    const [total] = await tx
      .select({ value: count() })
      .from(dossiers)
      .innerJoin(services, joined)
      .where(where);

    return {
      dossiers: rows.map((row) => presentDossierForStaff(row.dossier, row.service)),
      total: Number(total?.value ?? 0),
      page: options.page,
      pageSize: options.pageSize,
    };
  });
}

/** Returns one dossier of a unit with its full history, for its handling staff. */
export async function getDossier(db: Db, tenant: TenantRef, code: string) {
  return withTenant(db, tenant.id, async (tx) => {
    const [row] = await tx
      .select({ dossier: dossiers, service: { code: services.code, nameVi: services.nameVi } })
      .from(dossiers)
      .innerJoin(
        services,
        and(eq(services.tenantId, dossiers.tenantId), eq(services.id, dossiers.serviceId)),
      )
      .where(and(eq(dossiers.tenantId, tenant.id), eq(dossiers.code, code)));
    if (!row) {
      throw new AppError('not_found', `This unit has no dossier with code ${code}`);
    }
    const events = await listDossierEvents(tx, row.dossier);

    return {
      ...presentDossierForStaff(row.dossier, row.service),
      events: events.map(presentEventForStaff),
    };
  });
}

/**
 * Returns a dossier's status and history for the unit's own system: no applicant data, so a
 * leaked integration token reveals no more than the public lookup would.
 */
export async function getDossierProgress(db: Db, tenantId: string, code: string) {
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx
      .select({ dossier: dossiers, serviceCode: services.code })
      .from(dossiers)
      .innerJoin(
        services,
        and(eq(services.tenantId, dossiers.tenantId), eq(services.id, dossiers.serviceId)),
      )
      .where(and(eq(dossiers.tenantId, tenantId), eq(dossiers.code, code)));
    if (!row) {
      throw new AppError('not_found', `This unit has no dossier with code ${code}`, {
        fields: [{ field: 'code', message: 'is not a dossier of this unit' }],
      });
    }
    const { dossier } = row;
    const events = await listDossierEvents(tx, dossier);

    return {
      code: dossier.code,
      serviceCode: row.serviceCode,
      status: dossier.status,
      receivedOn: dossier.receivedOn,
      dueAt: dossier.dueAt?.toISOString() ?? null,
      finishedAt: dossier.finishedAt?.toISOString() ?? null,
      events: events.map((event) => ({
        eventId: event.eventId,
        status: event.status,
        occurredAt: event.occurredAt.toISOString(),
        recordedAt: event.recordedAt.toISOString(),
      })),
    };
  });
}
