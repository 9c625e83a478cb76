import { and, eq, gt } from 'drizzle-orm';

import type { ActingContext, TenantRef } from '../access/context.ts';
import { generateToken, hashToken } from '../auth/tokens.ts';
import { previewLinks } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Db, Tx } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { findItem, findRevision } from './item-records.ts';

/** How long a preview link works. */
export const previewLinkLifetimeMs = 24 * 3_600_000;

/**
 * Creates a link to the item's current draft, valid for 24 hours and on the portal's own host
 * only (it is stored under the tenant, so another host's lookup finds nothing). The database
 * keeps only the token's hash.
 */
export async function createPreviewLink(
  db: Db,
  context: ActingContext,
  tenant: TenantRef,
  itemId: string,
) {
  const token = generateToken();
  const expiresAt = new Date(Date.now() + previewLinkLifetimeMs);
  await withTenant(db, tenant.id, async (tx) => {
    const item = await findItem(tx, tenant.id, itemId);
    if (!item.currentRevisionId) {
      throw new AppError('conflict', 'This item has no revision to preview');
    }
    await tx.insert(previewLinks).values({
      tokenHash: hashToken(token),
      tenantId: tenant.id,
      itemId,
      revisionId: item.currentRevisionId,
      createdBy: context.actor.userId,
      expiresAt,
    });
  });

  return { token, expiresAt: expiresAt.toISOString() };
}

/** Finds the item and revision of a preview token on this tenant, or null when it is invalid. */
export async function resolvePreviewLink(tx: Tx, tenantId: string, token: string) {
  if (!/^[a-z2-7]{32}$/.test(token)) {
    return null;
  }
  const [link] = await tx
    .select()
    .from(previewLinks)
    .where(
      and(
        eq(previewLinks.tokenHash, hashToken(token)),
        eq(previewLinks.tenantId, tenantId),
        gt(previewLinks.expiresAt, new Date()),
      ),
    );
  if (!link) {
    return null;
  }
  const item = await findItem(tx, tenantId, link.itemId).catch(() => null);
  const revision = await findRevision(tx, tenantId, link.revisionId);

  return item && revision ? { item, revision } : null;
}
