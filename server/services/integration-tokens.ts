import { and, desc, eq, isNull, sql } from 'drizzle-orm';

import type { ActingContext, TenantRef } from '../access/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { generateToken, hashToken } from '../auth/tokens.ts';
import { integrationTokens } from '../db/schema/index.ts';
import { withoutTenant, withTenant } from '../db/tenant-scope.ts';
import type { Db } from '../db/types.ts';
import { AppError } from '../errors.ts';

type TokenRow = typeof integrationTokens.$inferSelect;

/** Integration tokens start with this, so a leaked one is recognisable in a scan. */
export const integrationTokenPrefix = 'mic_it_';
const tokenPattern = new RegExp(`^${integrationTokenPrefix}[a-z2-7]{32}$`);

/** A token's last use is written at most this often, so busy systems do not write per call. */
const lastUsedPrecisionMs = 60_000;

/** Presents a token for the admin: never the token itself, which is shown once on creation. */
export function presentIntegrationToken(row: TokenRow) {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export type CreateIntegrationTokenOptions = {
  name: string;
  /** Revokes the unit's active token in the same step; otherwise an active token is a 409. */
  replaceActive: boolean;
};

/**
 * Creates the integration token of a unit and returns it with its record. A unit has one
 * active token at a time. The table keeps only the token's SHA-256, so this is the only time
 * the token can be read.
 */
export async function createIntegrationToken(
  db: Db,
  context: ActingContext,
  tenant: TenantRef,
  options: CreateIntegrationTokenOptions,
) {
  return withTenant(db, tenant.id, async (tx) => {
    // Serialises token changes of one unit: the one-active-token rule has no index behind it.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`integration-token:${tenant.id}`}))`,
    );
    const isActive = and(
      eq(integrationTokens.tenantId, tenant.id),
      isNull(integrationTokens.revokedAt),
    );
    const active = await tx.select().from(integrationTokens).where(isActive);
    if (active.length > 0 && !options.replaceActive) {
      throw new AppError('conflict', 'This unit already has an active integration token', {
        fields: [{ field: 'replaceActive', message: 'set it to true to revoke the active token' }],
      });
    }
    if (active.length > 0) {
      await tx.update(integrationTokens).set({ revokedAt: new Date() }).where(isActive);
    }

    const token = `${integrationTokenPrefix}${generateToken()}`;
    const [row] = await tx
      .insert(integrationTokens)
      .values({
        tenantId: tenant.id,
        name: options.name,
        tokenHash: hashToken(token),
        createdBy: context.actor.userId,
      })
      .returning();
    await appendAudit(tx, {
      tenantId: tenant.id,
      actorUserId: context.actor.userId,
      action: 'integration_token.create',
      resourceType: 'integration_token',
      resourceId: row!.id,
      after: { name: row!.name, revokedTokenIds: active.map((old) => old.id) },
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });

    return { token, record: row! };
  });
}

/** Lists a unit's tokens, newest first, revoked ones included. */
export async function listIntegrationTokens(db: Db, tenant: TenantRef): Promise<TokenRow[]> {
  return withTenant(db, tenant.id, (tx) =>
    tx
      .select()
      .from(integrationTokens)
      .where(eq(integrationTokens.tenantId, tenant.id))
      .orderBy(desc(integrationTokens.createdAt)),
  );
}

/** Revokes a token of a unit; revoking a revoked token changes nothing. */
export async function revokeIntegrationToken(
  db: Db,
  context: ActingContext,
  tenant: TenantRef,
  tokenId: string,
): Promise<TokenRow> {
  return withTenant(db, tenant.id, async (tx) => {
    const ofTenant = and(
      eq(integrationTokens.tenantId, tenant.id),
      eq(integrationTokens.id, tokenId),
    );
    const [row] = await tx.select().from(integrationTokens).where(ofTenant);
    if (!row) {
      throw new AppError('not_found', 'No integration token of this unit has this id');
    }
    if (row.revokedAt) {
      return row;
    }
    const [revoked] = await tx
      .update(integrationTokens)
      .set({ revokedAt: new Date() })
      .where(ofTenant)
      .returning();
    await appendAudit(tx, {
      tenantId: tenant.id,
      actorUserId: context.actor.userId,
      action: 'integration_token.revoke',
      resourceType: 'integration_token',
      resourceId: row.id,
      after: { name: row.name },
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });

    return revoked!;
  });
}

/**
 * Returns the token's id and unit when the token is valid and not revoked, else null. The
 * unit of an inbound call comes from here and from nowhere else.
 */
export async function authenticateIntegrationToken(
  db: Db,
  token: string,
): Promise<{ tokenId: string; tenantId: string } | null> {
  if (!tokenPattern.test(token)) {
    return null;
  }

  return withoutTenant(db, async (tx) => {
    const [row] = await tx
      .select()
      .from(integrationTokens)
      .where(
        and(eq(integrationTokens.tokenHash, hashToken(token)), isNull(integrationTokens.revokedAt)),
      );
    if (!row) {
      return null;
    }
    const now = Date.now();
    if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > lastUsedPrecisionMs) {
      await tx
        .update(integrationTokens)
        .set({ lastUsedAt: new Date(now) })
        .where(eq(integrationTokens.id, row.id));
    }

    return { tokenId: row.id, tenantId: row.tenantId };
  });
}
