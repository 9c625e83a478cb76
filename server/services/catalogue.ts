import { and, asc, eq } from 'drizzle-orm';

import type { ActingContext, TenantRef } from '../access/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { services } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Db, Tx } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { toServiceColumns, type ServiceInput } from './service-schemas.ts';

export type ServiceRow = typeof services.$inferSelect;

/** Returns what the audit log keeps of a service: its identity and state, not its text. */
function auditView(row: ServiceRow) {
  return { code: row.code, nameVi: row.nameVi, isPublished: row.isPublished };
}

function codeTaken(code: string): AppError {
  return new AppError('conflict', `This unit already has a service with code ${code}`, {
    fields: [{ field: 'code', message: 'is already used by another service of this unit' }],
  });
}

/**
 * Finds one of the tenant's own services. The tenant condition is needed, not only RLS: the
 * public read policy also shows other units' published services.
 */
export async function findOwnService(
  tx: Tx,
  tenantId: string,
  where: { id: string } | { code: string },
): Promise<ServiceRow | null> {
  const match = 'id' in where ? eq(services.id, where.id) : eq(services.code, where.code);
  const [row] = await tx
    .select()
    .from(services)
    .where(and(eq(services.tenantId, tenantId), match));

  return row ?? null;
}

async function requireOwnService(tx: Tx, tenantId: string, serviceId: string) {
  const row = await findOwnService(tx, tenantId, { id: serviceId });
  if (!row) {
    throw new AppError('not_found', 'No service of this unit has this id');
  }

  return row;
}

/** Creates a service of a unit, unpublished; 409 when the unit already uses the code. */
export async function createService(
  db: Db,
  context: ActingContext,
  tenant: TenantRef,
  input: ServiceInput,
): Promise<ServiceRow> {
  return withTenant(db, tenant.id, async (tx) => {
    const [row] = await tx
      .insert(services)
      .values({ tenantId: tenant.id, ...toServiceColumns(input), isPublished: false })
      .onConflictDoNothing({ target: [services.tenantId, services.code] })
      .returning();
    if (!row) {
      throw codeTaken(input.code);
    }
    await appendAudit(tx, {
      tenantId: tenant.id,
      actorUserId: context.actor.userId,
      action: 'service.create',
      resourceType: 'service',
      resourceId: row.id,
      after: auditView(row),
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });

    return row;
  });
}

/** Replaces the editable fields of a service; publication is left as it is. */
export async function updateService(
  db: Db,
  context: ActingContext,
  tenant: TenantRef,
  serviceId: string,
  input: ServiceInput,
): Promise<ServiceRow> {
  return withTenant(db, tenant.id, async (tx) => {
    const before = await requireOwnService(tx, tenant.id, serviceId);
    if (input.code !== before.code && (await findOwnService(tx, tenant.id, { code: input.code }))) {
      throw codeTaken(input.code);
    }
    const [row] = await tx
      .update(services)
      .set({ ...toServiceColumns(input), updatedAt: new Date() })
      .where(and(eq(services.tenantId, tenant.id), eq(services.id, serviceId)))
      .returning();
    await appendAudit(tx, {
      tenantId: tenant.id,
      actorUserId: context.actor.userId,
      action: 'service.update',
      resourceType: 'service',
      resourceId: serviceId,
      before: auditView(before),
      after: auditView(row!),
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });

    return row!;
  });
}

/** Publishes a service on the catalogues or takes it off them. */
export async function setServicePublished(
  db: Db,
  context: ActingContext,
  tenant: TenantRef,
  serviceId: string,
  isPublished: boolean,
): Promise<ServiceRow> {
  return withTenant(db, tenant.id, async (tx) => {
    const before = await requireOwnService(tx, tenant.id, serviceId);
    const [row] = await tx
      .update(services)
      .set({ isPublished, updatedAt: new Date() })
      .where(and(eq(services.tenantId, tenant.id), eq(services.id, serviceId)))
      .returning();
    await appendAudit(tx, {
      tenantId: tenant.id,
      actorUserId: context.actor.userId,
      action: isPublished ? 'service.publish' : 'service.unpublish',
      resourceType: 'service',
      resourceId: serviceId,
      before: auditView(before),
      after: auditView(row!),
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });

    return row!;
  });
}

/** Lists a unit's services, published or not, for its staff. */
export async function listUnitServices(db: Db, tenant: TenantRef): Promise<ServiceRow[]> {
  return withTenant(db, tenant.id, (tx) =>
    tx
      .select()
      .from(services)
      .where(eq(services.tenantId, tenant.id))
      .orderBy(asc(services.field), asc(services.nameVi)),
  );
}

export async function getUnitService(
  db: Db,
  tenant: TenantRef,
  serviceId: string,
): Promise<ServiceRow> {
  return withTenant(db, tenant.id, (tx) => requireOwnService(tx, tenant.id, serviceId));
}
