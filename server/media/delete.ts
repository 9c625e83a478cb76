import { and, eq, inArray } from 'drizzle-orm';

import { contentItems } from '../db/schema/content.ts';
import { media, mediaUsages } from '../db/schema/media.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Db, Tx } from '../db/types.ts';
import { AppError } from '../errors.ts';
import type { MediaStore } from './store.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A published item that uses a file, as listed in the error that blocks its deletion. */
export type MediaUsage = { itemId: string; type: string; slug: string };

async function findPublishedUsages(tx: Tx, tenantId: string, mediaId: string) {
  return tx
    .select({ itemId: contentItems.id, type: contentItems.type, slug: contentItems.slug })
    .from(mediaUsages)
    .innerJoin(
      contentItems,
      and(eq(contentItems.tenantId, mediaUsages.tenantId), eq(contentItems.id, mediaUsages.itemId)),
    )
    .where(
      and(
        eq(mediaUsages.tenantId, tenantId),
        eq(mediaUsages.mediaId, mediaId),
        eq(contentItems.status, 'published'),
      ),
    )
    .orderBy(contentItems.type, contentItems.slug);
}

/**
 * Deletes a file of a tenant with its variants. While a published item uses it, it throws a
 * `conflict` AppError whose `details.usages` lists those items (`MediaUsage[]`). Usages by
 * unpublished items are removed with the file. It throws `not_found` for an id the tenant does
 * not have, another tenant's included.
 *
 * The objects are deleted inside the transaction, variants first and the original last, so an
 * unreachable store fails the request (503) and the row stays. A store that fails halfway can
 * leave the row with some variants gone, which are then served as 404.
 */
export async function deleteMedia(
  db: Db,
  store: MediaStore,
  tenantId: string,
  mediaId: string,
): Promise<void> {
  await withTenant(db, tenantId, async (tx) => {
    const [row] = await tx
      .select()
      .from(media)
      // A file sent with feedback belongs to its case and is not deleted from the library.
      .where(and(eq(media.tenantId, tenantId), eq(media.id, mediaId), eq(media.isPrivate, false)))
      // Blocks recordMediaUsage for this file until the deletion commits.
      .for('update');
    if (!row) {
      throw new AppError('not_found', 'The file was not found.');
    }
    const usages: MediaUsage[] = await findPublishedUsages(tx, tenantId, mediaId);
    if (usages.length > 0) {
      throw new AppError(
        'conflict',
        `The file is used by ${usages.length} published item(s). Remove it from them first.`,
        { details: { usages } },
      );
    }

    await tx
      .delete(mediaUsages)
      .where(and(eq(mediaUsages.tenantId, tenantId), eq(mediaUsages.mediaId, mediaId)));
    await tx.delete(media).where(and(eq(media.tenantId, tenantId), eq(media.id, mediaId)));
    for (const variant of row.variants) {
      await store.delete(variant.objectKey);
    }
    await store.delete(row.objectKey);
  });
}

/**
 * Replaces the usage rows of one item with `mediaIds`, inside the caller's tenant transaction.
 * Ids that are not UUIDs or that the tenant has no file for are skipped, so a stale or foreign
 * id records nothing.
 */
export async function recordMediaUsage(
  tx: Tx,
  tenantId: string,
  itemId: string,
  mediaIds: readonly string[],
): Promise<void> {
  await tx
    .delete(mediaUsages)
    .where(and(eq(mediaUsages.tenantId, tenantId), eq(mediaUsages.itemId, itemId)));
  const uniqueIds = [...new Set(mediaIds)].filter((id) => uuidPattern.test(id));
  if (uniqueIds.length === 0) {
    return;
  }

  // A share lock waits for a concurrent deleteMedia, after which its file is no longer found.
  const existing = await tx
    .select({ id: media.id })
    .from(media)
    .where(
      and(eq(media.tenantId, tenantId), inArray(media.id, uniqueIds), eq(media.isPrivate, false)),
    )
    .for('share');
  if (existing.length === 0) {
    return;
  }
  await tx
    .insert(mediaUsages)
    .values(existing.map((row) => ({ tenantId, mediaId: row.id, itemId })));
}
